#pragma once
// A wiki profile: what wikivet must know of one wiki to read its pages as that wiki renders
// them. The names (and redirects) of its reference-list, reference and note templates (as
// ReferenceTemplates, the lookup the reference index reads), its "Use dmy dates"-like
// templates, its namespace names for File, Image, Category and Template, the month names, digits
// and date patterns of its language, its words for "unknown", "not applicable" and "Retrieved".
//
// Profiles are data: rules/data/profiles/<wiki>.tsv, compiled into the binary (see the end of
// CMakeLists.txt). English Wikipedia's (enwiki) is the default, and every profile starts from
// the English template names (wikis keep many of them as redirects or imported copies; knowing
// one list template more can only keep the reference rules quiet). A dump's <siteinfo> or a
// wiki's API siteinfo chooses one by its dbname (its namespace names are added, as they are the
// wiki's own); `profile = "viwiki"` in wikivet.toml or `--profile viwiki` chooses another;
// wikivet.toml adds names to a profile ([profiles.viwiki]).
#include <cstdint>
#include <map>
#include <memory>
#include <stdexcept>
#include <string>
#include <string_view>
#include <vector>

#include "input/site_info.hpp"
#include "model/date_language.hpp"
#include "model/reference_templates.hpp"

namespace wikivet {

// Namespaces the model asks about, by their MediaWiki numbers.
enum class Namespace : int { Media = -2, File = 6, Template = 10, Category = 14 };

// A mistake in a profile's data (built-in or from wikivet.toml): "where:line: message".
class ProfileError : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
};

class WikiProfile {
 public:
  WikiProfile();

  std::string name;      // the wiki's database name: "enwiki", "bnwiki"
  std::string language;  // its content language: "en", "bn"
  std::string origin;    // how it was chosen, for `config --show` and audit summaries

  // The templates that make references and reference lists: English names and the wiki's.
  std::shared_ptr<const ReferenceTemplates> reference_templates;
  // Rows in the format of rules/data/reference-templates.tsv ("list\tName\tgroup=x").
  // Returns "" or the problem.
  std::string add_reference_template(std::string_view row, std::string_view origin);

  // {{Use dmy dates}} and its kin: the date order a template declares, None when it declares
  // none. Any letter case, spaces or underscores.
  DateFormat declared_format(std::string_view template_name) const;
  void add_date_format_template(std::string_view name, DateFormat format);
  const std::map<std::string, std::pair<std::string, DateFormat>>& date_format_templates() const {
    return date_formats_;
  }

  // Local names of a namespace (the canonical English names are always understood too).
  void add_namespace(Namespace ns, std::string_view name);
  const std::vector<std::string>& namespace_names(Namespace ns) const;
  // Whether a link target ("File:x.jpg", "চিত্র:x.jpg", " category : y") names a page of ns.
  bool in_namespace(std::string_view target, Namespace ns) const;
  // [[File:...]], [[Image:...]], [[Category:...]], [[Media:...]] in any of the wiki's names (not
  // [[:File:...]], which is a plain link).
  bool is_file_link(std::string_view target) const;

  // The words of the wiki's language for "unknown", "not applicable" and "Retrieved", kept
  // case-folded with their spaces folded (fold_case, fold_spaces), as they are compared.
  std::vector<std::string> unknown_words, not_applicable_words, retrieved_words;
  // Whether text says "unknown" (or "not applicable") in the wiki's language (any case, a
  // trailing full stop and parentheses allowed). English words are the date code's.
  bool is_unknown_word(std::string_view text) const;
  bool is_not_applicable_word(std::string_view text) const;

  // Dates in the wiki's language (month names, digits, patterns).
  DateLanguage dates;

  // The image options of the wiki's language (MediaWiki's img_* magic words: `thumb`, `left`,
  // `upright=$1`, `$1px`), as written in its Messages file; `$1` stands for a value. Empty when
  // the profile does not list them (they are not known, and no rule judges options). MediaWiki
  // matches them case-sensitively.
  struct ImageOption {
    std::string magic;    // "img_left"
    std::string synonym;  // "left", "upright=$1"
  };
  std::vector<ImageOption> image_options;
  // How an image link's option (trimmed) matches the wiki's options: exactly, only when letter
  // case is ignored (ASCII: `Left`, `Upright=1.2`, `200PX`), or not at all. On a CaseOnly match
  // `written` is what the option would be with the synonym's case (`left`, `upright=1.2`).
  enum class OptionMatch : uint8_t { None, Exact, CaseOnly };
  OptionMatch match_image_option(std::string_view option, std::string* written = nullptr) const;

 private:
  std::map<std::string, std::pair<std::string, DateFormat>> date_formats_;  // key -> name, fmt
  std::map<int, std::vector<std::string>> namespaces_;
};

// English Wikipedia's profile: the default.
const WikiProfile& english_profile();
std::shared_ptr<const WikiProfile> english_profile_ptr();
// A built-in profile by wiki name ("viwiki") or language code ("vi"); null when there is none.
std::shared_ptr<const WikiProfile> builtin_profile(std::string_view name);
// Every built-in profile's wiki name, sorted.
std::vector<std::string> builtin_profile_names();
// "unknown profile 'x'; did you mean 'viwiki'? (profiles: bnwiki, ...)", for a name
// builtin_profile() does not know.
std::string unknown_profile_message(std::string_view name);

// Parses one profile data file (the format of rules/data/profiles/*.tsv). `where` names it in
// errors. Throws ProfileError.
WikiProfile parse_profile(std::string_view text, const std::string& where);
// `base` with more rows of that format (wikivet.toml's additions). Throws ProfileError.
WikiProfile extend_profile(const WikiProfile& base, std::string_view rows,
                           const std::string& where);

// The profile for pages of the wiki `site` describes (a dump's <siteinfo>, the API's
// siteinfo): `chosen` when the user chose one, else the built-in profile of its dbname (English
// when there is none); either way with the site's names for File, Media, Template and Category
// added, since they are the wiki's own. `where` says what described the site ("the dump's
// siteinfo"). Without a site (no dbname, no namespaces) it is `chosen`, or English.
std::shared_ptr<const WikiProfile> profile_from_siteinfo(
    const SiteInfo& site, std::shared_ptr<const WikiProfile> chosen = nullptr,
    std::string_view where = "siteinfo");

}  // namespace wikivet
