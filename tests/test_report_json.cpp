#define BOOST_TEST_MODULE report_json
#include <boost/json.hpp>
#include <boost/test/unit_test.hpp>

#include "report_test_util.hpp"
#include "wikivet/version.hpp"

using namespace wikivet;
using test::finding_at;
using test::render;
using test::result_of;
namespace json = boost::json;

namespace {

struct Fixture {
  Source a{"dir/a.wiki", "{|\n| 124 || Angola\n|-\n| 124 || Côte d'Ivoire\n|}\n"};
  Source b{"b.wiki", "clean\n"};
  std::vector<FileResult> results() const {
    Finding f =
        finding_at(a, "table-sequence", Severity::Warning, "124", "number 124 twice", "124", 10);
    Finding first = finding_at(a, "x", Severity::Warning, "124", "");
    f.related.push_back({first.location, "the other row numbered 124"});
    Finding g = finding_at(a, "date-unknown", Severity::Error, "Côte", "Côte d'Ivoire: no date",
                           "Côte d'Ivoire");
    g.category = Category::Dates;
    g.fix = Fix{"write the date", {TextEdit{g.location.begin, g.location.end, "X"}}};
    g.suppressed = true;
    return {result_of(a, {f, g}), result_of(b, {})};
  }
};

}  // namespace

BOOST_FIXTURE_TEST_CASE(json_document_has_every_field, Fixture) {
  WriterOptions o;
  o.show_suppressed = true;
  const std::string out = render("json", results(), o);
  const json::value doc = json::parse(out);
  BOOST_TEST(doc.at("version").as_int64() == 1);
  BOOST_TEST(doc.at("tool").at("name").as_string() == "wikivet");
  BOOST_TEST(doc.at("tool").at("version").as_string() == kVersion);
  const auto& files = doc.at("files").as_array();
  BOOST_REQUIRE(files.size() == 2u);
  BOOST_TEST(files[0].at("path").as_string() == "dir/a.wiki");
  BOOST_TEST(files[1].at("findings").as_array().empty());
  const auto& fs = files[0].at("findings").as_array();
  BOOST_REQUIRE(fs.size() == 2u);
  const json::object& f = fs[0].as_object();
  BOOST_TEST(json::serialize(f) ==
             R"({"rule":"table-sequence","severity":"warning","category":"tables",)"
             R"("message":"number 124 twice","line":4,"column":3,"end_line":4,"end_column":6,)"
             R"("offset":24,"end_offset":27,"snippet":"124","key":"124","fingerprint":")" +
                 make_fingerprint("table-sequence", "124", 0) +
                 R"(","related":[{"message":"the other row numbered 124","path":"dir/a.wiki",)"
                 R"("line":2,"column":3,"end_line":2,"end_column":6}]})");
  BOOST_TEST(!f.contains("fix"));
  BOOST_TEST(!f.contains("suppressed"));
  const json::object& g = fs[1].as_object();
  BOOST_TEST(g.at("category").as_string() == "dates");
  BOOST_TEST(g.at("suppressed").as_bool());
  BOOST_TEST(g.at("snippet").as_string() == "Côte");
  BOOST_TEST(g.at("column").as_int64() == 10);
  BOOST_TEST(g.at("end_column").as_int64() == 14);  // code points, not bytes
  BOOST_TEST(g.at("end_offset").as_int64() - g.at("offset").as_int64() == 5);  // bytes
  BOOST_TEST(
      json::serialize(g.at("fix")) ==
      R"({"description":"write the date","edits":[{"offset":31,"end_offset":36,"replacement":"X"}],"safe":false})");
  const auto& s = doc.at("summary");
  BOOST_TEST(s.at("files").as_int64() == 2);
  BOOST_TEST(s.at("findings").as_int64() == 1);
  BOOST_TEST(s.at("suppressed").as_int64() == 1);
  BOOST_TEST(json::serialize(s.at("by_rule")) == R"({"table-sequence":1})");
  BOOST_TEST(json::serialize(s.at("by_severity")) == R"({"error":0,"warning":1,"info":0})");
}

BOOST_FIXTURE_TEST_CASE(json_without_show_suppressed_drops_them, Fixture) {
  const json::value doc = json::parse(render("json", results()));
  BOOST_TEST(doc.at("files").at(0).at("findings").as_array().size() == 1u);
}

BOOST_AUTO_TEST_CASE(json_with_no_files_is_still_a_document) {
  const json::value doc = json::parse(render("json", {}));
  BOOST_TEST(doc.at("files").as_array().empty());
  BOOST_TEST(doc.at("summary").at("files").as_int64() == 0);
}

BOOST_AUTO_TEST_CASE(invalid_utf8_becomes_replacement_characters) {
  Source src("bad.wiki", std::string("x \xFF\xFE y\n"));
  Finding f = finding_at(src, "r", Severity::Error, std::string("\xFF\xFE"), "bytes \xFF here");
  const json::value doc = json::parse(render("json", {result_of(src, {f})}));
  const auto& x = doc.at("files").at(0).at("findings").at(0);
  BOOST_TEST(x.at("snippet").as_string() == "\xEF\xBF\xBD\xEF\xBF\xBD");
  BOOST_TEST(x.at("message").as_string() == "bytes \xEF\xBF\xBD here");
}

BOOST_FIXTURE_TEST_CASE(jsonl_one_finding_per_line_then_summary, Fixture) {
  WriterOptions o;
  o.show_suppressed = true;
  const std::string out = render("jsonl", results(), o);
  std::vector<json::value> lines;
  size_t pos = 0;
  while (pos < out.size()) {
    const size_t nl = out.find('\n', pos);
    BOOST_REQUIRE(nl != std::string::npos);
    lines.push_back(json::parse(out.substr(pos, nl - pos)));
    pos = nl + 1;
  }
  BOOST_REQUIRE(lines.size() == 3u);
  BOOST_TEST(lines[0].at("path").as_string() == "dir/a.wiki");
  BOOST_TEST(lines[0].at("rule").as_string() == "table-sequence");
  BOOST_TEST(lines[0].at("line").as_int64() == 4);
  BOOST_TEST(lines[0].at("related").as_array().size() == 1u);
  BOOST_TEST(lines[1].at("rule").as_string() == "date-unknown");
  BOOST_TEST(lines[1].at("suppressed").as_bool());
  BOOST_TEST(!lines[2].as_object().contains("rule"));
  BOOST_TEST(lines[2].at("summary").at("files").as_int64() == 2);
  // Every finding line has exactly the JSON format's fields plus "path".
  const json::value doc = json::parse(render("json", results(), o));
  json::object expected = doc.at("files").at(0).at("findings").at(0).as_object();
  expected["path"] = "dir/a.wiki";
  BOOST_TEST(lines[0].as_object().size() == expected.size());
  for (const auto& [k, v] : expected) BOOST_TEST(lines[0].at(k) == v, "field " << k);
}
