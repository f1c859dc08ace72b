#define BOOST_TEST_MODULE fix
#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <boost/test/unit_test.hpp>
#include <cstdlib>
#include <filesystem>

#include "engine/edit_check.hpp"
#include "engine/fix.hpp"
#include "test_util.hpp"

using namespace wikivet;
using namespace wikivet::test;
namespace fs = std::filesystem;

namespace {

Finding with_fix(std::string rule, std::string key, std::vector<TextEdit> edits) {
  Finding f;
  f.rule = std::move(rule);
  f.key = std::move(key);
  f.fix = Fix{"test fix", std::move(edits), true};
  return f;
}

// Runs the --fix pipeline on one file (no baseline unless given) and returns its report.
FileReport fix_once(const std::string& path, EditCheckOptions options = {}) {
  options.fix_mode = EditCheckOptions::FixMode::Write;
  if (options.inputs.empty()) options.inputs = {path};
  EditCheck check(std::move(options));
  return check.check(path, Config{});
}

size_t count_rule(const FileResult& r, const std::string& rule) {
  size_t n = 0;
  for (const auto& f : r.findings) n += f.rule == rule;
  return n;
}

// Applies the rule's fix, re-checks, applies again: the second run must change nothing.
void fix_twice(const std::string& path, const std::string& rule, EditCheckOptions options = {}) {
  const std::string before = read_file(path);
  FileReport first = fix_once(path, options);
  BOOST_TEST(first.error.empty());
  BOOST_TEST(!first.fix_failed);
  BOOST_TEST(first.fixes_applied >= 1u);
  const std::string after = read_file(path);
  BOOST_TEST(after != before);
  BOOST_TEST(count_rule(first.result, rule) == 0u);  // the re-check
  FileReport second = fix_once(path, options);
  BOOST_TEST(second.fixes_applied == 0u);
  BOOST_TEST(!second.fix_failed);
  BOOST_TEST(read_file(path) == after);
  BOOST_TEST(count_rule(second.result, rule) == 0u);
}

}  // namespace

BOOST_AUTO_TEST_CASE(plan_drops_a_fix_that_overlaps_an_earlier_one_whole) {
  std::vector<Finding> fs{with_fix("a", "1", {{0, 3, "X"}}),
                          with_fix("b", "2", {{8, 9, "Y"}, {2, 4, "Z"}}),  // 2..4 hits 0..3
                          with_fix("c", "3", {{3, 5, "W"}})};              // touches 0..3 only
  const FixPlan plan = plan_fixes(fs, {});
  BOOST_TEST_REQUIRE(plan.applied.size() == 2u);
  BOOST_TEST(plan.applied[0]->rule == "a");
  BOOST_TEST(plan.applied[1]->rule == "c");
  BOOST_TEST_REQUIRE(plan.skipped.size() == 1u);
  BOOST_TEST(plan.skipped[0]->rule == "b");
  BOOST_TEST(apply_edits("0123456789", plan.edits) == "XW56789");
}

BOOST_AUTO_TEST_CASE(plan_insertions_at_one_place_collide_and_selection_filters) {
  std::vector<Finding> fs{with_fix("a", "1", {{4, 4, "<"}}), with_fix("b", "2", {{4, 4, ">"}}),
                          with_fix("c", "3", {{5, 6, "!"}})};
  const FixPlan plan = plan_fixes(fs, {});
  BOOST_TEST(plan.applied.size() == 2u);
  BOOST_TEST(plan.skipped.size() == 1u);
  FixSelection only_c;
  only_c.rules = {"c"};
  BOOST_TEST(plan_fixes(fs, only_c).applied.size() == 1u);
  // Unchanged (baseline) and suppressed findings are not fixed.
  fs[0].baseline_state = "unchanged";
  fs[1].suppressed = true;
  BOOST_TEST(plan_fixes(fs, {}).applied.size() == 1u);
  // --fix-all: the baseline's findings are fixed too.
  FixSelection all;
  all.unchanged = true;
  BOOST_TEST(plan_fixes(fs, all).applied.size() == 2u);
}

