// Parser: tables, as MediaWiki's doTableStuff reads them.
#define BOOST_TEST_MODULE parser_tables
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
std::vector<NodeId> rows(const Tree& t, NodeId table) {
  return children_of_kind(t, table, NodeKind::TableRow);
}
std::vector<NodeId> cells(const Tree& t, NodeId row) {
  return children_of_kind(t, row, NodeKind::TableCell);
}
std::string content(const Tree& t, NodeId cell) {
  return std::string(t.text(t.child(cell, NodeKind::CellContent)));
}
}  // namespace

BOOST_AUTO_TEST_CASE(rows_cells_caption_and_headers) {
  Tree t = parsed(
      "{| class=\"wikitable\"\n|+ Caption\n|-\n! A !! B\n|-\n| 1 || 2\n|-\n| 3\n| 4\n|}\nafter");
  auto tables = all_of(t, NodeKind::Table);
  BOOST_REQUIRE_EQUAL(tables.size(), 1u);
  NodeId tb = tables[0];
  BOOST_TEST(t[tb].level == 1);
  BOOST_TEST(attr(t, t.child(tb, NodeKind::TableAttributes), "class") == "wikitable");
  NodeId cap = t.child(tb, NodeKind::TableCaption);
  BOOST_REQUIRE(cap != kNoNode);
  BOOST_TEST(content(t, cap) == " Caption\n");
  auto rs = rows(t, tb);
  BOOST_REQUIRE_EQUAL(rs.size(), 3u);
  auto h = cells(t, rs[0]);
  BOOST_REQUIRE_EQUAL(h.size(), 2u);
  BOOST_TEST(t[h[0]].has(kHeader));
  BOOST_TEST(t[h[1]].has(kHeader));
  BOOST_TEST(t[h[1]].has(kInline));
  auto r1 = cells(t, rs[1]);
  BOOST_REQUIRE_EQUAL(r1.size(), 2u);
  BOOST_TEST(content(t, r1[0]) == " 1 ");
  BOOST_TEST(content(t, r1[1]) == " 2\n");
  BOOST_TEST(cells(t, rs[2]).size() == 2u);
  BOOST_TEST(t.text(tb).substr(t.text(tb).size() - 2) == "|}");
  BOOST_TEST(t.problems().empty());
}

BOOST_AUTO_TEST_CASE(first_row_without_dash) {
  Tree t = parsed("{|\n! colspan=\"3\" | x\n|-\n| a\n|}");
  auto rs = rows(t, first_of(t, NodeKind::Table));
  BOOST_REQUIRE_EQUAL(rs.size(), 2u);
  NodeId c = cells(t, rs[0])[0];
  BOOST_TEST(attr(t, c, "colspan") == "3");
  BOOST_TEST(content(t, c) == " x\n");
}

BOOST_AUTO_TEST_CASE(cell_attributes_before_a_single_pipe) {
  Tree t = parsed("{|\n| style=\"a\" data-sort-value='5' | x\n|}");
  NodeId c = first_of(t, NodeKind::TableCell);
  BOOST_TEST(t.child(c, NodeKind::TableAttributes) != kNoNode);
  BOOST_TEST(attr(t, c, "style") == "a");
  BOOST_TEST(attr(t, c, "data-sort-value") == "5");
  BOOST_TEST(content(t, c) == " x\n");
}

BOOST_AUTO_TEST_CASE(link_before_the_pipe_means_no_attributes) {
  Tree t = parsed("{|\n| [[a|b]] | c\n|}");
  NodeId c = first_of(t, NodeKind::TableCell);
  BOOST_TEST(t.child(c, NodeKind::TableAttributes) == kNoNode);
  BOOST_TEST(content(t, c) == " [[a|b]] | c\n");
}

BOOST_AUTO_TEST_CASE(only_the_first_pipe_separates_attributes) {
  Tree t = parsed("{|\n| a | b | c\n|}");
  NodeId c = first_of(t, NodeKind::TableCell);
  BOOST_TEST(content(t, c) == " b | c\n");
}

BOOST_AUTO_TEST_CASE(pipes_inside_templates_belong_to_the_template) {
  Tree t = parsed("{|\n| {{a|b||c}} || d\n|}");
  auto cs = cells(t, rows(t, first_of(t, NodeKind::Table))[0]);
  BOOST_REQUIRE_EQUAL(cs.size(), 2u);
  NodeId tpl = first_of(t, NodeKind::Template);
  BOOST_TEST(children_of_kind(t, tpl, NodeKind::Parameter).size() == 3u);
  BOOST_TEST(content(t, cs[1]) == " d\n");
}

