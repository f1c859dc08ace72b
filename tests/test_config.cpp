#define BOOST_TEST_MODULE config
#include <unistd.h>

#include <boost/test/unit_test.hpp>
#include <filesystem>
#include <fstream>
#include <set>

#include "core/edit_distance.hpp"
#include "engine/config_file.hpp"
#include "engine/engine.hpp"
#include "engine/user_pattern.hpp"

using namespace wikivet;
namespace fs = std::filesystem;

namespace {

// Made-up rules, so these tests do not depend on which real rules the registry holds.
class FakeRule : public Rule {
 public:
  FakeRule(RuleMeta meta, std::vector<std::string_view> keys)
      : meta_(meta), keys_(std::move(keys)) {}
  const RuleMeta& meta() const override { return meta_; }
  void check(const Article&, const RuleOptions&, FindingSink&) const override {}
  std::vector<std::string_view> option_keys() const override { return keys_; }

 private:
  RuleMeta meta_;
  std::vector<std::string_view> keys_;
};

const FakeRule kSeq({"table-sequence", Category::Tables, Severity::Warning, "s", "", false},
                    {"headers"});
const FakeRule kCols({"table-columns", Category::Tables, Severity::Error, "s", "", false}, {});
const FakeRule kFormat({"date-format", Category::Dates, Severity::Warning, "s", "", false}, {});
const FakeRule kImprecise({"date-imprecise", Category::Dates, Severity::Info, "s", "", false},
                          {"columns", "words"});
const std::vector<const Rule*> kRules = {&kSeq, &kCols, &kFormat, &kImprecise};

ConfigFile parse_text(const std::string& text, const std::string& path = "/proj/wikivet.toml") {
  return parse_config(text, path, kRules);
}

// Expects a ConfigError at line:column whose message contains `part`.
void expect_error(const std::string& text, uint32_t line, uint32_t column,
                  const std::string& part) {
  try {
    parse_text(text);
    BOOST_ERROR("no error for:\n" << text);
  } catch (const ConfigError& e) {
    BOOST_TEST(e.line() == line, e.what());
    BOOST_TEST(e.column() == column, e.what());
    BOOST_TEST(e.message().find(part) != std::string::npos, e.what());
    BOOST_TEST(
        std::string(e.what()).starts_with("/proj/wikivet.toml:" + std::to_string(line) + ":"));
  }
}

bool on(const Config& c, const Rule& r) {
  return c.enabled(r.meta());
}

}  // namespace

BOOST_AUTO_TEST_CASE(defaults_without_a_file) {
  const Config c = effective_config(nullptr, "a.wiki", {});
  BOOST_TEST(c.origin == "defaults");
  for (const Rule* r : kRules) BOOST_TEST(on(c, *r));
  BOOST_TEST((c.severity_of(kSeq.meta()) == Severity::Warning));
}

BOOST_AUTO_TEST_CASE(select_ignore_severity_and_options) {
  const ConfigFile f = parse_text(R"(
select = ["tables", "date-format"]
ignore = ["table-columns"]
[severity]
table-sequence = "error"
[rules.table-sequence]
headers = ["#", "No."]
[rules.date-imprecise]
words = "circa"
)");
  const Config c = effective_config(&f, "/proj/a.wiki", {});
  BOOST_TEST(on(c, kSeq));
  BOOST_TEST(!on(c, kCols));
  BOOST_TEST(on(c, kFormat));
  BOOST_TEST(!on(c, kImprecise));
  BOOST_TEST((c.severity_of(kSeq.meta()) == Severity::Error));
  BOOST_TEST(
      (c.options_of("table-sequence").list("headers", {}) == std::vector<std::string>{"#", "No."}));
  BOOST_TEST(
      (c.options_of("date-imprecise").list("words", {}) == std::vector<std::string>{"circa"}));
  BOOST_TEST(c.origin == "/proj/wikivet.toml");
}

BOOST_AUTO_TEST_CASE(severity_by_category_and_off) {
  const ConfigFile f = parse_text(R"(
[severity]
date-format = "error"
dates = "info"
table-columns = "off"
)");
  const Config c = effective_config(&f, "/proj/a.wiki", {});
  BOOST_TEST((c.severity_of(kFormat.meta()) == Severity::Error));  // its own entry wins
  BOOST_TEST((c.severity_of(kImprecise.meta()) == Severity::Info));
  BOOST_TEST(!on(c, kCols));
  BOOST_TEST(on(c, kSeq));
}