BOOST_AUTO_TEST_CASE(plan_withholds_unsafe_fixes_unless_asked) {
  std::vector<Finding> fs{with_fix("a", "1", {{0, 1, "X"}}), with_fix("b", "2", {{2, 3, "Y"}})};
  fs[1].fix->safe = false;
  const FixPlan plan = plan_fixes(fs, {});
  BOOST_TEST_REQUIRE(plan.applied.size() == 1u);
  BOOST_TEST(plan.applied[0]->rule == "a");
  BOOST_TEST_REQUIRE(plan.withheld.size() == 1u);
  BOOST_TEST(plan.withheld[0]->rule == "b");
  FixSelection unsafe;
  unsafe.unsafe = true;
  const FixPlan both = plan_fixes(fs, unsafe);
  BOOST_TEST(both.applied.size() == 2u);
  BOOST_TEST(both.withheld.empty());
  BOOST_TEST(apply_edits("0123", both.edits) == "X1Y3");
}

BOOST_AUTO_TEST_CASE(unified_diff_applies_with_git_apply) {
  TempDir t;
  std::string text;
  for (int i = 1; i <= 30; ++i) text += "line " + std::to_string(i) + "\n";
  const std::string path = t.file("a.wiki", text);
  // Edits on lines 2, 4 (one hunk) and 25 (another), one of them adding a line.
  const size_t l2 = text.find("line 2\n"), l4 = text.find("line 4\n"), l25 = text.find("line 25");
  std::vector<TextEdit> edits{
      {l2 + 5, l2 + 6, "two"}, {l4, l4, "new line\n"}, {l25 + 5, l25 + 7, "X"}};
  const std::string diff = unified_diff("a.wiki", text, edits);
  BOOST_TEST(diff.find("@@ -1,7 +1,8 @@") != std::string::npos);
  BOOST_TEST(diff.find("@@ -22,7 +23,7 @@") != std::string::npos);
  std::ofstream(t.path("d.patch"), std::ios::binary) << diff;
  const std::string cmd = "cd '" + t.dir.string() + "' && git apply --unsafe-paths -p1 d.patch";
  BOOST_TEST_REQUIRE(std::system(cmd.c_str()) == 0);
  BOOST_TEST(read_file(path) == apply_edits(text, edits));
}

BOOST_AUTO_TEST_CASE(unified_diff_without_final_newline) {
  TempDir t;
  const std::string text = "a\nb\nc";
  const std::string path = t.file("b.wiki", text);
  std::vector<TextEdit> edits{{4, 5, "C"}};
  const std::string diff = unified_diff("b.wiki", text, edits);
  BOOST_TEST(diff.find("\\ No newline at end of file") != std::string::npos);
  std::ofstream(t.path("d.patch"), std::ios::binary) << diff;
  const std::string cmd = "cd '" + t.dir.string() + "' && git apply -p1 d.patch";
  BOOST_TEST_REQUIRE(std::system(cmd.c_str()) == 0);
  BOOST_TEST(read_file(path) == "a\nb\nC");
}

BOOST_AUTO_TEST_CASE(table_sequence_fix_renumbers_only_the_numbers) {
  TempDir t;
  const std::string path =
      t.file("list.wiki", list_table({"|1\n|{{Flag|France}}\n|1960", "|2\n|{{Flag|Spain}}\n|1961",
                                      "|2\n|{{Flag|Italy}}\n|1962", "|4\n|{{Flag|Chad}}\n|1963",
                                      "|5\n|{{Flag|Peru}}\n|1964", "|—\n|{{Flag|Cuba}}\n|1965",
                                      "| 7 \n|{{Flag|Iran}}\n|1966", "|8\n|{{Flag|Laos}}\n|1967"}));
  const std::string before = read_file(path);
  // Only one finding carries the column's fix.
  const auto found = run(before, "table-sequence");
  BOOST_TEST_REQUIRE(found.size() >= 2u);
  size_t with_fix = 0;
  for (const auto& f : found) with_fix += f.fix.has_value();
  BOOST_TEST(with_fix == 1u);
  BOOST_TEST(found.front().fix.has_value());
  // Renumbering is unsafe: --fix alone withholds it.
  BOOST_TEST(!found.front().fix->safe);
  const FileReport withheld = fix_once(path);
  BOOST_TEST(withheld.fixes_applied == 0u);
  BOOST_TEST(withheld.fixes_withheld == 1u);
  BOOST_TEST(read_file(path) == before);
  EditCheckOptions unsafe;
  unsafe.selection.unsafe = true;
  fix_twice(path, "table-sequence", unsafe);
  const std::string after = read_file(path);
  BOOST_TEST(after == list_table({"|1\n|{{Flag|France}}\n|1960", "|2\n|{{Flag|Spain}}\n|1961",
                                  "|3\n|{{Flag|Italy}}\n|1962", "|4\n|{{Flag|Chad}}\n|1963",
                                  "|5\n|{{Flag|Peru}}\n|1964", "|—\n|{{Flag|Cuba}}\n|1965",
                                  "| 6 \n|{{Flag|Iran}}\n|1966", "|7\n|{{Flag|Laos}}\n|1967"}));
}

