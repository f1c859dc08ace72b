// Parser: one test per construct and per MediaWiki rule the tree must follow.
#define BOOST_TEST_MODULE parser_constructs
#include <boost/test/unit_test.hpp>

#include "parse_util.hpp"

using namespace wikivet;
using namespace wikivet::testing;

namespace {
Tree parsed(std::string_view text) {
  Tree t = parse(text);
  const std::string err = check_tree(t, text);
  BOOST_REQUIRE_MESSAGE(err.empty(), err);
  return t;
}
std::vector<NodeId> params(const Tree& t, NodeId tpl) {
  return children_of_kind(t, tpl, NodeKind::Parameter);
}
}  // namespace

BOOST_AUTO_TEST_SUITE(templates)

BOOST_AUTO_TEST_CASE(positional_and_named_parameters) {
  Tree t = parsed("{{Flag|Germany| size = 20px |b=}}");
  NodeId tpl = first_of(t, NodeKind::Template);
  BOOST_REQUIRE(tpl != kNoNode);
  BOOST_TEST(t.name(tpl) == "Flag");
  auto ps = params(t, tpl);
  BOOST_REQUIRE_EQUAL(ps.size(), 3u);
  BOOST_TEST(t[ps[0]].level == 1);
  BOOST_TEST(t.value(ps[0]) == "Germany");
  BOOST_TEST(t[ps[1]].level == 0);
  BOOST_TEST(t.name(ps[1]) == "size");
  BOOST_TEST(t.value(ps[1]) == "20px");
  BOOST_TEST(t.child(ps[1], NodeKind::ParameterName) != kNoNode);
  BOOST_TEST(t.name(ps[2]) == "b");
  BOOST_TEST(t.value(ps[2]).empty());
}

BOOST_AUTO_TEST_CASE(positions_skip_named_parameters) {
  Tree t = parsed("{{a|x|k=v|y}}");
  auto ps = params(t, first_of(t, NodeKind::Template));
  BOOST_REQUIRE_EQUAL(ps.size(), 3u);
  BOOST_TEST(t[ps[0]].level == 1);
  BOOST_TEST(t[ps[1]].level == 0);
  BOOST_TEST(t[ps[2]].level == 2);
}

BOOST_AUTO_TEST_CASE(only_the_first_equals_names_a_parameter) {
  Tree t = parsed("{{a|url=http://x.org/?q=1}}");
  auto ps = params(t, first_of(t, NodeKind::Template));
  BOOST_REQUIRE_EQUAL(ps.size(), 1u);
  BOOST_TEST(t.name(ps[0]) == "url");
  BOOST_TEST(t.value(ps[0]) == "http://x.org/?q=1");
}

BOOST_AUTO_TEST_CASE(name_is_trimmed_without_comments) {
  Tree t = parsed("{{ flag <!-- c --> \n| X }}");
  NodeId tpl = first_of(t, NodeKind::Template);
  BOOST_TEST(t.name(tpl) == "flag");
  BOOST_TEST(normalize_title(t.name(tpl)) == "Flag");
  BOOST_TEST(all_of(t, NodeKind::Comment).size() == 1u);
}

BOOST_AUTO_TEST_CASE(template_argument) {
  Tree t = parsed("{{{arg|default}}}");
  NodeId a = first_of(t, NodeKind::TemplateArgument);
  BOOST_REQUIRE(a != kNoNode);
  BOOST_TEST(t.name(a) == "arg");
  auto ps = params(t, a);
  BOOST_REQUIRE_EQUAL(ps.size(), 1u);
  BOOST_TEST(t.value(ps[0]) == "default");
}