BOOST_AUTO_TEST_CASE(command_line_wins_over_the_file) {
  const ConfigFile f = parse_text(R"(
select = ["dates"]
ignore = ["date-format"]
[severity]
table-columns = "off"
)");
  // --ignore adds to the file's choices.
  Config c = effective_config(&f, "/proj/a.wiki", {{}, {"date-imprecise"}, false});
  BOOST_TEST(!on(c, kFormat));
  BOOST_TEST(!on(c, kImprecise));
  BOOST_TEST(!on(c, kSeq));
  // --select replaces every enable/disable decision of the file, "off" included.
  c = effective_config(&f, "/proj/a.wiki", {{"date-format", "tables"}, {}, false});
  BOOST_TEST(on(c, kFormat));
  BOOST_TEST(on(c, kCols));
  BOOST_TEST(on(c, kSeq));
  BOOST_TEST(!on(c, kImprecise));
  BOOST_TEST(c.origin == "/proj/wikivet.toml + command line");
  // ... and --ignore still applies on top of --select.
  c = effective_config(&f, "/proj/a.wiki", {{"tables"}, {"table-columns"}, true});
  BOOST_TEST(!on(c, kCols));
  BOOST_TEST(on(c, kSeq));
  BOOST_TEST(c.show_suppressed);
}

BOOST_AUTO_TEST_CASE(overrides_apply_to_matching_files_in_order) {
  const ConfigFile f = parse_text(R"(
ignore = ["date-imprecise"]
[rules.table-sequence]
headers = ["#"]

[[overrides]]
files = ["drafts/**/*.wiki"]
select = ["tables"]
[overrides.severity]
table-sequence = "info"

[[overrides]]
files = ["*.old.wiki", "archive/*"]
ignore = ["tables"]
[overrides.rules.table-sequence]
headers = ["No."]
)");
  BOOST_REQUIRE(f.overrides.size() == 2u);
  BOOST_TEST(f.overrides[0].line == 6u);
  const Config plain = effective_config(&f, "/proj/a.wiki", {});
  BOOST_TEST(on(plain, kFormat));
  BOOST_TEST((plain.severity_of(kSeq.meta()) == Severity::Warning));
  const Config draft = effective_config(&f, "/proj/drafts/x/y/a.wiki", {});
  BOOST_TEST(!on(draft, kFormat));
  BOOST_TEST(on(draft, kSeq));
  BOOST_TEST((draft.severity_of(kSeq.meta()) == Severity::Info));
  const Config top_draft = effective_config(&f, "/proj/drafts/a.wiki", {});  // ** matches no dir
  BOOST_TEST((top_draft.severity_of(kSeq.meta()) == Severity::Info));
  const Config old = effective_config(&f, "/proj/deep/dir/b.old.wiki", {});  // name-only glob
  BOOST_TEST(!on(old, kSeq));
  BOOST_TEST(on(old, kFormat));
  BOOST_TEST(
      (old.options_of("table-sequence").list("headers", {}) == std::vector<std::string>{"No."}));
  BOOST_TEST(!on(effective_config(&f, "/proj/archive/c.wiki", {}), kCols));
  BOOST_TEST(
      on(effective_config(&f, "/proj/archive/sub/c.wiki", {}), kCols));  // * stays in a segment
  BOOST_TEST(on(effective_config(&f, "/other/drafts/a.wiki", {}), kFormat));  // outside the dir
  // A relative path is resolved against the working directory, like the checked file.
  BOOST_TEST(!f.applies(f.overrides[0], "-"));
}

// [[overrides]] titles = [...]: RE2 patterns searched in a page's title (audit, check --wiki);
// a file without a title never matches them, and `files` globs never match a title.
BOOST_AUTO_TEST_CASE(overrides_by_title) {
  const ConfigFile f = parse_text(R"(
[[overrides]]
titles = ["^List of ", "(?i)timeline"]
ignore = ["tables"]

[[overrides]]
files = ["List of *"]
ignore = ["date-format"]
)");
  BOOST_REQUIRE(f.overrides.size() == 2u);
  BOOST_TEST(f.has_title_overrides());
  BOOST_TEST(!on(effective_config(&f, "", {}, "List of rivers"), kSeq));
  BOOST_TEST(!on(effective_config(&f, "", {}, "A Timeline of Mali"), kSeq));  // unanchored
  BOOST_TEST(on(effective_config(&f, "", {}, "Rivers: List of"), kSeq));      // near miss
  BOOST_TEST(on(effective_config(&f, "", {}, "List of rivers"), kFormat));    // not a file path
  BOOST_TEST(on(effective_config(&f, "/proj/List of rivers", {}), kSeq));     // no title
  BOOST_TEST(!on(effective_config(&f, "/proj/List of rivers", {}), kFormat));
  BOOST_TEST(!parse_text("[[overrides]]\nfiles = [\"a\"]\n").has_title_overrides());
  expect_error("[[overrides]]\ntitles = [\"a\", \"(b\"]\n", 2, 16, "bad RE2 pattern '(b'");
  expect_error("[[overrides]]\ntitles = []\n", 2, 10, "titles must name at least one pattern");
  expect_error("[[overrides]]\ntitles = \"a\"\n", 2, 10, "'titles' must be a list of strings");
}

