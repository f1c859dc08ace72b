#define BOOST_TEST_MODULE rules_tags
#include <boost/test/unit_test.hpp>

#include "engine/fix.hpp"
#include "test_util.hpp"

using namespace wikivet;
using namespace wikivet::test;

namespace {

// The text after applying every fix of `rule` (safe and unsafe) once.
std::string fixed(const std::string& text, const std::string& rule) {
  const auto f = run(text, rule);
  FixSelection all;
  all.unsafe = true;
  return apply_edits(text, plan_fixes(f, all).edits);
}

}  // namespace

BOOST_AUTO_TEST_CASE(unclosed_fires) {
  BOOST_TEST(run("Mali's <sup>2 population.\n", "tag-unclosed").size() == 1u);
  BOOST_TEST(run("a <small>b <span>c</span>\n", "tag-unclosed").size() == 1u);
  // A closer of the tag around it ends the inner one.
  const auto f = run("<div>a <small>b</div>\n", "tag-unclosed");
  BOOST_TEST_REQUIRE(f.size() == 1u);
  BOOST_TEST(f[0].message.find("</div>") != std::string::npos);
  // In a ref it runs on over the reference list; in a template parameter the template decides.
  BOOST_TEST(run("a<ref><small>b</ref>\n", "tag-unclosed").size() == 1u);
  BOOST_TEST(run("{{Quote|text=<small>b}}\n", "tag-unclosed").empty());
  BOOST_TEST(run("a <span lang=fr>b\n", "tag-unclosed").empty());
  BOOST_TEST(run("a <span style=\"color:red\">b\n", "tag-unclosed").size() == 1u);
  BOOST_TEST(run("[[File:x.jpg|thumb|<center>cap]]\n", "tag-unclosed").empty());
}

BOOST_AUTO_TEST_CASE(unclosed_silent) {
  BOOST_TEST(run("<small>a</small> <SPAN>b</span > <div>\nc\n</div>\n", "tag-unclosed").empty());
  // Void tags and optional end tags.
  BOOST_TEST(run("a<br>b<hr>\n<p>c\n<ul><li>d<li>e</ul>\n", "tag-unclosed").empty());
  // Raw text, comments, parser functions.
  BOOST_TEST(
      run("<nowiki><small></nowiki> <!-- <span> --> <pre><div></pre>\n", "tag-unclosed").empty());
  BOOST_TEST(run("{{#if:{{{x|}}}|<span class=a>|}}\n", "tag-unclosed").empty());
  // Opened outside a template parameter, closed inside it: may pair after expansion.
  BOOST_TEST(run("<div>{{Quote|text=a</div>}}\n", "tag-unclosed").empty());
  BOOST_TEST(run("<div>{{Quote|text=a</div>}}\n", "tag-stray-close").empty());
}

BOOST_AUTO_TEST_CASE(unclosed_in_a_cell_is_closed_there) {
  BOOST_TEST(run("{|\n| a || <small>b \n| <center>'''c'''\n|}\n", "tag-unclosed").empty());
  // The same tags outside the table run on.
  BOOST_TEST(run("a <small>b\n\n<center>'''c'''\n", "tag-unclosed").size() == 2u);
}

BOOST_AUTO_TEST_CASE(stray_close) {
  const auto f = run("Mali became independent.</small> <span>a</span></span>\n", "tag-stray-close");
  BOOST_TEST(f.size() == 2u);
  BOOST_TEST(fixed("a.</small> b\n", "tag-stray-close") == "a. b\n");
  // A closer in another cell than its opener closes nothing there.
  BOOST_TEST(run("{|\n| <small>a\n| b</small>\n|}\n", "tag-stray-close").size() == 1u);
  BOOST_TEST(run("<small>a</small> </p> </br> </li> </td>\n", "tag-stray-close").empty());
  BOOST_TEST(run("<nowiki></span></nowiki> <!-- </div> -->\n", "tag-stray-close").empty());
}

BOOST_AUTO_TEST_CASE(misnested) {
  const auto f = run("<small>Bamako <b>capital</small> of</b> Mali\n", "tag-misnested");
  BOOST_TEST_REQUIRE(f.size() == 1u);
  BOOST_TEST(f[0].message.find("<b>") != std::string::npos);
  BOOST_TEST(f[0].message.find("</small>") != std::string::npos);
  BOOST_TEST(run("<small>Bamako <b>capital</small> of</b>\n", "tag-stray-close").empty());
  BOOST_TEST(run("<small>Bamako <b>capital</small> of</b>\n", "tag-unclosed").empty());
  BOOST_TEST(run("<small>Bamako <b>capital</b></small> <i>x</i>\n", "tag-misnested").empty());
}

