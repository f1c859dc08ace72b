#pragma once
// Entities named in tables: countries above all. {{Flag|Germany}}, {{flag|Germany}},
// {{flagcountry|Germany}}, {{flagicon|GER}}, the shortcut {{GER}}, [[Germany]] and the same
// country under another name (Ivory Coast / Côte d'Ivoire, Czech Republic / Czechia) all
// resolve to one key. The code table is data (rules/data/countries.tsv) compiled into the
// binary.
#include <optional>
#include <string>
#include <string_view>

#include "model/date.hpp"

namespace wikivet {

struct Entity {
  std::string key;   // canonical name, used for matching and finding keys: "Germany"
  std::string name;  // the display name: "Germany"
};

// From a template: its normalised name ("Flag", "Flagcountry", "GER") and parameters.
// Flag-family templates take the country (name or code) from parameter 1; a three-letter
// shortcut template whose name is a known code (IOC/FIFA/ISO alpha-3) names that country.
std::optional<Entity> entity_from_template(std::string_view normalized_name,
                                           const TemplateParams& params);
// From a wikilink target ("Germany", "Germany–Mali relations" is not an entity: nullopt unless
// the target is itself a known country or `allow_unknown` is set, in which case the target
// itself becomes the key).
std::optional<Entity> entity_from_link(std::string_view target, bool allow_unknown);
// A country name or alias or code to its canonical entity ("Ivory Coast" -> Côte d'Ivoire,
// "GER" -> Germany); nullopt if unknown.
std::optional<Entity> lookup_country(std::string_view name_or_code);

}  // namespace wikivet
