#define BOOST_TEST_MODULE report_sarif
#include <unistd.h>

#include <boost/json.hpp>
#include <boost/test/unit_test.hpp>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <map>

#include "report_test_util.hpp"
#include "wikivet/version.hpp"

using namespace wikivet;
using test::finding_at;
using test::render;
using test::result_of;
namespace json = boost::json;
namespace fs = std::filesystem;

namespace {

// A catalogue of made-up rules (the registry of this branch may be empty).
const RuleMeta kSeq{"table-sequence",
                    Category::Tables,
                    Severity::Warning,
                    "Numbers in order",
                    "A numbered column counts 1, 2, 3.\n\nBad: `124, 124`.\n",
                    true};
const RuleMeta kUnknown{"date-unknown", Category::Dates, Severity::Error, "Date is unknown", "",
                        false};
const RuleMeta kImprecise{"date-imprecise", Category::Dates, Severity::Info,
                          "Year only",      "Doc.",          false};
const std::vector<const RuleMeta*> kCatalog = {&kSeq, &kUnknown, &kImprecise};

WriterOptions options() {
  WriterOptions o;
  o.catalog = &kCatalog;
  o.srcroot = fs::current_path().string();
  return o;
}

// Validates with the official schema through tests/tools/validate_sarif.py; skips (with a
// message) when python3-jsonschema is missing.
void validate(const std::string& sarif, const std::string& name) {
  const fs::path dir = fs::temp_directory_path() / ("wikivet-sarif-" + std::to_string(::getpid()));
  fs::create_directories(dir);
  const fs::path file = dir / (name + ".sarif");
  std::ofstream(file) << sarif;
  const std::string root = WIKIVET_SOURCE_DIR;
  const std::string python = fs::exists("/usr/bin/python3") ? "/usr/bin/python3" : "python3";
  const std::string cmd = python + " " + root + "/tests/tools/validate_sarif.py " + root +
                          "/tests/data/sarif-schema-2.1.0.json " + file.string();
  const int rc = std::system(cmd.c_str());
  if (WIFEXITED(rc) && WEXITSTATUS(rc) == 77) {
    BOOST_TEST_MESSAGE("python3-jsonschema missing: schema validation of " << name << " skipped");
    return;
  }
  BOOST_TEST((WIFEXITED(rc) && WEXITSTATUS(rc) == 0), name << " is not valid SARIF 2.1.0");
  fs::remove_all(dir);
}

// Checks a region as a consumer would: inside the file, and charOffset/charLength agreeing
// with the line/column pair (both count code points).
void check_region(const json::object& region, const Source& src) {
  const auto& lines = src.original_lines();
  const auto line = region.at("startLine").as_int64(), col = region.at("startColumn").as_int64();
  const auto eline = region.at("endLine").as_int64(), ecol = region.at("endColumn").as_int64();
  BOOST_TEST(line >= 1);
  BOOST_TEST(eline >= line);
  BOOST_REQUIRE(static_cast<size_t>(eline) <= lines.line_count());
  auto cps_of_line = [&](int64_t l) {
    return static_cast<int64_t>(count_code_points(src.original_line(static_cast<uint32_t>(l))));
  };
  BOOST_TEST(col >= 1);
  BOOST_TEST(col <= cps_of_line(line) + 1);
  BOOST_TEST(ecol <= cps_of_line(eline) + 1);
  if (eline == line) BOOST_TEST(ecol >= col);
  // charOffset: code points before the start line + column - 1.
  const std::string_view orig = src.original();
  auto char_at = [&](int64_t l, int64_t c) {
    return static_cast<int64_t>(
               count_code_points(orig.substr(0, lines.line_begin(static_cast<uint32_t>(l))))) +
           c - 1;
  };
  const int64_t c0 = char_at(line, col), c1 = char_at(eline, ecol);
  BOOST_TEST(region.at("charOffset").as_int64() == c0);
  BOOST_TEST(region.at("charLength").as_int64() == c1 - c0);
  BOOST_TEST(c1 <= static_cast<int64_t>(count_code_points(orig)));
  const auto b = region.at("byteOffset").as_int64(), n = region.at("byteLength").as_int64();
  BOOST_TEST(static_cast<size_t>(b + n) <= orig.size());
  if (const auto* snip = region.if_contains("snippet")) {
    BOOST_TEST(snip->at("text").as_string() ==
               orig.substr(static_cast<size_t>(b), static_cast<size_t>(n)));
  }
}

struct Files {
  Source a{"fixtures/t/a.wiki",
           "{|\n! # !! Country !! Date\n|-\n| 124 || Côte d'Ivoire || 1960\n|-\n| 124 || 日本 || "
           "?\n|}\n"};
  Source b{"fixtures/t/b.wiki", "no problems here\n"};
  std::vector<Finding> findings() const {
    Finding dup = finding_at(a, "table-sequence", Severity::Warning, "124", "124 twice", "124", 40);
    Finding first = finding_at(a, "table-sequence", Severity::Warning, "124", "");
    dup.related.push_back({first.location, "the other row numbered 124"});
    dup.fix = Fix{"renumber", {TextEdit{dup.location.begin, dup.location.end, "125"}}};
    Finding unk =
        finding_at(a, "date-unknown", Severity::Error, "?", "日本: date is unknown", "Japan");
    Finding imp =
        finding_at(a, "date-imprecise", Severity::Info, "1960", "year only", "Ivory Coast");
    Finding sup = imp;
    sup.suppressed = true;
    sup.fingerprint = make_fingerprint("date-imprecise", "Ivory Coast", 1);
    return {imp, sup, dup, unk};
  }
};

}  // namespace

