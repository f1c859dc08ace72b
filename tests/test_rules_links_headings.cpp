#define BOOST_TEST_MODULE rules_links_headings
#include <boost/test/unit_test.hpp>

#include "test_util.hpp"

using namespace wikivet;
using namespace wikivet::test;

BOOST_AUTO_TEST_CASE(lonely_bracket) {
  const auto f = run("a [http://x.org y]] b {{X}}} c\n[[Mali]]] d", "link-lonely-bracket");
  BOOST_TEST_REQUIRE(f.size() == 3u);
  BOOST_TEST(f[0].location.start.column == 19u);
  BOOST_TEST(f[0].fix.has_value());
  // Near misses: the bracket closes an open one, MediaWiki moves it into the label, doubled
  // closers are syntax-stray-close, the link's own closer, nowiki.
  BOOST_TEST(
      run("[see [http://x.org y]] and [[#top|[top]]] and {{nowrap|{1, 2}}}", "link-lonely-bracket")
          .empty());
  BOOST_TEST(run("[http://x.org y]]] [http://x.org [[Mali]]] <nowiki>[[a]]]</nowiki>",
                 "link-lonely-bracket")
                 .empty());
}

BOOST_AUTO_TEST_CASE(unclosed_external) {
  BOOST_TEST(run("a [http://x.org never\nb] c", "link-unclosed-external").size() == 1u);
  BOOST_TEST(
      run("a [http://x.org y] [//x.org z] [http:// q] [[http://x]]", "link-unclosed-external")
          .empty());
  BOOST_TEST(
      run("a [http://x.org {{X}} y] <pre>[http://x.org</pre>", "link-unclosed-external").empty());
}

BOOST_AUTO_TEST_CASE(unclosed_external_past_wikilinks) {
  // MediaWiki reads wikilinks first: their "]]" does not close the external link.
  const auto f =
      run("a [http://x.org by [[Mali]]\nb [http://y.org [[A|a]] c] d", "link-unclosed-external");
  BOOST_TEST_REQUIRE(f.size() == 1u);
  BOOST_TEST(f[0].location.start.line == 1u);
  // A ']' after the <ref> it is in closes nothing inside it.
  BOOST_TEST(
      run("<ref>[http://x.org a</ref> b [http://y.org c]", "link-unclosed-external").size() == 1u);
  // Near misses: a "]]" that is no wikilink's closes it ("[http://x y]]" is
  // link-lonely-bracket's), and a ']' after the wikilink does.
  BOOST_TEST(run("[http://x.org y]] [http://x.org [[Mali]] z]", "link-unclosed-external").empty());
}

BOOST_AUTO_TEST_CASE(nested_external) {
  const auto f = run("a [http://x.org A [https://y.org B] c\n[http://z.org Z [//w.org W]",
                     "link-nested-external");
  BOOST_TEST_REQUIRE(f.size() == 2u);
  BOOST_TEST(f[0].location.start.column == 19u);
  BOOST_TEST(f[1].location.start.line == 2u);
  // Near misses: both closed, a bracket with no scheme in a label, a scheme with nothing
  // after it, the link in a template parameter, in nowiki, in a wikilink's label.
  BOOST_TEST(run("[http://x.org A] [http://y.org B] [http://x.org Report [PDF]] "
                 "[http://x.org see [http:// here]",
                 "link-nested-external")
                 .empty());
  BOOST_TEST(run("[http://x.org {{X|[http://y.org B}}] [http://x.org <nowiki>[http://y</nowiki>] "
                 "[[Mali|[http://y.org B]]]",
                 "link-nested-external")
                 .empty());
}

BOOST_AUTO_TEST_CASE(lonely_open_bracket) {
  const auto f = run("a<ref>[Article 59 of the [[Constitution]]</ref>\n|title=[{{X}} b (c) [1 (2)",
                     "link-lonely-open-bracket");
  BOOST_TEST_REQUIRE(f.size() == 3u);
  BOOST_TEST(f[0].location.start.column == 7u);
  BOOST_TEST(f[1].location.start.line == 2u);
  BOOST_TEST(run("<ref>[a</ref> [b]", "link-lonely-open-bracket").size() == 1u);
  // Near misses: closed later on the line (also by an escaped bracket), inside a word or a
  // URL, an external link's or a wikilink's bracket, closed on the next line only counts as
  // unclosed but [[ is syntax-unclosed-link's, nowiki.
  BOOST_TEST(run("a [b] c [d [[e]] f] [g &#93; x?a[b=c [http://x.org y [[Mali]] "
                 "<nowiki>[z</nowiki> x in [0, 2) or [0,&nbsp;b)",
                 "link-lonely-open-bracket")
                 .empty());
  BOOST_TEST(run("a [[b\n[http://x.org y\n[\n", "link-lonely-open-bracket").empty());
}

BOOST_AUTO_TEST_CASE(double_bracket) {
  const auto f = run("[[http://x.org Site]] [[https://y.org|Y]]", "link-double-bracket");
  BOOST_TEST_REQUIRE(f.size() == 2u);
  BOOST_TEST(f[0].fix.has_value());
  BOOST_TEST(f[1].fix.has_value());
  BOOST_TEST(run("[[Http (album)]] [[mailto:a]] [http://x.org y]", "link-double-bracket").empty());
}

BOOST_AUTO_TEST_CASE(wikilink_in_external) {
  BOOST_TEST(run("[http://x.org a [[B]] c]", "link-wikilink-in-external").size() == 1u);
  BOOST_TEST(run("[http://x.org a] [[B]] [http://x.org [[File:a.png]]] [http://x.org {{X|[[B]]}}]",
                 "link-wikilink-in-external")
                 .empty());
}

