#define BOOST_TEST_MODULE rules_syntax
#include <boost/test/unit_test.hpp>

#include "test_util.hpp"

using namespace wikivet;
using namespace wikivet::test;

BOOST_AUTO_TEST_CASE(unclosed_template) {
  const auto f = run("a {{Cite web |title=x\n== H ==\nb {{ok}}", "syntax-unclosed-template");
  BOOST_TEST_REQUIRE(f.size() == 1u);
  BOOST_TEST(f[0].location.start.column == 3u);
  BOOST_TEST(run("a {{Cite web |title={{x}}}} b", "syntax-unclosed-template").empty());
}

BOOST_AUTO_TEST_CASE(unclosed_link) {
  BOOST_TEST(run("Mali borders [[Algeria and [[Niger]].", "syntax-unclosed-link").size() == 1u);
  BOOST_TEST(run("[[File:x.png|thumb|a [[b]] c]]", "syntax-unclosed-link").empty());
}

BOOST_AUTO_TEST_CASE(unclosed_tag_and_nested_ref) {
  BOOST_TEST(run("a<ref>x\n\nb", "syntax-unclosed-tag").size() == 1u);
  BOOST_TEST(run("a<ref>x<ref>y</ref>z</ref>", "syntax-unclosed-tag").size() == 1u);
  BOOST_TEST(run("a<REF>x</ref > b<ref name=x/>", "syntax-unclosed-tag").empty());
}

BOOST_AUTO_TEST_CASE(unclosed_table_does_not_stop_other_rules) {
  const std::string text = "{| class=wikitable\n! A !! B\n|-\n| 1 || 2\n\n== H ==\nx<ref>\n";
  BOOST_TEST(run(text, "syntax-unclosed-table").size() == 1u);
  BOOST_TEST(run(text, "syntax-unclosed-tag").size() == 1u);
}

BOOST_AUTO_TEST_CASE(unclosed_comment) {
  BOOST_TEST(run("a <!-- hidden\nb", "syntax-unclosed-comment").size() == 1u);
  BOOST_TEST(run("a <!-- hidden --> b", "syntax-unclosed-comment").empty());
}

BOOST_AUTO_TEST_CASE(stray_closers) {
  const auto f = run("text}} and ]] and </ref>\n|}\n", "syntax-stray-close");
  BOOST_TEST(f.size() == 4u);
  BOOST_TEST(run("{{a}} [[b]] <ref>c</ref>\n{|\n|x\n|}\n", "syntax-stray-close").empty());
}