// Under a baseline, the numbers of findings the baseline had stay as written: the renumbering
// restarts after them, and it is withheld when the number before one of them would change.
BOOST_AUTO_TEST_CASE(table_sequence_fix_keeps_the_baselines_findings) {
  const std::string text = list_table({"|1\n|{{Flag|France}}\n|1960", "|2\n|{{Flag|Spain}}\n|1961",
                                       "|2\n|{{Flag|Italy}}\n|1962", "|3\n|{{Flag|Chad}}\n|1963",
                                       "|4\n|{{Flag|Peru}}\n|1964", "|4\n|{{Flag|Iran}}\n|1966",
                                       "|5\n|{{Flag|Laos}}\n|1967"});
  const Source src = make_source("t.wiki", text);
  CheckContext context;
  context.kept.insert({"table-sequence", "2"});  // the old duplicate
  Config config;
  config.select = {"table-sequence"};
  const FileResult r = check_source(src, config, &context);
  const Fix* fix = nullptr;
  for (const auto& f : r.findings)
    if (f.fix) {
      BOOST_TEST(f.key == "4");  // the fix rides on the new finding
      fix = &*f.fix;
    }
  BOOST_TEST_REQUIRE(fix);
  BOOST_TEST(apply_edits(text, fix->edits) ==
             list_table({"|1\n|{{Flag|France}}\n|1960", "|2\n|{{Flag|Spain}}\n|1961",
                         "|2\n|{{Flag|Italy}}\n|1962", "|3\n|{{Flag|Chad}}\n|1963",
                         "|4\n|{{Flag|Peru}}\n|1964", "|5\n|{{Flag|Iran}}\n|1966",
                         "|6\n|{{Flag|Laos}}\n|1967"}));
  // A new duplicate before the old one: renumbering it would turn the old one into another
  // defect, so there is no fix.
  CheckContext later;
  later.kept.insert({"table-sequence", "4"});
  for (const auto& f : check_source(src, config, &later).findings) BOOST_TEST(!f.fix.has_value());
}

BOOST_AUTO_TEST_CASE(table_sequence_fix_counts_down_and_skips_ambiguous_cells) {
  const std::string down = list_table({"|5\n|{{Flag|France}}\n|1960", "|4\n|{{Flag|Spain}}\n|1961",
                                       "|4\n|{{Flag|Italy}}\n|1962", "|2\n|{{Flag|Chad}}\n|1963",
                                       "|1\n|{{Flag|Peru}}\n|1964"});
  const auto f = run(down, "table-sequence");
  BOOST_TEST_REQUIRE(!f.empty());
  BOOST_TEST_REQUIRE(f.front().fix.has_value());
  BOOST_TEST(apply_edits(down, f.front().fix->edits) ==
             list_table({"|5\n|{{Flag|France}}\n|1960", "|4\n|{{Flag|Spain}}\n|1961",
                         "|3\n|{{Flag|Italy}}\n|1962", "|2\n|{{Flag|Chad}}\n|1963",
                         "|1\n|{{Flag|Peru}}\n|1964"}));
  // The number to change also stands in a comment: no guess, no fix.
  const std::string ambiguous =
      list_table({"|1\n|{{Flag|France}}\n|1960", "|2\n|{{Flag|Spain}}\n|1961",
                  "|2<!-- was 2 -->\n|{{Flag|Italy}}\n|1962", "|4\n|{{Flag|Chad}}\n|1963"});
  for (const auto& x : run(ambiguous, "table-sequence")) BOOST_TEST(!x.fix.has_value());
}

BOOST_AUTO_TEST_CASE(date_format_fix_applies_once) {
  TempDir t;
  const std::string path =
      t.file("dates.wiki",
             "{{Use dmy dates|date=May 2023}}\nRelations began on August 20, 1960, and again on "
             "1999-02-03.\n");
  fix_twice(path, "date-format");
  BOOST_TEST(read_file(path) ==
             "{{Use dmy dates|date=May 2023}}\nRelations began on 20 August 1960, and again on "
             "3 February 1999.\n");
}