BOOST_AUTO_TEST_CASE(parser_functions) {
  Tree t = parsed("{{#if: x |y|z=1}} {{lc:ABC}} {{DEFAULTSORT:Mali}}");
  auto pf = all_of(t, NodeKind::ParserFunction);
  BOOST_REQUIRE_EQUAL(pf.size(), 3u);
  BOOST_TEST(t.name(pf[0]) == "#if");
  auto ps = params(t, pf[0]);
  BOOST_REQUIRE_EQUAL(ps.size(), 3u);
  BOOST_TEST(t[ps[0]].level == 1);
  BOOST_TEST(t.value(ps[0]) == "x");
  BOOST_TEST(t[ps[1]].level == 2);
  BOOST_TEST(t.name(ps[2]) == "z");
  BOOST_TEST(t.name(pf[1]) == "lc");
  BOOST_TEST(t.name(pf[2]) == "DEFAULTSORT");
}

BOOST_AUTO_TEST_CASE(first_parser_function_argument_keeps_its_equals) {
  // MediaWiki: the text after ':' belongs to the title part, where '=' is not a separator.
  Tree t = parsed("{{#if:a=b|c}}");
  auto ps = params(t, first_of(t, NodeKind::ParserFunction));
  BOOST_REQUIRE_EQUAL(ps.size(), 2u);
  BOOST_TEST(t[ps[0]].level == 1);
  BOOST_TEST(t.value(ps[0]) == "a=b");
}

BOOST_AUTO_TEST_CASE(colon_names_that_are_not_functions) {
  Tree t = parsed("{{Template:Foo}} {{subst:bar}}");
  auto ts = all_of(t, NodeKind::Template);
  BOOST_REQUIRE_EQUAL(ts.size(), 2u);
  BOOST_TEST(t.name(ts[0]) == "Template:Foo");
  BOOST_TEST(t.name(ts[1]) == "subst:bar");
  BOOST_TEST(all_of(t, NodeKind::ParserFunction).empty());
}

BOOST_AUTO_TEST_CASE(pipe_template) {
  Tree t = parsed("a {{!}} b {{!!}}");
  auto ts = all_of(t, NodeKind::Template);
  BOOST_REQUIRE_EQUAL(ts.size(), 2u);
  BOOST_TEST(t.name(ts[0]) == "!");
  BOOST_TEST(t.name(ts[1]) == "!!");
}

BOOST_AUTO_TEST_CASE(five_braces_are_a_template_around_an_argument) {
  Tree t = parsed("{{{{{x}}}}}");
  NodeId tpl = first_of(t, NodeKind::Template);
  NodeId arg = first_of(t, NodeKind::TemplateArgument);
  BOOST_REQUIRE(tpl != kNoNode && arg != kNoNode);
  BOOST_TEST(t[arg].parent == t.child(tpl, NodeKind::TemplateName));
  BOOST_TEST(t.text(arg) == "{{{x}}}");
  BOOST_TEST(t.problems().empty());
}

BOOST_AUTO_TEST_CASE(three_open_two_close_is_brace_and_template) {
  Tree t = parsed("{{{x}}");
  NodeId tpl = first_of(t, NodeKind::Template);
  BOOST_REQUIRE(tpl != kNoNode);
  BOOST_TEST(t.text(tpl) == "{{x}}");
  BOOST_TEST(first_of(t, NodeKind::TemplateArgument) == kNoNode);
}

BOOST_AUTO_TEST_CASE(four_braces_are_nested_templates) {
  Tree t = parsed("{{{{a}}|b}}");
  auto ts = all_of(t, NodeKind::Template);
  BOOST_REQUIRE_EQUAL(ts.size(), 2u);
  BOOST_TEST(t.text(ts[0]) == "{{{{a}}|b}}");
  BOOST_TEST(t.text(ts[1]) == "{{a}}");
}

BOOST_AUTO_TEST_CASE(link_pipe_belongs_to_the_link) {
  Tree t = parsed("{{a|[[b|c]]|d}}");
  auto ps = params(t, first_of(t, NodeKind::Template));
  BOOST_REQUIRE_EQUAL(ps.size(), 2u);
  BOOST_TEST(t.value(ps[0]) == "[[b|c]]");
}

BOOST_AUTO_TEST_CASE(equals_inside_a_link_does_not_name_a_parameter) {
  Tree t = parsed("{{a|[[b=c]]}}");
  auto ps = params(t, first_of(t, NodeKind::Template));
  BOOST_REQUIRE_EQUAL(ps.size(), 1u);
  BOOST_TEST(t[ps[0]].level == 1);
}

