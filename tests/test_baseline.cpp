#define BOOST_TEST_MODULE baseline
#include <stdlib.h>
#include <unistd.h>

#include <boost/test/unit_test.hpp>
#include <cstdlib>
#include <filesystem>

#include "engine/baseline.hpp"
#include "test_util.hpp"

using namespace wikivet;
using namespace wikivet::test;
namespace fs = std::filesystem;

namespace {

const char* const kOld = "a<ref name=\"x\" /> b<ref name=\"y\">Y</ref> c<ref name=\"z\" />\n";
const char* const kNew = "a<ref name=\"x\" /> b c<ref name=\"w\" />\n{{Reflist}}\n";

FileResult check_text(const Source& s) {
  return check_source(s, Config{});
}

}  // namespace

BOOST_AUTO_TEST_CASE(states_and_counts) {
  const Source old_source("old.wiki", kOld);
  const FileBaseline base = baseline_from_source(old_source, Config{}, "old");
  const Source new_source("new.wiki", kNew);
  FileResult r = check_text(new_source);
  apply_baseline(r, base);
  // Old: ref-undefined x, ref-undefined z, ref-no-list. New: ref-undefined x, ref-undefined w.
  BOOST_TEST(r.baseline.active);
  BOOST_TEST(r.baseline.added == 1u);
  BOOST_TEST(r.baseline.unchanged == 1u);
  BOOST_TEST(r.baseline.absent == 2u);
  for (const auto& f : r.findings)
    BOOST_TEST(f.baseline_state == (f.key == "w" ? "new" : "unchanged"));
  BOOST_TEST(r.absent.size() == 2u);
  hide_baseline(r);
  BOOST_TEST_REQUIRE(r.findings.size() == 1u);
  BOOST_TEST(r.findings[0].key == "w");
  BOOST_TEST(r.absent.empty());
  BOOST_TEST(r.baseline.absent == 2u);  // counts stay
  // The old revision lends its definitions.
  BOOST_TEST_REQUIRE(base.ref_definitions.size() == 1u);
  BOOST_TEST(base.ref_definitions[0].name == "y");
  BOOST_TEST(base.ref_definitions[0].content == "Y");
}

BOOST_AUTO_TEST_CASE(recorded_baseline_round_trip_by_path) {
  TempDir t;
  const std::string a = t.file("articles/a.wiki", kOld);
  const std::string b = t.file("articles/b.wiki", "Clean prose.\n");
  const std::string file = (t.dir / "wikivet-baseline.json").string();
  BaselineRecorder rec(file);
  const Source sa(a, kOld), sb(b, "Clean prose.\n");
  rec.add(check_text(sa));
  rec.add(check_text(sb));
  BOOST_TEST(rec.files() == 2u);
  BOOST_TEST_REQUIRE(rec.write().empty());
  const std::string bytes = read_file(file);
  BOOST_TEST(bytes.find("\"path\": \"articles/a.wiki\"") != std::string::npos);
  BOOST_TEST(is_recorded_baseline(bytes));
  std::string error;
  auto parsed = RecordedBaseline::parse(bytes, file, error);
  BOOST_TEST_REQUIRE(parsed.has_value(), error);
  // The same file named another way (relative to another folder) is found.
  const std::string here = fs::current_path().string();
  fs::current_path(t.dir / "articles");
  const FileBaseline fa = parsed->for_input("a.wiki");
  const FileBaseline fb = parsed->for_input("../articles/b.wiki");
  const FileBaseline unknown = parsed->for_input("c.wiki");
  fs::current_path(here);
  BOOST_TEST(fa.entries.size() == check_text(sa).findings.size());
  BOOST_TEST(fb.entries.empty());
  BOOST_TEST(unknown.entries.empty());
  FileResult r = check_text(sa);
  apply_baseline(r, fa);
  BOOST_TEST(r.baseline.added == 0u);
  BOOST_TEST(r.baseline.absent == 0u);
}

BOOST_AUTO_TEST_CASE(recorded_baselines_are_told_from_articles_by_content) {
  BOOST_TEST(!is_recorded_baseline("{{Use dmy dates}}\n{| class=wikitable\n|}\n"));
  BOOST_TEST(!is_recorded_baseline("{\"version\": 1, \"files\": []}"));
  // A file that starts as --write-baseline writes is a baseline even when cut short: reading
  // it as an old article would make every finding "new" (issue 9 row 12).
  BOOST_TEST(is_recorded_baseline("{\"wikivet_baseline\": 1, "));
  BOOST_TEST(is_recorded_baseline("{\n \"wikivet_baseline\": 1, \"files\": [{\"pa"));
  BOOST_TEST(
      !is_recorded_baseline("{\"files\": [], \"wikivet_baseline\": 1"));  // broken, other order
  BOOST_TEST(is_recorded_baseline("\xEF\xBB\xBF  {\"wikivet_baseline\": 1, \"files\": []}"));
  std::string error;
  BOOST_TEST(!RecordedBaseline::parse("{\"wikivet_baseline\": 2, \"files\": []}", "b.json", error));
  BOOST_TEST(error.find("version") != std::string::npos);
  // A hand-written entry without fingerprint matches the first finding of that rule and key.
  auto hand = RecordedBaseline::parse(
      "{\"wikivet_baseline\": 1, \"files\": [{\"path\": \"t.wiki\", \"findings\": "
      "[{\"rule\": \"ref-undefined\", \"key\": \"x\"}]}]}",
      "b.json", error);
  BOOST_TEST_REQUIRE(hand.has_value());
  const Source s("t.wiki", "a<ref name=\"x\" />\n{{Reflist}}\n");
  FileResult r = check_text(s);
  apply_baseline(r, hand->for_input("t.wiki"));
  BOOST_TEST(r.baseline.unchanged == 1u);
  BOOST_TEST(r.baseline.added == 0u);
}

