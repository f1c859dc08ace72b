#include "engine/config_file.hpp"

#include <re2/re2.h>

#include <toml++/toml.h>
#include <algorithm>
#include <filesystem>
#include <fstream>
#include <functional>
#include <iterator>
#include <set>
#include <sstream>

#include "core/display_text.hpp"
#include "core/edit_distance.hpp"
#include "engine/anchors.hpp"
#include "engine/user_pattern.hpp"

namespace wikivet {

namespace fs = std::filesystem;

// ---------------------------------------------------------------------------------------------
// Errors, suggestions

namespace {
std::string format_error(const std::string& path, uint32_t line, uint32_t column,
                         const std::string& message) {
  return path + ":" + std::to_string(line) + ":" + std::to_string(column) + ": " + message;
}
}  // namespace

ConfigError::ConfigError(std::string path, uint32_t line, uint32_t column, std::string message)
    : std::runtime_error(format_error(path, line, column, message)),
      path_(std::move(path)),
      line_(line),
      column_(column),
      message_(std::move(message)) {}

namespace {

// " (did you mean 'x'?)" for the closest choice within a third of the word's length (at least
// 2 edits), else "".
constexpr size_t kMaxSuggestedLength = 64;

std::string did_you_mean(std::string_view got, const std::vector<std::string>& choices) {
  // No choice is this long, and the distance costs length x length: a 50 MB word gets no advice.
  if (got.size() > kMaxSuggestedLength) return "";
  const std::string* best = nullptr;
  size_t best_d = std::max<size_t>(2, got.size() / 3) + 1;
  for (const auto& c : choices) {
    const size_t d = edit_distance(got, c);
    if (d < best_d) {
      best_d = d;
      best = &c;
    }
  }
  return best ? " (did you mean '" + *best + "'?)" : "";
}

std::string join(const std::vector<std::string>& v, const char* sep = ", ") {
  std::string out;
  for (const auto& s : v) out += (out.empty() ? "" : sep) + s;
  return out;
}

// Ids the engine reports that may not be registered rules (the suppression checker's own).
constexpr const char* kBuiltinIds[] = {"unused-suppression"};

// Rule options of a later layer (an extending file, an override) over an earlier one's: a key
// set again replaces its value, other keys are kept, in the order first written.
void merge_options(const std::map<std::string, RuleOptions>& later,
                   std::map<std::string, RuleOptions>& into) {
  for (const auto& [id, opts] : later) {
    RuleOptions& target = into[id];
    for (const auto& entry : opts.values) {
      // Not a structured binding: clang 14 cannot capture those in a lambda.
      const std::string& key = entry.first;
      auto it = std::find_if(target.values.begin(), target.values.end(),
                             [&](const auto& kv) { return kv.first == key; });
      if (it == target.values.end())
        target.values.emplace_back(key, entry.second);
      else
        it->second = entry.second;
    }
  }
}

// ---------------------------------------------------------------------------------------------
// Globs

std::string glob_to_regex(std::string_view p) {
  std::string re;
  for (size_t i = 0; i < p.size(); ++i) {
    const char c = p[i];
    if (c == '*') {
      if (i + 1 < p.size() && p[i + 1] == '*') {
        ++i;
        if (i + 1 < p.size() && p[i + 1] == '/') {
          ++i;
          re += "(?:.*/)?";  // `**/`: any number of whole directories, including none
        } else {
          re += ".*";
        }
      } else {
        re += "[^/]*";
      }
    } else if (c == '?') {
      re += "[^/]";
    } else if (c == '[') {
      size_t j = i + 1;
      std::string cls = "[";
      if (j < p.size() && (p[j] == '!' || p[j] == '^')) {
        cls += '^';
        ++j;
      }
      const size_t first = j;
      for (; j < p.size() && (p[j] != ']' || j == first); ++j) {
        if (p[j] == '\\' || p[j] == '[') cls += '\\';
        cls += p[j];
      }
      if (j >= p.size()) throw std::invalid_argument("unclosed '[' in glob " + quote_short(p));
      re += cls + "]";
      i = j;
    } else if (c == '\\' && i + 1 < p.size()) {
      re += RE2::QuoteMeta(std::string(1, p[++i]));
    } else {
      re += RE2::QuoteMeta(std::string(1, c));
    }
  }
  return re;
}

}  // namespace

PathGlob::PathGlob(std::string pattern) : pattern_(std::move(pattern)) {
  std::string_view p = pattern_;
  while (p.starts_with("./")) p.remove_prefix(2);
  name_only_ = p.find('/') == std::string_view::npos;
  std::string error;
  re_ = compile_user_pattern(glob_to_regex(p), pattern_, "glob", error);
  if (!re_) throw std::invalid_argument(error);
}
PathGlob::PathGlob(const PathGlob& other) : PathGlob(other.pattern_) {}
PathGlob& PathGlob::operator=(const PathGlob& other) {
  if (this != &other) *this = PathGlob(other.pattern_);
  return *this;
}
PathGlob::PathGlob(PathGlob&&) noexcept = default;
PathGlob& PathGlob::operator=(PathGlob&&) noexcept = default;
PathGlob::~PathGlob() = default;

bool PathGlob::matches(std::string_view path) const {
  if (name_only_) {
    const size_t slash = path.rfind('/');
    if (slash != std::string_view::npos) path.remove_prefix(slash + 1);
  }
  return RE2::FullMatch(re2::StringPiece(path.data(), path.size()), *re_);
}

// ---------------------------------------------------------------------------------------------
// Reading a file

namespace {

class Loader {
 public:
  Loader(std::string path, const std::vector<const Rule*>& rules) : path_(std::move(path)) {
    for (const Rule* r : rules) {
      rules_.emplace(std::string(r->meta().id), r);
      rule_ids_.emplace_back(r->meta().id);
    }
    for (const char* id : kBuiltinIds) {
      if (!rules_.count(id)) rule_ids_.emplace_back(id);
    }
    for (auto c : kAllCategories) categories_.emplace_back(to_string(c));
  }

