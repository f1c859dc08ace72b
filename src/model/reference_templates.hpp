#pragma once
// What the reference index knows of templates: which ones show a reference list, make a note,
// invoke named refs or generate a citation. One lookup, fed from data (the English defaults in
// rules/data/reference-templates.tsv, a wiki's profile, a config file), so that every wiki's
// names reach the model in one place.
#include <cstdint>
#include <memory>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

namespace re2 {
class RE2;
}

namespace wikivet {

class ReferenceTemplates {
 public:
  enum class Kind : uint8_t {
    List,       // shows one group's references ({{Reflist}}); refs inside are list-defined
    Note,       // one <ref> made of its content parameter ({{efn}}, {{refn}})
    Invoke,     // invokes the refs its positional parameters name ({{r|a|b}})
    Generated,  // a <ref> whose content the template builds ({{Single chart|refname=x}})
    Footnote,   // an anonymous ref of the default group ({{sfn}})
    InText,     // cites in the text itself, no ref ({{harv}}): a table cell holding one cites
    Request,    // marks a missing citation ({{citation needed}}): the row is known to lack one
  };
  struct Entry {
    Kind kind = Kind::List;
    std::string group;                // its refs' (or the list's) group
    std::vector<std::string> groups;  // values group= may take; empty: any
    bool group_param = true;          // false: group= is no parameter of it
    // The parameters that name the group, the first present one wins: frwiki's
    // {{Références|groupe=...}} names it in French.
    std::vector<std::string> group_params{"group"};
    std::vector<std::string> content_params;  // Note: where the content is
    std::string name_param = "name";          // Note, Generated: the parameter naming the ref
    // Generated: when set, the template makes its ref only when the name parameter's value
    // matches this in full ({{Infobox language|ref=e18}} cites Ethnologue as the ref e18; any
    // other ref= value is the template's text, not a ref it makes). Shared: RE2 cannot be
    // copied, and matching a const RE2 is thread-safe.
    std::shared_ptr<const re2::RE2> names;
    std::string names_pattern;
    // Whether a Generated template with this name parameter value (trimmed, unquoted) makes
    // its ref.
    bool generates(std::string_view name_value) const;
    // The group the template's refs end up in, given its group= value ("" when absent).
    std::string group_for(std::string_view param) const;
  };

  // The English Wikipedia's templates (rules/data/reference-templates.tsv, compiled in).
  static const ReferenceTemplates& english();

  // Adds the templates of a data file in the format of rules/data/reference-templates.tsv (a
  // later line for the same name replaces the earlier one). Returns "" or the first problem, as
  // "ORIGIN:LINE: message"; lines before it are kept.
  std::string add_tsv(std::string_view text, std::string_view origin);
  void add(std::string_view name, Entry entry);

  // The entry for a template name as written (any case, spaces or underscores, with or without
  // a "Template:" prefix), or null.
  const Entry* find(std::string_view name) const;
  bool empty() const { return by_key_.empty(); }

  // The lookup key of a name: normalised as a title, lower case (ASCII, Latin-1, Greek,
  // Cyrillic, Armenian), without a leading "Template:".
  static std::string key(std::string_view name);

 private:
  std::unordered_map<std::string, Entry> by_key_;
};

std::string_view to_string(ReferenceTemplates::Kind kind);

}  // namespace wikivet