BOOST_AUTO_TEST_CASE(unclosed_template_does_not_swallow_the_page) {
  Tree t = parsed("{{a|b\n== H ==\n[[x]]");
  BOOST_TEST(first_of(t, NodeKind::Template) == kNoNode);
  BOOST_TEST(count_problems(t, ProblemKind::UnclosedTemplate) == 1u);
  BOOST_TEST(first_of(t, NodeKind::Heading) != kNoNode);
  BOOST_TEST(first_of(t, NodeKind::WikiLink) != kNoNode);
}

BOOST_AUTO_TEST_CASE(stray_closers) {
  Tree t = parsed("a }} b ]] c");
  BOOST_TEST(count_problems(t, ProblemKind::StrayClose) == 2u);
}

BOOST_AUTO_TEST_CASE(brackets_balanced_as_text_are_not_stray) {
  // A linguist's nesting "[a [b]]": the "]]" closes two '[' of the same line that are text.
  BOOST_TEST(parsed("x [''which'' [''were'']]. y").problems().empty());
  // Near misses: one lone '[' ("[a]]", a link opened with one bracket), none, or two with one
  // on the line before leave the "]]" stray.
  BOOST_TEST(count_problems(parsed("[a b]]"), ProblemKind::StrayClose) == 1u);
  BOOST_TEST(count_problems(parsed("a b]]"), ProblemKind::StrayClose) == 1u);
  BOOST_TEST(count_problems(parsed("[a\n[b]]"), ProblemKind::StrayClose) == 1u);
}

BOOST_AUTO_TEST_CASE(table_closed_after_a_template_that_opens_it) {
  // {{office-table}} outputs "{|": its rows follow, and the "|}" closes that table.
  BOOST_TEST(parsed("{{office-table}}\n|a\n|b\n|-\n|c\n|}\n").problems().empty());
  // Near misses: the template shares its line with text, or no row line follows it.
  BOOST_TEST(count_problems(parsed("x {{t}}\n|a\n|}\n"), ProblemKind::StrayClose) == 1u);
  BOOST_TEST(count_problems(parsed("{{t}}\ntext\n|}\n"), ProblemKind::StrayClose) == 1u);
  // One template table takes one "|}".
  BOOST_TEST(count_problems(parsed("{{t}}\n|a\n|}\n|}\n"), ProblemKind::StrayClose) == 1u);
}

BOOST_AUTO_TEST_SUITE_END()

BOOST_AUTO_TEST_SUITE(precedence)

BOOST_AUTO_TEST_CASE(template_closer_is_hidden_by_an_open_link) {
  // MediaWiki's preprocessor only sees the innermost piece's closer: with "[[" open, "}}" is
  // text; neither closes, and both stay text.
  Tree t = parsed("{{a|[[b}} c");
  BOOST_TEST(first_of(t, NodeKind::Template) == kNoNode);
  BOOST_TEST(first_of(t, NodeKind::WikiLink) == kNoNode);
  BOOST_TEST(count_problems(t, ProblemKind::UnclosedTemplate) == 1u);
  BOOST_TEST(count_problems(t, ProblemKind::UnclosedLink) == 1u);
}

BOOST_AUTO_TEST_CASE(link_closer_is_hidden_by_an_open_template) {
  Tree t = parsed("[[a|{{b]]}} c");
  NodeId tpl = first_of(t, NodeKind::Template);
  BOOST_REQUIRE(tpl != kNoNode);
  BOOST_TEST(t.name(tpl) == "b]]");
  BOOST_TEST(first_of(t, NodeKind::WikiLink) == kNoNode);
  BOOST_TEST(count_problems(t, ProblemKind::UnclosedLink) == 1u);
}

