// The one place every rule is listed. The order here is the catalogue order of `wikivet rules`,
// the docs and SARIF's tool.driver.rules (so ruleIndex values are stable).
#include <memory>
#include <vector>

#include "engine/rule.hpp"
#include "rules/rule_factories.hpp"

namespace wikivet {

const std::vector<std::unique_ptr<Rule>>& all_rules() {
  static const std::vector<std::unique_ptr<Rule>> rules = [] {
    std::vector<std::unique_ptr<Rule>> r;
    // Rules are added here as they land: r.push_back(make_table_sequence_rule());
    return r;
  }();
  return rules;
}

const Rule* find_rule(std::string_view id) {
  for (const auto& r : all_rules())
    if (r->meta().id == id) return r.get();
  return nullptr;
}

}  // namespace wikivet
