#define BOOST_TEST_MODULE rules_templates
#include <boost/test/unit_test.hpp>

#include "test_util.hpp"

using namespace wikivet;
using namespace wikivet::test;

BOOST_AUTO_TEST_CASE(duplicate_param_named_and_positional) {
  const auto f = run("{{Cite web|date=2014|title=Cars|date=2016}}", "template-duplicate-param");
  BOOST_TEST_REQUIRE(f.size() == 1u);
  BOOST_TEST(f[0].key == "Cite web|date");
  BOOST_TEST(f[0].location.start.column == 33u);
  BOOST_TEST(!f[0].fix.has_value());  // two different values: the editor decides
  // Positional 1 and named 1= are one parameter to MediaWiki.
  BOOST_TEST(run("{{x|a|1=b}}", "template-duplicate-param").size() == 1u);
  BOOST_TEST(run("{{x|1=b|a}}", "template-duplicate-param").size() == 1u);
  // Named names are trimmed.
  BOOST_TEST(run("{{x|date=1| date =2}}", "template-duplicate-param").size() == 1u);
}

BOOST_AUTO_TEST_CASE(duplicate_param_near_misses) {
  BOOST_TEST(run("{{x|a|b|3=c}}", "template-duplicate-param").empty());
  BOOST_TEST(run("{{x|date=1|Date=2}}", "template-duplicate-param").empty());  // case matters
  BOOST_TEST(run("{{x|01=a|1=b}}", "template-duplicate-param").empty());
  BOOST_TEST(run("{{x|a={{y|a=1}}|b=2}}", "template-duplicate-param").empty());  // nested
  BOOST_TEST(run("{{#switch:x|a=1|a=2}}", "template-duplicate-param").empty());  // not a template
  BOOST_TEST(run("{{x|{{{n}}}=1|{{{n}}}=2}}", "template-duplicate-param").empty());
  BOOST_TEST(run("{{Chess diagram|=\n 8 |a|=\n 7 |b|=}}", "template-duplicate-param").empty());
}

BOOST_AUTO_TEST_CASE(duplicate_param_fixes) {
  auto f = run("{{x|a=1|b=2|a=1}}", "template-duplicate-param");
  BOOST_TEST_REQUIRE(f.size() == 1u);
  BOOST_TEST_REQUIRE(f[0].fix.has_value());
  BOOST_TEST(f[0].fix->safe);
  BOOST_TEST(f[0].fix->edits[0].begin == 11u);  // "|a=1" at the end goes
  BOOST_TEST(f[0].fix->edits[0].end == 15u);
  f = run("{{x|a=|b=2|a=1}}", "template-duplicate-param");  // the empty first goes, safely
  BOOST_TEST_REQUIRE(f[0].fix.has_value());
  BOOST_TEST(f[0].fix->safe);
  BOOST_TEST(f[0].fix->edits[0].begin == 3u);
  BOOST_TEST(f[0].fix->edits[0].end == 6u);
  f = run("{{x|a=1|b=2|a=}}", "template-duplicate-param");  // the empty last: unsafe
  BOOST_TEST_REQUIRE(f[0].fix.has_value());
  BOOST_TEST(!f[0].fix->safe);
  f = run("{{x|a|1=a}}", "template-duplicate-param");  // equal: the named one goes
  BOOST_TEST_REQUIRE(f[0].fix.has_value());
  BOOST_TEST(f[0].fix->edits[0].begin == 5u);
  f = run("{{x|a=1|a=1|a=1}}", "template-duplicate-param");  // three times: no fix
  BOOST_TEST(f.size() == 2u);
  for (const auto& x : f) BOOST_TEST(!x.fix.has_value());
}

BOOST_AUTO_TEST_CASE(namespace_prefix) {
  auto f = run("{{Template:Flag|Mali}} {{template:infobox country}}", "template-namespace-prefix");
  BOOST_TEST_REQUIRE(f.size() == 2u);
  BOOST_TEST(f[0].key == "Flag");
  BOOST_TEST_REQUIRE(f[0].fix.has_value());
  BOOST_TEST(f[0].fix->safe);
  BOOST_TEST(f[0].fix->edits[0].begin == 2u);
  BOOST_TEST(f[0].fix->edits[0].end == 11u);
  // A name a magic word could take keeps its prefix in the fix.
  f = run("{{Template:PAGENAME}}", "template-namespace-prefix");
  BOOST_TEST_REQUIRE(f.size() == 1u);
  BOOST_TEST(!f[0].fix.has_value());
  BOOST_TEST(run("{{:Template:Flag}} {{Flag|Mali}} {{Templates:X}} {{subst:Template:X}}",
                 "template-namespace-prefix")
                 .empty());
}

BOOST_AUTO_TEST_CASE(namespace_prefix_local_name) {
  Config c;
  c.use_profile(builtin_profile("bnwiki"));
  BOOST_TEST(run("{{টেমপ্লেট:তথ্যছক}}", "template-namespace-prefix", c).size() == 1u);
  BOOST_TEST(run("{{টেমপ্লেট:তথ্যছক}}", "template-namespace-prefix").empty());  // enwiki
}

BOOST_AUTO_TEST_CASE(programming) {
  auto f = run("Capital: {{{capital|Bamako}}}. {{#if:{{{1|}}}|a|b}} {{#switch:x|x=1}}",
               "template-programming");
  BOOST_TEST(f.size() == 4u);
  BOOST_TEST(f[0].key == "{{{capital}}}");
  BOOST_TEST(f[0].location.start.column == 10u);
  BOOST_TEST(run("{{#expr:1+2}} {{#invoke:M|f}} {{#tag:ref|x}} {{#time:Y}} {{lc:X}} "
                 "<nowiki>{{{1}}}</nowiki> <!-- {{#if:a|b}} --> <pre>{{{1}}}</pre>",
                 "template-programming")
                 .empty());
}
