#define BOOST_TEST_MODULE rules_formatting
#include <boost/test/unit_test.hpp>

#include "test_util.hpp"

using namespace wikivet;
using namespace wikivet::test;

BOOST_AUTO_TEST_CASE(format_unclosed_italic_and_bold) {
  const auto f =
      run("The ''Zembla Times reported it.\n"
          "He was '''born in 1901.\n"
          "A ''closed'' phrase and an ''open one.\n"
          "Height 5'11'' tall.\n"
          "== ''Heading ==\n",
          "format-unclosed");
  BOOST_TEST_REQUIRE(f.size() == 4u);
  BOOST_TEST(f[0].message == "italic opened here is not closed on this line");
  BOOST_TEST(f[0].location.start.line == 1u);
  BOOST_TEST(f[1].message == "bold opened here is not closed on this line");
  BOOST_TEST(f[2].location.start.line == 3u);
  BOOST_TEST(f[2].location.start.column == 28u);  // the second opener, not the closed pair
  BOOST_TEST(f[3].location.start.line == 4u);
}

BOOST_AUTO_TEST_CASE(format_unclosed_follows_mediawiki_apostrophe_rules) {
  BOOST_TEST(run("''Italic'' and '''bold''' and '''''both''''' here.\n"
                 "L'''amour'' est un film.\n"           // odd bold and italic: fixed up
                 "The ''Times'''s editor.\n"            // possessive after italic: fixed up
                 "It's one apostrophe and 'quoted'.\n"  // single apostrophes are text
                 "A ''''bold'''' run of four.\n"        // four = apostrophe + bold
                 "'''''bold italic''' then italic''.\n",
                 "format-unclosed")
                 .empty());
}

BOOST_AUTO_TEST_CASE(format_unclosed_ignores_what_mediawiki_reads_apart) {
  BOOST_TEST(run("A {{lang|fr|''Le Monde}} and <nowiki>''</nowiki> and <!-- '' -->.\n"
                 "Cited.<ref>''Title</ref> <math>f''(x)</math> <code>x</code>\n"
                 "{{Infobox\n| name = ''Foo\n}} ''after a multi-line template\n"
                 "<pre>\n''x\n</pre>\n",
                 "format-unclosed")
                 .empty());
}

BOOST_AUTO_TEST_CASE(format_unclosed_quiet_where_the_whole_line_is_meant) {
  BOOST_TEST(
      run("''Note: this whole line is italic.\n"
          "* '''Result of the vote\n"
          "<center>'''Year</center>\n"
          "The count ended.)''<ref>Source</ref>\n"
          "== ''Heading ==\n"
          "* See [http://example.org ''Proverbs of April] and [[File:a.jpg|thumb|A ''caption]]\n"
          "He stated ''\"It is obvious.\"\nThe songs were երգերը''»։\n"
          "{| class=wikitable\n| style=\"x\" | '''54%''' ''164,676\n|-\n| ''a || ''b\n|}\n",
          "format-unclosed")
          .empty());
}

BOOST_AUTO_TEST_CASE(format_unclosed_stops_at_unclosed_constructs) {
  const auto f = run("One ''open.\n{{unclosed template\nTwo ''open.\n", "format-unclosed");
  BOOST_TEST_REQUIRE(f.size() == 1u);
  BOOST_TEST(f[0].location.start.line == 1u);
}
