#pragma once
// Entities named in tables: countries above all. {{Flag|Germany}}, {{flag|Germany}},
// {{flagcountry|Germany}}, {{flagicon|GER}}, the shortcut {{GER}}, [[Germany]] and the same
// country under another name (Ivory Coast / Côte d'Ivoire, Czech Republic / Czechia) all
// resolve to one key. The code table is data (rules/data/countries.tsv) compiled into the
// binary.
//
// Matching: names and aliases ignore ASCII letter case, '_' versus ' ', repeated spaces and
// the typographic apostrophe ("germany", "Cote d’Ivoire"); codes (IOC, FIFA, ISO alpha-3) match
// only in upper case, so "can" or "Per" is never Canada or Peru. Where one code means two
// countries in different systems the IOC wins, then FIFA, then ISO ("BRN" is Bahrain).
#include <functional>
#include <optional>
#include <string>
#include <string_view>

#include "model/date.hpp"

namespace wikivet {

struct Entity {
  std::string key;     // canonical name, used for matching and finding keys: "Germany"
  std::string name;    // the display name: "Germany" (the canonical name for known countries)
  bool known = false;  // in the country table; false for a flag template's or link's own text
};

// From a template: its normalised name ("Flag", "Flagcountry", "GER") and parameters.
// Flag-family templates take the country (name or code) from parameter 1 ({{flagathlete}},
// {{flagIOCathlete}} and {{flagg}} from parameter 2); {{Country data X}} names X; the sport
// variants {{fb|GER}}, {{fbw|GER}}, {{ru|SCO}} (and -rt forms) take a code; a three-letter
// shortcut template whose name is a known code (IOC/FIFA/ISO alpha-3) names that country.
// A flag-family template naming something not in the table still gives an entity, keyed by
// its text with `known` false; other templates give nullopt.
std::optional<Entity> entity_from_template(std::string_view normalized_name,
                                           const TemplateParams& params);
// The same, with the parameters made only when the template reads them (the flag family):
// most templates of a table cell are no flag, and copying their parameters cost more than
// the rest of the test.
std::optional<Entity> entity_from_template_lazy(std::string_view normalized_name,
                                                const std::function<TemplateParams()>& params);
// Whether the template is one of the flag family above (shortcut code templates included).
bool is_flag_template(std::string_view normalized_name);
// A flag that shows only the flag ({{flagicon}}, {{flagdeco}}): beside a name it marks that
// name's nationality, and the name is what the row is about.
bool is_flag_icon(std::string_view normalized_name);
// From a wikilink target ("Germany", "Germany–Mali relations" is not an entity: nullopt unless
// the target is itself a known country or `allow_unknown` is set, in which case the target
// itself becomes the key). A "#section" is dropped; File:, Image:, Category: targets are never
// entities. Codes are not names here: [[GER]] is no link to Germany.
std::optional<Entity> entity_from_link(std::string_view target, bool allow_unknown);
// A country name or alias or code to its canonical entity ("Ivory Coast" -> Ivory Coast,
// "Côte d'Ivoire" -> Ivory Coast, "GER" -> Germany); nullopt if unknown.
std::optional<Entity> lookup_country(std::string_view name_or_code);

}  // namespace wikivet