BOOST_AUTO_TEST_CASE(template_splits_an_external_link) {
  // The preprocessor runs first: the '|' is the template's.
  Tree t = parsed("{{a|[http://x.org b|c]}}");
  auto ps = params(t, first_of(t, NodeKind::Template));
  BOOST_REQUIRE_EQUAL(ps.size(), 2u);
  BOOST_TEST(first_of(t, NodeKind::ExternalLink) == kNoNode);
}

BOOST_AUTO_TEST_CASE(extension_tag_is_opaque_to_templates) {
  Tree t = parsed("{{a|<ref>x}}</ref>}}");
  NodeId tpl = first_of(t, NodeKind::Template);
  BOOST_REQUIRE(tpl != kNoNode);
  BOOST_TEST(t.text(tpl) == "{{a|<ref>x}}</ref>}}");
  NodeId ref = first_of(t, NodeKind::ExtensionTag);
  BOOST_TEST(t.value(ref) == "x}}");
}

BOOST_AUTO_TEST_SUITE_END()

BOOST_AUTO_TEST_SUITE(links)

BOOST_AUTO_TEST_CASE(wikilink_target_and_label) {
  Tree t = parsed("[[ Mali | the country ]]");
  NodeId l = first_of(t, NodeKind::WikiLink);
  BOOST_TEST(t.name(l) == "Mali");
  BOOST_TEST(t.child(l, NodeKind::LinkLabel) != kNoNode);
}

BOOST_AUTO_TEST_CASE(file_link_nests) {
  Tree t = parsed("[[File:x.jpg|thumb|a [[b]] c]]");
  auto ls = all_of(t, NodeKind::WikiLink);
  BOOST_REQUIRE_EQUAL(ls.size(), 2u);
  BOOST_TEST(t.name(ls[0]) == "File:x.jpg");
  BOOST_TEST(children_of_kind(t, ls[0], NodeKind::LinkLabel).size() == 2u);
  BOOST_TEST(t.ancestor(ls[1], NodeKind::WikiLink) == ls[0]);
}

BOOST_AUTO_TEST_CASE(template_inside_link) {
  Tree t = parsed("[[{{a}}|b {{c|d}}]]");
  NodeId l = first_of(t, NodeKind::WikiLink);
  BOOST_TEST(all_of(t, NodeKind::Template).size() == 2u);
  for (NodeId tpl : all_of(t, NodeKind::Template))
    BOOST_TEST(t.ancestor(tpl, NodeKind::WikiLink) == l);
}

BOOST_AUTO_TEST_CASE(unclosed_link) {
  Tree t = parsed("a [[b c\nd");
  BOOST_TEST(first_of(t, NodeKind::WikiLink) == kNoNode);
  BOOST_TEST(count_problems(t, ProblemKind::UnclosedLink) == 1u);
}

BOOST_AUTO_TEST_CASE(external_links) {
  Tree t = parsed("[http://x.org/a?b=c label here] [//y.org] [not a link] [[ftp://z.org z]");
  auto ls = all_of(t, NodeKind::ExternalLink);
  BOOST_REQUIRE_EQUAL(ls.size(), 3u);
  BOOST_TEST(t.name(ls[0]) == "http://x.org/a?b=c");
  BOOST_TEST(t.text(t.child(ls[0], NodeKind::LinkLabel)) == "label here");
  BOOST_TEST(t.name(ls[1]) == "//y.org");
  BOOST_TEST(t.child(ls[1], NodeKind::LinkLabel) == kNoNode);
  BOOST_TEST(t.name(ls[2]) == "ftp://z.org");
}

BOOST_AUTO_TEST_CASE(external_link_needs_its_bracket_on_the_line) {
  Tree t = parsed("[http://x.org label\nmore]");
  BOOST_TEST(first_of(t, NodeKind::ExternalLink) == kNoNode);
  BOOST_TEST(first_of(t, NodeKind::BareUrl) == kNoNode);  // the '[' part is text
}

