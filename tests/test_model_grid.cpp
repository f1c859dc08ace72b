// The table grid kept as spans (issue 9): cells placed as browsers place them, at(r, c) for any
// slot, own cells by column, column headers, and the plain text of cells holding tables.
#define BOOST_TEST_MODULE model_grid
#include <boost/test/unit_test.hpp>

#include "model/article.hpp"

using namespace wikivet;

namespace {

struct Parsed {
  Source source;
  Article article;
  explicit Parsed(std::string text) : source("t.wiki", std::move(text)), article(source) {}
  const Table& table(size_t i = 0) const { return article.tables.at(i); }
};

std::string plain_at(const Table& t, int r, int c) {
  const int ci = t.at(r, c);
  return ci < 0 ? "-" : t.cells[static_cast<size_t>(ci)].plain;
}

// The grid as a picture: one line per row, one letter per slot ('-' for a hole).
std::string picture(const Table& t) {
  std::string out;
  for (int r = 0; r < static_cast<int>(t.rows.size()); ++r) {
    for (int c = 0; c < t.columns; ++c) out += plain_at(t, r, c);
    out += '\n';
  }
  return out;
}

}  // namespace

BOOST_AUTO_TEST_CASE(rowspan_zero_reaches_the_end_as_a_staircase) {
  const Parsed p("{|\n|-\n|rowspan=0|a\n|-\n|rowspan=0|b\n|-\n|rowspan=0|c\n|}");
  const Table& t = p.table();
  BOOST_TEST(t.columns == 3);
  BOOST_TEST(picture(t) == "a--\nab-\nabc\n");
  BOOST_TEST(t.cells[1].col == 1);
  BOOST_TEST(t.cells[1].rowspan == 2);
  BOOST_TEST(t.rows[2].written_columns == 3);
  BOOST_TEST(t.rows[0].written_columns == 1);
}

BOOST_AUTO_TEST_CASE(spans_in_both_directions_and_holes) {
  const Parsed p(
      "{|\n! rowspan=2 | A !! colspan=2 | B\n|-\n! C !! D\n|-\n| colspan=2 rowspan=2 | E || F\n"
      "|-\n| G\n|-\n| H\n|}");
  const Table& t = p.table();
  BOOST_TEST(t.header_rows == 2);
  BOOST_TEST(picture(t) == "ABB\nACD\nEEF\nEEG\nH--\n");
  BOOST_TEST(t.rows[4].written_columns == 1);
  BOOST_TEST(t.at(-1, 0) == -1);
  BOOST_TEST(t.at(0, 3) == -1);
  BOOST_TEST(t.at(5, 0) == -1);
  // Headers: the lowest own header cell; the banner B names no column.
  BOOST_TEST(t.column_info[0].header == "A");
  BOOST_TEST(t.column_info[1].header == "C");
  BOOST_TEST(t.column_info[2].header == "D");
}

BOOST_AUTO_TEST_CASE(a_colspan_into_a_rowspan_draws_over_it) {
  // B spans down into row 2, where D's colspan reaches over it: the slot is D's, as drawn.
  const Parsed p("{|\n| A || rowspan=2 | B || C\n|-\n| colspan=3 | D\n|}");
  const Table& t = p.table();
  BOOST_TEST(picture(t) == "ABC\nDDD\n");
}

BOOST_AUTO_TEST_CASE(own_cells_by_column) {
  const Parsed p("{|\n! # !! X\n|-\n| 1 || rowspan=2 | a\n|-\n| 2\n|-\n| 3 || b\n|}");
  const Table& t = p.table();
  std::vector<std::string> col0, col1;
  for (int ci : t.cells_starting_in(0)) col0.push_back(t.cells[static_cast<size_t>(ci)].plain);
  for (int ci : t.cells_starting_in(1)) col1.push_back(t.cells[static_cast<size_t>(ci)].plain);
  BOOST_TEST((col0 == std::vector<std::string>{"#", "1", "2", "3"}));
  BOOST_TEST((col1 == std::vector<std::string>{"X", "a", "b"}));
  BOOST_TEST(t.cells_starting_in(2).empty());
  BOOST_TEST(t.cells_starting_in(-1).empty());
  BOOST_TEST(std::string(to_string(t.column_info[0].role)) == "sequence");
}

BOOST_AUTO_TEST_CASE(a_thousand_row_staircase_is_placed_exactly) {
  std::string text = "{|\n";
  for (int i = 0; i < 1000; ++i) text += "|-\n|rowspan=0|" + std::to_string(i) + "\n";
  const Parsed p(text + "|}");
  const Table& t = p.table();
  BOOST_TEST(t.columns == 1000);
  BOOST_TEST(!t.too_wide);
  BOOST_TEST(plain_at(t, 999, 0) == "0");
  BOOST_TEST(plain_at(t, 999, 999) == "999");
  BOOST_TEST(plain_at(t, 500, 499) == "499");
  BOOST_TEST(plain_at(t, 499, 500) == "-");
}

BOOST_AUTO_TEST_CASE(too_wide_tables_are_marked_not_built) {
  const Parsed p("{|\n| colspan=1000 | x\n|}\n{|\n| colspan=50 | y\n|}\n");
  BOOST_TEST(p.table(0).too_wide);
  BOOST_TEST(p.table(0).columns == 0);
  BOOST_TEST(p.table(0).at(0, 0) == -1);
  BOOST_TEST(!p.table(1).too_wide);
  BOOST_TEST(p.table(1).columns == 50);
}

BOOST_AUTO_TEST_CASE(a_cells_plain_text_leaves_out_tables_nested_in_it) {
  const Parsed p("{|\n| outer {{nowrap|text}}\n{|\n| inner\n|}\n|}\n");
  BOOST_TEST_REQUIRE(p.article.tables.size() == 2u);
  const Table& outer = p.table(0).depth == 1 ? p.table(0) : p.table(1);
  const Table& inner = p.table(0).depth == 1 ? p.table(1) : p.table(0);
  BOOST_TEST(outer.cells.at(0).plain == "outer text");
  BOOST_TEST(inner.cells.at(0).plain == "inner");
}