  // Reads the file an `extend` names (set by parse_config_chain).
  std::function<ConfigFile(const std::string&, const std::vector<std::string>&)> load_chain;

  // `chain`: the files being read through `extend`, outermost first (for cycles).
  ConfigFile load(const toml::table& root, std::vector<std::string> chain) {
    ConfigFile file;
    file.path = path_;
    std::error_code ec;
    fs::path abs = fs::absolute(path_, ec);
    abs = (ec ? fs::path(path_) : abs).lexically_normal();
    file.directory = abs.parent_path().string();
    file.exclude = default_excludes();
    chain.push_back(abs.string());
    std::optional<ConfigFile> parent;
    if (const toml::node* ext = root.get("extend")) {
      const auto* s = ext->as_string();
      if (!s) fail(ext->source(), "'extend' must be a path: extend = \"../wikivet.toml\"");
      fs::path target = fs::path(s->get());
      if (target.is_relative()) target = fs::path(file.directory) / target;
      target = target.lexically_normal();
      if (std::find(chain.begin(), chain.end(), target.string()) != chain.end())
        fail(ext->source(), "'extend' makes a cycle: " + target.string() + " extends back to it");
      if (!fs::is_regular_file(target, ec))
        fail(ext->source(), "'extend': cannot read '" + s->get() + "' (" + target.string() + ")");
      parent = load_chain(target.string(), chain);
      file.extends.push_back(parent->path);
      file.extends.insert(file.extends.end(), parent->extends.begin(), parent->extends.end());
      file.exclude = parent->exclude;
      file.extensions = parent->extensions;
      file.overrides = std::move(parent->overrides);
      file.profile = parent->profile;
      file.profile_rows = parent->profile_rows;
    }
    ConfigLayer own = layer(root, false, &file);
    file.base = parent ? merged(parent->base, own) : std::move(own);
    walk_keys(root, file);
    profile_keys(root, file);
    return file;
  }

 private:
  // A file that extends another: this file's keys replace the other's, extend-* add to them.
  static ConfigLayer merged(const ConfigLayer& parent, const ConfigLayer& own) {
    ConfigLayer out = parent;
    if (own.select) out.select = own.select;
    if (own.ignore_set) {
      out.ignore = own.ignore;
      out.ignore_set = true;
    } else {
      out.ignore.insert(out.ignore.end(), own.ignore.begin(), own.ignore.end());
    }
    out.extend_select.insert(out.extend_select.end(), own.extend_select.begin(),
                             own.extend_select.end());
    for (const auto& [id, sev] : own.severity) out.severity[id] = sev;
    merge_options(own.options, out.options);
    return out;
  }

