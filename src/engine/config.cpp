#include "engine/config.hpp"

#include <algorithm>

#include "engine/anchors.hpp"

namespace wikivet {

namespace {
bool names(const std::vector<std::string>& list, const RuleMeta& meta) {
  return std::any_of(list.begin(), list.end(), [&](const std::string& s) {
    return s == meta.id || s == to_string(meta.category) || s == "all" || selects_anchor(s, meta);
  });
}
}  // namespace

bool Config::enabled(const RuleMeta& meta) const {
  if (!select.empty() && !names(select, meta)) return false;
  return !names(ignore, meta);
}

Severity Config::severity_of(const RuleMeta& meta) const {
  auto it = severity.find(std::string(meta.id));
  return it == severity.end() ? meta.default_severity : it->second;
}

const RuleOptions& Config::options_of(std::string_view rule_id) const {
  static const RuleOptions kEmpty;
  auto it = options.find(std::string(rule_id));
  return it == options.end() ? kEmpty : it->second;
}

}  // namespace wikivet
