#define BOOST_TEST_MODULE report_text
#include <boost/test/unit_test.hpp>

#include "core/display_text.hpp"
#include "engine/config.hpp"
#include "report/code_frame.hpp"
#include "report_test_util.hpp"

using namespace wikivet;
using test::finding_at;
using test::render;
using test::result_of;

BOOST_AUTO_TEST_CASE(finding_line_frame_notes_and_summary) {
  Source src("a.wiki", "{|\n| 124 || Angola\n|-\n| 124 || Philippines\n|}\n");
  Finding f = finding_at(src, "table-sequence", Severity::Warning, "124",
                         "number 124 appears twice", "124", 10);
  Finding other = finding_at(src, "x", Severity::Warning, "124", "");
  f.related.push_back({other.location, "the other row numbered 124"});
  const std::string out = render("text", {result_of(src, {f})});
  BOOST_TEST(out ==
             "a.wiki:4:3: warning: number 124 appears twice [table-sequence]\n"
             " 4 | | 124 || Philippines\n"
             "   |   ^~~\n"
             "  a.wiki:2:3: note: the other row numbered 124\n"
             "1 warning in 1 file\n");
}

BOOST_AUTO_TEST_CASE(summary_counts_and_plurals) {
  Source a("a.wiki", "one two three four\n");
  Source b("b.wiki", "nothing\n");
  std::vector<Finding> fs = {finding_at(a, "r1", Severity::Error, "one", "m"),
                             finding_at(a, "r1", Severity::Error, "two", "m"),
                             finding_at(a, "r2", Severity::Warning, "three", "m"),
                             finding_at(a, "r3", Severity::Info, "four", "m")};
  const std::string out = render("text", {result_of(a, fs), result_of(b, {})});
  BOOST_TEST(out.ends_with("\n2 errors, 1 warning, 1 info in 2 files\n"));
  BOOST_TEST(render("text", {result_of(b, {}), result_of(b, {})}) == "no findings in 2 files\n");
}

BOOST_AUTO_TEST_CASE(columns_count_code_points) {
  // "Côte d'Ivoire" has a two-byte character before the range; "日本" three-byte ones.
  Source src("u.wiki", "| Côte d'Ivoire || 日本 || 1960\n");
  Finding f = finding_at(src, "r", Severity::Error, "1960", "bad date");
  BOOST_TEST(f.location.start.column == 26u);
  const std::string out = render("text", {result_of(src, {f})});
  BOOST_TEST(out ==
             "u.wiki:1:26: error: bad date [r]\n"
             " 1 | | Côte d'Ivoire || 日本 || 1960\n"
             "   |                          ^~~~\n"
             "1 error in 1 file\n");
}

BOOST_AUTO_TEST_CASE(tabs_are_expanded_under_the_caret) {
  Source src("t.wiki", "\tx\tyy\n");
  Finding f = finding_at(src, "r", Severity::Info, "yy", "m");
  const std::string frame = report::code_frame(src, f.location, false);
  BOOST_TEST(frame == " 1 |     x   yy\n   |         ^~\n");
}

BOOST_AUTO_TEST_CASE(range_spanning_lines_is_underlined_to_the_end_of_the_first) {
  Source src("m.wiki", "ab {{cite\nweb}} cd\n");
  Finding f = finding_at(src, "r", Severity::Error, "{{cite\nweb}}", "unclosed");
  BOOST_TEST(report::code_frame(src, f.location, false) == " 1 | ab {{cite\n   |    ^~~~~~\n");
}

BOOST_AUTO_TEST_CASE(empty_range_gets_one_caret) {
  Source src("e.wiki", "abc\n");
  Location l = make_location(src, 3, 3);
  BOOST_TEST(report::code_frame(src, l, false) == " 1 | abc\n   |    ^\n");
}

BOOST_AUTO_TEST_CASE(control_characters_are_not_echoed) {
  Source src("c.wiki", std::string("a\x1b[31mb x\r\n", 11));
  Finding f = finding_at(src, "r", Severity::Error, "x", "m");
  const std::string frame = report::code_frame(src, f.location, false);
  BOOST_TEST(frame.find('\x1b') == std::string::npos);
  BOOST_TEST(frame.find('\r') == std::string::npos);
  BOOST_TEST(frame == " 1 | a\xEF\xBF\xBD[31mb x\n   |         ^\n");
}

BOOST_AUTO_TEST_CASE(long_line_is_cut_around_the_range) {
  // A 10,000-character line (multi-byte characters included) with the range in the middle.
  std::string line;
  for (int i = 0; i < 1000; ++i) line += "é234567890";  // 10 code points, 11 bytes each
  BOOST_REQUIRE(count_code_points(line) == 10000u);
  const size_t at = 5500;  // a byte offset at a character boundary, mid-line
  std::string text = line.substr(0, at) + "NEEDLE" + line.substr(at) + "\nnext\n";
  Source src("long.wiki", text);
  Finding f = finding_at(src, "r", Severity::Warning, "NEEDLE", "m");
  const std::string frame = report::code_frame(src, f.location, false);
  const size_t nl = frame.find('\n');
  const std::string first = frame.substr(0, nl);
  const std::string second = frame.substr(nl + 1, frame.size() - nl - 2);
  const std::string prefix = " 1 | ";
  BOOST_TEST(first.starts_with(prefix + "\xE2\x80\xA6"));
  BOOST_TEST(first.ends_with("\xE2\x80\xA6"));
  BOOST_TEST(first.find("NEEDLE") != std::string::npos);
  // Width: at most kFrameWidth code points after the gutter, marks included.
  BOOST_TEST(count_code_points(first.substr(prefix.size())) <= report::kFrameWidth);
  // The caret sits under the N of NEEDLE: same code point column in both lines.
  const size_t caret = second.find('^');
  BOOST_REQUIRE(caret != std::string::npos);
  BOOST_TEST(second.substr(caret) == "^~~~~~");
  const std::string before_needle = first.substr(0, first.find("NEEDLE"));
  BOOST_TEST(count_code_points(before_needle) == caret);
}

