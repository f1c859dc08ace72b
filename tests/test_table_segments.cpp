#define BOOST_TEST_MODULE table_segments
// Real tables' structures, each with a fixture where the rules stay silent and a near miss
// where they fire: sections inside a table, row-header cells, templates in cell attributes,
// templates that emit cells, stacked header blocks, ranks shared by rowspan cells, code
// columns beside a numbering, one defect reported once.
#include <boost/test/unit_test.hpp>

#include <cstdio>

#include "model/article.hpp"
#include "test_util.hpp"

using namespace wikivet;
using namespace wikivet::test;

namespace {

// A table numbered with `numbers`, each number in a cell opened by `cell`; a 0 stands for a
// row written as `between` (a section title, a header row, a total).
std::string numbered(const std::vector<int>& numbers, const std::string& cell = "|",
                     const std::string& between = "") {
  std::string t = "{| class=\"wikitable\"\n! No. !! Name !! Seats\n";
  int k = 0;
  for (int n : numbers) {
    if (n == 0) {
      t += "|-\n" + between + "\n";
      continue;
    }
    ++k;
    t += "|-\n" + cell + " " + std::to_string(n) + "\n| Name " + std::to_string(k) + "\n| " +
         std::to_string(100 + 7 * k) + "\n";
  }
  return t + "|}\n";
}

}  // namespace

BOOST_AUTO_TEST_SUITE(sections_inside_a_table)

BOOST_AUTO_TEST_CASE(numbering_restarts_after_a_full_width_row) {
  // 0 marks where the section row stands.
  const auto t = numbered({1, 2, 3, 4, 0, 1, 2, 3}, "|", "! colspan=\"3\" | Colleges");
  BOOST_TEST(run(t, "table-sequence").empty());
  BOOST_TEST(run(t, "table-columns").empty());
}

BOOST_AUTO_TEST_CASE(numbering_restarts_after_a_repeated_header_row) {
  const auto t = numbered({1, 2, 3, 4, 0, 1, 2, 3}, "|", "! No. !! Name !! Seats");
  BOOST_TEST(run(t, "table-sequence").empty());
}

BOOST_AUTO_TEST_CASE(near_miss_a_duplicate_inside_one_section) {
  const auto t = numbered({1, 2, 3, 4, 0, 1, 2, 2, 3}, "|", "! colspan=\"3\" | Colleges");
  const auto f = run(t, "table-sequence");
  BOOST_TEST_REQUIRE(f.size() == 1u);
  BOOST_TEST(f[0].key == "2");
}

BOOST_AUTO_TEST_CASE(near_miss_without_the_section_row_the_restart_is_a_duplicate) {
  const auto t = numbered({1, 2, 3, 4, 5, 6, 7, 1, 2});
  BOOST_TEST(!run(t, "table-sequence").empty());
}

BOOST_AUTO_TEST_CASE(body_row_of_header_cells_is_not_data) {
  Source s("t.wiki", numbered({1, 2, 3, 0, 4, 5}, "|", "! A !! B !! C"));
  Article a(s);
  BOOST_TEST_REQUIRE(a.tables.size() == 1u);
  const Table& t = a.tables[0];
  BOOST_TEST(t.header_rows == 1);
  BOOST_TEST((t.rows[4].kind == RowKind::Header));
  BOOST_TEST(t.segments.size() == 2u);
  BOOST_TEST(t.segments[1].header_row == 4);
}

BOOST_AUTO_TEST_CASE(summary_rows_are_not_entries) {
  Source s("t.wiki", numbered({1, 2, 3, 0}, "|", "| '''Total''' || || 321"));
  Article a(s);
  const Table& t = a.tables[0];
  BOOST_TEST((t.rows.back().kind == RowKind::Summary));
  BOOST_TEST(run(numbered({1, 2, 3, 0}, "|", "| '''Total''' || || 321"), "table-columns").empty());
}