  // profile = "viwiki" and [profiles.NAME] additions: which wiki the files are from.
  void profile_keys(const toml::table& root, ConfigFile& file) {
    if (const toml::node* n = root.get("profile")) {
      const auto* s = n->as_string();
      if (!s) fail(n->source(), "'profile' must be a string: a wiki such as \"viwiki\"");
      const auto p = builtin_profile(s->get());
      if (!p) fail(n->source(), unknown_profile_message(s->get()));
      file.profile = p->name;
    }
    if (const toml::node* n = root.get("profiles")) profile_additions(*n, file);
  }

  // [profiles.viwiki] list = ["Tham khảo"], ...: names a profile lacks. Each entry becomes a
  // row of the profile data format (model/profile.hpp), '|' separating its columns, with this
  // file as its source.
  void profile_additions(const toml::node& node, ConfigFile& file) {
    static const std::vector<std::string> kKeys = {"list",
                                                   "note",
                                                   "invoke",
                                                   "generated",
                                                   "footnote",
                                                   "use-dmy",
                                                   "use-mdy",
                                                   "file-namespace",
                                                   "media-namespace",
                                                   "template-namespace",
                                                   "category-namespace",
                                                   "month",
                                                   "digits",
                                                   "date",
                                                   "unknown",
                                                   "not-applicable",
                                                   "retrieved"};
    const toml::table* t = node.as_table();
    if (!t) fail(node.source(), "'profiles' must hold tables: [profiles.viwiki] then key = [...]");
    for (auto&& [name_key, value] : *t) {
      const std::string name(name_key.str());
      const auto base = builtin_profile(name);
      if (!base) fail(name_key.source(), unknown_profile_message(name));
      const toml::table* entries = value.as_table();
      if (!entries) fail(value.source(), "[profiles." + name + "] must be a table");
      std::string rows = "source\tuser\t" + path_ + "\n";
      for (auto&& [key, list] : *entries) {
        const std::string k(key.str());
        if (std::find(kKeys.begin(), kKeys.end(), k) == kKeys.end())
          fail(key.source(), "unknown key '" + k + "' in [profiles." + name + "]" +
                                 did_you_mean(k, kKeys) + "; valid keys: " + join(kKeys));
        for (const auto& v : strings(list, k, k + " = [\"Name\"] (columns separated by '|')")) {
          if (v.find('\t') != std::string::npos || v.find('\n') != std::string::npos)
            fail(list.source(), "'" + k + "' entries hold no tabs or newlines");
          std::string item = v;
          std::replace(item.begin(), item.end(), '|', '\t');
          rows += k + "\t" + item + "\tuser\n";
        }
      }
      try {
        (void)extend_profile(*base, rows, path_);
      } catch (const ProfileError& e) {
        fail(value.source(), e.what());
      }
      file.profile_rows[base->name] += rows;
    }
  }

  // exclude, extend-exclude, extensions: how `wikivet check DIR` walks.
  void walk_keys(const toml::table& root, ConfigFile& file) {
    auto globs = [&](const toml::node& node, const std::string& key) {
      std::vector<ExcludeGlob> out;
      const auto list = strings(node, key, key + " = [\"drafts/**\"]");
      for (size_t i = 0; i < list.size(); ++i) {
        try {
          out.push_back({PathGlob(list[i]), file.directory});
        } catch (const std::invalid_argument& e) {
          fail((*node.as_array())[i].source(), e.what());
        }
      }
      return out;
    };
    if (const toml::node* n = root.get("exclude")) file.exclude = globs(*n, "exclude");
    if (const toml::node* n = root.get("extend-exclude")) {
      auto more = globs(*n, "extend-exclude");
      for (auto& g : more) file.exclude.push_back(std::move(g));
    }
    if (const toml::node* n = root.get("extensions")) {
      auto list = strings(*n, "extensions", "extensions = [\"wiki\", \"mediawiki\"]");
      if (list.empty()) fail(n->source(), "'extensions' must name at least one extension");
      for (auto& e : list) {
        while (e.starts_with('.')) e.erase(e.begin());
        if (e.empty() || e.find('/') != std::string::npos)
          fail(n->source(), "bad extension in 'extensions': give names like \"wiki\"");
      }
      file.extensions = std::move(list);
    }
  }

  [[noreturn]] void fail(const toml::source_region& where, const std::string& message) const {
    throw ConfigError(path_, std::max<uint32_t>(1, where.begin.line),
                      std::max<uint32_t>(1, where.begin.column), message);
  }