BOOST_AUTO_TEST_CASE(huge_line_costs_bounded_work) {
  std::string text(10'000'000, 'x');
  text.replace(9'000'000, 3, "END");
  Source src("huge.wiki", text);
  Finding f = finding_at(src, "r", Severity::Warning, "END", "m");
  const std::string frame = report::code_frame(src, f.location, false);
  BOOST_TEST(frame.size() < 1000u);
  BOOST_TEST(frame.find("END") != std::string::npos);
}

BOOST_AUTO_TEST_CASE(colour_only_when_asked) {
  Source src("a.wiki", "x\n");
  Finding f = finding_at(src, "r", Severity::Error, "x", "m");
  WriterOptions o;
  BOOST_TEST(render("text", {result_of(src, {f})}, o).find('\x1b') == std::string::npos);
  o.color = true;
  const std::string out = render("text", {result_of(src, {f})}, o);
  BOOST_TEST(out.find("\x1b[1ma.wiki:1:1:\x1b[0m") != std::string::npos);  // bold path
  BOOST_TEST(out.find("\x1b[1;31merror:\x1b[0m") != std::string::npos);    // red error
  BOOST_TEST(out.find("\x1b[32m^\x1b[0m") != std::string::npos);           // green caret
}

BOOST_AUTO_TEST_CASE(suppressed_findings_only_with_show_suppressed) {
  Source src("a.wiki", "x y\n");
  Finding f = finding_at(src, "r", Severity::Error, "x", "m");
  f.suppressed = true;
  Finding g = finding_at(src, "r", Severity::Warning, "y", "n");
  BOOST_TEST(render("text", {result_of(src, {f, g})}).find("[r] (suppressed)") ==
             std::string::npos);
  WriterOptions o;
  o.show_suppressed = true;
  const std::string out = render("text", {result_of(src, {f, g})}, o);
  BOOST_TEST(out.find("a.wiki:1:1: error: m [r] (suppressed)\n") != std::string::npos);
  BOOST_TEST(out.ends_with("1 warning, 1 suppressed in 1 file\n"));
}

// Issue 9 row 11: a ref name is article text; in the text report it must not drive the terminal
// (ESC sequences), forge a `file:line:col:` line (newline) or reorder what is shown (bidi
// controls). JSON keeps it exact.
BOOST_AUTO_TEST_CASE(article_text_in_messages_cannot_drive_the_terminal) {
  const std::string name =
      "a\x1b]0;owned\x07\x1b[31mred\nforged.wiki:1:1: error: forged [x]\xe2\x80\xae"
      "cba\xc2\x9b";
  Source src("r\x1b[2J.wiki", "Text.<ref name=\"" + name + "\"/>\n\n{{Reflist}}\n");
  const FileResult r = check_source(src, Config{});
  BOOST_REQUIRE(!r.findings.empty());
  bool names_the_ref = false;
  for (const auto& f : r.findings) names_the_ref |= f.message.find("owned") != std::string::npos;
  BOOST_REQUIRE(names_the_ref);
  for (const char* format : {"text", "github"}) {
    const std::string out = render(format, {r});
    BOOST_TEST_INFO(format << ": " << out);
    BOOST_TEST(out.find('\x1b') == std::string::npos);
    BOOST_TEST(out.find('\x07') == std::string::npos);
    BOOST_TEST(out.find("\xe2\x80\xae") == std::string::npos);  // RIGHT-TO-LEFT OVERRIDE
    BOOST_TEST(out.find("\xc2\x9b") == std::string::npos);      // C1 CSI
    BOOST_TEST(out.find("\nforged.wiki:") == std::string::npos);
    BOOST_TEST(out.find("owned") != std::string::npos);  // the rest of the name is still shown
  }
  const std::string json = render("json", {r});
  BOOST_TEST(json.find("\\u001b]0;owned\\u0007") != std::string::npos);
  BOOST_TEST(json.find("red\\nforged.wiki") != std::string::npos);
}

BOOST_AUTO_TEST_CASE(display_safe_keeps_tabs_and_text_and_replaces_controls) {
  BOOST_TEST(display_safe("a\tb Côte 日本") == "a\tb Côte 日本");
  BOOST_TEST(display_safe("a\x1b[0mb") == "a\xEF\xBF\xBD[0mb");
  BOOST_TEST(display_safe("\x7f\xc2\x85\xd8\x9c\xe2\x80\x8e\xe2\x81\xa9\xff") ==
             "\xEF\xBF\xBD\xEF\xBF\xBD\xEF\xBF\xBD\xEF\xBF\xBD\xEF\xBF\xBD\xEF\xBF\xBD");
  BOOST_TEST(quote_short("select") == "'select'");
  BOOST_TEST(quote_short(std::string(1000, 'x'), 5) == "'xxxxx\xE2\x80\xA6' (1000 bytes)");
  BOOST_TEST(quote_short("日本語", 2) == "'日本\xE2\x80\xA6' (9 bytes)");
}

BOOST_AUTO_TEST_CASE(code_frame_replaces_bidi_and_c1_controls) {
  Source src("b.wiki", "x \xe2\x80\xae\xc2\x9b y\n");
  Finding f = finding_at(src, "r", Severity::Info, "y", "m");
  const std::string frame = report::code_frame(src, f.location, false);
  BOOST_TEST(frame == " 1 | x \xEF\xBF\xBD\xEF\xBF\xBD y\n   |      ^\n");
}