BOOST_AUTO_TEST_CASE(external_link_label_holds_a_bracket) {
  // MediaWiki's label runs to the first ']': the second '[http' is text of the first label.
  Tree t = parsed("[http://a.org x [http://b.org y] z");
  auto ls = all_of(t, NodeKind::ExternalLink);
  BOOST_REQUIRE_EQUAL(ls.size(), 1u);
  BOOST_TEST(t.name(ls[0]) == "http://a.org");
  BOOST_TEST(t.text(ls[0]) == "[http://a.org x [http://b.org y]");
}

BOOST_AUTO_TEST_CASE(bare_urls) {
  Tree t = parsed("see http://example.org/a, (https://x.org/b) and mailto:a@b.c. xhttp://no");
  auto us = all_of(t, NodeKind::BareUrl);
  BOOST_REQUIRE_EQUAL(us.size(), 3u);
  BOOST_TEST(t.text(us[0]) == "http://example.org/a");
  BOOST_TEST(t.text(us[1]) == "https://x.org/b");
  BOOST_TEST(t.text(us[2]) == "mailto:a@b.c");
}

BOOST_AUTO_TEST_CASE(braces_that_open_nothing_are_url_characters) {
  // No "{{" here: the preprocessor leaves "{" and "}}" as text, and MediaWiki's URL class
  // takes them (the elwiki PASOK page links "index.html#{%22cls%22:{}}" this way).
  Tree t = parsed("[http://x.org/i.html#{%22a%22:{}} label] and http://y.org/{b}");
  auto ls = all_of(t, NodeKind::ExternalLink);
  BOOST_REQUIRE_EQUAL(ls.size(), 1u);
  BOOST_TEST(t.name(ls[0]) == "http://x.org/i.html#{%22a%22:{}}");
  BOOST_TEST(t.text(t.child(ls[0], NodeKind::LinkLabel)) == "label");
  NodeId u = first_of(t, NodeKind::BareUrl);
  BOOST_REQUIRE(u != kNoNode);
  BOOST_TEST(t.text(u) == "http://y.org/{b}");
  BOOST_TEST(t.problems().empty());
}

BOOST_AUTO_TEST_CASE(url_stops_at_a_template_and_at_its_closer) {
  // Near misses: "{{" opens a template (its output is unknown), and inside a template the
  // URL ends where the template's "}}" is.
  Tree t = parsed("[http://x.org/{{PAGENAME}} a] {{cite|url=http://y.org/}}}");
  NodeId l = first_of(t, NodeKind::ExternalLink);
  BOOST_REQUIRE(l != kNoNode);
  BOOST_TEST(t.name(l) == "http://x.org/");
  NodeId u = first_of(t, NodeKind::BareUrl);
  BOOST_REQUIRE(u != kNoNode);
  BOOST_TEST(t.text(u) == "http://y.org/");
  BOOST_TEST(all_of(t, NodeKind::Template).size() == 2u);
}

BOOST_AUTO_TEST_CASE(link_closed_in_a_templates_output) {
  // "]]" in {{nowrap}}'s argument: text for the preprocessor, but the expanded text is
  // "[[a|<span>b]]</span>" and MediaWiki links it: neither "[[" nor "]]" is reported.
  Tree t = parsed("x [[a|{{nowrap|b]]}} y");
  BOOST_TEST(t.problems().empty());
  BOOST_TEST(first_of(t, NodeKind::Template) != kNoNode);
  BOOST_TEST(first_of(t, NodeKind::WikiLink) == kNoNode);  // the tree keeps the source's shape
}

BOOST_AUTO_TEST_CASE(link_not_closed_in_a_templates_output) {
  // Near misses: the "]]" in the template's name, a "[[" opened before it inside the template
  // (MediaWiki's link text ends there), a "]]" in a template opened outside any link, and a
  // "[[" that a later "]]" matches (the preprocessor pairs them; the first "]]" is then stray).
  BOOST_TEST(count_problems(parsed("[[a|{{b]]}}"), ProblemKind::UnclosedLink) == 1u);
  Tree nested = parsed("[[a|{{x|[[b]] c]]}}");
  BOOST_TEST(count_problems(nested, ProblemKind::UnclosedLink) == 1u);
  BOOST_TEST(count_problems(nested, ProblemKind::StrayClose) == 1u);
  BOOST_TEST(count_problems(parsed("a {{x|b]]}}"), ProblemKind::StrayClose) == 1u);
  Tree later = parsed("[[a|{{x|b]]}} c]]");
  BOOST_TEST(count_problems(later, ProblemKind::UnclosedLink) == 0u);
  BOOST_TEST(count_problems(later, ProblemKind::StrayClose) == 1u);
  BOOST_TEST(first_of(later, NodeKind::WikiLink) != kNoNode);
}

