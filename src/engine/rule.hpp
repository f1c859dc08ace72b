#pragma once
// A rule: metadata that drives docs, config and fixes alike, plus a check over the article
// model. One rule per file in rules/; all of them are listed in rules/registry.cpp.
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "engine/finding.hpp"
#include "parse/tree.hpp"

namespace wikivet {

class Article;
struct CheckContext;  // engine/engine.hpp

// Per-rule options from the config file (`[rules.<id>]`): each key holds a list of strings
// (a scalar is a list of one). Rules read them with a default.
struct RuleOptions {
  std::vector<std::pair<std::string, std::vector<std::string>>> values;
  const std::vector<std::string>* find(std::string_view key) const {
    for (const auto& [k, v] : values)
      if (k == key) return &v;
    return nullptr;
  }
  std::vector<std::string> list(std::string_view key, std::vector<std::string> fallback) const {
    const auto* v = find(key);
    return v ? *v : fallback;
  }
};

struct RuleMeta {
  std::string_view id;  // stable kebab-case id, e.g. "table-sequence"
  Category category;
  Severity default_severity;
  std::string_view summary;  // one line
  std::string_view doc;      // Markdown: what, why, a bad and a good example
  bool fixable = false;
  // The ids other checkers give the same defect, as space-separated `tool:id` words:
  // `checkwiki:2 wpcleaner:524 linter:missing-end-tag wikilint:unmatched-tag
  // cite:cite_error_ref_no_key` (engine/anchors.hpp reads them). Empty when no checker has it.
  std::string_view anchors = {};
};

// What a rule reports through (FindingSink). The engine fills in rule id, severity, category,
// positions, snippet and fingerprint; the rule says where (text() offsets), what, and the stable
// key.
class FindingSink {
 public:
  virtual ~FindingSink() = default;
  struct Related {
    Range range;  // text() offsets
    std::string message;
  };
  virtual void report(Range range, std::string message, std::string key,
                      std::vector<Related> related = {}, std::optional<Fix> fix = {}) = 0;
  // What the engine knows beyond the article (definitions a fix may borrow); null when nothing.
  virtual const CheckContext* context() const { return nullptr; }
};

class Rule {
 public:
  virtual ~Rule() = default;
  virtual const RuleMeta& meta() const = 0;
  virtual void check(const Article& article, const RuleOptions& options,
                     FindingSink& out) const = 0;
  // Option keys this rule accepts in `[rules.<id>]` (config validation lists them).
  virtual std::vector<std::string_view> option_keys() const { return {}; }
};

// Every rule wikivet has, in catalogue order (rules/registry.cpp).
const std::vector<std::unique_ptr<Rule>>& all_rules();
const Rule* find_rule(std::string_view id);

}  // namespace wikivet