BOOST_AUTO_TEST_CASE(bang_bang_only_on_header_lines) {
  Tree t = parsed("{|\n!a!!b||c\n|-\n|d!!e\n|}");
  auto rs = rows(t, first_of(t, NodeKind::Table));
  BOOST_REQUIRE_EQUAL(rs.size(), 2u);
  auto h = cells(t, rs[0]);
  BOOST_REQUIRE_EQUAL(h.size(), 3u);
  for (NodeId c : h) BOOST_TEST(t[c].has(kHeader));
  auto d = cells(t, rs[1]);
  BOOST_REQUIRE_EQUAL(d.size(), 1u);
  BOOST_TEST(content(t, d[0]) == "d!!e\n");
}

BOOST_AUTO_TEST_CASE(double_pipe_only_on_the_cell_line) {
  Tree t = parsed("{|\n|a\nb || c\n|}");
  auto cs = cells(t, rows(t, first_of(t, NodeKind::Table))[0]);
  BOOST_REQUIRE_EQUAL(cs.size(), 1u);
}

BOOST_AUTO_TEST_CASE(row_attributes_and_leading_spaces) {
  Tree t = parsed("  {| class=x\n  |- style=\"background:#D3D3D3\"\n  | a\n  |}");
  NodeId tb = first_of(t, NodeKind::Table);
  BOOST_REQUIRE(tb != kNoNode);
  auto rs = rows(t, tb);
  BOOST_REQUIRE_EQUAL(rs.size(), 1u);
  BOOST_TEST(attr(t, t.child(rs[0], NodeKind::TableAttributes), "style") == "background:#D3D3D3");
  BOOST_TEST(cells(t, rs[0]).size() == 1u);
  BOOST_TEST(t.problems().empty());
}

BOOST_AUTO_TEST_CASE(indented_table) {
  Tree t = parsed(":{|\n|a\n|}");
  NodeId tb = first_of(t, NodeKind::Table);
  BOOST_REQUIRE(tb != kNoNode);
  BOOST_TEST(t[tb].has(kIndented));
  BOOST_TEST(first_of(t, NodeKind::ListItem) == kNoNode);
}

BOOST_AUTO_TEST_CASE(nested_tables) {
  Tree t = parsed("{|\n|a\n{|\n|b\n|}\n|c\n|}");
  auto ts = all_of(t, NodeKind::Table);
  BOOST_REQUIRE_EQUAL(ts.size(), 2u);
  BOOST_TEST(t[ts[0]].level == 1);
  BOOST_TEST(t[ts[1]].level == 2);
  BOOST_TEST(t.ancestor(ts[1], NodeKind::CellContent) != kNoNode);
  auto outer = cells(t, rows(t, ts[0])[0]);
  BOOST_REQUIRE_EQUAL(outer.size(), 2u);
  BOOST_TEST(content(t, outer[1]) == "c\n");
  BOOST_TEST(t.problems().empty());
}

BOOST_AUTO_TEST_CASE(lists_inside_cells) {
  Tree t = parsed("{|\n|a\n* one\n* two\n|b\n|}");
  auto cs = cells(t, rows(t, first_of(t, NodeKind::Table))[0]);
  BOOST_REQUIRE_EQUAL(cs.size(), 2u);
  BOOST_TEST(all_of(t, NodeKind::ListItem).size() == 2u);
  BOOST_TEST(t.ancestor(all_of(t, NodeKind::ListItem)[1], NodeKind::TableCell) == cs[0]);
}

BOOST_AUTO_TEST_CASE(unclosed_table) {
  Tree t = parsed("{|\n|a\n|b");
  NodeId tb = first_of(t, NodeKind::Table);
  BOOST_REQUIRE(tb != kNoNode);
  BOOST_TEST(t[tb].has(kUnclosed));
  BOOST_TEST(count_problems(t, ProblemKind::UnclosedTable) == 1u);
  BOOST_TEST(cells(t, rows(t, tb)[0]).size() == 2u);
}

BOOST_AUTO_TEST_CASE(stray_table_end) {
  Tree t = parsed("a\n|}\nb");
  BOOST_TEST(first_of(t, NodeKind::Table) == kNoNode);
  BOOST_TEST(count_problems(t, ProblemKind::StrayClose) == 1u);
}