BOOST_AUTO_TEST_CASE(a_title_under_the_column_headers_opens_a_section) {
  const std::string t =
      "{| class=\"wikitable\"\n! Event !! Record !! Athlete\n|-\n! colspan=\"3\" | -56 kg\n"
      "|-\n| Snatch || 125 kg || A\n|-\n| Clean || 150 kg || B\n|}\n";
  BOOST_TEST(run(t, "table-columns").empty());
  // Near miss: a data row short of a cell under that title.
  const std::string short_row =
      "{| class=\"wikitable\"\n! Event !! Record !! Athlete\n|-\n! colspan=\"3\" | -56 kg\n"
      "|-\n| Snatch || 125 kg\n|-\n| Clean || 150 kg || B\n|}\n";
  BOOST_TEST(run(short_row, "table-columns").size() == 1u);
}

BOOST_AUTO_TEST_SUITE_END()

BOOST_AUTO_TEST_SUITE(row_header_cells)

BOOST_AUTO_TEST_CASE(a_number_used_twice_in_row_header_cells_is_found) {
  const auto t = numbered({1, 2, 3, 3, 5, 6}, "! scope=\"row\" |");
  const auto f = run(t, "table-sequence");
  BOOST_TEST_REQUIRE(f.size() == 2u);
  BOOST_TEST(f[0].key == "3");
  BOOST_TEST(f[1].key == "gap:4");
}

BOOST_AUTO_TEST_CASE(bare_row_header_cells_count_too) {
  const auto t = numbered({1, 2, 3, 3, 4, 5}, "!");
  const auto f = run(t, "table-sequence");
  BOOST_TEST_REQUIRE(f.size() == 1u);
  BOOST_TEST(f[0].key == "3");
}

BOOST_AUTO_TEST_CASE(silent_when_the_row_headers_count_cleanly) {
  BOOST_TEST(run(numbered({1, 2, 3, 4, 5, 6}, "! scope=\"row\" |"), "table-sequence").empty());
}

BOOST_AUTO_TEST_SUITE_END()

BOOST_AUTO_TEST_SUITE(templates_and_cells)

BOOST_AUTO_TEST_CASE(rowspan_holds_beside_a_template_in_the_attributes) {
  const std::string t =
      "{| class=\"wikitable\"\n! Party !! Name !! Votes\n|-\n"
      "| rowspan=2 style=\"background:{{Party/meta/color}}\" | || A || 1\n|-\n| B || 2\n|}\n";
  BOOST_TEST(run(t, "table-columns").empty());
  // Near miss: the same row without the rowspan leaves the second row a cell short.
  const std::string near =
      "{| class=\"wikitable\"\n! Party !! Name !! Votes\n|-\n"
      "| style=\"background:{{Party/meta/color}}\" | || A || 1\n|-\n| B || 2\n|}\n";
  BOOST_TEST(run(near, "table-columns").size() == 1u);
}

BOOST_AUTO_TEST_CASE(attributes_before_a_template_that_emits_the_pipe) {
  const std::string t =
      "{| class=\"wikitable\"\n! Title !! Year !! Peak !! Album\n|-\n! scope=\"row\" | A\n"
      "| 2008\n| —\n| rowspan=\"2\" {{n/a|Non-album singles}}\n|-\n! scope=\"row\" | B\n"
      "| 2009\n| —\n|}\n";
  BOOST_TEST(run(t, "table-columns").empty());
}

BOOST_AUTO_TEST_CASE(unknown_template_between_cells_makes_the_width_unknown) {
  const std::string t =
      "{| class=\"wikitable\"\n! Chart !! Peak\n|-\n{{Some chart row|Australia|5}}\n|-\n"
      "| A || 1\n|-\n| {{Some cell}} || B || 1\n|}\n";
  const auto f = run(t, "table-columns");
  // The first row's width is unknown (silent); the third row is a real long row.
  BOOST_TEST_REQUIRE(f.size() == 1u);
  BOOST_TEST(f[0].location.start.line == 8);
}

