// Wiki profiles: the data file format, the built-in profiles compiled into the binary, and the
// profile a wiki's siteinfo chooses.
#include "model/profile.hpp"

#include <algorithm>
#include <map>
#include <memory>
#include <mutex>

#include "core/edit_distance.hpp"
#include "model/profile_data.hpp"
#include "model/text_util.hpp"
#include "parse/tree.hpp"

namespace wikivet {

namespace {

// The key under which a name is looked up: normalised as MediaWiki does (underscores and runs
// of spaces), then case-folded. MediaWiki ignores only the first letter's case; folding all of
// it can only make wikivet recognise a template where a wiki has two that differ in case.
std::string name_key(std::string_view name) {
  std::string k = fold_case(normalize_title(name));
  if (k.rfind("template:", 0) == 0) k = fold_case(normalize_title(k.substr(9)));
  return k;
}

// Canonical namespace names, understood on every wiki.
const std::vector<std::string>& canonical_names(Namespace ns) {
  static const std::vector<std::string> kMedia = {"Media"}, kFile = {"File", "Image"},
                                        kTemplate = {"Template"}, kCategory = {"Category"};
  switch (ns) {
    case Namespace::Media:
      return kMedia;
    case Namespace::File:
      return kFile;
    case Namespace::Template:
      return kTemplate;
    case Namespace::Category:
      break;
  }
  return kCategory;
}

std::vector<std::string_view> split_tabs(std::string_view line) {
  std::vector<std::string_view> out;
  size_t start = 0;
  for (;;) {
    const size_t tab = line.find('\t', start);
    out.push_back(trim(line.substr(start, tab == std::string_view::npos ? tab : tab - start)));
    if (tab == std::string_view::npos) break;
    start = tab + 1;
  }
  return out;
}

std::optional<DateFormat> format_from_string(std::string_view s) {
  if (s == "dmy") return DateFormat::Dmy;
  if (s == "mdy") return DateFormat::Mdy;
  if (s == "ymd") return DateFormat::Iso;  // year first, as ISO dates are
  return std::nullopt;
}

// A word of `words` that text is (any case; a final full stop and parentheses around allowed).
bool is_one_of(const std::vector<std::string>& words, std::string_view text) {
  if (words.empty()) return false;
  std::string_view t = trim(text);
  if (t.size() > 1 && t.back() == '.') t.remove_suffix(1);
  if (t.size() >= 2 && t.front() == '(' && t.back() == ')') t = trim(t.substr(1, t.size() - 2));
  if (t.empty() || t.size() > 64) return false;
  // Folding spaces keeps every byte that is not white space (or a no-break space's two
  // bytes): a text with more of those than the longest word has is none of the words, and is
  // ruled out without the copy that folding makes.
  size_t longest = 0;
  for (const std::string& u : words) longest = std::max(longest, u.size());
  // Counting stops as soon as the text has more than the longest word: a cell of prose is
  // ruled out after a few bytes, not read to its 64th.
  size_t solid = 0;
  for (const char c : t)
    if (!is_space(c) && c != '\xC2' && c != '\xA0' && ++solid > longest) return false;
  // Case folding keeps a text's length in bytes (each letter it knows maps to one of the same
  // length), so a text of another length than every word is none of them: most cells are
  // ruled out before their case is folded.
  const std::string spaced = fold_spaces(t);
  if (std::none_of(words.begin(), words.end(),
                   [&](const std::string& u) { return u.size() == spaced.size(); }))
    return false;
  const std::string w = fold_case(spaced);
  return std::find(words.begin(), words.end(), w) != words.end();  // the words are folded
}

}  // namespace

WikiProfile::WikiProfile()
    : reference_templates(std::make_shared<ReferenceTemplates>(ReferenceTemplates::english())) {}

std::string WikiProfile::add_reference_template(std::string_view row, std::string_view origin) {
  // Copy on write: profiles made from one another share their lookup until one adds to it.
  auto copy = std::make_shared<ReferenceTemplates>(*reference_templates);
  std::string problem = copy->add_tsv(row, origin);
  reference_templates = std::move(copy);
  return problem;
}

DateFormat WikiProfile::declared_format(std::string_view template_name) const {
  const auto it = date_formats_.find(name_key(template_name));
  return it == date_formats_.end() ? DateFormat::None : it->second.second;
}

void WikiProfile::add_date_format_template(std::string_view name, DateFormat format) {
  date_formats_[name_key(name)] = {normalize_title(name), format};
}

void WikiProfile::add_namespace(Namespace ns, std::string_view name) {
  auto& names = namespaces_[static_cast<int>(ns)];
  const std::string n = normalize_title(name);
  if (!n.empty() && std::find(names.begin(), names.end(), n) == names.end()) names.push_back(n);
}

const std::vector<std::string>& WikiProfile::namespace_names(Namespace ns) const {
  static const std::vector<std::string> kNone;
  const auto it = namespaces_.find(static_cast<int>(ns));
  return it == namespaces_.end() ? kNone : it->second;
}

bool WikiProfile::in_namespace(std::string_view target, Namespace ns) const {
  target = trim(target);
  const size_t colon = target.find(':');
  if (colon == std::string_view::npos || colon == 0) return false;
  const std::string prefix = fold_case(normalize_title(target.substr(0, colon)));
  for (const auto* names : {&canonical_names(ns), &namespace_names(ns)})
    for (const auto& n : *names)
      if (fold_case(n) == prefix) return true;
  return false;
}

namespace {

bool all_size_chars(std::string_view v) {
  if (v.empty()) return false;
  for (char c : v)
    if (!(c >= '0' && c <= '9') && c != 'x') return false;
  return true;
}

}  // namespace

WikiProfile::OptionMatch WikiProfile::match_image_option(std::string_view option,
                                                         std::string* written) const {
  option = trim(option);
  OptionMatch best = OptionMatch::None;
  for (const ImageOption& o : image_options) {
    const std::string_view syn = o.synonym;
    const size_t dollar = syn.find("$1");
    if (dollar == std::string_view::npos) {
      if (option == syn) return OptionMatch::Exact;
      if (best == OptionMatch::None && iequals(option, syn)) {
        best = OptionMatch::CaseOnly;
        if (written) *written = std::string(syn);
      }
      continue;
    }
    const std::string_view prefix = syn.substr(0, dollar), suffix = syn.substr(dollar + 2);
    if (option.size() < prefix.size() + suffix.size()) continue;
    const std::string_view head = option.substr(0, prefix.size());
    const std::string_view tail = option.substr(option.size() - suffix.size());
    const std::string_view value =
        option.substr(prefix.size(), option.size() - prefix.size() - suffix.size());
    // `$1px` with no prefix: only a size (`200PX`, `100x80Px`) is one, not any text ending so.
    if (prefix.empty() && !all_size_chars(value)) continue;
    // `page $1`, `upright $1`: any caption starting "Page " would match; only `name=` forms.
    if (!prefix.empty() && prefix.back() == ' ') continue;
    if (head == prefix && tail == suffix) return OptionMatch::Exact;
    if (best == OptionMatch::None && iequals(head, prefix) && iequals(tail, suffix)) {
      best = OptionMatch::CaseOnly;
      if (written) *written = std::string(prefix) + std::string(value) + std::string(suffix);
    }
  }
  return best;
}

bool WikiProfile::is_file_link(std::string_view target) const {
  target = trim(target);
  if (target.empty() || target.front() == ':') return false;  // [[:File:x]] is a plain link
  if (target.find(':') == std::string_view::npos) return false;
  return in_namespace(target, Namespace::File) || in_namespace(target, Namespace::Category) ||
         in_namespace(target, Namespace::Media);
}

bool WikiProfile::is_unknown_word(std::string_view text) const {
  return is_one_of(unknown_words, text) || is_one_of(not_applicable_words, text);
}

bool WikiProfile::is_not_applicable_word(std::string_view text) const {
  return is_one_of(not_applicable_words, text);
}

namespace {

bool is_reference_kind(std::string_view key) {
  return key == "list" || key == "note" || key == "invoke" || key == "generated" ||
         key == "footnote";
}

// Reads the rows of a profile file into `p` (the rows add to what `p` already holds).
void parse_rows(WikiProfile& p, std::string_view text, const std::string& where) {
  std::vector<std::string> sources;  // ids declared so far
  size_t line_no = 0;
  size_t pos = 0;
  while (pos < text.size()) {
    const size_t nl = text.find('\n', pos);
    std::string_view line = text.substr(pos, nl == std::string_view::npos ? nl : nl - pos);
    pos = nl == std::string_view::npos ? text.size() : nl + 1;
    ++line_no;
    if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
    if (trim(line).empty() || trim(line).front() == '#') continue;
    const auto f = split_tabs(line);
    const std::string at = where + ":" + std::to_string(line_no) + ": ";
    const std::string_view key = f[0];
    auto need = [&](size_t n, const char* shape) {
      if (f.size() != n) throw ProfileError(at + "'" + std::string(key) + "' takes " + shape);
    };
    // The last column of a fact row: source ids, comma-separated, each with an optional detail
    // in parentheses ("dump(296 pages)"). Every id must have been declared by a `source` row.
    auto check_sources = [&](std::string_view list) {
      int depth = 0;
      std::string id;
      auto finish = [&] {
        const std::string t(trim(id));
        if (t.empty() || std::find(sources.begin(), sources.end(), t) == sources.end())
          throw ProfileError(at + "source '" + t + "' is not declared by a 'source' row");
        id.clear();
      };
      for (char c : list) {
        if (c == '(') ++depth;
        if (depth == 0 && c == ',') {
          finish();
          continue;
        }
        if (depth == 0) id.push_back(c);
        if (c == ')') --depth;
      }
      finish();
    };
    try {
      if (key == "source") {
        need(3, "an id and a description");
        sources.emplace_back(f[1]);
        continue;
      }
      if (key == "wiki") {
        need(2, "the wiki's database name");
        p.name = std::string(f[1]);
        continue;
      }
      if (key == "language") {
        need(2, "a language code");
        p.language = std::string(f[1]);
        continue;
      }
      if (f.size() < 3) throw ProfileError(at + "a fact needs its sources in the last column");
      check_sources(f.back());
      if (is_reference_kind(key)) {
        // A row of rules/data/reference-templates.tsv, then the sources.
        std::string row;
        for (size_t i = 0; i + 1 < f.size(); ++i) row += (i ? "\t" : "") + std::string(f[i]);
        const std::string problem = p.add_reference_template(row, where);
        if (!problem.empty()) {
          // add_tsv numbers the row as line 1 of its own text.
          const size_t colon = problem.find(": ");
          throw ProfileError(at +
                             (colon == std::string::npos ? problem : problem.substr(colon + 2)));
        }
      } else if (key == "use-dmy" || key == "use-mdy") {
        need(3, "a template name, then sources");
        p.add_date_format_template(f[1], key == "use-dmy" ? DateFormat::Dmy : DateFormat::Mdy);
      } else if (key == "file-namespace" || key == "media-namespace" ||
                 key == "template-namespace" || key == "category-namespace") {
        need(3, "a namespace name, then sources");
        const Namespace ns = key == "file-namespace"       ? Namespace::File
                             : key == "media-namespace"    ? Namespace::Media
                             : key == "template-namespace" ? Namespace::Template
                                                           : Namespace::Category;
        p.add_namespace(ns, f[1]);
      } else if (key == "month") {
        need(4, "a month number and a word, then sources");
        long long m = 0;
        if (!parse_uint(f[1], m)) throw std::invalid_argument("a month is 1 to 12");
        p.dates.add_month(static_cast<int>(m), f[2]);
      } else if (key == "digits") {
        need(3, "ten digits, then sources");
        p.dates.set_digits(f[1]);
      } else if (key == "date") {
        need(4, "a format (dmy, mdy, ymd) and a pattern, then sources");
        const auto fmt = format_from_string(f[1]);
        if (!fmt) throw std::invalid_argument("a date format is dmy, mdy or ymd");
        p.dates.add_pattern(*fmt, f[2]);
      } else if (key == "unknown" || key == "not-applicable" || key == "retrieved") {
        need(3, "a word, then sources");
        auto& list = key == "unknown"          ? p.unknown_words
                     : key == "not-applicable" ? p.not_applicable_words
                                               : p.retrieved_words;
        list.emplace_back(fold_case(fold_spaces(f[1])));
      } else if (key == "image-option") {
        need(4, "a magic word id (img_left) and a synonym (left, upright=$1), then sources");
        p.image_options.push_back({std::string(f[1]), std::string(f[2])});
      } else {
        throw std::invalid_argument(
            "unknown key '" + std::string(key) +
            "' (valid: source, wiki, language, list, note, invoke, generated, footnote, "
            "use-dmy, use-mdy, file-namespace, media-namespace, template-namespace, "
            "category-namespace, month, digits, date, unknown, not-applicable, retrieved, "
            "image-option)");
      }
    } catch (const std::invalid_argument& e) {
      throw ProfileError(at + e.what());
    }
  }
}

}  // namespace

WikiProfile parse_profile(std::string_view text, const std::string& where) {
  WikiProfile p;
  parse_rows(p, text, where);
  if (p.name.empty()) throw ProfileError(where + ": no 'wiki' row names the wiki");
  return p;
}

WikiProfile extend_profile(const WikiProfile& base, std::string_view rows,
                           const std::string& where) {
  WikiProfile p = base;
  parse_rows(p, rows, where);
  return p;
}

namespace {

// The shipped profiles, each read from its embedded file on first use: a run reads one or two
// of the eighteen, and reading them all took a third of a small check's start-up.
struct Builtin {
  std::string_view file, text;
  std::once_flag read;
  std::shared_ptr<const WikiProfile> profile;
};

struct Builtins {
  std::map<std::string, std::unique_ptr<Builtin>, std::less<>> by_name;  // by file name
};

Builtins& builtins() {
  static Builtins b = [] {
    Builtins out;
    for (const auto& [file, text] : data::profile_files()) {
      auto entry = std::make_unique<Builtin>();
      entry->file = file;
      entry->text = text;
      out.by_name[std::string(file)] = std::move(entry);
    }
    return out;
  }();
  return b;
}

// The profile of an entry, read on first ask (by any thread). The embedded files are tested
// (test_profiles) to read without a problem and to name the wiki of their file name.
std::shared_ptr<const WikiProfile> read_builtin(Builtin& entry) {
  std::call_once(entry.read, [&] {
    auto p = std::make_shared<WikiProfile>(
        parse_profile(entry.text, "rules/data/profiles/" + std::string(entry.file) + ".tsv"));
    p->origin = "built-in";
    entry.profile = std::move(p);
  });
  return entry.profile;
}

const std::shared_ptr<const WikiProfile>& english_builtin() {
  static const std::shared_ptr<const WikiProfile> en = [] {
    const auto it = builtins().by_name.find("enwiki");
    return it != builtins().by_name.end() ? read_builtin(*it->second)
                                          : std::make_shared<const WikiProfile>();
  }();
  return en;
}

}  // namespace

const WikiProfile& english_profile() {
  return *english_builtin();
}

std::shared_ptr<const WikiProfile> english_profile_ptr() {
  return english_builtin();
}

std::shared_ptr<const WikiProfile> builtin_profile(std::string_view name) {
  const auto& by_name = builtins().by_name;
  if (auto it = by_name.find(name); it != by_name.end()) return read_builtin(*it->second);
  // A language code names its Wikipedia: "vi" is viwiki.
  if (auto it = by_name.find(std::string(name) + "wiki"); it != by_name.end())
    return read_builtin(*it->second);
  return nullptr;
}

std::vector<std::string> builtin_profile_names() {
  std::vector<std::string> names;
  for (const auto& [name, entry] : builtins().by_name) names.push_back(name);
  return names;
}

std::string unknown_profile_message(std::string_view name) {
  std::string msg = "unknown profile '" + std::string(name) + "'";
  const auto names = builtin_profile_names();
  // Did you mean: the nearest wiki name, or the wiki of the nearest language code.
  size_t best = std::string::npos;
  std::string suggestion;
  for (const auto& n : names) {
    const std::string code = n.size() > 4 ? n.substr(0, n.size() - 4) : n;
    for (const std::string& candidate : {n, code}) {
      const size_t d = edit_distance(name, candidate);
      if (d < best) {
        best = d;
        suggestion = n;
      }
    }
  }
  if (best != std::string::npos && best <= std::max<size_t>(1, name.size() / 3))
    msg += "; did you mean '" + suggestion + "'?";
  msg += " (profiles: ";
  for (size_t i = 0; i < names.size(); ++i) msg += (i ? ", " : "") + names[i];
  return msg + "; a language code such as 'vi' names its Wikipedia)";
}

std::shared_ptr<const WikiProfile> profile_from_siteinfo(const SiteInfo& site,
                                                         std::shared_ptr<const WikiProfile> chosen,
                                                         std::string_view where) {
  const std::string from(where);
  if (site.dbname.empty() && site.namespaces.empty())
    return chosen ? chosen : english_profile_ptr();
  auto base = chosen ? chosen : site.dbname.empty() ? nullptr : builtin_profile(site.dbname);
  auto p = std::make_shared<WikiProfile>(base ? *base : english_profile());
  if (chosen) {
    // The user's choice stands; the site still says what its namespaces are called.
    p->origin = chosen->origin + ", with the namespaces of the " + from;
  } else if (base) {
    p->origin = from + " (dbname " + site.dbname + ")";
  } else {
    // No profile for this wiki: English template names (many wikis keep them as redirects),
    // the site's namespaces, and no date language but the English one.
    p->name = site.dbname.empty() ? "unknown" : site.dbname;
    p->language.clear();
    // Its language's image options are not known: a local one may differ from an English one
    // only in letter case, so none is judged.
    p->image_options.clear();
    p->origin = from + " (no built-in profile for " +
                (site.dbname.empty() ? std::string("a site without dbname") : site.dbname) +
                ": enwiki's, with the site's namespaces)";
  }
  // The site's namespace names are the wiki's own, whatever the profile says; the profile's
  // names stay understood beside them (they are the aliases MediaWiki keeps for old names).
  for (const auto& [key, local] : site.namespaces) {
    for (Namespace ns :
         {Namespace::Media, Namespace::File, Namespace::Template, Namespace::Category})
      if (key == static_cast<int>(ns)) p->add_namespace(ns, local);
  }
  return p;
}

}  // namespace wikivet