BOOST_AUTO_TEST_CASE(globs) {
  BOOST_TEST(PathGlob("*.wiki").matches("a/b/c.wiki"));
  BOOST_TEST(!PathGlob("*.wiki").matches("c.wikix"));
  BOOST_TEST(PathGlob("a/*.wiki").matches("a/c.wiki"));
  BOOST_TEST(!PathGlob("a/*.wiki").matches("a/b/c.wiki"));
  BOOST_TEST(PathGlob("a/**").matches("a/b/c.wiki"));
  BOOST_TEST(PathGlob("**/c.wiki").matches("c.wiki"));
  BOOST_TEST(PathGlob("./a/?.wiki").matches("a/x.wiki"));
  BOOST_TEST(PathGlob("[!x]*.wiki").matches("y.wiki"));
  BOOST_TEST(!PathGlob("[!x]*.wiki").matches("x.wiki"));
  BOOST_TEST(PathGlob("a+b(c).wiki").matches("a+b(c).wiki"));  // regex characters are literal
  BOOST_TEST(PathGlob("Côte/*").matches("Côte/x"));
  BOOST_CHECK_THROW(PathGlob("[abc"), std::invalid_argument);
}

// Every error: exit-2 material with file:line:column and the valid choices.
BOOST_AUTO_TEST_CASE(errors_name_the_place_and_the_choices) {
  expect_error("\n\nselect = [\"tables\" \"x\"]\n", 3, 20,
               "not valid TOML: Error while parsing array");
  expect_error("selct = [\"tables\"]\n", 1, 1, "unknown key 'selct' (did you mean 'select'?)");
  expect_error("\n\nfoo = 1\n", 3, 1,
               "valid keys: select, ignore, extend-select, extend-ignore, severity, rules, extend, "
               "exclude, extend-exclude, extensions, overrides");
  expect_error("select = \"tables\"\n", 1, 10, "'select' must be a list of strings");
  expect_error("ignore = [\"tables\", 3]\n", 1, 21, "'ignore' must be a list of strings");
  expect_error(
      "select = [\"tabel-sequence\"]\n", 1, 11,
      "unknown rule or category 'tabel-sequence' in select (did you mean 'table-sequence'?)");
  expect_error("ignore = [\"datse\"]\n", 1, 11, "(did you mean 'dates'?)");
  expect_error("ignore = [\"zzzzzzzz\"]\n", 1, 11,
               "valid: all, a category (syntax, refs, tables, dates, tags, links, headings, "
               "formatting, templates, markup, meta)");
  expect_error("severity = \"error\"\n", 1, 12, "'severity' must be a table");
  expect_error("[severity]\ntable-sequense = \"error\"\n", 2, 1, "did you mean 'table-sequence'?");
  expect_error("[severity]\ntable-sequence = \"errror\"\n", 2, 18,
               "bad severity 'errror' for 'table-sequence' (did you mean 'error'?); valid: error, "
               "warning, info, off");
  expect_error("[severity]\ntable-sequence = 2\n", 2, 18, "must be a string");
  expect_error("[rules.tabel-sequence]\nheaders = [\"#\"]\n", 1, 8,
               "unknown rule 'tabel-sequence' in [rules] (did you mean 'table-sequence'?)");
  expect_error("[rules.dates]\nx = \"y\"\n", 1, 8, "unknown rule 'dates'");
  expect_error("[rules.table-sequence]\nheader = [\"#\"]\n", 2, 1,
               "rule 'table-sequence' has no option 'header' (did you mean 'headers'?); its "
               "options: headers");
  expect_error("[rules.table-columns]\nheaders = [\"#\"]\n", 2, 1,
               "rule 'table-columns' takes no options");
  expect_error("[rules.table-sequence]\nheaders = 1\n", 2, 11, "must be a list of strings");
  expect_error("[rules.table-sequence]\nheaders = [1]\n", 2, 12, "must be a list of strings");
  expect_error("rules = 1\n", 1, 9, "'rules' must hold tables");
  expect_error("[rules]\ntable-sequence = 1\n", 2, 18, "must be a table of options");
  expect_error("overrides = 1\n", 1, 13, "'overrides' must be an array of tables");
  expect_error("[[overrides]]\nignore = [\"dates\"]\n", 1, 1, "needs files = [");
  expect_error("[[overrides]]\nfiles = []\n", 2, 9, "at least one glob");
  expect_error("[[overrides]]\nfiles = [\"a/[bc\"]\n", 2, 10, "unclosed '['");
  expect_error("[[overrides]]\nfiles = [\"*\"]\nfils = 1\n", 3, 1,
               "unknown key 'fils' in [[overrides]] (did you mean 'files'?)");
  expect_error(
      "[[overrides]]\nfiles = [\"*\"]\noverrides = 1\n", 3, 1,
      "valid keys: files, titles, select, ignore, extend-select, extend-ignore, severity, rules");
  expect_error("[[overrides]]\nfiles = [\"*\"]\n[overrides.severity]\ndates = \"loud\"\n", 4, 9,
               "bad severity 'loud'");
}