// Issue 9, row 15: a file with lone CR line ends is fixed byte for byte but for the fix.
BOOST_AUTO_TEST_CASE(date_format_fix_keeps_cr_and_crlf_line_ends) {
  for (const std::string e : {"\r", "\r\n"}) {
    TempDir t;
    const std::string path = t.file("dates.wiki", "{{Use dmy dates|date=May 2023}}" + e +
                                                      "Relations began on August 20, " + "1960." +
                                                      e + e + "Again on 1999-02-03." + e);
    fix_twice(path, "date-format");
    BOOST_TEST(read_file(path) == "{{Use dmy dates|date=May 2023}}" + e +
                                      "Relations began on 20 August 1960." + e + e +
                                      "Again on 3 February 1999." + e);
  }
}

// A fix that writes a line end writes the file's own; in a file of mixed line ends it is
// refused, and the file is left as it was.
BOOST_AUTO_TEST_CASE(a_fix_writing_a_line_end_follows_the_file_or_is_refused) {
  struct Case {
    std::string text, want;
    FixOutcome::Status status;
  };
  const std::vector<Case> cases = {
      {"One.\rTwo.\r", "One.\rX\rY\rTwo.\r", FixOutcome::Status::Written},
      {"One.\r\nTwo.\r\n", "One.\r\nX\r\nY\r\nTwo.\r\n", FixOutcome::Status::Written},
      {"One.\nTwo.\n", "One.\nX\nY\nTwo.\n", FixOutcome::Status::Written},
      {"One.\rTwo.\n", "One.\rTwo.\n", FixOutcome::Status::Refused},
      {"One.\r\nTwo.\n", "One.\r\nTwo.\n", FixOutcome::Status::Refused}};
  for (const Case& c : cases) {
    TempDir t;
    const std::string path = t.file("e.wiki", c.text);
    const FileStamp stamp = stamp_file(path);
    LoadResult loaded = load_source(path);
    const size_t after = c.text.find_first_not_of("\r\n", 4);  // the start of line 2
    // Inserts "X", a line end written as LF, "Y", a line end written as CRLF.
    std::vector<Finding> findings{with_fix("date-format", "x", {{after, after, "X\nY\r\n"}})};
    FixRequest rq;
    rq.source = &*loaded.source;
    rq.findings = &findings;
    rq.stamp = stamp;
    rq.recheck = [](const Source& s) { return check_source(s, Config{}); };
    FixOutcome o = fix_file(rq);
    BOOST_TEST_CONTEXT(o.message) {
      BOOST_TEST(static_cast<int>(o.status) == static_cast<int>(c.status));
      BOOST_TEST(read_file(path) == c.want);
      if (c.status == FixOutcome::Status::Refused)
        BOOST_TEST(o.message.find("mixes line ends") != std::string::npos);
    }
  }
  // A fix without a line end is fine in a file of mixed line ends.
  TempDir t;
  const std::string path = t.file("m.wiki", "One.\rTwo.\n");
  const FileStamp stamp = stamp_file(path);
  LoadResult loaded = load_source(path);
  std::vector<Finding> findings{with_fix("date-format", "x", {{0, 3, "Eno"}})};
  FixRequest rq;
  rq.source = &*loaded.source;
  rq.findings = &findings;
  rq.stamp = stamp;
  rq.recheck = [](const Source& s) { return check_source(s, Config{}); };
  FixOutcome o = fix_file(rq);
  BOOST_TEST(static_cast<int>(o.status) == static_cast<int>(FixOutcome::Status::Written));
  BOOST_TEST(read_file(path) == "Eno.\rTwo.\n");
}

BOOST_AUTO_TEST_CASE(ref_undefined_fix_takes_the_definition_from_the_baseline) {
  TempDir t;
  const std::string row1 = "|1\n|{{Flag|France}}\n|20 August 1960<ref name=\":1\" />";
  const std::string old_text =
      list_table({row1, "|2\n|{{Flag|Spain}}\n|1961<ref name=\":1\">{{Cite web |title=T}}</ref>"}) +
      "{{Reflist}}\n";
  const std::string old_path = t.file("old.wiki", old_text);
  const std::string path = t.file(
      "new.wiki", list_table({row1, "|2\n|{{Flag|Spain}}\n|1961<ref>S</ref>"}) + "{{Reflist}}\n");
  std::string error;
  auto provider = BaselineProvider::from_file(old_path, error);
  BOOST_TEST_REQUIRE(provider.has_value());
  EditCheckOptions options;
  options.baseline = *provider;
  fix_twice(path, "ref-undefined", options);
  BOOST_TEST(
      read_file(path).find("|20 August 1960<ref name=\":1\">{{Cite web |title=T}}</ref>\n") !=
      std::string::npos);
}