BOOST_FIXTURE_TEST_CASE(valid_and_consistent_as_a_consumer_reads_it, Files) {
  WriterOptions o = options();
  o.show_suppressed = true;
  std::vector<Finding> fs = findings();
  const std::string out = render("sarif", {result_of(a, fs), result_of(b, {})}, o);
  validate(out, "basic");
  const json::value log = json::parse(out);
  BOOST_TEST(log.at("version").as_string() == "2.1.0");
  const auto& run = log.at("runs").at(0);
  BOOST_TEST(run.at("columnKind").as_string() == "unicodeCodePoints");
  const auto& driver = run.at("tool").at("driver");
  BOOST_TEST(driver.at("name").as_string() == "wikivet");
  BOOST_TEST(driver.at("version").as_string() == kVersion);
  BOOST_TEST(driver.at("informationUri").as_string() == "https://github.com/wikivet/wikivet");
  const auto& rules = driver.at("rules").as_array();
  BOOST_REQUIRE(rules.size() == kCatalog.size());
  for (size_t i = 0; i < kCatalog.size(); ++i)
    BOOST_TEST(rules[i].at("id").as_string() == kCatalog[i]->id);
  BOOST_TEST(rules[0].at("name").as_string() == "TableSequence");
  BOOST_TEST(rules[0].at("shortDescription").at("text").as_string() == "Numbers in order");
  BOOST_TEST(rules[0].at("fullDescription").at("text").as_string() ==
             "A numbered column counts 1, 2, 3.");
  BOOST_TEST(rules[0].at("help").at("markdown").as_string() == kSeq.doc);
  BOOST_TEST(rules[0].at("defaultConfiguration").at("level").as_string() == "warning");
  BOOST_TEST(rules[1].at("defaultConfiguration").at("level").as_string() == "error");
  BOOST_TEST(rules[2].at("defaultConfiguration").at("level").as_string() == "note");
  BOOST_TEST(rules[2].at("properties").at("category").as_string() == "dates");

  const auto& results = run.at("results").as_array();
  BOOST_REQUIRE(results.size() == fs.size());
  const auto& artifacts = run.at("artifacts").as_array();
  BOOST_REQUIRE(artifacts.size() == 1u);  // only files with results are listed
  BOOST_TEST(artifacts[0].at("location").at("uri").as_string() == "fixtures/t/a.wiki");
  for (size_t i = 0; i < results.size(); ++i) {
    const auto& r = results[i];
    // ruleIndex points at ruleId.
    const auto idx = static_cast<size_t>(r.at("ruleIndex").as_int64());
    BOOST_REQUIRE(idx < rules.size());
    BOOST_TEST(rules[idx].at("id").as_string() == r.at("ruleId").as_string());
    BOOST_TEST(r.at("ruleId").as_string() == fs[i].rule);
    // Fingerprints copied unchanged.
    BOOST_TEST(r.at("partialFingerprints").at("wikivet/v1").as_string() == fs[i].fingerprint);
    const auto& pl = r.at("locations").at(0).at("physicalLocation");
    BOOST_TEST(pl.at("artifactLocation").at("uri").as_string() == "fixtures/t/a.wiki");
    BOOST_TEST(pl.at("artifactLocation").at("uriBaseId").as_string() == "SRCROOT");
    BOOST_TEST(pl.at("artifactLocation").at("index").as_int64() == 0);
    check_region(pl.at("region").as_object(), a);
    if (const auto* rel = r.as_object().if_contains("relatedLocations")) {
      for (const auto& l : rel->as_array())
        check_region(l.at("physicalLocation").at("region").as_object(), a);
    }
  }
  BOOST_TEST(results[0].at("level").as_string() == "note");
  BOOST_TEST(!results[0].as_object().contains("suppressions"));
  BOOST_TEST(results[1].at("suppressions").at(0).at("kind").as_string() == "inSource");
  const auto& dup = results[2];
  BOOST_TEST(dup.at("relatedLocations").at(0).at("id").as_int64() == 1);
  BOOST_TEST(dup.at("relatedLocations").at(0).at("message").at("text").as_string() ==
             "the other row numbered 124");
  const auto& change = dup.at("fixes").at(0).at("artifactChanges").at(0);
  const auto& del = change.at("replacements").at(0).at("deletedRegion");
  BOOST_TEST(del.at("charOffset") ==
             dup.at("locations").at(0).at("physicalLocation").at("region").at("charOffset"));
  BOOST_TEST(del.at("charLength").as_int64() == 3);
  BOOST_TEST(change.at("replacements").at(0).at("insertedContent").at("text").as_string() == "125");
  // Before "?" come "ô" (2 bytes, 1 code point) and "日本" (6 bytes, 2 code points): charOffset
  // counts code points, byteOffset bytes.
  const auto& unk = results[3].at("locations").at(0).at("physicalLocation").at("region");
  BOOST_TEST(unk.at("byteOffset").as_int64() - unk.at("charOffset").as_int64() == 5);
  BOOST_TEST(run.at("invocations").at(0).at("executionSuccessful").as_bool());
  BOOST_TEST(!run.at("invocations").at(0).as_object().contains("toolExecutionNotifications"));
}