BOOST_AUTO_TEST_CASE(url_in_template_parameter) {
  Tree t = parsed("{{cite web|url=https://a.org/x|title=T}}");
  NodeId u = first_of(t, NodeKind::BareUrl);
  BOOST_REQUIRE(u != kNoNode);
  BOOST_TEST(t.text(u) == "https://a.org/x");
}

BOOST_AUTO_TEST_SUITE_END()

BOOST_AUTO_TEST_SUITE(tags)

BOOST_AUTO_TEST_CASE(ref_with_content_parsed_as_wikitext) {
  Tree t = parsed("a<ref name=\"x y\" group=note>b {{cite|c}} [[d]]</ref>");
  NodeId r = first_of(t, NodeKind::ExtensionTag);
  BOOST_TEST(t.name(r) == "ref");
  BOOST_TEST(t.value(r) == "b {{cite|c}} [[d]]");
  BOOST_TEST(attr(t, r, "name") == "x y");
  BOOST_TEST(attr(t, r, "group") == "note");
  NodeId content = t.child(r, NodeKind::TagContent);
  BOOST_TEST(t.ancestor(first_of(t, NodeKind::Template), NodeKind::TagContent) == content);
  BOOST_TEST(t.child(r, NodeKind::TagClose) != kNoNode);
}

BOOST_AUTO_TEST_CASE(self_closing_refs) {
  Tree t = parsed("<ref name=foo/><ref name=\"a b\" group=note /><ref name='q'/>");
  auto rs = all_of(t, NodeKind::ExtensionTag);
  BOOST_REQUIRE_EQUAL(rs.size(), 3u);
  for (NodeId r : rs) BOOST_TEST(t[r].has(kSelfClosing));
  BOOST_TEST(attr(t, rs[0], "name") == "foo");
  BOOST_TEST(attr(t, rs[1], "name") == "a b");
  BOOST_TEST(attr(t, rs[1], "group") == "note");
  BOOST_TEST(attr(t, rs[2], "name") == "q");
}

BOOST_AUTO_TEST_CASE(tag_names_are_case_insensitive_and_close_tags_take_spaces) {
  Tree t = parsed("<REF>a</ref > <Ref>b</REF\n>");
  auto rs = all_of(t, NodeKind::ExtensionTag);
  BOOST_REQUIRE_EQUAL(rs.size(), 2u);
  BOOST_TEST(t.name(rs[0]) == "REF");
  BOOST_TEST(t.value(rs[0]) == "a");
  BOOST_TEST(t.value(rs[1]) == "b");
  BOOST_TEST(t.problems().empty());
}

BOOST_AUTO_TEST_CASE(ref_ends_at_the_first_close_tag) {
  Tree t = parsed("<ref>a<ref>b</ref>c</ref>");
  auto rs = all_of(t, NodeKind::ExtensionTag);
  BOOST_REQUIRE_EQUAL(rs.size(), 2u);
  BOOST_TEST(t.value(rs[0]) == "a<ref>b");
  BOOST_TEST(t[rs[1]].has(kUnclosed));  // the inner opener is literal text in MediaWiki
  BOOST_TEST(count_problems(t, ProblemKind::NestedTag) == 1u);
  BOOST_TEST(count_problems(t, ProblemKind::StrayClose) == 1u);
}