BOOST_AUTO_TEST_CASE(ref_undefined_fix_from_another_input_unless_inputs_disagree) {
  TempDir t;
  const std::string broken = "Text.<ref name=\"s\" /> More.<ref name=\"s\" />\n{{Reflist}}\n";
  const std::string path = t.file("a.wiki", broken);
  const std::string donor = t.file("b.wiki", "Other.<ref name=\"s\">Source S</ref>\n{{Reflist}}\n");
  const std::string rival = t.file("c.wiki", "Else.<ref name=\"s\">Source T</ref>\n{{Reflist}}\n");
  {
    EditCheckOptions options;
    options.inputs = {path, donor, rival};
    FileReport r = fix_once(path, options);
    BOOST_TEST(r.fixes_applied == 0u);  // two different definitions: which one is unknown
    BOOST_TEST(read_file(path) == broken);
  }
  EditCheckOptions options;
  options.inputs = {path, donor};
  // Borrowed from another article: unsafe, withheld by --fix alone.
  FileReport safe_only = fix_once(path, options);
  BOOST_TEST(safe_only.fixes_applied == 0u);
  BOOST_TEST(safe_only.fixes_withheld == 1u);
  options.selection.unsafe = true;
  fix_twice(path, "ref-undefined", options);
  BOOST_TEST(read_file(path) ==
             "Text.<ref name=\"s\">Source S</ref> More.<ref name=\"s\" />\n{{Reflist}}\n");
}

BOOST_AUTO_TEST_CASE(a_file_changed_between_read_and_write_is_refused) {
  TempDir t;
  const std::string path = t.file("d.wiki", "{{Use dmy dates}}\nIt began on August 20, 1960.\n");
  const std::string meanwhile = "{{Use dmy dates}}\nSomeone else's edit, August 21, 1960.\n";
  EditCheckOptions options;
  options.before_write = [&] { std::ofstream(path, std::ios::binary) << meanwhile; };
  FileReport r = fix_once(path, options);
  BOOST_TEST(r.fix_failed);
  BOOST_TEST_REQUIRE(!r.notes.empty());
  BOOST_TEST(r.notes[0].find("changed since wikivet read it") != std::string::npos);
  BOOST_TEST(read_file(path) == meanwhile);  // their edit stands
  // Same bytes written back (only the time changes) is refused as well.
  const std::string same = read_file(path);
  options.before_write = [&] {
    struct stat st {};
    ::stat(path.c_str(), &st);
    const timespec times[2] = {st.st_atim, {st.st_mtim.tv_sec + 5, st.st_mtim.tv_nsec}};
    ::utimensat(AT_FDCWD, path.c_str(), times, 0);
  };
  BOOST_TEST(fix_once(path, options).fix_failed);
  BOOST_TEST(read_file(path) == same);
}

BOOST_AUTO_TEST_CASE(a_fix_that_makes_a_new_finding_is_rolled_back) {
  TempDir t;
  const std::string text = "Plain text here.\n{{Reflist}}\n";
  const std::string path = t.file("e.wiki", text);
  ::chmod(path.c_str(), 0640);
  const FileStamp stamp = stamp_file(path);
  LoadResult loaded = load_source(path);
  // A fake fix that adds an undefined named reference.
  std::vector<Finding> findings{with_fix("date-format", "x", {{10, 10, "<ref name=zz/>"}})};
  FixRequest rq;
  rq.source = &*loaded.source;
  rq.findings = &findings;
  rq.stamp = stamp;
  rq.recheck = [](const Source& s) { return check_source(s, Config{}); };
  FixOutcome o = fix_file(rq);
  BOOST_TEST(static_cast<int>(o.status) == static_cast<int>(FixOutcome::Status::RolledBack));
  BOOST_TEST(o.message.find("ref-undefined") != std::string::npos);
  BOOST_TEST(o.message.find("the original is restored") != std::string::npos);
  BOOST_TEST(read_file(path) == text);
  struct stat st {};
  ::stat(path.c_str(), &st);
  BOOST_TEST((st.st_mode & 07777) == 0640u);
}