BOOST_FIXTURE_TEST_CASE(fingerprints_survive_lines_inserted_at_the_top, Files) {
  Source moved("fixtures/t/a.wiki", std::string(10, '\n') + std::string(a.original()));
  auto fingerprints = [](const std::string& sarif) {
    std::vector<std::string> out;
    const json::value log = json::parse(sarif);
    for (const auto& r : log.at("runs").at(0).at("results").as_array())
      out.emplace_back(r.at("partialFingerprints").at("wikivet/v1").as_string());
    return out;
  };
  // Same rule and key on the shifted source: the writer must not fold the position in.
  std::vector<Finding> shifted;
  for (const auto& f : findings()) {
    Finding g = f;
    g.location = make_location(moved, f.location.begin + 10, f.location.end + 10);
    g.related.clear();
    shifted.push_back(g);
  }
  const std::string before = render("sarif", {result_of(a, findings())}, options());
  const std::string after = render("sarif", {result_of(moved, shifted)}, options());
  BOOST_TEST(fingerprints(before) == fingerprints(after), boost::test_tools::per_element());
  const json::value log = json::parse(after);
  const auto& r = log.at("runs").at(0).at("results").at(0);
  BOOST_TEST(
      r.at("locations").at(0).at("physicalLocation").at("region").at("startLine").as_int64() == 14);
}

