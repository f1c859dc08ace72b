#define BOOST_TEST_MODULE rules_refs
#include <boost/test/unit_test.hpp>

#include "test_util.hpp"

using namespace wikivet;
using namespace wikivet::test;

BOOST_AUTO_TEST_CASE(ref_undefined_fires_once_per_name) {
  const auto f = run("a<ref name=\":1\" /> b<ref name=\":1\"/> c<ref name=x>X</ref>\n{{Reflist}}",
                     "ref-undefined");
  BOOST_TEST_REQUIRE(f.size() == 1u);
  BOOST_TEST(f[0].key == ":1");
  BOOST_TEST(f[0].message == "named reference ':1' is invoked but never defined (2 invocations)");
  BOOST_TEST(f[0].related.size() == 1u);
}

BOOST_AUTO_TEST_CASE(ref_undefined_quiet_for_use_before_definition_and_templates) {
  BOOST_TEST(run("a<ref name=a/> b<ref name=a>A</ref> c<ref name='b' /> "
                 "{{efn|name=n|note}}{{refn|name=b|B}} d<ref name=n group=lower-alpha/> "
                 "e{{#tag:ref|T|name=t}}<ref name=t/>\n{{Reflist}}",
                 "ref-undefined")
                 .empty());
}

BOOST_AUTO_TEST_CASE(ref_names_are_case_sensitive) {
  const auto f = run("a<ref name=Ab>A</ref> b<ref name=ab />\n{{Reflist}}", "ref-undefined");
  BOOST_TEST_REQUIRE(f.size() == 1u);
  BOOST_TEST(f[0].key == "ab");
}

BOOST_AUTO_TEST_CASE(ref_conflict_ignores_whitespace) {
  const auto f =
      run("a<ref name=x>One  source</ref> b<ref name=x>One source</ref> "
          "c<ref name=x>Other</ref>\n{{Reflist}}",
          "ref-conflict");
  BOOST_TEST_REQUIRE(f.size() == 1u);
  BOOST_TEST(f[0].snippet == "<ref name=x>Other</ref>");
}

BOOST_AUTO_TEST_CASE(ref_empty) {
  const auto f =
      run("a<ref></ref> b<ref /> c<ref name=x/> d<ref name=x>X</ref> "
          "e<ref>  </ref>\n{{Reflist}}",
          "ref-empty");
  BOOST_TEST(f.size() == 3u);
}

BOOST_AUTO_TEST_CASE(ref_unused_list_defined) {
  const auto f =
      run("a<ref name=used />\n<references>\n<ref name=used>U</ref>\n"
          "<ref name=unused>N</ref>\n</references>",
          "ref-unused");
  BOOST_TEST_REQUIRE(f.size() == 1u);
  BOOST_TEST(f[0].key == "unused");
  BOOST_TEST(
      run("a<ref name=u />\n{{Reflist|refs=\n<ref name=u>U</ref>\n}}", "ref-unused").empty());
}

BOOST_AUTO_TEST_CASE(ref_no_list_per_group) {
  BOOST_TEST(run("a<ref>A</ref>", "ref-no-list").size() == 1u);
  BOOST_TEST(run("a<ref>A</ref>\n<references />", "ref-no-list").empty());
  const auto f = run("a<ref>A</ref>{{efn|note}}\n{{Reflist}}", "ref-no-list");
  BOOST_TEST_REQUIRE(f.size() == 1u);
  BOOST_TEST(f[0].key == "lower-alpha");
  BOOST_TEST(run("a<ref>A</ref>{{efn|note}}\n{{Notelist}}\n{{Reflist}}", "ref-no-list").empty());
}

BOOST_AUTO_TEST_CASE(refs_in_nowiki_and_comments_are_not_refs) {
  BOOST_TEST(run("<nowiki><ref name=x/></nowiki> <!-- <ref name=y/> --> "
                 "<pre><ref name=z/></pre>\n{{Reflist}}",
                 "ref-undefined")
                 .empty());
}

BOOST_AUTO_TEST_CASE(ref_no_list_accepts_configured_templates) {
  Config c;
  c.options["ref-no-list"].values.push_back({"list-templates", {"Fotnoteliste"}});
  BOOST_TEST(run("a<ref>A</ref>\n{{fotnoteliste}}", "ref-no-list", c).empty());
  BOOST_TEST(run("a<ref>A</ref>\n{{fotnoteliste}}", "ref-no-list").size() == 1u);
}
