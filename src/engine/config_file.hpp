#pragma once
// Config files: `wikivet.toml` or `.wikivet.toml`, found upward from each checked file (the
// nearest wins), or one file given with --config. Keys (docs/configuration.md):
//
//   select = ["tables", "ref-undefined"]    # rule ids or categories; empty or absent: all
//   ignore = ["date-imprecise"]
//   [severity]                               # rule id or category = error|warning|info|off
//   date-format = "info"
//   [rules.table-sequence]                   # options: a string or a list of strings
//   headers = ["#", "No."]
//   [[overrides]]                            # for files matching these globs
//   files = ["drafts/**/*.wiki"]
//   titles = ["^List of "]                   # or pages whose title matches an RE2 pattern
//   ignore = ["ref-missing"]                 # and select, [overrides.severity],
//   [overrides.rules.<id>]
//   extend = "../wikivet.toml"               # start from that file (its path is relative to
//                                            # this one); this file's keys replace its keys
//   extend-select = ["refs"]                 # add to the inherited selection
//   extend-ignore = ["date-format"]          # add to the inherited ignore list
//   exclude = ["drafts/**"]                  # paths a directory walk skips (replaces the
//                                            # default: .git, .hg, .svn, node_modules)
//   extend-exclude = ["archive/**"]          # added to the exclude list
//   extensions = ["wiki", "mediawiki"]       # what a directory walk checks (default: wiki)
//   profile = "viwiki"                       # the wiki the files are from (model/profile.hpp)
//   [profiles.viwiki]                        # names to add to a profile: each entry is a row
//   list = ["Tham khảo|group=x"]             # of rules/data/profiles/*.tsv after its key,
//   file-namespace = ["Hình"]                # columns separated by '|'
//
// Every key, rule id, category, severity and option key is validated against the rules'
// metadata; a mistake throws ConfigError with file:line:column and the valid choices.
#include <map>
#include <memory>
#include <optional>
#include <stdexcept>
#include <string>
#include <string_view>
#include <vector>

#include "engine/config.hpp"
#include "engine/rule.hpp"

namespace re2 {
class RE2;
}

namespace wikivet {

// A mistake in a config file. what() is "path:line:column: message".
class ConfigError : public std::runtime_error {
 public:
  ConfigError(std::string path, uint32_t line, uint32_t column, std::string message);
  const std::string& path() const { return path_; }
  uint32_t line() const { return line_; }
  uint32_t column() const { return column_; }
  const std::string& message() const { return message_; }

 private:
  std::string path_;
  uint32_t line_, column_;
  std::string message_;
};

// A path glob of an override: `*` and `?` stay inside one path segment, `**` spans segments,
// `[abc]`/`[!abc]` are classes. A pattern without '/' matches a file's name in any directory;
// one with '/' matches the path relative to the config file's directory. Compiled to RE2, so
// matching is linear whatever the pattern.
class PathGlob {
 public:
  // Throws std::invalid_argument with a reason for a malformed pattern (unclosed '[').
  explicit PathGlob(std::string pattern);
  PathGlob(const PathGlob& other);  // compiles the pattern again
  PathGlob& operator=(const PathGlob& other);
  PathGlob(PathGlob&&) noexcept;
  PathGlob& operator=(PathGlob&&) noexcept;
  ~PathGlob();
  bool matches(std::string_view relative_path) const;
  const std::string& pattern() const { return pattern_; }