BOOST_AUTO_TEST_CASE(self_closed) {
  const auto f = run("<span id=\"Bamako\"/>a <div style=\"clear:both\" />\n", "tag-self-closed");
  BOOST_TEST(f.size() == 2u);
  BOOST_TEST(fixed("<span id=\"x\"/>a\n", "tag-self-closed") == "<span id=\"x\"></span>a\n");
  BOOST_TEST(fixed("<div style=\"clear:both\" />\n", "tag-self-closed") ==
             "<div style=\"clear:both\"></div>\n");
  BOOST_TEST(run("a<br/>b<br />c<hr/><ref name=x/><references/>\n", "tag-self-closed").empty());
  BOOST_TEST(run("<nowiki><span/></nowiki>\n", "tag-self-closed").empty());
  // A self-closed tag is not also reported as unclosed.
  BOOST_TEST(run("<span id=x/>a\n", "tag-unclosed").empty());
}

BOOST_AUTO_TEST_CASE(malformed_br) {
  const std::string text = "a</br>b<br/ >c<\\br>d<br\\>e<br.>f< br >g</BR>h\n";
  const auto f = run(text, "tag-malformed-br");
  BOOST_TEST(f.size() == 7u);
  BOOST_TEST(fixed(text, "tag-malformed-br") == "a<br>b<br>c<br>d<br>e<br>f<br>g<br>h\n");
  BOOST_TEST(
      run("a<br>b<br/>c<br />d<BR>e<br clear=\"all\">f<br style=\"x\" />\n", "tag-malformed-br")
          .empty());
  // Raw text and comments; near misses that are other words.
  BOOST_TEST(run("<nowiki></br></nowiki><!-- <\\br> --><pre><br.></pre><code>x</code>\n",
                 "tag-malformed-br")
                 .empty());
  BOOST_TEST(run("a <bra> b <brx> c</b>\n", "tag-malformed-br").empty());
}

BOOST_AUTO_TEST_CASE(duplicate_id_fires) {
  // On tags, and on table, row and cell lines; each later element is reported once.
  const auto f =
      run("<span id=\"K\"></span>a\n{| id=\"K\"\n|- id=K\n| id='K' | b\n|}\n", "tag-duplicate-id");
  BOOST_TEST(f.size() == 3u);
  // Spaces are underscores in an id, and runs of white space are one.
  BOOST_TEST(run("<span id=\"a b\"></span><div id=\"a_b\"></div>\n", "tag-duplicate-id").size() ==
             1u);
  BOOST_TEST(run("<span id=\" a  b \"></span><div id=a_b></div>\n", "tag-duplicate-id").size() ==
             1u);
  // In a ref's content too, and the attribute name is case-blind.
  BOOST_TEST(
      run("<ref><span ID=x>a</span></ref> <span id=x></span>\n", "tag-duplicate-id").size() == 1u);
  // An element that writes id twice has its last: here that is the repeated one.
  BOOST_TEST(run("<span id=a id=b></span><span id=b></span>\n", "tag-duplicate-id").size() == 1u);
}

BOOST_AUTO_TEST_CASE(duplicate_id_silent) {
  // Ids are case-sensitive; other attributes are not ids.
  BOOST_TEST(run("<span id=\"K\"></span><span id=\"k\"></span>\n", "tag-duplicate-id").empty());
  BOOST_TEST(run("<span class=K></span><span class=K></span><span name=K></span><span "
                 "data-id=K></span><span id=K></span>\n",
                 "tag-duplicate-id")
                 .empty());
  // Made by templates, or depending on them: unknown.
  BOOST_TEST(run("{{anchor|K}}{{anchor|K}}<span id=K></span>\n", "tag-duplicate-id").empty());
  BOOST_TEST(run("{{Quote|<span id=K></span>}}<span id=K></span>\n", "tag-duplicate-id").empty());
  BOOST_TEST(run("{{#if:x|<span id=K></span>|<span id=K></span>}}\n", "tag-duplicate-id").empty());
  BOOST_TEST(
      run("<span id=\"{{X}}\"></span><span id=\"{{X}}\"></span>\n", "tag-duplicate-id").empty());
  // An element that writes id twice has its last: the first value is not on the page.
  BOOST_TEST(run("<span id=a id=b></span><span id=a></span>\n", "tag-duplicate-id").empty());
  // Comments, nowiki, end tags, empty ids, an extension tag's own attributes.
  BOOST_TEST(run("<!-- <span id=K> --><nowiki><span id=K></nowiki><span id=K></span id=K>\n",
                 "tag-duplicate-id")
                 .empty());
  BOOST_TEST(run("<span id=\"\"></span><span id=\"\"></span>\n", "tag-duplicate-id").empty());
  BOOST_TEST(run("<ref name=a id=K>x</ref><span id=K></span>\n", "tag-duplicate-id").empty());
}