BOOST_AUTO_TEST_CASE(refs_inside_raw_tags_and_comments_are_not_refs) {
  for (const char* text :
       {"<nowiki><ref>x</ref></nowiki>", "<!-- <ref>x</ref> -->", "<pre><ref>x</ref></pre>",
        "<syntaxhighlight lang=\"xml\"><ref>x</ref></syntaxhighlight>",
        "<math><ref>x</ref></math>"}) {
    Tree t = parsed(text);
    for (NodeId e : all_of(t, NodeKind::ExtensionTag)) BOOST_TEST(t.name(e) != "ref");
  }
}

BOOST_AUTO_TEST_CASE(raw_content_is_one_text_leaf) {
  Tree t = parsed("<nowiki>{{a}} [[b]]</nowiki>");
  NodeId c = t.child(first_of(t, NodeKind::ExtensionTag), NodeKind::TagContent);
  auto cs = children(t, c);
  BOOST_REQUIRE_EQUAL(cs.size(), 1u);
  BOOST_TEST(t[cs[0]].kind == NodeKind::Text);
}

BOOST_AUTO_TEST_CASE(unclosed_ext_tag_stays_text_and_the_page_continues) {
  Tree t = parsed("a <ref name=x>b\n== H ==\n{{c}}");
  NodeId r = first_of(t, NodeKind::ExtensionTag);
  BOOST_REQUIRE(r != kNoNode);
  BOOST_TEST(t[r].has(kUnclosed));
  BOOST_TEST(t.child(r, NodeKind::TagContent) == kNoNode);
  BOOST_REQUIRE_EQUAL(count_problems(t, ProblemKind::UnclosedTag), 1u);
  BOOST_TEST(t.problems()[0].detail == "ref");
  BOOST_TEST(first_of(t, NodeKind::Heading) != kNoNode);
  BOOST_TEST(first_of(t, NodeKind::Template) != kNoNode);
}

BOOST_AUTO_TEST_CASE(references_with_list_defined_refs) {
  Tree t = parsed("<references>\n<ref name=a>x</ref>\n</references>");
  auto rs = all_of(t, NodeKind::ExtensionTag);
  BOOST_REQUIRE_EQUAL(rs.size(), 2u);
  BOOST_TEST(t.name(rs[0]) == "references");
  BOOST_TEST(t.ancestor(rs[1], NodeKind::ExtensionTag) == rs[0]);
}

BOOST_AUTO_TEST_CASE(include_markers_are_transparent) {
  Tree t = parsed("<noinclude>{{a}}</noinclude><includeonly>b</includeonly>");
  BOOST_TEST(first_of(t, NodeKind::Template) != kNoNode);
  BOOST_TEST(all_of(t, NodeKind::ExtensionTag).empty());
}

BOOST_AUTO_TEST_CASE(html_tags) {
  Tree t = parsed("<b>x</b><br/><BR><span style=\"color:red\">y</span><foo>z</foo>");
  auto hs = all_of(t, NodeKind::HtmlTag);
  BOOST_REQUIRE_EQUAL(hs.size(), 6u);
  BOOST_TEST(t.name(hs[0]) == "b");
  BOOST_TEST(t[hs[1]].has(kClosing));
  BOOST_TEST(t[hs[2]].has(kSelfClosing));
  BOOST_TEST(t.name(hs[3]) == "BR");
  BOOST_TEST(attr(t, hs[4], "style") == "color:red");
}

BOOST_AUTO_TEST_CASE(comments) {
  Tree t = parsed("a <!-- b --> c <!-- d");
  auto cs = all_of(t, NodeKind::Comment);
  BOOST_REQUIRE_EQUAL(cs.size(), 2u);
  BOOST_TEST(t.text(cs[1]) == "<!-- d");
  BOOST_TEST(count_problems(t, ProblemKind::UnclosedComment) == 1u);
}

BOOST_AUTO_TEST_SUITE_END()

BOOST_AUTO_TEST_SUITE(blocks)