BOOST_AUTO_TEST_CASE(known_cell_templates_count_their_cells) {
  const std::string t =
      "{| class=\"wikitable\"\n! Chart !! Peak\n|-\n{{Single chart|Australia|5}}\n|-\n"
      "{{Single chart|Austria|7}}\n|}\n";
  BOOST_TEST(run(t, "table-columns").empty());
  const std::string bar =
      "{| class=\"wikitable\"\n! Affiliation\n! colspan=\"2\" | %\n|-\n| Christian\n"
      "| {{bartable|87.5||2||background:darkblue}}\n|-\n| Other\n| 5 || bar\n|}\n";
  BOOST_TEST(run(bar, "table-columns").empty());
  // Near miss: a template the data file does not list inside a cell is one cell.
  const std::string near =
      "{| class=\"wikitable\"\n! Affiliation\n! colspan=\"2\" | %\n|-\n| Christian\n"
      "| {{barchart|87.5||2}}\n|-\n| Other\n| 5 || bar\n|}\n";
  BOOST_TEST(run(near, "table-columns").size() == 1u);
}

BOOST_AUTO_TEST_CASE(a_leader_row_of_rowspan_cells_is_not_short) {
  const std::string t =
      "{| class=\"wikitable\"\n! Year !! Winner !! Film\n|-\n| rowspan=3 | 1928\n|-\n| A || X\n"
      "|-\n| B || Y\n|}\n";
  BOOST_TEST(run(t, "table-columns").empty());
}

BOOST_AUTO_TEST_SUITE_END()

BOOST_AUTO_TEST_SUITE(stacked_header_blocks)

BOOST_AUTO_TEST_CASE(a_second_header_block_defines_the_rows_under_it) {
  const std::string t =
      "{| class=\"wikitable\"\n! A !! B !! C\n|-\n| 1 || 2 || 3\n|-\n| 4 || 5 || 6\n|-\n"
      "! D !! E\n|-\n| 7 || 8\n|-\n| 9 || 10\n|}\n";
  BOOST_TEST(run(t, "table-columns").empty());
  const std::string near =
      "{| class=\"wikitable\"\n! A !! B !! C\n|-\n| 1 || 2 || 3\n|-\n| 4 || 5 || 6\n|-\n"
      "! D !! E\n|-\n| 7 || 8\n|-\n| 9 || 10 || 11\n|}\n";
  BOOST_TEST(run(near, "table-columns").size() == 1u);
}

BOOST_AUTO_TEST_SUITE_END()

BOOST_AUTO_TEST_SUITE(what_mediawiki_reads_as_cells)

const std::string kHead = "{| class=\"wikitable\"\n! Code !! Country !! Notes !! Old\n";

BOOST_AUTO_TEST_CASE(a_caption_line_after_rows_is_no_row) {
  // `|+33 || ...` after rows: MediaWiki draws captions, one for each `||`, and no row.
  const std::string t = kHead + "|-\n|+33 || France || long note\n|-\n| 34 || Spain || || \n|}\n";
  BOOST_TEST(run(t, "table-columns").empty());
  const std::string near =
      kHead + "|-\n| 33 || France || long note\n|-\n| 34 || Spain || || \n|}\n";
  BOOST_TEST(run(near, "table-columns").size() == 1u);
}

BOOST_AUTO_TEST_CASE(a_template_starting_a_line_of_a_cell_may_emit_cells) {
  const std::string t =
      kHead + "|-\n| 1\n| Albania\n| member\n{{extent}}\n|-\n| 2 || B || c || d\n|}\n";
  BOOST_TEST(run(t, "table-columns").empty());
  // Near miss: the template after text on the line is inside the cell.
  const std::string near =
      kHead + "|-\n| 1\n| Albania\n| member {{extent}}\n|-\n| 2 || B || c || d\n|}\n";
  BOOST_TEST(run(near, "table-columns").size() == 1u);
}