  ConfigLayer layer(const toml::table& t, bool in_override, ConfigFile* file) {
    static const std::vector<std::string> kTop = {
        "select",    "ignore",  "extend-select", "extend-ignore",  "severity",
        "rules",     "extend",  "exclude",       "extend-exclude", "extensions",
        "overrides", "profile", "profiles"};
    static const std::vector<std::string> kOverride = {"files",    "titles",        "select",
                                                       "ignore",   "extend-select", "extend-ignore",
                                                       "severity", "rules"};
    static const std::vector<std::string> kWalkKeys = {"extend",     "exclude", "extend-exclude",
                                                       "extensions", "profile", "profiles"};
    const auto& valid = in_override ? kOverride : kTop;
    ConfigLayer out;
    for (auto&& [key, node] : t) {
      const std::string k(key.str());
      if (k == "select") {
        out.select = names(node, k);
      } else if (k == "ignore") {
        const auto more = names(node, k);
        out.ignore.insert(out.ignore.end(), more.begin(), more.end());
        out.ignore_set = true;
      } else if (k == "extend-ignore") {
        const auto more = names(node, k);
        out.ignore.insert(out.ignore.end(), more.begin(), more.end());
      } else if (k == "extend-select") {
        out.extend_select = names(node, k);
      } else if (!in_override &&
                 std::find(kWalkKeys.begin(), kWalkKeys.end(), k) != kWalkKeys.end()) {
        // read by load()
      } else if (k == "severity") {
        severities(node, out);
      } else if (k == "rules") {
        rule_options(node, out);
      } else if (k == "overrides" && !in_override) {
        overrides(node, *file);
      } else if ((k == "files" || k == "titles") && in_override) {
        // read by overrides()
      } else {
        fail(key.source(), "unknown key " + quote_short(k) +
                               (in_override ? " in [[overrides]]" : "") + did_you_mean(k, valid) +
                               "; valid keys: " + join(valid));
      }
    }
    return out;
  }

  std::vector<std::string> strings(const toml::node& node, const std::string& what,
                                   const std::string& example) {
    const toml::array* arr = node.as_array();
    if (!arr) fail(node.source(), "'" + what + "' must be a list of strings, like " + example);
    std::vector<std::string> out;
    for (const auto& item : *arr) {
      const auto* s = item.as_string();
      if (!s) fail(item.source(), "'" + what + "' must be a list of strings, like " + example);
      out.push_back(s->get());
    }
    return out;
  }

  std::vector<std::string> names(const toml::node& node, const std::string& key) {
    std::vector<std::string> out = strings(node, key, key + " = [\"tables\", \"ref-undefined\"]");
    const toml::array& arr = *node.as_array();
    for (size_t i = 0; i < out.size(); ++i) {
      const std::string problem = name_problem(out[i], " in " + key);
      if (!problem.empty()) fail(arr[i].source(), problem);
    }
    return out;
  }

 public:
  // Empty when `name` may be selected or ignored, else the message.
  std::string name_problem(const std::string& name, const std::string& where) const {
    if (name == "all" || is_rule(name) || is_category(name)) return {};
    if (is_anchor_selector(name)) {
      for (const auto& [id, rule] : rules_)
        if (selects_anchor(name, rule->meta())) return {};
      return "no rule corresponds to " + quote_short(name) + where +
             " (`wikivet rules --markdown` lists each rule's anchors)";
    }
    std::vector<std::string> choices = rule_ids_;
    choices.insert(choices.end(), categories_.begin(), categories_.end());
    return "unknown rule or category " + quote_short(name) + where + did_you_mean(name, choices) +
           "; valid: all, a category (" + join(categories_) +
           "), a rule id (see `wikivet rules`) or another checker's id such as checkwiki:2";
  }

