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

BOOST_AUTO_TEST_CASE(ref_empty_reads_empty_content_as_cite_does) {
  // Cite: "<ref ...></ref>" is invalid for a contentful ref (cite_error_ref_no_input) but a
  // named one is read as "<ref name=... />", a reuse of the definition elsewhere.
  const auto f =
      run("a<ref name=y></ref> b<ref name=y>Y</ref> c<ref></ref>\n{{Reflist}}", "ref-empty");
  BOOST_TEST_REQUIRE(f.size() == 1u);
  BOOST_TEST(f[0].snippet == "<ref></ref>");
  BOOST_TEST(run("a<ref name=y></ref> b<ref name=y>Y</ref>\n{{Reflist}}", "ref-conflict").empty());
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

// --- References as templates make them (issue 11) ---------------------------------------------

// MediaWiki appends the default group's list at the end of the content: under a last heading
// with nothing but categories after it, the list stands where a reader looks for it.
BOOST_AUTO_TEST_CASE(ref_no_list_quiet_when_the_automatic_list_fills_an_empty_last_section) {
  const std::string refs = "a<ref>A</ref>\n\n== संदर्भ ==\n";
  BOOST_TEST(run(refs, "ref-no-list").empty());
  BOOST_TEST(run(refs + "<!-- x -->\n{{DEFAULTSORT:A}}\n[[Category:X]]\n__NOTOC__\n[[bn:A]]",
                 "ref-no-list")
                 .empty());
  // Near misses: something follows the heading (a navbox, text), or a named group, which gets
  // no automatic list, or a page with no heading at all.
  BOOST_TEST(run(refs + "{{Navbox}}\n[[Category:X]]", "ref-no-list").size() == 1u);
  BOOST_TEST(run(refs + "* [[Mali]]", "ref-no-list").size() == 1u);
  BOOST_TEST(run("a<ref group=nb>A</ref>\n\n== Notes ==\n", "ref-no-list").size() == 1u);
  BOOST_TEST(run("a<ref>A</ref>\n[[Category:X]]", "ref-no-list").size() == 1u);
  // A category link in the wiki's own name counts under that wiki's profile; elsewhere it is
  // a link, the section's content.
  Config mr;
  mr.use_profile(builtin_profile("mrwiki"));
  BOOST_TEST(run(refs + "[[वर्ग:Y]]", "ref-no-list", mr).empty());
  // (With a category of its own: a page filed only under वर्ग would be another wiki's.)
  BOOST_TEST(run(refs + "[[वर्ग:Y]]\n[[Category:X]]", "ref-no-list").size() == 1u);
}

// A page of another wiki (Afrikaans, filed in [[Kategorie:]]) read under the English profile:
// its list template ({{Verwysings}}) is unknown, so whether it lists its refs cannot be told.
BOOST_AUTO_TEST_CASE(ref_no_list_quiet_on_a_page_of_another_wiki) {
  const std::string af = "a<ref>A</ref>\n== Verwysings ==\n{{Verwysings|2}}\n{{Normdata}}\n";
  BOOST_TEST(run(af + "[[Kategorie:Skrywers]]\n[[en:Mark Behr]]", "ref-no-list").empty());
  // Near misses: a category of the profile's own namespace (with or without the foreign one),
  // an interlanguage link alone, or no category at all: the page is read as the profile's.
  BOOST_TEST(run(af + "[[Category:Writers]]", "ref-no-list").size() == 1u);
  BOOST_TEST(run(af + "[[Kategorie:Skrywers]]\n[[Category:Writers]]", "ref-no-list").size() == 1u);
  BOOST_TEST(run(af + "[[de:Mark Behr]]", "ref-no-list").size() == 1u);
  BOOST_TEST(run(af, "ref-no-list").size() == 1u);
  // Not at the start of a line: a link in the text, not a category.
  BOOST_TEST(run(af + "See [[Kategorie:Skrywers]].", "ref-no-list").size() == 1u);
}

BOOST_AUTO_TEST_CASE(r_template_invokes_each_name) {
  const std::string list = "\n{{Reflist|refs=\n<ref name=a>A</ref>\n<ref name=b>B</ref>\n}}";
  BOOST_TEST(run("x{{r|a|b}}" + list, "ref-unused").empty());
  BOOST_TEST(run("x{{R|a|b|p=12}}" + list, "ref-unused").empty());
  // Near miss: b is named nowhere in the text.
  const auto f = run("x{{r|a}}" + list, "ref-unused");
  BOOST_TEST_REQUIRE(f.size() == 1u);
  BOOST_TEST(f[0].key == "b");
}

BOOST_AUTO_TEST_CASE(r_template_invocations_can_be_undefined) {
  BOOST_TEST(run("x<ref name=a>A</ref> y{{r|a}}\n{{Reflist}}", "ref-undefined").empty());
  const auto f = run("x<ref name=a>A</ref> y{{r|a|c}}\n{{Reflist}}", "ref-undefined");
  BOOST_TEST_REQUIRE(f.size() == 1u);
  BOOST_TEST(f[0].key == "c");
  // Group option: g= or group= put the names in that group.
  BOOST_TEST(run("x<ref name=a group=n>A</ref> y{{r|a|g=n}} z{{r|group=n|a}}\n"
                 "{{Reflist}}{{Reflist|group=n}}",
                 "ref-undefined")
                 .empty());
  BOOST_TEST(
      run("x<ref name=a group=n>A</ref> y{{r|a}}\n{{Reflist}}{{Reflist|group=n}}", "ref-undefined")
          .size() == 1u);
  // r= gives the first name its content: a definition.
  BOOST_TEST(run("x{{r|d|r=Content of d}} y<ref name=d />\n{{Reflist}}", "ref-undefined").empty());
}

BOOST_AUTO_TEST_CASE(efn_with_named_content_parameter_defines) {
  // {{efn|name=x|1=text}} defines x (the content is parameter 1, named or not).
  BOOST_TEST(run("a{{efn|name=x|1=Text}} b{{efn|name=x}}\n{{Notelist}}", "ref-undefined").empty());
  BOOST_TEST(
      run("a{{efn|name=x|reference=Text}} b{{efn|name=x}}\n{{Notelist}}", "ref-undefined").empty());
  // Near miss: an efn with a name and no content only invokes.
  const auto f = run("a{{efn|name=x|1=Text}} b{{efn|name=y}}\n{{Notelist}}", "ref-undefined");
  BOOST_TEST_REQUIRE(f.size() == 1u);
  BOOST_TEST(f[0].key == "lower-alpha:y");
}

BOOST_AUTO_TEST_CASE(refn_defines_in_its_group_and_invokes_without_content) {
  BOOST_TEST(run("a{{refn|name=x|group=g|Text}} b{{refn|name=x|group=g}} c<ref name=x group=g/>\n"
                 "{{Reflist|group=g}}",
                 "ref-undefined")
                 .empty());
  // Near miss: the same name in the default group is another ref.
  const auto f = run("a{{refn|name=x|group=g|Text}} b<ref name=x/>\n{{Reflist|group=g}}{{Reflist}}",
                     "ref-undefined");
  BOOST_TEST_REQUIRE(f.size() == 1u);
  BOOST_TEST(f[0].key == "x");
}

BOOST_AUTO_TEST_CASE(efn_group_parameter_takes_only_known_groups) {
  // {{efn|group=1}} is no group {{efn}} knows: the note stays lower-alpha, as the template does.
  BOOST_TEST(run("a{{efn|group=1|Note}}\n{{Notelist}}", "ref-no-list").empty());
  const auto f = run("a{{efn|group=upper-roman|Note}}\n{{Notelist}}", "ref-no-list");
  BOOST_TEST_REQUIRE(f.size() == 1u);
  BOOST_TEST(f[0].key == "upper-roman");
  BOOST_TEST(run("a{{efn-ua|Note}}\n{{Notelist-ua}}", "ref-no-list").empty());
  BOOST_TEST(run("a{{efn-ua|Note}}\n{{Notelist}}", "ref-no-list").size() == 1u);
}

BOOST_AUTO_TEST_CASE(chart_template_refname_defines_a_named_ref) {
  const std::string row = "{|\n|-\n{{Single chart|UK|3|artist=X|song=Y|refname=UKchart}}\n|}\n";
  BOOST_TEST(run(row + "Again.<ref name=UKchart/>\n{{Reflist}}", "ref-undefined").empty());
  // Near miss: without refname= the chart's ref has no name to reuse.
  const std::string unnamed = "{|\n|-\n{{Single chart|UK|3|artist=X|song=Y}}\n|}\n";
  BOOST_TEST(run(unnamed + "Again.<ref name=UKchart/>\n{{Reflist}}", "ref-undefined").size() == 1u);
  // Its citation is built by the template: never empty, never a conflict.
  BOOST_TEST(run(row + row + "\n{{Reflist}}", "ref-conflict").empty());
  BOOST_TEST(run(row + "\n{{Reflist}}", "ref-empty").empty());
}

// {{Infobox language|ref=e18}} cites Ethnologue as the ref e18; other ref= values are text the
// infobox shows (a <ref> of their own, or a word), not a ref it makes.
BOOST_AUTO_TEST_CASE(infobox_language_ref_edition_defines_a_named_ref) {
  const std::string box = "{{Infobox language\n|name = Brahui\n|ref = e18\n}}\n";
  BOOST_TEST(run(box + "Spoken.<ref name=\"e18\"/>\n{{Reflist}}", "ref-undefined").empty());
  // Near misses: another edition's name, and a ref= that is not an edition.
  BOOST_TEST(run(box + "Spoken.<ref name=e17/>\n{{Reflist}}", "ref-undefined").size() == 1u);
  const std::string harv = "{{Infobox language\n|name = Brahui\n|ref = harv\n}}\n";
  BOOST_TEST(run(harv + "Spoken.<ref name=harv/>\n{{Reflist}}", "ref-undefined").size() == 1u);
  // Without ref= the infobox makes no ref: no list is missing.
  BOOST_TEST(run("{{Infobox language|name=Brahui}}\nText.", "ref-no-list").empty());
  BOOST_TEST(run(box + "Text.", "ref-no-list").size() == 1u);
}

BOOST_AUTO_TEST_CASE(quotes_in_template_group_and_name_are_dropped) {
  BOOST_TEST(run("a<ref group=nb>A</ref>\n{{Reflist|group=\"nb\"}}", "ref-no-list").empty());
  BOOST_TEST(run("a{{efn|name=\"x\"|Text}} b<ref name=x group=lower-alpha/>\n{{Notelist}}",
                 "ref-undefined")
                 .empty());
  // Near miss: another group.
  BOOST_TEST(run("a<ref group=nb>A</ref>\n{{Reflist|group=\"nc\"}}", "ref-no-list").size() == 1u);
}

BOOST_AUTO_TEST_CASE(refs_count_wherever_wikitext_is_parsed) {
  // Gallery captions, image captions and template parameters define refs.
  BOOST_TEST(run("<gallery>\nFile:A.jpg|Caption<ref name=g>G</ref>\n</gallery>\n"
                 "[[File:B.jpg|thumb|Caption<ref name=i>I</ref>]]\n"
                 "{{Infobox|area=12<ref name=t>T</ref>}}\n"
                 "x<ref name=g/><ref name=i/><ref name=t/>\n{{Reflist}}",
                 "ref-undefined")
                 .empty());
  // Near misses: each of those refs is seen, so a page whose only refs stand there and that has
  // no list is reported (were they ignored, there would be nothing to list).
  for (const char* where :
       {"<gallery>\nFile:A.jpg|Caption<ref>G</ref>\n</gallery>\n",
        "[[File:B.jpg|thumb|Caption<ref>I</ref>]]\n", "{{Infobox|area=12<ref>T</ref>}}\n"}) {
    BOOST_TEST(run(std::string(where) + "Text.", "ref-no-list").size() == 1u, where);
    BOOST_TEST(run(std::string(where) + "Text.\n{{Reflist}}", "ref-no-list").empty(), where);
  }
  // A ref in an HTML comment is no ref: a definition only there leaves the name undefined.
  const auto f = run("<!-- <ref name=c>C</ref> -->\nx<ref name=c/>\n{{Reflist}}", "ref-undefined");
  BOOST_TEST_REQUIRE(f.size() == 1u);
  BOOST_TEST(f[0].key == "c");
  // ... and a list inside a comment is no list.
  BOOST_TEST(run("x<ref>A</ref>\n<!-- {{Reflist}} -->", "ref-no-list").size() == 1u);
}

BOOST_AUTO_TEST_CASE(reference_lists_of_every_kind) {
  // {{Notes}} is {{Notelist}}: the lower-alpha notes.
  BOOST_TEST(run("a{{efn|Note}}\n{{Notes}}", "ref-no-list").empty());
  BOOST_TEST(run("a<ref>A</ref>\n{{Notes}}", "ref-no-list").size() == 1u);
  // {{NoteTag}} and {{NoteFoot}}: the group note.
  BOOST_TEST(run("a{{NoteTag|Note}}\n{{NoteFoot}}", "ref-no-list").empty());
  BOOST_TEST(run("a{{NoteTag|Note}}\n{{Notelist}}", "ref-no-list").size() == 1u);
  // {{#tag:references}} is a list too.
  BOOST_TEST(run("a<ref group=g>A</ref>\n{{#tag:references||group=g}}", "ref-no-list").empty());
  // {{sfn}} makes references of the default group.
  BOOST_TEST(run("a{{sfn|Smith|2001|p=3}}\n{{Reflist}}", "ref-no-list").empty());
  BOOST_TEST(run("a{{sfn|Smith|2001|p=3}}", "ref-no-list").size() == 1u);
}

BOOST_AUTO_TEST_CASE(list_defined_refs_belong_to_their_list_group) {
  // Notes defined in {{Notelist|refs=}} (or the old {{Notes|notes=}}) are lower-alpha notes.
  BOOST_TEST(
      run("a{{efn|name=n}}\n{{Notelist|refs=\n{{efn|name=n|The note}}\n}}", "ref-unused").empty());
  BOOST_TEST(
      run("a{{efn|name=n}}\n{{Notes|notes=\n{{efn|name=n|The note}}\n}}", "ref-undefined").empty());
  // A ref without a group in <references group=g> is in g.
  BOOST_TEST(run("a<ref name=r group=g/>\n<references group=g>\n<ref name=r>R</ref>\n</references>",
                 "ref-unused")
                 .empty());
  // Near miss: the invocation is in the default group, the definition in g.
  BOOST_TEST(run("a<ref name=r/>\n<references group=g>\n<ref name=r>R</ref>\n</references>\n"
                 "<references />",
                 "ref-unused")
                 .size() == 1u);
}

BOOST_AUTO_TEST_CASE(ref_conflict_ignores_whitespace_around_markup) {
  BOOST_TEST(run("a<ref name=x>{{Cite web |title=T |url=http://e.org}}</ref> "
                 "b<ref name=x>{{Cite web|title = T|url=http://e.org }}</ref>\n{{Reflist}}",
                 "ref-conflict")
                 .empty());
  BOOST_TEST(run("a<ref name=x>[[Page|The  label]]</ref> b<ref name=x>[[Page | The label]]</ref>\n"
                 "{{Reflist}}",
                 "ref-conflict")
                 .empty());
  // Near miss: a different title is a different citation.
  BOOST_TEST(
      run("a<ref name=x>{{Cite web |title=T}}</ref> b<ref name=x>{{Cite web|title=U}}</ref>\n"
          "{{Reflist}}",
          "ref-conflict")
          .size() == 1u);
}

BOOST_AUTO_TEST_CASE(reference_templates_data) {
  const ReferenceTemplates& en = ReferenceTemplates::english();
  const auto* list = en.find("reflist");
  BOOST_TEST_REQUIRE(list);
  BOOST_TEST((list->kind == ReferenceTemplates::Kind::List));
  BOOST_TEST_REQUIRE(en.find("Template:Notelist_ua") == nullptr);
  const auto* ua = en.find("Template:Notelist-ua");
  BOOST_TEST_REQUIRE(ua);
  BOOST_TEST(ua->group == "upper-alpha");
  BOOST_TEST(ReferenceTemplates::key("Ծանցանկ") == ReferenceTemplates::key("ծանցանկ"));
  BOOST_TEST(ReferenceTemplates::key("Παραπομπές") == ReferenceTemplates::key("παραπομπές"));

  ReferenceTemplates t;
  BOOST_TEST(t.add_tsv("list\tসূত্র তালিকা\nnote\tটীকা\tgroup=টীকা\n", "bn.tsv") == "");
  BOOST_TEST(t.find("সূত্র_তালিকা") != nullptr);
  BOOST_TEST(t.add_tsv("# comment\nlsit\tX\n", "bad.tsv") ==
             "bad.tsv:2: unknown kind 'lsit' (valid: list, note, invoke, generated, footnote)");
  BOOST_TEST(t.add_tsv("note\tY\tgruop=a\n", "bad.tsv") ==
             "bad.tsv:1: unknown option 'gruop' (valid: group, groups, group-param, nogroup, "
             "content, name, names)");
  BOOST_TEST(t.add_tsv("generated\tZ\tnames=(e\n", "bad.tsv")
                 .starts_with("bad.tsv:1: bad RE2 pattern in names=: missing )"));

  // The article model reads a wiki's own names when given them.
  Config c;
  c.reference_templates = std::make_shared<ReferenceTemplates>(t);
  BOOST_TEST(run("a<ref>A</ref>\n{{সূত্র তালিকা}}", "ref-no-list", c).empty());
  BOOST_TEST(run("a<ref>A</ref>\n{{সূত্র তালিকা}}", "ref-no-list").size() == 1u);
}