// Issue 9 row 14: a huge value is quoted by a short prefix (and fast: no edit distance over
// it); a huge glob is refused before RE2 sees it.
BOOST_AUTO_TEST_CASE(errors_about_huge_values_are_short) {
  const std::string word(5'000'000, 'x');
  try {
    parse_text("select = [\"" + word + "\"]\n");
    BOOST_ERROR("no error");
  } catch (const ConfigError& e) {
    BOOST_TEST(std::string(e.what()).size() < 400u, std::string(e.what()).substr(0, 400));
    BOOST_TEST(e.message().find("'" + std::string(60, 'x') + "\xE2\x80\xA6' (5000000 bytes)") !=
               std::string::npos);
  }
  expect_error("[severity]\n" + word + " = \"error\"\n", 2, 1, "\xE2\x80\xA6' (5000000 bytes)");
  expect_error("exclude = [\"" + std::string(1'000'000, '?') + "\"]\n", 1, 12,
               "is longer than 4096 bytes");
  BOOST_CHECK_THROW(PathGlob(std::string(kMaxPatternLength + 1, '*')), std::invalid_argument);
  BOOST_TEST(PathGlob(std::string(kMaxPatternLength, '?')).matches(std::string(4096, 'a')));
}

BOOST_AUTO_TEST_CASE(unreadable_file_is_an_error) {
  BOOST_CHECK_THROW(load_config_file("/nonexistent/wikivet.toml", kRules), ConfigError);
}

BOOST_AUTO_TEST_CASE(edit_distance_basics) {
  BOOST_TEST(edit_distance("", "abc") == 3u);
  BOOST_TEST(edit_distance("kitten", "sitting") == 3u);
  BOOST_TEST(edit_distance("same", "same") == 0u);
}

BOOST_AUTO_TEST_CASE(discovery_nearest_wins_and_stops_at_root) {
  const fs::path root = fs::temp_directory_path() / ("wikivet-cfg-" + std::to_string(::getpid()));
  fs::create_directories(root / "a/b/c");
  std::ofstream(root / "wikivet.toml") << "ignore = [\"dates\"]\n";
  std::ofstream(root / "a/b/.wikivet.toml") << "ignore = [\"tables\"]\n";
  std::ofstream(root / "a/b/c/x.wiki") << "x\n";
  std::ofstream(root / "a/y.wiki") << "y\n";
  BOOST_TEST(*find_config_file((root / "a/b/c").string()) == (root / "a/b/.wikivet.toml").string());
  BOOST_TEST(*find_config_file((root / "a").string()) == (root / "wikivet.toml").string());
  ConfigResolver resolver(std::nullopt, true, kRules);
  auto near = resolver.for_file((root / "a/b/c/x.wiki").string());
  auto far = resolver.for_file((root / "a/y.wiki").string());
  BOOST_REQUIRE(near);
  BOOST_REQUIRE(far);
  BOOST_TEST(near->path == (root / "a/b/.wikivet.toml").string());
  BOOST_TEST(far->path == (root / "wikivet.toml").string());
  BOOST_TEST(resolver.for_file((root / "a/b/z.wiki").string()) == near);  // cached, same object
  // Both names in one directory: wikivet.toml wins, with a warning.
  std::ofstream(root / "a/b/wikivet.toml") << "ignore = []\n";
  ConfigResolver fresh(std::nullopt, true, kRules);
  BOOST_TEST(fresh.for_file((root / "a/b/c/x.wiki").string())->path ==
             (root / "a/b/wikivet.toml").string());
  BOOST_TEST(fresh.take_warnings().size() == 1u);
  // --config wins over discovery; --no-config means none.
  ConfigResolver given((root / "wikivet.toml").string(), true, kRules);
  BOOST_TEST(given.for_file((root / "a/b/c/x.wiki").string())->path ==
             (root / "wikivet.toml").string());
  ConfigResolver none(std::nullopt, false, kRules);
  BOOST_TEST(!none.for_file((root / "a/b/c/x.wiki").string()));
  // A broken file is reported when first needed.
  std::ofstream(root / "a/b/c/wikivet.toml") << "bogus = 1\n";
  ConfigResolver broken(std::nullopt, true, kRules);
  BOOST_CHECK_THROW(broken.for_file((root / "a/b/c/x.wiki").string()), ConfigError);
  fs::remove_all(root);
}

