#pragma once
// Anchors: the ids that other checkers give the defect a rule finds, so a user coming from one of
// them finds the rule again: CheckWiki's numbers, WPCleaner's numbers, the MediaWiki Linter's
// categories, npm wikilint's rule names and Cite's error message keys. A rule declares them in
// RuleMeta::anchors; `--select checkwiki:2` selects by them, `wikivet explain` and SARIF show them.
#include <string>
#include <string_view>
#include <vector>

#include "engine/rule.hpp"

namespace wikivet {

struct Anchor {
  std::string_view tool;  // "checkwiki", "wpcleaner", "linter", "wikilint", "cite"
  std::string_view id;    // "2", "missing-end-tag", "cite_error_ref_no_key"
};

// The tools an anchor may name, in the order explain lists them.
const std::vector<std::string_view>& anchor_tools();

// The rule's anchors, in the order written. Words without a known `tool:` are skipped (a test
// checks every rule's words are well formed).
std::vector<Anchor> anchors_of(const RuleMeta& meta);

// "CheckWiki #2", "WPCleaner #524", "Linter missing-end-tag", "wikilint unmatched-tag",
// "Cite cite_error_ref_no_key".
std::string anchor_label(const Anchor& anchor);

// Whether `selector` (`checkwiki:2`, tool name in any case) names one of the rule's anchors.
bool selects_anchor(std::string_view selector, const RuleMeta& meta);

// Whether `selector` has the form `tool:id` with a known tool (it may still name no rule).
bool is_anchor_selector(std::string_view selector);

}  // namespace wikivet