BOOST_AUTO_TEST_CASE(an_attribute_written_twice_keeps_its_last_value) {
  // `! colspan="2" ! colspan="1" rowspan="2"|Actor`: MediaWiki's sanitizer keeps colspan=1.
  const std::string t =
      "{| class=\"wikitable\"\n! colspan=\"2\" ! colspan=\"1\" rowspan=\"2\"|Actor !! "
      "colspan=\"2\"|Seasons\n|-\n! S1 !! S2\n|-\n| A || x || y\n|-\n| B || x || y\n|}\n";
  BOOST_TEST(run(t, "table-columns").empty());
  const std::string near =
      "{| class=\"wikitable\"\n! colspan=\"1\" ! colspan=\"2\" rowspan=\"2\"|Actor !! "
      "colspan=\"2\"|Seasons\n|-\n! S1 !! S2\n|-\n| A || x || y\n|-\n| B || x || y || z\n|}\n";
  BOOST_TEST(run(near, "table-columns").size() == 1u);
}

BOOST_AUTO_TEST_CASE(an_html_cell_tag_inside_a_cell_is_one_more_cell) {
  const std::string t =
      "{| class=\"wikitable\"\n! A !! B !! C\n|-\n| x || 8155<td>1610</td>\n|-\n| a || b || "
      "c\n|}\n";
  BOOST_TEST(run(t, "table-columns").empty());
  const std::string near =
      "{| class=\"wikitable\"\n! A !! B !! C\n|-\n| x || 8155 1610\n|-\n| a || b || c\n|}\n";
  BOOST_TEST(run(near, "table-columns").size() == 1u);
}

BOOST_AUTO_TEST_CASE(a_title_beside_a_rowspan_opens_a_section) {
  // A map down the first column, `! colspan=4` titles beside it: titles, not column headers.
  const std::string t =
      "{| class=\"wikitable\"\n! Map !! Name !! A !! B !! Pop.\n|-\n| rowspan=6 | map\n"
      "! colspan=4 | Cities\n|-\n| 1 || a || b || 5\n|-\n! colspan=4 | Provinces\n|-\n"
      "| 2 || a || b || 6\n|-\n| 3 || a || b || 7\n|}\n";
  BOOST_TEST(run(t, "table-columns").empty());
  const std::string near =
      "{| class=\"wikitable\"\n! Map !! Name !! A !! B !! Pop.\n|-\n| rowspan=6 | map\n"
      "! colspan=4 | Cities\n|-\n| 1 || a || b || 5\n|-\n! colspan=4 | Provinces\n|-\n"
      "| 2 || a || b || 6\n|-\n| 3 || a || b\n|}\n";
  BOOST_TEST(run(near, "table-columns").size() == 1u);
}

BOOST_AUTO_TEST_CASE(a_header_wider_than_every_row_is_one_finding) {
  const std::string t =
      "{| class=\"wikitable\"\n! Name\n! colspan=3 | Period\n|-\n| A || 1928 || 1931\n|-\n"
      "| B || 1931 || 1932\n|-\n| C || 1933 || 1939\n|}\n";
  const auto f = run(t, "table-columns");
  BOOST_TEST_REQUIRE(f.size() == 1u);
  BOOST_TEST(f[0].key == "header 1");
  BOOST_TEST(f[0].message == "the header covers 4 columns, every one of the 3 rows under it 3");
}