 private:
  void severities(const toml::node& node, ConfigLayer& out) {
    const toml::table* t = node.as_table();
    if (!t)
      fail(node.source(), "'severity' must be a table: [severity] then rule-id = \"warning\"");
    static const std::vector<std::string> kLevels = {"error", "warning", "info", "off"};
    // Categories first, then rule ids, so that a rule's own entry wins over its category's.
    for (int pass = 0; pass < 2; ++pass) {
      for (auto&& [key, value] : *t) {
        const std::string k(key.str());
        const bool category = is_category(k);
        if (!category && !is_rule(k)) {
          std::vector<std::string> choices = rule_ids_;
          choices.insert(choices.end(), categories_.begin(), categories_.end());
          fail(key.source(), "unknown rule or category " + quote_short(k) + " in [severity]" +
                                 did_you_mean(k, choices) + "; valid: a category (" +
                                 join(categories_) + ") or a rule id (see `wikivet rules`)");
        }
        const auto* s = value.as_string();
        if (!s)
          fail(value.source(),
               "severity of " + quote_short(k) + " must be a string: " + join(kLevels, ", "));
        const std::string level = s->get();
        std::optional<Severity> sev = parse_severity(level);
        if (!sev && level != "off") {
          fail(value.source(), "bad severity " + quote_short(level) + " for " + quote_short(k) +
                                   did_you_mean(level, kLevels) + "; valid: " + join(kLevels));
        }
        if (category != (pass == 0)) continue;
        if (category) {
          for (const auto& [id, rule] : rules_)
            if (to_string(rule->meta().category) == k) out.severity[id] = sev;
        } else {
          out.severity[k] = sev;
        }
      }
    }
  }

  void rule_options(const toml::node& node, ConfigLayer& out) {
    const toml::table* t = node.as_table();
    if (!t) fail(node.source(), "'rules' must hold tables: [rules.rule-id] then key = \"value\"");
    for (auto&& [key, value] : *t) {
      const std::string id(key.str());
      auto it = rules_.find(id);
      if (it == rules_.end()) {
        fail(key.source(), "unknown rule " + quote_short(id) + " in [rules]" +
                               did_you_mean(id, rule_ids_) + "; see `wikivet rules` for the ids");
      }
      const toml::table* opts = value.as_table();
      if (!opts) fail(value.source(), "[rules." + id + "] must be a table of options");
      std::vector<std::string> valid;
      for (auto k : it->second->option_keys()) valid.emplace_back(k);
      RuleOptions& ro = out.options[id];
      for (auto&& [okey, ovalue] : *opts) {
        const std::string ok(okey.str());
        if (std::find(valid.begin(), valid.end(), ok) == valid.end()) {
          fail(okey.source(),
               valid.empty() ? "rule '" + id + "' takes no options (found " + quote_short(ok) + ")"
                             : "rule '" + id + "' has no option " + quote_short(ok) +
                                   did_you_mean(ok, valid) + "; its options: " + join(valid));
        }
        std::vector<std::string> values;
        if (const auto* s = ovalue.as_string()) {
          values.push_back(s->get());
        } else {
          values = strings(ovalue, id + "." + ok, ok + " = [\"a\", \"b\"] (or one string)");
        }
        ro.values.emplace_back(ok, std::move(values));
      }
    }
  }

  void overrides(const toml::node& node, ConfigFile& file) {
    const toml::array* arr = node.as_array();
    if (!arr || !arr->is_array_of_tables()) {
      fail(node.source(),
           "'overrides' must be an array of tables: [[overrides]] then files = [...]");
    }
    for (const auto& entry : *arr) {
      const toml::table& t = *entry.as_table();
      ConfigOverride o;
      o.directory = file.directory;
      o.line = std::max<uint32_t>(1, t.source().begin.line);
      const toml::node* files = t.get("files");
      const toml::node* titles = t.get("titles");
      if (!files && !titles)
        fail(t.source(),
             "[[overrides]] needs files = [\"glob\", ...] or titles = [\"RE2 pattern\", ...]");
      if (files) {
        const auto globs = strings(*files, "files", "files = [\"drafts/*.wiki\"]");
        if (globs.empty()) fail(files->source(), "[[overrides]] files must name at least one glob");
        for (size_t i = 0; i < globs.size(); ++i) {
          try {
            o.files.emplace_back(globs[i]);
          } catch (const std::invalid_argument& e) {
            fail((*files->as_array())[i].source(), e.what());
          }
        }
      }
      if (titles) {
        const auto patterns = strings(*titles, "titles", "titles = [\"^List of \"]");
        if (patterns.empty())
          fail(titles->source(), "[[overrides]] titles must name at least one pattern");
        RE2::Options ro;
        ro.set_log_errors(false);
        for (size_t i = 0; i < patterns.size(); ++i) {
          auto re = std::make_shared<const RE2>(patterns[i], ro);
          if (!re->ok())
            fail((*titles->as_array())[i].source(),
                 "bad RE2 pattern '" + patterns[i] + "' in titles: " + re->error());
          o.titles.push_back({patterns[i], std::move(re)});
        }
      }
      o.layer = layer(t, true, nullptr);
      file.overrides.push_back(std::move(o));
    }
  }

