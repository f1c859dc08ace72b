#pragma once
// Runs the rules over one source: parse -> model -> rules -> findings -> filters.
#include <set>
#include <string>
#include <string_view>
#include <vector>

#include "core/source.hpp"
#include "engine/config.hpp"
#include "engine/finding.hpp"

namespace wikivet {

// A named reference defined somewhere else (the baseline's old revision, or another file given on
// the command line): what a rule may offer to restore where an edit lost the definition.
struct RefDonor {
  std::string group;          // "" for the default group
  std::string name;           // case-sensitive, as MediaWiki compares
  std::string content;        // the definition's content, as written
  std::string origin;         // where it comes from, for messages: "the baseline", "other.wiki"
  bool same_article = false;  // from an old revision of the article itself (not another file)
};

// What the engine knows beyond the article being checked. Rules read it through
// FindingSink::context(); without one they behave as if it were empty.
struct CheckContext {
  std::vector<RefDonor> ref_definitions;  // first match wins
  const RefDonor* find_ref_definition(std::string_view group, std::string_view name) const;
  // Findings (rule, key) the baseline already had. A fix that would also mend one of them as a
  // side effect (table-sequence renumbers a whole column) leaves it as it is, so that `--fix`
  // with a baseline changes only what the edit brought. Empty without a baseline or with
  // `--fix-all`.
  std::set<std::pair<std::string, std::string>> kept;
  bool keeps(std::string_view rule, std::string_view key) const;
};

// How a file's findings compare with a baseline (engine/baseline.hpp), when one was applied.
struct BaselineCounts {
  bool active = false;
  size_t added = 0;      // "new": fingerprints the baseline does not have
  size_t unchanged = 0;  // fingerprints the baseline has too
  size_t absent = 0;     // the baseline's fingerprints that are gone ("fixed")
};

struct FileResult {
  const Source* source = nullptr;  // valid while the caller keeps the Source
  std::string path;
  std::vector<Finding> findings;  // in document order
  BaselineCounts baseline;
  // The baseline's findings that are gone (baseline_state "absent"), kept only when asked
  // (--show-baseline). Their locations carry the path but no position.
  std::vector<Finding> absent;
  // The wiki profile the source was read with (model/profile.hpp) and how it was chosen
  // ("the default" when neither --profile, a config file nor a siteinfo named one).
  std::string profile, profile_origin;
};

// Checks one source with every enabled rule. Findings are sorted by position; inline
// suppressions are applied (suppressed findings are dropped unless config.show_suppressed, in
// which case they are kept with suppressed = true). Never throws on any input.
FileResult check_source(const Source& source, const Config& config,
                        const CheckContext* context = nullptr);

}  // namespace wikivet
