#define BOOST_TEST_MODULE rules_cite
#include <boost/test/unit_test.hpp>

#include "test_util.hpp"

using namespace wikivet;
using namespace wikivet::test;

BOOST_AUTO_TEST_CASE(ref_numeric_name_fires_on_digits_only) {
  const auto f =
      run("a<ref name=\"1\">A</ref> b<ref name=1 /> c<ref name=\" 22 \">C</ref> "
          "d{{efn|name=3|note}} e<ref follow=4>F</ref>\n{{Reflist}}\n{{Notelist}}",
          "ref-numeric-name");
  BOOST_TEST(keys(f) == (std::vector<std::string>{"1", "1", "22", "3", "follow:4"}),
             boost::test_tools::per_element());
}

BOOST_AUTO_TEST_CASE(ref_numeric_name_quiet_for_names_with_other_characters) {
  BOOST_TEST(
      run("a<ref name=\":1\">A</ref> b<ref name=p12>B</ref> c<ref name=\"2019 census\">C</ref> "
          "d<ref name=\"১\">D</ref> e<ref name=\"1.5\">E</ref> f<ref>1</ref> "
          "g<ref name=\"\">G</ref>\n{{Reflist}}",
          "ref-numeric-name")
          .empty());
}

BOOST_AUTO_TEST_CASE(ref_unknown_attribute_on_ref_and_references) {
  const auto f = run(
      "a<ref name=Smith 2003>A</ref> b<ref nmae=\"x\">B</ref> c<ref name=y page=\"12\">C</ref>\n"
      "e<ref name={{PAGENAME}} foo=1>E</ref>\n"
      "<references colwidth=30em />",
      "ref-unknown-attribute");
  BOOST_TEST(keys(f) == (std::vector<std::string>{"ref:2003", "ref:nmae", "ref:page", "ref:foo",
                                                  "references:colwidth"}),
             boost::test_tools::per_element());
  BOOST_REQUIRE(!f.empty());
  BOOST_TEST(f[0].snippet == "2003");
}

BOOST_AUTO_TEST_CASE(ref_unknown_attribute_quiet_for_known_ones_and_templates) {
  BOOST_TEST(run("a<ref NAME=a Group=g follow=b dir=rtl>A</ref> b<ref name=\"s\" extends=a>S</ref> "
                 "c<ref name=d details=\"p. 2\">D</ref> d<ref name=\"x y\" />"
                 " f{{#tag:ref|F|name=f|page=2}}\n"
                 "<references group=g responsive=0 />\n<references />",
                 "ref-unknown-attribute")
                 .empty());
}

BOOST_AUTO_TEST_CASE(ref_group_conflict_in_list) {
  const auto f =
      run("a<ref name=a group=n/> b<ref name=b group=n/> c<ref name=c/>\n"
          "<references group=n>\n<ref name=a group=m>A</ref>\n<ref name=b>B</ref>\n</references>\n"
          "<references>\n<ref name=c group=\"x\">C</ref>\n</references>",
          "ref-group-conflict");
  BOOST_TEST_REQUIRE(f.size() == 2u);
  BOOST_TEST(f[0].key == "m|n:a");
  BOOST_TEST(f[1].key == "x|:c");
  BOOST_TEST(f[0].message == "reference defined in the list of the group 'n' names the group 'm'");
}

BOOST_AUTO_TEST_CASE(ref_group_conflict_quiet_for_matching_groups) {
  BOOST_TEST(run("a<ref name=a group=n/> b<ref name=b group=n/> c<ref name=c group=m>C</ref>\n"
                 "<references group=\"n\">\n<ref name=a group=\"n\">A</ref>\n<ref name=b>B</ref>\n"
                 "</references>\n{{Reflist|group=m}}\n"
                 "{{Reflist|group=q|refs=\n<ref name=d group=q>D</ref>\n}}",
                 "ref-group-conflict")
                 .empty());
}

