// Countries from names, aliases, codes, flag templates and links. The table is parsed once from
// the embedded rules/data/countries.tsv into two hash maps (codes, folded names), so every
// lookup is a hash probe, never a scan of the table.
#include "model/entity.hpp"

#include <array>
#include <cstdint>
#include <unordered_map>
#include <vector>

#include "model/country_data.hpp"

namespace wikivet {
namespace {

char lower(char c) {
  return (c >= 'A' && c <= 'Z') ? static_cast<char>(c - 'A' + 'a') : c;
}
char upper(char c) {
  return (c >= 'a' && c <= 'z') ? static_cast<char>(c - 'a' + 'A') : c;
}

bool is_space(char c) {
  return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '_';
}

std::string_view trim(std::string_view s) {
  while (!s.empty() && is_space(s.front())) s.remove_prefix(1);
  while (!s.empty() && is_space(s.back())) s.remove_suffix(1);
  return s;
}

// A title as MediaWiki normalises it: '_' as ' ', runs of spaces as one, no spaces at the ends,
// the typographic apostrophe and the non-breaking space as their plain forms.
std::string normalize_title(std::string_view s) {
  std::string out;
  out.reserve(s.size());
  bool space = false;
  for (size_t i = 0; i < s.size(); ++i) {
    char c = s[i];
    std::string_view rest = s.substr(i);
    if (rest.starts_with("\xE2\x80\x99")) {
      c = '\'';
      i += 2;
    } else if (rest.starts_with("\xC2\xA0")) {
      c = ' ';
      i += 1;
    }
    if (is_space(c)) {
      space = !out.empty();
      continue;
    }
    if (space) out.push_back(' ');
    space = false;
    out.push_back(c);
  }
  return out;
}

// The key for name matching: the normalised title in lower case (ASCII letters only).
std::string fold(std::string_view s) {
  std::string out = normalize_title(s);
  for (char& c : out) c = lower(c);
  return out;
}

bool is_code(std::string_view s) {
  if (s.size() != 3) return false;
  for (char c : s) {
    if (c < 'A' || c > 'Z') return false;
  }
  return true;
}

struct Country {
  std::string name;
};

class CountryTable {
 public:
  CountryTable() {
    struct Row {
      std::string_view name, ioc, fifa, iso3, aliases;
    };
    std::vector<Row> rows;
    std::string_view text = data::kCountriesTsv;
    while (!text.empty()) {
      size_t eol = text.find('\n');
      std::string_view line = text.substr(0, eol);
      text.remove_prefix(eol == std::string_view::npos ? text.size() : eol + 1);
      if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
      if (line.empty() || line.front() == '#') continue;
      std::array<std::string_view, 5> cols{};
      for (size_t c = 0; c < cols.size(); ++c) {
        size_t tab = line.find('\t');
        cols[c] = line.substr(0, tab);
        line.remove_prefix(tab == std::string_view::npos ? line.size() : tab + 1);
      }
      rows.push_back({cols[0], cols[1], cols[2], cols[3], cols[4]});
    }
    countries_.reserve(rows.size());
    for (const Row& r : rows) countries_.push_back(Country{std::string(r.name)});
    // Codes by priority: every IOC code first, then FIFA, then ISO; emplace keeps the first.
    for (int pass = 0; pass < 3; ++pass) {
      for (size_t i = 0; i < rows.size(); ++i) {
        std::string_view code = pass == 0 ? rows[i].ioc : pass == 1 ? rows[i].fifa : rows[i].iso3;
        if (is_code(code)) codes_.emplace(std::string(code), static_cast<uint32_t>(i));
      }
    }
    // Canonical names before aliases, so an alias can never take a canonical name's place.
    for (size_t i = 0; i < rows.size(); ++i) {
      names_.emplace(fold(rows[i].name), static_cast<uint32_t>(i));
    }
    for (size_t i = 0; i < rows.size(); ++i) {
      std::string_view aliases = rows[i].aliases;
      while (!aliases.empty()) {
        size_t semi = aliases.find(';');
        std::string_view alias = aliases.substr(0, semi);
        aliases.remove_prefix(semi == std::string_view::npos ? aliases.size() : semi + 1);
        if (!trim(alias).empty()) names_.emplace(fold(alias), static_cast<uint32_t>(i));
      }
    }
  }

  const Country* by_code(std::string_view code) const {
    auto it = codes_.find(std::string(code));
    return it == codes_.end() ? nullptr : &countries_[it->second];
  }
  const Country* by_name(std::string_view name) const {
    auto it = names_.find(fold(name));
    return it == names_.end() ? nullptr : &countries_[it->second];
  }

