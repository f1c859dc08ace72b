#define BOOST_TEST_MODULE suppressions
#include <boost/test/unit_test.hpp>

#include "test_util.hpp"

using namespace wikivet;
using namespace wikivet::test;

namespace {

size_t count_rule(const std::vector<Finding>& f, const std::string& rule) {
  return static_cast<size_t>(
      std::count_if(f.begin(), f.end(), [&](const Finding& x) { return x.rule == rule; }));
}

Config only(std::vector<std::string> rules) {
  Config c;
  c.select = std::move(rules);
  return c;
}

}  // namespace

BOOST_AUTO_TEST_CASE(disable_next_line) {
  const std::string text =
      "a<ref name=x/>\n<!-- wikivet-disable-next-line ref-undefined -->\nb<ref name=y/>\n"
      "{{Reflist}}";
  const auto f = run(text, "", only({"ref-undefined", "unused-suppression"}));
  BOOST_TEST_REQUIRE(f.size() == 1u);
  BOOST_TEST(f[0].key == "x");
}

BOOST_AUTO_TEST_CASE(disable_line_and_all_rules) {
  const std::string text =
      "a<ref name=x/> <!-- wikivet-disable-line -->\nb<ref name=y/>\n{{Reflist}}";
  const auto f = run(text, "", only({"ref-undefined", "unused-suppression"}));
  BOOST_TEST_REQUIRE(f.size() == 1u);
  BOOST_TEST(f[0].key == "y");
}

// Issue 9, row 15: MediaWiki saves a lone CR as a line feed, so a file with CR line ends has
// lines, and a suppression covers the line after its own there too.
BOOST_AUTO_TEST_CASE(suppressions_on_cr_only_lines) {
  for (const char* end : {"\n", "\r", "\r\n"}) {
    BOOST_TEST_CONTEXT("line end " << (end[0] == '\n' ? "LF" : end[1] ? "CRLF" : "CR")) {
      const std::string e = end;
      const std::string text = "a<ref name=x/>" + e +
                               "<!-- wikivet-disable-next-line ref-undefined -->" + e +
                               "b<ref name=y/>" + e + "c<ref name=z/>" + e + "{{Reflist}}";
      const auto f = run(text, "", only({"ref-undefined", "unused-suppression"}));
      BOOST_TEST_REQUIRE(f.size() == 2u);
      BOOST_TEST(f[0].key == "x");
      BOOST_TEST(f[1].key == "z");
      BOOST_TEST(f[1].location.start.line == 4u);
      BOOST_TEST(f[1].location.start.column == 2u);
    }
  }
}

BOOST_AUTO_TEST_CASE(disable_enable_block) {
  const std::string text =
      "<!-- wikivet-disable ref-undefined -->\na<ref name=x/>\nb<ref name=y/>\n"
      "<!-- wikivet-enable ref-undefined -->\nc<ref name=z/>\n{{Reflist}}";
  const auto f = run(text, "", only({"ref-undefined", "unused-suppression"}));
  BOOST_TEST_REQUIRE(f.size() == 1u);
  BOOST_TEST(f[0].key == "z");
}

BOOST_AUTO_TEST_CASE(unused_and_misspelt_suppressions_are_reported) {
  const std::string text =
      "<!-- wikivet-disable-next-line ref-undefined -->\nfine\n"
      "<!-- wikivet-disable-next-line ref-undefinde -->\nb<ref name=y/>\n{{Reflist}}";
  const auto f = run(text, "", only({"ref-undefined", "unused-suppression"}));
  BOOST_TEST(count_rule(f, "unused-suppression") == 2u);
  BOOST_TEST(count_rule(f, "ref-undefined") == 1u);
  const auto it = std::find_if(f.begin(), f.end(), [](const Finding& x) {
    return x.message.find("unknown rule 'ref-undefinde'") != std::string::npos;
  });
  BOOST_TEST((it != f.end()));
}

BOOST_AUTO_TEST_CASE(an_unknown_rule_name_is_cut_short_in_the_message) {
  const std::string name(100000, 'x');
  const auto f = run("<!-- wikivet-disable-next-line " + name + " -->\nfine\n", "",
                     only({"unused-suppression"}));
  BOOST_TEST_REQUIRE(f.size() == 1u);
  BOOST_TEST(f[0].message.size() < 200u);
  BOOST_TEST(f[0].message.find("(100000 bytes)") != std::string::npos);
}

BOOST_AUTO_TEST_CASE(show_suppressed_keeps_them_marked) {
  Config c = only({"ref-undefined", "unused-suppression"});
  c.show_suppressed = true;
  const auto f =
      run("<!-- wikivet-disable-next-line ref-undefined -->\nb<ref name=y/>\n"
          "{{Reflist}}",
          "", c);
  BOOST_TEST_REQUIRE(f.size() == 1u);
  BOOST_TEST(f[0].suppressed);
}

BOOST_AUTO_TEST_CASE(other_comments_are_not_directives) {
  // Prose that mentions a directive later, or "wikivet-" followed by no word, is a comment.
  const auto f =
      run("<!-- see wikivet-disable in the docs -->\n<!-- wikivet-2024 notes -->\n"
          "<!-- wikivet- -->\nb<ref name=y/>\n{{Reflist}}",
          "", only({"ref-undefined", "unused-suppression"}));
  BOOST_TEST(f.size() == 1u);
  BOOST_TEST(count_rule(f, "ref-undefined") == 1u);
}

BOOST_AUTO_TEST_CASE(disable_file_covers_the_whole_file) {
  // The comment may stand anywhere, after the findings too; it names one rule, others stay.
  const std::string text =
      "a<ref name=x/>\n{{Cite web|title=t}}\nb<ref name=y/>\n{{Reflist}}\n"
      "<!-- wikivet-disable-file ref-undefined -->\n";
  const auto f = run(text, "", only({"ref-undefined", "unused-suppression"}));
  BOOST_TEST(f.empty());
  const auto unused = run("fine\n<!-- wikivet-disable-file ref-undefined -->\n", "",
                          only({"ref-undefined", "unused-suppression"}));
  BOOST_TEST_REQUIRE(unused.size() == 1u);
  BOOST_TEST(unused[0].message == "suppression silences nothing");
}

BOOST_AUTO_TEST_CASE(misspelt_directives_are_reported_and_silence_nothing) {
  const std::string text =
      "<!-- wikivet-disabel ref-undefined -->\na<ref name=x/>\n"
      "<!-- wikivet-enable-nextline -->\nb<ref name=y/>\n"
      "<!-- wikivet-disabled is not a word -->\n{{Reflist}}";
  const auto f = run(text, "", only({"ref-undefined", "unused-suppression"}));
  BOOST_TEST(count_rule(f, "ref-undefined") == 2u);
  std::vector<std::string> messages;
  for (const auto& x : f)
    if (x.rule == "unused-suppression") messages.push_back(x.message);
  BOOST_TEST_REQUIRE(messages.size() == 3u);
  BOOST_TEST(messages[0] ==
             "unknown directive 'wikivet-disabel' (did you mean 'wikivet-disable'?)");
  BOOST_TEST(messages[1] ==
             "unknown directive 'wikivet-enable-nextline' (did you mean "
             "'wikivet-disable-next-line'?)");
  BOOST_TEST(messages[2] ==
             "unknown directive 'wikivet-disabled' (did you mean 'wikivet-disable'?)");
}