  bool is_rule(const std::string& s) const {
    return std::find(rule_ids_.begin(), rule_ids_.end(), s) != rule_ids_.end();
  }
  bool is_category(const std::string& s) const {
    return std::find(categories_.begin(), categories_.end(), s) != categories_.end();
  }

  std::string path_;
  std::map<std::string, const Rule*> rules_;
  std::vector<std::string> rule_ids_;  // registry order
  std::vector<std::string> categories_;
};

}  // namespace

std::vector<const Rule*> registry_rules() {
  std::vector<const Rule*> out;
  for (const auto& r : all_rules()) out.push_back(r.get());
  return out;
}

std::string check_rule_name(std::string_view name, const std::vector<const Rule*>& rules) {
  return Loader("", rules).name_problem(std::string(name), "");
}

std::string check_rule_names(const std::vector<std::string>& names,
                             const std::vector<const Rule*>& rules) {
  if (names.empty()) return {};
  Loader loader("", rules);
  for (const std::string& name : names)
    if (std::string problem = loader.name_problem(name, ""); !problem.empty()) return problem;
  return {};
}

namespace {
ConfigFile parse_config_chain(std::string_view text, const std::string& path,
                              const std::vector<const Rule*>& rules,
                              const std::vector<std::string>& chain);

ConfigFile load_config_chain(const std::string& path, const std::vector<const Rule*>& rules,
                             const std::vector<std::string>& chain) {
  std::error_code ec;
  if (fs::is_directory(path, ec))
    throw ConfigError(path, 1, 1, "cannot read config: is a directory");
  std::ifstream in(path, std::ios::binary);
  if (!in) throw ConfigError(path, 1, 1, "cannot read config file");
  std::string text((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
  return parse_config_chain(text, path, rules, chain);
}

ConfigFile parse_config_chain(std::string_view text, const std::string& path,
                              const std::vector<const Rule*>& rules,
                              const std::vector<std::string>& chain) {
  toml::table root;
  try {
    root = toml::parse(text, path);
  } catch (const toml::parse_error& e) {
    throw ConfigError(path, std::max<uint32_t>(1, e.source().begin.line),
                      std::max<uint32_t>(1, e.source().begin.column),
                      "not valid TOML: " + std::string(e.description()));
  }
  Loader loader(path, rules);
  loader.load_chain = [&rules](const std::string& p, const std::vector<std::string>& c) {
    return load_config_chain(p, rules, c);
  };
  return loader.load(root, chain);
}
}  // namespace

ConfigFile parse_config(std::string_view text, const std::string& path,
                        const std::vector<const Rule*>& rules) {
  return parse_config_chain(text, path, rules, {});
}

ConfigFile load_config_file(const std::string& path, const std::vector<const Rule*>& rules) {
  return load_config_chain(path, rules, {});
}

std::vector<ExcludeGlob> default_excludes() {
  std::vector<ExcludeGlob> out;
  for (const char* name : {".git", ".hg", ".svn", "node_modules"})
    out.push_back({PathGlob(name), ""});
  return out;
}

bool excluded_by(const std::vector<ExcludeGlob>& globs, const std::string& path) {
  std::error_code ec;
  fs::path abs = fs::absolute(path, ec);
  if (ec) abs = path;
  abs = abs.lexically_normal();
  for (const auto& g : globs) {
    std::string subject = abs.generic_string();
    if (!g.directory.empty()) {
      const fs::path rel = abs.lexically_relative(g.directory);
      const std::string r = rel.generic_string();
      if (rel.empty() || r.starts_with("..")) continue;  // outside the file's directory
      subject = r;
    }
    if (g.glob.matches(subject)) return true;
  }
  return false;
}

bool ConfigFile::excludes(const std::string& path) const {
  return excluded_by(exclude, path);
}

std::shared_ptr<const WikiProfile> ConfigFile::profile_for(
    std::shared_ptr<const WikiProfile> chosen) const {
  const bool own = !chosen && !profile.empty();
  std::shared_ptr<const WikiProfile> base = chosen ? chosen
                                            : own  ? builtin_profile(profile)
                                                   : english_profile_ptr();
  const auto rows = profile_rows.find(base->name);
  if (rows == profile_rows.end()) {
    if (!own) return chosen;
    auto p = std::make_shared<WikiProfile>(*base);
    p->origin = "profile = \"" + profile + "\" in " + path;
    return p;
  }
  // Checked when the file was read, so this cannot throw.
  auto p = std::make_shared<WikiProfile>(extend_profile(*base, rows->second, path));
  p->origin = (own ? "profile = \"" + profile + "\" in " + path : base->origin) +
              ", with the additions of " + path;
  return p;
}

bool ConfigFile::has_title_overrides() const {
  return std::any_of(overrides.begin(), overrides.end(),
                     [](const ConfigOverride& o) { return !o.titles.empty(); });
}

bool ConfigFile::applies(const ConfigOverride& o, const std::string& file_path,
                         std::string_view title) const {
  if (!title.empty() && std::any_of(o.titles.begin(), o.titles.end(), [&](const TitlePattern& p) {
        return RE2::PartialMatch(re2::StringPiece(title.data(), title.size()), *p.re);
      }))
    return true;
  if (file_path == "-" || file_path.empty()) return false;
  std::error_code ec;
  fs::path abs = fs::absolute(file_path, ec);
  if (ec) abs = file_path;
  const std::string rel = abs.lexically_normal()
                              .lexically_relative(o.directory.empty() ? directory : o.directory)
                              .generic_string();
  const std::string& subject = rel.empty() ? file_path : rel;
  return std::any_of(o.files.begin(), o.files.end(),
                     [&](const PathGlob& g) { return g.matches(subject); });
}

std::optional<std::string> find_config_file(const std::string& directory) {
  std::error_code ec;
  fs::path dir = fs::absolute(directory, ec);
  if (ec) dir = directory;
  dir = dir.lexically_normal();
  while (true) {
    for (const char* name : kConfigNames) {
      const fs::path candidate = dir / name;
      if (fs::is_regular_file(candidate, ec)) return candidate.string();
    }
    const fs::path parent = dir.parent_path();
    if (parent == dir || parent.empty()) return std::nullopt;
    dir = parent;
  }
}

// ---------------------------------------------------------------------------------------------
// Effective configuration

namespace {
void apply(const ConfigLayer& l, Config& c, std::map<std::string, std::optional<Severity>>& sev) {
  if (l.select) c.select = *l.select;
  // extend-select adds to a narrowed selection; an empty selection already runs every rule.
  if (!c.select.empty())
    c.select.insert(c.select.end(), l.extend_select.begin(), l.extend_select.end());
  c.ignore.insert(c.ignore.end(), l.ignore.begin(), l.ignore.end());
  for (const auto& [id, s] : l.severity) sev[id] = s;
  merge_options(l.options, c.options);
}
}  // namespace

Config effective_config(const ConfigFile* file, const std::string& file_path,
                        const CommandLineConfig& cli, std::string_view title) {
  Config c;
  c.origin = "defaults";
  std::map<std::string, std::optional<Severity>> sev;
  if (file) {
    c.origin = file->path;
    apply(file->base, c, sev);
    for (const auto& o : file->overrides) {
      if (file->applies(o, file_path, title)) apply(o.layer, c, sev);
    }
  }
  std::vector<std::string> off;
  for (const auto& [id, s] : sev) {
    if (s)
      c.severity[id] = *s;
    else
      off.push_back(id);
  }
  if (!cli.select.empty()) {
    // The command line's selection replaces every enable/disable decision of the files.
    c.select = cli.select;
    c.ignore = cli.ignore;
  } else {
    c.ignore.insert(c.ignore.end(), off.begin(), off.end());
    c.ignore.insert(c.ignore.end(), cli.ignore.begin(), cli.ignore.end());
  }
  if (!cli.select.empty() || !cli.ignore.empty()) c.origin += " + command line";
  c.show_suppressed = cli.show_suppressed;
  c.use_profile(file ? file->profile_for(cli.profile) : cli.profile);
  return c;
}

// ---------------------------------------------------------------------------------------------
// Discovery with a cache

ConfigResolver::ConfigResolver(std::optional<std::string> explicit_path, bool use_files,
                               std::vector<const Rule*> rules)
    : rules_(std::move(rules)), use_files_(use_files) {
  if (explicit_path)
    explicit_ = std::make_shared<ConfigFile>(load_config_file(*explicit_path, rules_));
}

std::shared_ptr<const ConfigFile> ConfigResolver::for_file(const std::string& file_path) {
  if (explicit_ || !use_files_) return explicit_;
  std::error_code ec;
  fs::path dir =
      file_path == "-" ? fs::current_path(ec) : fs::absolute(file_path, ec).parent_path();
  if (ec) dir = ".";
  return for_directory(dir.lexically_normal().string());
}

std::shared_ptr<const ConfigFile> ConfigResolver::for_directory(const std::string& start) {
  std::vector<std::string> visited;
  std::shared_ptr<const ConfigFile> found;
  fs::path dir = start;
  std::error_code ec;
  while (true) {
    auto cached = by_dir_.find(dir.string());
    if (cached != by_dir_.end()) {
      found = cached->second;
      break;
    }
    visited.push_back(dir.string());
    std::vector<std::string> present;
    for (const char* name : kConfigNames)
      if (fs::is_regular_file(dir / name, ec)) present.push_back((dir / name).string());
    if (!present.empty()) {
      if (present.size() > 1)
        warnings_.push_back("both " + present[0] + " and " + present[1] + " exist; using " +
                            present[0]);
      auto& slot = by_path_[present[0]];
      if (!slot) slot = std::make_shared<ConfigFile>(load_config_file(present[0], rules_));
      found = slot;
      break;
    }
    const fs::path parent = dir.parent_path();
    if (parent == dir || parent.empty()) break;
    dir = parent;
  }
  for (const auto& d : visited) by_dir_[d] = found;
  return found;
}

// ---------------------------------------------------------------------------------------------
// `config --show`

namespace {

std::string toml_string(std::string_view s) {
  std::string out = "\"";
  for (char ch : s) {
    const auto c = static_cast<unsigned char>(ch);
    if (ch == '"' || ch == '\\') {
      out += '\\';
      out += ch;
    } else if (c < 0x20 || c == 0x7F) {
      char buf[8];
      std::snprintf(buf, sizeof buf, "\\u%04X", c);
      out += buf;
    } else {
      out += ch;
    }
  }
  return out + "\"";
}

std::string toml_key(std::string_view k) {
  const bool bare = !k.empty() && std::all_of(k.begin(), k.end(), [](char c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '-' ||
           c == '_';
  });
  return bare ? std::string(k) : toml_string(k);
}

std::string toml_list(const std::vector<std::string>& v) {
  std::string out = "[";
  for (size_t i = 0; i < v.size(); ++i) out += (i ? ", " : "") + toml_string(v[i]);
  return out + "]";
}

}  // namespace

std::string config_to_toml(const Config& config, const ConfigFile* file, const std::string& label,
                           const std::string& file_path, const std::vector<const Rule*>& rules,
                           std::string_view title) {
  std::ostringstream out;
  out << "# effective wikivet configuration for " << label << "\n";
  out << "# from: " << (file ? file->path : "defaults (no config file found)") << "\n";
  if (file) {
    for (const auto& o : file->overrides) {
      out << "# [[overrides]] at line " << o.line;
      if (!o.files.empty()) {
        std::vector<std::string> globs;
        for (const auto& g : o.files) globs.push_back(g.pattern());
        out << ", files = " << toml_list(globs);
      }
      if (!o.titles.empty()) {
        std::vector<std::string> patterns;
        for (const auto& p : o.titles) patterns.push_back(p.pattern);
        out << ", titles = " << toml_list(patterns);
      }
      out << ": "
          << (file->applies(o, file_path, title) ? "applied"
              : title.empty()                    ? "not applied to this path"
                                                 : "not applied to this path or title")
          << "\n";
    }
  }
  const WikiProfile& profile = config.wiki_profile();
  out << "\n# the wiki the pages are read as (templates, namespaces, dates): "
      << (config.profile ? profile.origin : "the default") << "\n";
  out << "profile = " << toml_string(profile.name) << "\n";
  out << "\n# rule ids or categories; empty = every rule\n";
  out << "select = " << toml_list(config.select) << "\n";
  out << "ignore = " << toml_list(config.ignore) << "\n";
  out << "\n# every rule's effective level (\"off\": not run)\n[severity]\n";
  for (const Rule* r : rules) {
    const RuleMeta& m = r->meta();
    out << toml_key(m.id) << " = "
        << toml_string(config.enabled(m) ? to_string(config.severity_of(m)) : "off") << "\n";
  }
  for (const auto& [id, opts] : config.options) {
    if (opts.values.empty()) continue;
    out << "\n[rules." << toml_key(id) << "]\n";
    for (const auto& [k, v] : opts.values) out << toml_key(k) << " = " << toml_list(v) << "\n";
  }
  return out.str();
}

}  // namespace wikivet
