#pragma once
// The effective configuration of one check: which rules run, at which severity, with which
// options. Built from defaults, then the nearest config file, then the command line
// (src/engine/config_file.cpp reads files; the CLI fills in the rest).
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "engine/finding.hpp"
#include "engine/rule.hpp"
#include "model/profile.hpp"
#include "model/reference_templates.hpp"

namespace wikivet {

struct Config {
  // Rule ids or categories. Empty select = every rule.
  std::vector<std::string> select;
  std::vector<std::string> ignore;
  std::map<std::string, Severity> severity;    // per rule id
  std::map<std::string, RuleOptions> options;  // per rule id
  bool show_suppressed = false;
  std::string origin;  // where it came from (for `config --show`): "defaults", a file path
  // The wiki whose pages these are (model/profile.hpp): its namespaces, date language and
  // date-order templates; null: English Wikipedia's. Whoever sets it sets reference_templates
  // to the profile's too (use_profile), so that one profile feeds the whole model.
  std::shared_ptr<const WikiProfile> profile;
  const WikiProfile& wiki_profile() const { return profile ? *profile : english_profile(); }
  void use_profile(std::shared_ptr<const WikiProfile> p) {
    profile = std::move(p);
    reference_templates = profile ? profile->reference_templates : nullptr;
  }
  // The templates that make references and reference lists (the wiki's profile); null: the
  // English Wikipedia's (ReferenceTemplates::english()).
  std::shared_ptr<const ReferenceTemplates> reference_templates;
  const ReferenceTemplates& reference_templates_or_default() const {
    return reference_templates ? *reference_templates : ReferenceTemplates::english();
  }

  bool enabled(const RuleMeta& meta) const;
  Severity severity_of(const RuleMeta& meta) const;
  const RuleOptions& options_of(std::string_view rule_id) const;
};

}  // namespace wikivet