BOOST_AUTO_TEST_CASE(no_table_directly_inside_template_parameters) {
  Tree t = parsed("{{a|\n{|\n|x\n|}\n}}");
  BOOST_TEST(first_of(t, NodeKind::Table) == kNoNode);
  // "{{a|", "{|", "|x", "|}": four parameters.
  BOOST_TEST(children_of_kind(t, first_of(t, NodeKind::Template), NodeKind::Parameter).size() ==
             4u);
}

BOOST_AUTO_TEST_CASE(table_inside_ref_content) {
  Tree t = parsed("<ref>\n{|\n|x\n|}\n</ref>");
  NodeId tb = first_of(t, NodeKind::Table);
  BOOST_REQUIRE(tb != kNoNode);
  BOOST_TEST(t.ancestor(tb, NodeKind::ExtensionTag) != kNoNode);
  BOOST_TEST(t.problems().empty());
}

BOOST_AUTO_TEST_CASE(unclosed_table_inside_ref_ends_with_the_ref) {
  Tree t = parsed("<ref>\n{|\n|x\n</ref> after");
  NodeId tb = first_of(t, NodeKind::Table);
  BOOST_REQUIRE(tb != kNoNode);
  BOOST_TEST(t[tb].has(kUnclosed));
  BOOST_TEST(t.ancestor(tb, NodeKind::ExtensionTag) != kNoNode);
  BOOST_TEST(count_problems(t, ProblemKind::UnclosedTable) == 1u);
}

BOOST_AUTO_TEST_CASE(unclosed_template_in_a_cell_leaves_the_table_intact) {
  // The preprocessor never closes the "{{", so it is text and the rows are rows.
  Tree t = parsed("{|\n|{{a\n|-\n|b\n|}");
  NodeId tb = first_of(t, NodeKind::Table);
  BOOST_REQUIRE(tb != kNoNode);
  BOOST_TEST(rows(t, tb).size() == 2u);
  BOOST_TEST(!t[tb].has(kUnclosed));
}

BOOST_AUTO_TEST_CASE(pipe_template_in_a_cell) {
  Tree t = parsed("{|\n| a {{!}} b\n|}");
  auto cs = cells(t, rows(t, first_of(t, NodeKind::Table))[0]);
  BOOST_REQUIRE_EQUAL(cs.size(), 1u);
  BOOST_TEST(t.name(first_of(t, NodeKind::Template)) == "!");
}

BOOST_AUTO_TEST_CASE(comment_before_row_marker) {
  Tree t = parsed("{|\n|a\n<!-- c -->|-\n|b\n|}");
  BOOST_TEST(rows(t, first_of(t, NodeKind::Table)).size() == 2u);
}

// MediaWiki's link target holds no newline: "[[a[[ b" followed by a line break makes no link,
// so a "]]" far below closes nothing and the table's rows and end in between are the table's
// (a Marathi page had a 460-line "link" hiding a table's "|}").
BOOST_AUTO_TEST_CASE(link_whose_target_meets_a_newline_hides_no_table) {
  Tree t = parsed("* [[a[[ b\n* [[c]] d\n{|\n|-\n| x ||e]]f\n|-\n| y\n|}\n== h ==\n");
  NodeId tb = first_of(t, NodeKind::Table);
  BOOST_REQUIRE(tb != kNoNode);
  BOOST_TEST(!t[tb].has(kUnclosed));
  BOOST_TEST(rows(t, tb).size() == 2u);
  BOOST_TEST(cells(t, rows(t, tb)[0]).size() == 2u);
  BOOST_TEST(all_of(t, NodeKind::WikiLink).size() == 1u);          // [[c]] only
  BOOST_TEST(count_problems(t, ProblemKind::UnclosedLink) == 2u);  // "[[a", "[[ b"
  BOOST_TEST(count_problems(t, ProblemKind::StrayClose) == 1u);    // the "]]" in the cell
  BOOST_TEST(all_of(t, NodeKind::Heading).size() == 1u);
}

// Near misses: a label may span lines ("[[a|b\nc]]" is one link), and inside a template's
// argument the preprocessor's "[[" still keeps the argument's '|' whole.
BOOST_AUTO_TEST_CASE(link_labels_span_lines_and_templates_keep_their_pipes) {
  Tree t = parsed("[[a|b\nc]] d");
  BOOST_TEST(all_of(t, NodeKind::WikiLink).size() == 1u);
  BOOST_TEST(t.problems().empty());
  Tree u = parsed("{{x|[[a\nb|c]]}}");
  BOOST_TEST(children_of_kind(u, first_of(u, NodeKind::Template), NodeKind::Parameter).size() ==
             1u);
}