BOOST_AUTO_TEST_CASE(git_revisions) {
  TempDir t;
  const std::string git =
      "git -c user.name=t -c user.email=t@example.org -c init.defaultBranch=main";
  BOOST_TEST_REQUIRE(t.sh(git + " init -q .") == 0);
  const std::string path = t.file("sub/a.wiki", kOld);
  // No commit yet: HEAD is an empty baseline, not an error.
  GitShow none = git_show("HEAD", path);
  BOOST_TEST(none.error.empty());
  BOOST_TEST(!none.exists);
  BOOST_TEST_REQUIRE(t.sh(git + " add sub/a.wiki && " + git + " commit -qm one") == 0);
  t.file("sub/a.wiki", kNew);
  GitShow g = git_show("HEAD", path);
  BOOST_TEST(g.error.empty());
  BOOST_TEST(g.exists);
  BOOST_TEST(g.bytes == kOld);
  // Relative to the working directory, as a hook passes it.
  const std::string here = fs::current_path().string();
  fs::current_path(t.dir);
  GitShow rel = git_show("HEAD", "sub/a.wiki");
  GitShow fresh = git_show("HEAD", "sub/new.wiki");
  GitShow bad = git_show("no-such-rev", "sub/a.wiki");
  fs::current_path(here);
  BOOST_TEST(rel.bytes == kOld);
  BOOST_TEST(fresh.error.empty());
  BOOST_TEST(!fresh.exists);
  BOOST_TEST(bad.error.find("unknown revision") != std::string::npos);
  // Outside any repository.
  TempDir outside;
  GitShow no_repo = git_show("HEAD", outside.file("x.wiki", "x"));
  BOOST_TEST(no_repo.error.find("not in a git repository") != std::string::npos);
  // The provider turns it into a baseline of findings.
  std::string error;
  auto b = BaselineProvider::from_git("HEAD").for_input(path, Config{}, error);
  BOOST_TEST_REQUIRE(b.has_value());
  BOOST_TEST(b->entries.size() == check_text(Source("o", kOld)).findings.size());
}

BOOST_AUTO_TEST_CASE(a_truncated_baseline_is_an_error_not_an_old_article) {
  const std::string whole =
      "{\"wikivet_baseline\": 1, \"files\": [\n  {\"path\": \"t.wiki\", \"findings\": [\n"
      "    {\"rule\": \"ref-undefined\", \"key\": \"x\", \"line\": 1}\n  ]}\n ]}\n";
  std::string error;
  BOOST_TEST(RecordedBaseline::parse(whole, "b.json", error).has_value());
  const std::string half = whole.substr(0, whole.size() / 2);
  BOOST_TEST_REQUIRE(is_recorded_baseline(half));
  BOOST_TEST(!RecordedBaseline::parse(half, "b.json", error).has_value());
  BOOST_TEST(error.find("not valid JSON") != std::string::npos);
}

// Wrong types are errors that name the entry, never an entry read as empty (which would count
// the recorded finding as fixed and the present one as new).
BOOST_AUTO_TEST_CASE(entries_of_the_wrong_type_are_errors_naming_the_entry) {
  const auto parse_entry = [](const std::string& entry, std::string& error) {
    return RecordedBaseline::parse(
        "{\"wikivet_baseline\": 1, \"files\": [{\"path\": \"t.wiki\", \"findings\": "
        "[{\"rule\": \"ref-undefined\", \"key\": \"x\"}, " +
            entry + "]}]}",
        "b.json", error);
  };
  const std::vector<std::pair<std::string, std::string>> cases = {
      {"{\"rule\": 7, \"key\": \"x\"}", "\"rule\" must be a string, not the number 7"},
      {"{\"key\": \"x\"}", "\"rule\" must be a string"},
      {"{\"rule\": \"\", \"key\": \"x\"}", "\"rule\" is empty"},
      {"{\"rule\": \"ref-undefined\", \"key\": 124}",
       "\"key\" must be a string, not the number 124"},
      {"{\"rule\": \"ref-undefined\", \"fingerprint\": null}",
       "\"fingerprint\" must be a string, not null"},
      {"{\"rule\": \"ref-undefined\", \"severity\": \"fatal\"}", "\"severity\" must be error"},
      {"{\"rule\": \"ref-undefined\", \"line\": \"3\"}",
       "\"line\" must be a line number, not a string"},
      {"{\"rule\": \"ref-undefined\", \"line\": -1}", "\"line\" must be a line number"},
      {"[\"ref-undefined\"]", "must be an object"},
  };
  for (const auto& [entry, why] : cases) {
    std::string error;
    BOOST_TEST_INFO(entry);
    BOOST_TEST(!parse_entry(entry, error).has_value());
    BOOST_TEST(error.find("files[0].findings[1]") != std::string::npos, error);
    BOOST_TEST(error.find(why) != std::string::npos, error);
  }
  std::string error;
  BOOST_TEST(parse_entry("{\"rule\": \"date-unknown\", \"line\": 0, \"severity\": \"info\"}", error)
                 .has_value());
  BOOST_TEST(!RecordedBaseline::parse(
                  "{\"wikivet_baseline\": 1, \"files\": [{\"path\": \"a\", \"findings\": []}, 3]}",
                  "b.json", error)
                  .has_value());
  BOOST_TEST(error.find("files[1] must be an object") != std::string::npos, error);
}

BOOST_AUTO_TEST_CASE(an_empty_revision_is_not_the_index) {
  BOOST_TEST(!git_show("", "t.wiki").error.empty());
  BOOST_TEST(!git_show("--output=x", "t.wiki").error.empty());
}