// Issue 9, row 4: the user saves the file while wikivet re-checks its fix; the rollback must
// not overwrite the user's edit with the original.
BOOST_AUTO_TEST_CASE(a_rollback_keeps_an_edit_saved_during_the_recheck) {
  TempDir t;
  const std::string text = "Plain text here.\n{{Reflist}}\n";
  const std::string path = t.file("e.wiki", text);
  const FileStamp stamp = stamp_file(path);
  LoadResult loaded = load_source(path);
  std::vector<Finding> findings{with_fix("date-format", "x", {{10, 10, "<ref name=zz/>"}})};
  FixRequest rq;
  rq.source = &*loaded.source;
  rq.findings = &findings;
  rq.stamp = stamp;
  const std::string users = "The user's own edit, saved meanwhile.\n";
  rq.recheck = [&](const Source& s) {
    std::ofstream(path, std::ios::binary) << users;
    return check_source(s, Config{});
  };
  FixOutcome o = fix_file(rq);
  BOOST_TEST(static_cast<int>(o.status) == static_cast<int>(FixOutcome::Status::Failed));
  BOOST_TEST(o.message.find("changed after wikivet wrote it") != std::string::npos, o.message);
  BOOST_TEST(read_file(path) == users);
}

BOOST_AUTO_TEST_CASE(a_fix_that_leaves_its_finding_is_rolled_back) {
  TempDir t;
  const std::string text = "a<ref name=\"x\" />\n{{Reflist}}\n";
  const std::string path = t.file("g.wiki", text);
  LoadResult loaded = load_source(path);
  std::vector<Finding> findings = check_source(*loaded.source, Config{}).findings;
  BOOST_TEST_REQUIRE(findings.size() == 1u);
  findings[0].fix = Fix{"does nothing useful", {{0, 1, "b"}}, true};
  FixRequest rq;
  rq.source = &*loaded.source;
  rq.findings = &findings;
  rq.stamp = stamp_file(path);
  rq.recheck = [](const Source& s) { return check_source(s, Config{}); };
  FixOutcome o = fix_file(rq);
  BOOST_TEST(static_cast<int>(o.status) == static_cast<int>(FixOutcome::Status::RolledBack));
  BOOST_TEST(o.message.find("still there") != std::string::npos);
  BOOST_TEST(read_file(path) == text);
}

BOOST_AUTO_TEST_CASE(writing_keeps_permissions_follows_links_and_leaves_clean_files_alone) {
  TempDir t;
  const std::string target =
      t.file("real.wiki", "{{Use dmy dates}}\nIt began on August 20, 1960.\n");
  ::chmod(target.c_str(), 0604);
  const std::string link = t.path("link.wiki");
  fs::create_symlink("real.wiki", link);
  FileReport r = fix_once(link);
  BOOST_TEST(r.fixes_applied == 1u);
  BOOST_TEST(fs::is_symlink(link));
  BOOST_TEST(read_file(target) == "{{Use dmy dates}}\nIt began on 20 August 1960.\n");
  struct stat st {};
  ::stat(target.c_str(), &st);
  BOOST_TEST((st.st_mode & 07777) == 0604u);
  // No temporary file is left behind.
  size_t entries = 0;
  for ([[maybe_unused]] const auto& e : fs::directory_iterator(t.dir)) ++entries;
  BOOST_TEST(entries == 2u);
  // A file without fixes is not rewritten (same inode, same time).
  const FileStamp s0 = stamp_file(target);
  BOOST_TEST(fix_once(target).fixes_applied == 0u);
  const FileStamp s1 = stamp_file(target);
  BOOST_TEST(s0.inode == s1.inode);
  BOOST_TEST(s0.mtime_ns == s1.mtime_ns);
}

BOOST_AUTO_TEST_CASE(diff_mode_writes_nothing) {
  TempDir t;
  const std::string text = "{{Use dmy dates}}\nIt began on August 20, 1960.\n";
  const std::string path = t.file("f.wiki", text);
  EditCheckOptions options;
  options.fix_mode = EditCheckOptions::FixMode::Diff;
  options.inputs = {path};
  EditCheck check(options);
  FileReport r = check.check(path, Config{});
  BOOST_TEST(r.diff.find("-It began on August 20, 1960.\n+It began on 20 August 1960.\n") !=
             std::string::npos);
  BOOST_TEST(read_file(path) == text);
}