 private:
  std::string pattern_;
  bool name_only_ = false;
  std::unique_ptr<re2::RE2> re_;
};

// The settings of one table of a config file: its top level, or one [[overrides]] entry.
struct ConfigLayer {
  std::optional<std::vector<std::string>> select;  // absent: keep what came before
  std::vector<std::string> ignore;
  bool ignore_set = false;                 // `ignore` was written (replaces an extended file's)
  std::vector<std::string> extend_select;  // added to the selection (when it is not "all")
  std::map<std::string, std::optional<Severity>> severity;  // rule id -> level; nullopt = off
  std::map<std::string, RuleOptions> options;               // rule id -> options
};

// A `titles` pattern of an override: RE2, searched unanchored in a page's title (as audit's
// --title-regex). Shared, because an RE2 cannot be copied; matching a const RE2 is thread-safe.
struct TitlePattern {
  std::string pattern;
  std::shared_ptr<const re2::RE2> re;
};

struct ConfigOverride {
  std::vector<PathGlob> files;
  std::vector<TitlePattern> titles;  // pages (audit, check --wiki) whose title matches one
  std::string directory;  // absolute: the globs are relative to it (the file that wrote them)
  uint32_t line = 0;      // where the [[overrides]] entry starts (for `config --show`)
  ConfigLayer layer;
};

// A glob of `exclude` or `extend-exclude`, with the directory it is relative to.
struct ExcludeGlob {
  PathGlob glob;
  std::string directory;  // absolute
};

struct ConfigFile {
  std::string path;                       // the file read
  std::string directory;                  // absolute; override globs are relative to it
  std::vector<std::string> extends;       // the chain of files `extend` read, nearest first
  ConfigLayer base;                       // an extended file's top level merged under this one's
  std::vector<ConfigOverride> overrides;  // an extended file's first
  // Directory walks (`wikivet check DIR`): what is skipped, and which files are checked.
  std::vector<ExcludeGlob> exclude;
  std::vector<std::string> extensions{"wiki"};
  // `profile = "viwiki"`: the wiki the files below are from ("" none; an extended file's
  // otherwise). [profiles.NAME] additions, as rows of the profile data format, by wiki name.
  std::string profile;
  std::map<std::string, std::string> profile_rows;
  // The profile for files under this config: `chosen` (--profile, a dump's or wiki's siteinfo)
  // when given, else the file's `profile`, else English; with the file's additions to it.
  std::shared_ptr<const WikiProfile> profile_for(std::shared_ptr<const WikiProfile> chosen) const;
  // Whether override `o` applies to `file_path` (relative or absolute) or to a page titled
  // `title` (empty: the input has no title, a local file).
  bool applies(const ConfigOverride& o, const std::string& file_path,
               std::string_view title = {}) const;
  // Whether some override names titles (audit then configures each page by its title).
  bool has_title_overrides() const;
  // Whether a directory walk skips `path` (a file or a directory met while walking).
  bool excludes(const std::string& path) const;
};

// The exclude list without a config file (or one that does not set `exclude`).
std::vector<ExcludeGlob> default_excludes();
// Whether `path` matches one of `globs` (each relative to its own directory).
bool excluded_by(const std::vector<ExcludeGlob>& globs, const std::string& path);

// The rules a config is validated against. The registry by default; tests pass their own.
std::vector<const Rule*> registry_rules();

// Parses TOML text as the config file `path` (relative globs resolve against its directory).
ConfigFile parse_config(std::string_view toml, const std::string& path,
                        const std::vector<const Rule*>& rules = registry_rules());
// Reads and parses a config file; an unreadable file is a ConfigError at 1:1.
ConfigFile load_config_file(const std::string& path,
                            const std::vector<const Rule*>& rules = registry_rules());

inline constexpr const char* kConfigNames[] = {"wikivet.toml", ".wikivet.toml"};
// The nearest config file in `directory` or above it (up to the filesystem root); empty when
// there is none. In one directory wikivet.toml wins over .wikivet.toml.
std::optional<std::string> find_config_file(const std::string& directory);

// Command-line settings that take part in the effective config.
struct CommandLineConfig {
  std::vector<std::string> select;  // when given, replaces every enable/disable of the files
  std::vector<std::string> ignore;  // added to the file's
  bool show_suppressed = false;
  // --profile, or the profile a dump's or wiki's siteinfo chose: wins over the file's `profile`.
  std::shared_ptr<const WikiProfile> profile = nullptr;
};

// The Config for checking `file_path` (a page titled `title`, when it has one): defaults, then
// the file's top level, then each override that matches (in file order), then the command
// line. `file` may be null (no config file).
Config effective_config(const ConfigFile* file, const std::string& file_path,
                        const CommandLineConfig& cli, std::string_view title = {});

// Finds and caches config files for many checked files: each directory is looked at once.
class ConfigResolver {
 public:
  // `explicit_path`: --config FILE, used for every file (loaded at once; may throw).
  // `use_files`: false for --no-config (defaults and command line only).
  ConfigResolver(std::optional<std::string> explicit_path, bool use_files,
                 std::vector<const Rule*> rules = registry_rules());
  // The config file that governs `file_path` ("-" is standard input: the working directory),
  // or null. Throws ConfigError for a broken file.
  std::shared_ptr<const ConfigFile> for_file(const std::string& file_path);
  // Warnings met on the way (both names in one directory); the caller prints them.
  std::vector<std::string> take_warnings() { return std::move(warnings_); }

 private:
  std::shared_ptr<const ConfigFile> for_directory(const std::string& dir);
  std::vector<const Rule*> rules_;
  bool use_files_;
  std::shared_ptr<const ConfigFile> explicit_;
  std::map<std::string, std::shared_ptr<const ConfigFile>> by_dir_;
  std::map<std::string, std::shared_ptr<const ConfigFile>> by_path_;
  std::vector<std::string> warnings_;
};

// `config --show`: the effective configuration as TOML, with comments saying where it came
// from and which overrides apply to `file_path` (empty: a directory, none apply). Every rule of
// `rules` is listed under [severity] with its level, or "off".
// `title`: a page's title (config --show --title), for the overrides that name titles.
std::string config_to_toml(const Config& config, const ConfigFile* file, const std::string& label,
                           const std::string& file_path, const std::vector<const Rule*>& rules,
                           std::string_view title = {});

// For --select/--ignore on the command line: empty when `name` is a rule id, a category or
// "all", else the message (with "did you mean" and the valid choices).
std::string check_rule_name(std::string_view name,
                            const std::vector<const Rule*>& rules = registry_rules());
// The same for several names: the first problem, or empty. The rule table is built once for
// all of them (a --select of twenty ids built it twenty times, a third of a small check).
std::string check_rule_names(const std::vector<std::string>& names,
                             const std::vector<const Rule*>& rules = registry_rules());

}  // namespace wikivet