BOOST_AUTO_TEST_CASE(double_scheme) {
  const auto f = run("[http://https://x.org y] and http://http://z.org", "link-double-scheme");
  BOOST_TEST_REQUIRE(f.size() == 2u);
  BOOST_TEST(f[0].fix.has_value());
  BOOST_TEST(run("[https://x.org/http://y] http://web.archive.org/web/1/http://z.org",
                 "link-double-scheme")
                 .empty());
}

BOOST_AUTO_TEST_CASE(heading_unbalanced) {
  BOOST_TEST(run("=== A ==\n== B\n", "heading-unbalanced").size() == 2u);
  BOOST_TEST(run("== A ==\n=== B === <!-- c -->\n====\na == b\n", "heading-unbalanced").empty());
}

BOOST_AUTO_TEST_CASE(heading_level_1) {
  BOOST_TEST(run("= A =\n== B ==\n", "heading-level-1").size() == 1u);
  BOOST_TEST(run("== A ==\na = b\n=\n{{X|\n= C =\n}}\n", "heading-level-1").empty());
}

BOOST_AUTO_TEST_CASE(heading_skipped_level) {
  const auto f = run("=== A ===\n== B ==\n==== C ====\n==== D ====\n", "heading-skipped-level");
  BOOST_TEST(f.size() == 2u);
  BOOST_TEST(run("== A ==\n=== B ===\n==== C ====\n== D ==\n", "heading-skipped-level").empty());
}

BOOST_AUTO_TEST_CASE(heading_empty) {
  BOOST_TEST(run("==  ==\n== <!-- x --> ==\n", "heading-empty").size() == 2u);
  BOOST_TEST(run("== A ==\n== {{X}} ==\n", "heading-empty").empty());
}

BOOST_AUTO_TEST_CASE(heading_bold) {
  const auto f = run("== '''A''' ==\n== B '''c''' ==\n", "heading-bold");
  BOOST_TEST_REQUIRE(f.size() == 2u);
  BOOST_TEST(f[0].fix.has_value());
  BOOST_TEST(!f[1].fix.has_value());
  BOOST_TEST(
      run("== ''A'' ==\n== '''A ==\n== {{X|'''a'''}} ==\n'''a'''\n", "heading-bold").empty());
}

BOOST_AUTO_TEST_CASE(heading_unclosed_format) {
  BOOST_TEST(run("== ''A ==\n== '''B ==\n", "heading-unclosed-format").size() == 2u);
  // Both odd: MediaWiki reads one ''' as an apostrophe and an italic.
  BOOST_TEST(
      run("== ''A'' ==\n== ''L'''Arc ==\n== {{'}}''A ==\n", "heading-unclosed-format").empty());
}

BOOST_AUTO_TEST_CASE(no_scheme) {
  BOOST_TEST(run("a [www.example.org Site] b", "link-no-scheme").size() == 1u);
  BOOST_TEST(run("[[www.example.org]] [http://www.x.org y] [www. x] [www.x.org\ny] "
                 "<nowiki>[www.x.org y]</nowiki> <!-- [www.x.org y] -->",
                 "link-no-scheme")
                 .empty());
}

BOOST_AUTO_TEST_CASE(image_option_case_fires) {
  const auto f =
      run("[[File:Toronto map.png|thumb|300px|Left|Map of Toronto]]\n", "link-image-option-case");
  BOOST_TEST_REQUIRE(f.size() == 1u);
  BOOST_TEST(f[0].key == "Left");
  BOOST_TEST(f[0].message.find("'left'") != std::string::npos);
  // Keywords, keywords with a value, sizes; the Image: alias; spaces around the option.
  BOOST_TEST(run("[[Image:x.jpg|Thumb|Upright=1.2|200PX|Alt=A map| CENTRE |Map]]\n",
                 "link-image-option-case")
                 .size() == 5u);
  // Also when nothing follows but a recognised option: the word is then the caption.
  BOOST_TEST(run("[[File:x.jpg|Thumb|200px]]\n", "link-image-option-case").size() == 1u);
  // The unsafe fix writes the option's case.
  const auto g = run("[[File:x.jpg|Upright=1.2|Map]]\n", "link-image-option-case");
  BOOST_TEST_REQUIRE(g.size() == 1u);
  BOOST_TEST_REQUIRE(g[0].fix.has_value());
  BOOST_TEST(g[0].fix->edits[0].replacement == "upright=1.2");
}

BOOST_AUTO_TEST_CASE(image_option_case_silent) {
  // Options as MediaWiki spells them; the last part, where the caption stands.
  BOOST_TEST(run("[[File:x.jpg|thumb|left|upright=1.2|200px|100x80px|alt=A|Map]]\n"
                 "[[File:x.jpg|thumb|Left]] [[File:x.jpg|Right]]\n",
                 "link-image-option-case")
                 .empty());
  // Not file links: a plain link, a colon link, a category's sort key.
  BOOST_TEST(
      run("[[Left|Left|x]] [[:File:x.jpg|Left|x]] [[Category:X|Left]]\n", "link-image-option-case")
          .empty());
  // Near misses: other words, text merely ending in "px", the space forms, templates.
  BOOST_TEST(run("[[File:x.jpg|Leftist|Map 300PX|Page 2|Upright 2|{{Left}}|x]]\n",
                 "link-image-option-case")
                 .empty());
  // A profile without the wiki's image options judges none.
  Config c;
  c.use_profile(builtin_profile("bnwiki"));
  BOOST_TEST(run("[[File:x.jpg|Left|x]]\n", "link-image-option-case", c).empty());
}