BOOST_AUTO_TEST_CASE(headings) {
  Tree t = parsed("== A ==\n=== B ===  <!-- c -->  \n==C==");
  auto hs = all_of(t, NodeKind::Heading);
  BOOST_REQUIRE_EQUAL(hs.size(), 3u);
  BOOST_TEST(t.name(hs[0]) == "A");
  BOOST_TEST(t[hs[0]].level == 2);
  BOOST_TEST(t[hs[1]].level == 3);
  BOOST_TEST(t.name(hs[1]) == "B");
  BOOST_TEST(t.child(hs[1], NodeKind::Comment) != kNoNode);
  BOOST_TEST(t.name(hs[2]) == "C");
  BOOST_TEST(t.problems().empty());
}

BOOST_AUTO_TEST_CASE(unbalanced_heading) {
  Tree t = parsed("=== A ==\n");
  NodeId h = first_of(t, NodeKind::Heading);
  BOOST_REQUIRE(h != kNoNode);
  BOOST_TEST(t[h].level == 2);
  BOOST_TEST(t.name(h) == "= A");
  BOOST_REQUIRE_EQUAL(count_problems(t, ProblemKind::UnbalancedHeading), 1u);
  BOOST_TEST(t.problems()[0].detail == "3/2");
}

BOOST_AUTO_TEST_CASE(line_without_closing_equals_is_no_heading) {
  Tree t = parsed("== A\ntext");
  BOOST_TEST(first_of(t, NodeKind::Heading) == kNoNode);
  BOOST_TEST(count_problems(t, ProblemKind::UnbalancedHeading) == 1u);
}

BOOST_AUTO_TEST_CASE(heading_with_template) {
  Tree t = parsed("== {{a|b}} ==\n");
  NodeId h = first_of(t, NodeKind::Heading);
  BOOST_REQUIRE(h != kNoNode);
  BOOST_TEST(t.ancestor(first_of(t, NodeKind::Template), NodeKind::Heading) == h);
}

BOOST_AUTO_TEST_CASE(lists) {
  Tree t = parsed("* a\n** b [[c]]\n# d\n:e");
  auto ls = all_of(t, NodeKind::ListItem);
  BOOST_REQUIRE_EQUAL(ls.size(), 4u);
  BOOST_TEST(t[ls[0]].level == 1);
  BOOST_TEST(t[ls[1]].level == 2);
  BOOST_TEST(t.text(ls[1]) == "** b [[c]]");
  BOOST_TEST(t.ancestor(first_of(t, NodeKind::WikiLink), NodeKind::ListItem) == ls[1]);
}

BOOST_AUTO_TEST_CASE(rule_switch_entities) {
  Tree t = parsed("----\n__NOTOC__ a&nbsp;b&#160;c&#x20;d &amp e");
  BOOST_TEST(all_of(t, NodeKind::HorizontalRule).size() == 1u);
  NodeId s = first_of(t, NodeKind::BehaviorSwitch);
  BOOST_TEST(t.text(s) == "__NOTOC__");
  auto es = all_of(t, NodeKind::Entity);
  BOOST_REQUIRE_EQUAL(es.size(), 3u);
  BOOST_TEST(t.text(es[2]) == "&#x20;");
}

BOOST_AUTO_TEST_SUITE_END()

BOOST_AUTO_TEST_SUITE(helpers)

BOOST_AUTO_TEST_CASE(normalize_title_rules) {
  BOOST_TEST(normalize_title("  flag_country  ") == "Flag country");
  BOOST_TEST(normalize_title("cite   web") == "Cite web");
  BOOST_TEST(normalize_title("") == "");
  BOOST_TEST(normalize_title("\xc3\xa9t\xc3\xa9") == "\xc3\xa9t\xc3\xa9");
}

BOOST_AUTO_TEST_CASE(dump_has_one_line_per_node) {
  Tree t = parsed("{{a|b}}\n");
  const std::string d = dump_tree(t);
  BOOST_TEST(static_cast<size_t>(std::count(d.begin(), d.end(), '\n')) == t.size());
  BOOST_TEST(d.find("Template [0,7)") != std::string::npos);
  BOOST_TEST(d.find("  TemplateName [2,3)") != std::string::npos);
}

BOOST_AUTO_TEST_SUITE_END()
