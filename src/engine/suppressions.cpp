#include "engine/suppressions.hpp"

#include "model/article.hpp"

namespace wikivet {

// Filled in by the "Reports for machines and teams" issue.
void apply_suppressions(const Article&, const Config&, std::vector<Finding>&) {}

}  // namespace wikivet