BOOST_AUTO_TEST_CASE(results_past_the_limit_are_cut_by_severity) {
  std::string text;
  for (int i = 0; i < 12; ++i) text += "line " + std::to_string(i) + "\n";
  Source src("many.wiki", text);
  std::vector<Finding> fs;
  const Severity pattern[] = {Severity::Info, Severity::Warning, Severity::Error};
  for (int i = 0; i < 12; ++i) {
    fs.push_back(finding_at(src, "date-imprecise", pattern[i % 3], "line " + std::to_string(i),
                            "m" + std::to_string(i), std::to_string(i)));
  }
  WriterOptions o = options();
  o.sarif_max_results = 6;
  const std::string out = render("sarif", {result_of(src, fs)}, o);
  validate(out, "cut");
  const json::value log = json::parse(out);
  const auto& run = log.at("runs").at(0);
  const auto& results = run.at("results").as_array();
  BOOST_REQUIRE(results.size() == 6u);
  // All 4 errors, then the first 2 warnings, in document order.
  std::vector<std::string> messages;
  for (const auto& r : results) messages.emplace_back(r.at("message").at("text").as_string());
  const std::vector<std::string> expected = {"m1", "m2", "m4", "m5", "m8", "m11"};
  BOOST_TEST(messages == expected, boost::test_tools::per_element());
  const auto& note = run.at("invocations").at(0).at("toolExecutionNotifications").at(0);
  const std::string text_of_note(note.at("message").at("text").as_string());
  BOOST_TEST(text_of_note.find("6 dropped (2 warnings, 4 notes)") != std::string::npos,
             text_of_note);
}

BOOST_AUTO_TEST_CASE(uris_relative_to_srcroot_or_absolute_outside_it) {
  Source in("sub dir/a b.wiki", "x\n");
  Source out_of_root("/elsewhere/c.wiki", "x\n");
  WriterOptions o = options();
  o.srcroot = fs::current_path().string();
  const std::string sarif =
      render("sarif",
             {result_of(in, {finding_at(in, "r-unknown", Severity::Error, "x", "m")}),
              result_of(out_of_root,
                        {finding_at(out_of_root, "table-sequence", Severity::Error, "x", "m")})},
             o);
  validate(sarif, "uris");
  const json::value log = json::parse(sarif);
  const auto& run = log.at("runs").at(0);
  const auto& arts = run.at("artifacts").as_array();
  BOOST_REQUIRE(arts.size() == 2u);
  BOOST_TEST(arts[0].at("location").at("uri").as_string() == "sub%20dir/a%20b.wiki");
  BOOST_TEST(arts[1].at("location").at("uri").as_string() == "file:///elsewhere/c.wiki");
  BOOST_TEST(!arts[1].at("location").as_object().contains("uriBaseId"));
  const std::string base(run.at("originalUriBaseIds").at("SRCROOT").at("uri").as_string());
  BOOST_TEST(base.starts_with("file:///"));
  BOOST_TEST(base.ends_with("/"));
  // A rule missing from the catalogue is still described, so ruleIndex stays truthful.
  const auto& rules = run.at("tool").at("driver").at("rules").as_array();
  const auto& r0 = run.at("results").at(0);
  BOOST_TEST(rules.at(static_cast<size_t>(r0.at("ruleIndex").as_int64())).at("id").as_string() ==
             "r-unknown");
}

BOOST_AUTO_TEST_CASE(empty_run_is_valid) {
  const std::string out = render("sarif", {}, options());
  validate(out, "empty");
  BOOST_TEST(json::parse(out).at("runs").at(0).at("results").as_array().empty());
}
