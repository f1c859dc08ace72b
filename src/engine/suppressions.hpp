#pragma once
// Inline suppressions in wikitext comments:
//   <!-- wikivet-disable rule-id -->  ...  <!-- wikivet-enable rule-id -->
//   <!-- wikivet-disable-next-line rule-id -->   <!-- wikivet-disable-line rule-id -->
//   <!-- wikivet-disable-file rule-id -->  (anywhere in the file: the whole file)
// Without an id they cover every rule. A comment that starts with an unknown "wikivet-word"
// (a misspelt directive) is reported as unused-suppression, like an unknown rule id.
#include <vector>

#include "engine/config.hpp"
#include "engine/finding.hpp"

namespace wikivet {

class Article;

// Marks suppressed findings (drops them unless config.show_suppressed) and appends an
// `unused-suppression` finding for each suppression that silenced nothing.
void apply_suppressions(const Article& article, const Config& config,
                        std::vector<Finding>& findings);

}  // namespace wikivet