BOOST_AUTO_TEST_CASE(a_title_alone_and_a_layout_table_are_not_judged) {
  const std::string title =
      "{| class=\"wikitable\"\n! colspan=33 | Letters\n|-\n| A || B\n|-\n| a || b\n|}\n";
  BOOST_TEST(run(title, "table-columns").empty());
  const std::string layout =
      "{| style=\"background: transparent\"\n! A !! B\n|-\n| a\n|-\n| a || b\n|}\n";
  BOOST_TEST(run(layout, "table-columns").empty());
  // Near miss: the same table drawn with borders shows the hole.
  const std::string near = "{| border=\"1\"\n! A !! B\n|-\n| a\n|-\n| a || b\n|}\n";
  BOOST_TEST(run(near, "table-columns").size() == 1u);
}

BOOST_AUTO_TEST_CASE(a_total_row_in_another_language_is_a_summary) {
  const std::string t = kHead + "|-\n| 1 || A || b || c\n|-\n| মোট || 3\n|}\n";
  BOOST_TEST(run(t, "table-columns").empty());
  const std::string near = kHead + "|-\n| 1 || A || b || c\n|-\n| মোটা || 3\n|}\n";
  BOOST_TEST(run(near, "table-columns").size() == 1u);
}

BOOST_AUTO_TEST_SUITE_END()

BOOST_AUTO_TEST_SUITE(numbering_columns)

BOOST_AUTO_TEST_CASE(a_rank_shared_by_a_rowspan_cell_is_no_gap) {
  auto ranks = [](const std::string& tie, const std::string& second) {
    std::string t = "{| class=\"wikitable\"\n! Rank !! Name !! Pop\n";
    for (int i = 1; i <= 3; ++i) t += "|-\n| " + std::to_string(i) + " || A || 900\n";
    t += "|-\n| " + tie + "4 || B || 800\n|-\n" + second + "| C || 800\n";
    for (int i = 6; i <= 8; ++i) t += "|-\n| " + std::to_string(i) + " || D || 700\n";
    return t + "|}\n";
  };
  BOOST_TEST(run(ranks("rowspan=\"2\" | ", ""), "table-sequence").empty());
  // Near miss: without the rowspan the second row is unnumbered, and 5 is missing.
  const auto f = run(ranks("", "| \xE2\x80\x94 "), "table-sequence");
  BOOST_TEST_REQUIRE(f.size() == 1u);
  BOOST_TEST(f[0].key == "gap:5");
}

BOOST_AUTO_TEST_CASE(an_octal_code_beside_the_decimal_numbering_is_not_a_sequence) {
  std::string t = "{| class=\"wikitable\"\n! Oct !! Dec !! Glyph\n";
  for (int i = 0; i < 20; ++i) {
    char oct[8];
    std::snprintf(oct, sizeof oct, "%03o", i);
    t += "|-\n| " + std::string(oct) + " || " + std::to_string(i) + " || g\n";
  }
  t += "|}\n";
  BOOST_TEST(run(t, "table-sequence").empty());
  // Near miss: a decimal number used twice is found.
  const auto pos = t.find("|| 12 ||");
  std::string near = t;
  near.replace(pos, 8, "|| 11 ||");
  const auto f = run(near, "table-sequence");
  BOOST_TEST(!f.empty());
  for (const auto& x : f) BOOST_TEST(x.message.find("11") != std::string::npos, x.message);
}

BOOST_AUTO_TEST_CASE(a_misplaced_number_is_reported_once) {
  const auto t = numbered({8, 9, 10, 111, 12, 13, 14, 15});
  const auto f = run(t, "table-sequence");
  BOOST_TEST_REQUIRE(f.size() == 1u);
  BOOST_TEST(f[0].key == "order:111");
  BOOST_TEST(f[0].message.find("where 11 belongs") != std::string::npos);
  // Near miss: the seed's shape (a number repeated, the next one missing) stays two findings.
  const auto seed = run(numbered({8, 9, 10, 10, 12, 13, 14}), "table-sequence");
  BOOST_TEST_REQUIRE(seed.size() == 2u);
  BOOST_TEST(seed[0].key == "10");
  BOOST_TEST(seed[1].key == "gap:11");
}

BOOST_AUTO_TEST_SUITE_END()