BOOST_AUTO_TEST_CASE(show_prints_rereadable_toml) {
  const ConfigFile f = parse_text(R"(
ignore = ["date-format"]
[severity]
table-sequence = "error"
[rules.date-imprecise]
words = ["c.", "circa \"x\""]
[[overrides]]
files = ["drafts/*"]
select = ["tables"]
)");
  const Config c = effective_config(&f, "/proj/a.wiki", {});
  const std::string toml = config_to_toml(c, &f, "/proj/a.wiki", "/proj/a.wiki", kRules);
  BOOST_TEST(toml.find("# from: /proj/wikivet.toml\n") != std::string::npos, toml);
  BOOST_TEST(toml.find("files = [\"drafts/*\"]: not applied to this path") != std::string::npos,
             toml);
  BOOST_TEST(toml.find("table-sequence = \"error\"\n") != std::string::npos, toml);
  BOOST_TEST(toml.find("date-format = \"off\"\n") != std::string::npos, toml);
  BOOST_TEST(toml.find("date-imprecise = \"info\"\n") != std::string::npos, toml);
  // What it prints is a config file that gives the same result.
  const ConfigFile again = parse_text(toml);
  const Config c2 = effective_config(&again, "/proj/a.wiki", {});
  for (const Rule* r : kRules) {
    BOOST_TEST(c2.enabled(r->meta()) == c.enabled(r->meta()), r->meta().id);
    if (c.enabled(r->meta())) BOOST_TEST((c2.severity_of(r->meta()) == c.severity_of(r->meta())));
  }
  BOOST_TEST((c2.options_of("date-imprecise").list("words", {}) ==
              std::vector<std::string>{"c.", "circa \"x\""}));
  const std::string draft = config_to_toml(effective_config(&f, "/proj/drafts/a.wiki", {}), &f,
                                           "/proj/drafts/a.wiki", "/proj/drafts/a.wiki", kRules);
  BOOST_TEST(draft.find(": applied") != std::string::npos);
  BOOST_TEST(draft.find("select = [\"tables\"]") != std::string::npos);
}

// check_source keeps, per thread, which rules the last selection enabled: a new selection must
// be seen at once, and an old one again after it.
BOOST_AUTO_TEST_CASE(each_check_follows_its_own_selection) {
  const Source src("s.wiki", "{{Unclosed\n\n<!-- open\n");
  auto rules_of = [&](const Config& config) {
    std::set<std::string> ids;
    for (const Finding& f : check_source(src, config).findings) ids.insert(f.rule);
    return ids;
  };
  Config comment, syntax, both, none;
  comment.select = {"syntax-unclosed-comment"};
  syntax.select = {"syntax"};
  both.select = {"syntax-unclosed-comment", "syntax-unclosed-template"};
  both.ignore = {"syntax-unclosed-template"};
  none.select = {"syntax-unclosed-comment"};
  none.ignore = {"syntax-unclosed-comment"};
  const std::set<std::string> want_comment = {"syntax-unclosed-comment"};
  const std::set<std::string> want_syntax = {"syntax-unclosed-template", "syntax-unclosed-comment"};
  const std::set<std::string> want_both = {"syntax-unclosed-comment"};
  BOOST_TEST(rules_of(comment) == want_comment);
  BOOST_TEST(rules_of(syntax) == want_syntax);
  BOOST_TEST(rules_of(both) == want_both);
  BOOST_TEST(rules_of(none).empty());
  BOOST_TEST(rules_of(comment) == want_comment);
}