 private:
  std::vector<Country> countries_;
  std::unordered_map<std::string, uint32_t> codes_;
  std::unordered_map<std::string, uint32_t> names_;
};

const CountryTable& table() {
  static const CountryTable instance;  // built once; thread-safe since C++11
  return instance;
}

Entity known(const Country& c) {
  return Entity{c.name, c.name, true};
}

std::optional<Entity> unknown(std::string_view text) {
  std::string key = normalize_title(text);
  if (key.empty()) return std::nullopt;
  key[0] = upper(key[0]);  // MediaWiki titles ignore the case of their first letter
  return Entity{key, key, false};
}

// Which parameter of a flag-family template names the country: 1 or 2, 0 for no flag template.
int flag_param(const std::string& lower_name) {
  static constexpr std::array<std::string_view, 24> kFirst = {
      "flag",     "flagcountry", "flag country", "flagicon", "flag icon", "flagu",
      "flagdeco", "flag deco",   "flagbig",      "flagioc",  "flagioc2",  "flagcountry2",
      "fb",       "fb-rt",       "fbw",          "fbw-rt",   "fbu",       "fbu-rt",
      "ru",       "ru-rt",       "flagf",        "flagu2",   "flagsport", "flagcvt"};
  static constexpr std::array<std::string_view, 5> kSecond = {
      "flagathlete", "flagiocathlete", "flagiocmedalist", "flagmedalist", "flagg"};
  for (auto n : kFirst) {
    if (lower_name == n) return 1;
  }
  for (auto n : kSecond) {
    if (lower_name == n) return 2;
  }
  return 0;
}

std::string_view param(const TemplateParams& params, std::string_view name) {
  std::string_view value;
  for (const auto& [n, v] : params) {
    if (trim(n) == name) value = v;  // the last one wins, as in MediaWiki
  }
  return trim(value);
}

constexpr std::string_view kCountryData = "country data ";

}  // namespace

std::optional<Entity> lookup_country(std::string_view name_or_code) {
  std::string_view t = trim(name_or_code);
  if (t.empty()) return std::nullopt;
  const CountryTable& tab = table();
  if (is_code(t)) {
    if (const Country* c = tab.by_code(t)) return known(*c);
  }
  if (const Country* c = tab.by_name(t)) return known(*c);
  return std::nullopt;
}

bool is_flag_template(std::string_view normalized_name) {
  std::string_view name = trim(normalized_name);
  std::string lower_name = fold(name);
  if (flag_param(lower_name) != 0) return true;
  if (lower_name.starts_with(kCountryData) && lower_name.size() > kCountryData.size()) return true;
  return is_code(name) && table().by_code(name) != nullptr;
}

bool is_flag_icon(std::string_view normalized_name) {
  const std::string n = fold(trim(normalized_name));
  return n == "flagicon" || n == "flag icon" || n == "flagdeco" || n == "flag deco" ||
         n == "flagicon image";
}

std::optional<Entity> entity_from_template(std::string_view normalized_name,
                                           const TemplateParams& params) {
  return entity_from_template_lazy(normalized_name, [&] { return params; });
}

std::optional<Entity> entity_from_template_lazy(std::string_view normalized_name,
                                                const std::function<TemplateParams()>& params) {
  std::string_view name = trim(normalized_name);
  std::string lower_name = fold(name);
  if (int which = flag_param(lower_name)) {
    const TemplateParams made = params();
    std::string_view value = param(made, which == 1 ? "1" : "2");
    if (auto e = lookup_country(value)) return e;
    return unknown(value);
  }
  if (lower_name.starts_with(kCountryData)) {
    std::string_view rest = trim(name.substr(kCountryData.size()));
    if (auto e = lookup_country(rest)) return e;
    return unknown(rest);
  }
  if (is_code(name)) {
    if (const Country* c = table().by_code(name)) return known(*c);
  }
  return std::nullopt;
}

std::optional<Entity> entity_from_link(std::string_view target, bool allow_unknown) {
  std::string_view t = trim(target);
  if (!t.empty() && t.front() == ':') t = trim(t.substr(1));
  t = trim(t.substr(0, t.find('#')));
  if (t.empty()) return std::nullopt;
  if (size_t colon = t.find(':'); colon != std::string_view::npos) {
    static constexpr std::array<std::string_view, 18> kNamespaces = {
        "file",   "image", "media",  "category",   "template", "wikipedia",
        "wp",     "help",  "portal", "user",       "talk",     "special",
        "module", "draft", "wikt",   "wiktionary", "commons",  "w"};
    std::string prefix = fold(t.substr(0, colon));
    for (auto ns : kNamespaces) {
      if (prefix == ns) return std::nullopt;
    }
  }
  if (const Country* c = table().by_name(t)) return known(*c);
  if (allow_unknown) return unknown(t);
  return std::nullopt;
}

}  // namespace wikivet