BOOST_AUTO_TEST_CASE(ref_list_unnamed) {
  const auto f = run(
      "a<ref name=a/>\n<references>\n<ref name=a>A</ref>\n<ref>B</ref>\n<ref name=\"\">C</ref>\n"
      "</references>\n{{Reflist|refs=\n<ref>D</ref>\n}}",
      "ref-list-unnamed");
  BOOST_TEST(f.size() == 3u);
  BOOST_TEST(run("a<ref>X</ref> b<ref name=a>A</ref>\n<references />", "ref-list-unnamed").empty());
}

BOOST_AUTO_TEST_CASE(ref_list_empty_definition) {
  const auto f =
      run("a<ref name=a/> b<ref name=b/> c<ref name=c/>\n<references>\n<ref name=a />\n"
          "<ref name=b>  </ref>\n<ref name=c>C</ref>\n<ref></ref>\n</references>",
          "ref-list-empty-definition");
  BOOST_TEST(keys(f) == (std::vector<std::string>{"a", "b"}), boost::test_tools::per_element());
  BOOST_TEST(run("a<ref name=a/>\n<references>\n<ref name=a>A</ref>\n</references>\n"
                 "b<ref name=b />\n<ref name=b>B</ref>\n<references />",
                 "ref-list-empty-definition")
                 .empty());
}

BOOST_AUTO_TEST_CASE(ref_duplicate_citation_names_the_first_and_reuses_it) {
  const std::string text =
      "a<ref>{{Cite web |title=T}}</ref> b<ref name=\":0\">Z</ref> c<ref>{{Cite web "
      "|title=T}}</ref>"
      " d<ref>{{Cite web  |title=T}}</ref> e<ref>Other</ref>\n<references />";
  const auto f = run(text, "ref-duplicate-citation");
  BOOST_TEST_REQUIRE(f.size() == 1u);
  BOOST_TEST(f[0].message ==
             "the same citation is written out in 3 unnamed refs; name the first and reuse it");
  BOOST_TEST(f[0].related.size() == 2u);
  BOOST_TEST_REQUIRE(f[0].fix.has_value());
  BOOST_TEST(!f[0].fix->safe);  // one differs in white space
  std::string fixed = text;
  auto edits = f[0].fix->edits;
  for (auto it = edits.rbegin(); it != edits.rend(); ++it)
    fixed.replace(it->begin, it->end - it->begin, it->replacement);
  BOOST_TEST(fixed ==
             "a<ref name=\":1\">{{Cite web |title=T}}</ref> b<ref name=\":0\">Z</ref> "
             "c<ref name=\":1\" /> d<ref name=\":1\" /> e<ref>Other</ref>\n<references />");
  const auto again = run(fixed, "ref-duplicate-citation");
  BOOST_TEST(again.empty());
}

BOOST_AUTO_TEST_CASE(ref_duplicate_citation_safe_when_identical_and_keeps_group) {
  const auto f = run("a<ref group=n>N</ref> b<ref group=n>N</ref>\n<references group=n />",
                     "ref-duplicate-citation");
  BOOST_TEST_REQUIRE(f.size() == 1u);
  BOOST_TEST_REQUIRE(f[0].fix.has_value());
  BOOST_TEST(f[0].fix->safe);
  BOOST_TEST(f[0].fix->edits.back().replacement == "<ref name=\":0\" group=\"n\" />");
}

BOOST_AUTO_TEST_CASE(ref_duplicate_citation_quiet_for_near_misses) {
  BOOST_TEST(run("a<ref>N</ref> b<ref group=n>N</ref> c<ref name=x>N</ref> d<ref name=y>N</ref> "
                 "e{{efn|N}}{{efn|N}} f{{Note|<ref>M</ref>}} g<ref>M</ref> h<ref>P.</ref> "
                 "i<ref>P</ref>\n<references />\n<references group=n />\n{{Notelist}}",
                 "ref-duplicate-citation")
                 .empty());
}

BOOST_AUTO_TEST_CASE(ref_unknown_attribute_once_per_tag) {
  const auto f = run("a<ref name=x\nrest of the line b<ref name=y>Y</ref>\n<references />",
                     "ref-unknown-attribute");
  BOOST_TEST_REQUIRE(f.size() == 1u);
  BOOST_TEST(f[0].message ==
             "<ref> has the attribute 'rest' and 4 more, which Cite does not accept");
}
