// Row kinds and segments: which rows of a table are entries, which are headers, section titles
// or summaries, and where the table's sections begin. Real tables put all of these in one
// grid: a list of colleges with `! colspan="5" | Colleges` over each group, a chart with its
// header row repeated every twenty rows, a statistics table closed by "Total". Rules that
// count, order or compare rows read the data rows of one segment at a time.

#include <algorithm>

#include "model/article.hpp"
#include "model/text_util.hpp"

namespace wikivet {

namespace {

// "Total", "Average", "Career" and their kin: the label of a row about the other rows.
bool is_summary_label(std::string_view plain) {
  std::string s = to_lower(trim(plain));
  while (!s.empty() && (s.back() == ':' || s.back() == '.')) s.pop_back();
  for (std::string_view w : {"total", "totals", "grand total", "subtotal", "sub-total", "sum",
                             "average", "averages", "mean", "median", "career", "career total",
                             "career totals", "overall", "all-time", "combined",
                             // the same word on the corpus' other wikis: bn, el, hy, mr
                             "মোট", "σύνολο", "Σύνολο", "ընդամենը", "Ընդամենը", "एकूण"})
    if (s == w) return true;
  // "Total (12 countries)", "Totals for 2019"
  return s.rfind("total ", 0) == 0 || s.rfind("total(", 0) == 0;
}

}  // namespace

void Article::classify_rows(Table& t) const {
  const int nrows = static_cast<int>(t.rows.size());
  // One cell, spanning every column from the first: a title over the rows below it. Or one
  // cell spanning every column that a rowspan from above leaves free (a map in the first
  // column beside `! colspan="4" | Cities`): a title over the rows beside the span too.
  auto full_width = [&](int r) {
    const TableRow& row = t.rows[static_cast<size_t>(r)];
    if (t.columns <= 1 || row.cells.size() != 1) return false;
    const TableCell& c = t.cells[static_cast<size_t>(row.cells[0])];
    if (c.emitted || c.col + c.colspan < t.columns) return false;
    return c.col == 0 || c.colspan >= 2;
  };
  // A row whose row header is an empty `!` and whose other cells are written: it labels the
  // columns below it ("voiceless", "voiced" over a chart of letters), the corner cell left
  // blank as in a column header row. An entry names its subject in its row header.
  auto empty_row_header = [&](int r) {
    const TableRow& row = t.rows[static_cast<size_t>(r)];
    if (row.cells.size() < 2) return false;
    const TableCell& first = t.cells[static_cast<size_t>(row.cells[0])];
    if (first.emitted || !first.header || first.col != 0 || !trim(first.plain).empty() ||
        first.fill != CellFill::Blank)
      return false;
    for (size_t k = 1; k < row.cells.size(); ++k) {
      const TableCell& c = t.cells[static_cast<size_t>(row.cells[k])];
      if (c.emitted || c.header || trim(c.plain).empty()) return false;
    }
    return true;
  };
  // The first header block ends before a full-width row that follows a column header row:
  // `! Event !! Record ...` then `! colspan="8" | -56 kg` is a header and a section title.
  int lead = 0;
  bool column_header_seen = false;
  while (lead < nrows && t.rows[static_cast<size_t>(lead)].header) {
    const bool wide = full_width(lead);
    if (wide && column_header_seen) break;
    if (!wide) column_header_seen = true;
    ++lead;
  }
  t.header_rows = lead;

  for (int r = 0; r < nrows; ++r) {
    TableRow& row = t.rows[static_cast<size_t>(r)];
    if (r < lead) {
      row.kind = RowKind::Header;
    } else if (full_width(r)) {
      row.kind = RowKind::Section;
    } else if (row.header) {
      row.kind = RowKind::Header;
    } else if (empty_row_header(r)) {
      row.kind = RowKind::Header;
    } else {
      row.kind = RowKind::Data;
      // The label stands in the first or second cell (after a rank or a blank).
      for (size_t k = 0; k < row.cells.size() && k < 2; ++k) {
        const TableCell& c = t.cells[static_cast<size_t>(row.cells[k])];
        if (trim(c.plain).empty()) continue;
        if (is_summary_label(c.plain)) row.kind = RowKind::Summary;
        break;
      }
    }
  }

  // Segments: a section row opens one, and so does a header row after rows that are not
  // headers (a header block repeated or stacked inside the body). The segment's rows follow
  // the last column header row of its own header block, else the one of the segment before.
  t.segments.clear();
  int header_row = -1;
  bool block_open = false;  // no row of the segment so far is other than a header or title
  for (int r = 0; r < nrows; ++r) {
    const RowKind k = t.rows[static_cast<size_t>(r)].kind;
    const RowKind prev = r > 0 ? t.rows[static_cast<size_t>(r - 1)].kind : RowKind::Header;
    const bool opens =
        t.segments.empty() || k == RowKind::Section ||
        (k == RowKind::Header && prev != RowKind::Header && prev != RowKind::Section);
    if (opens) {
      if (!t.segments.empty()) t.segments.back().end = r;
      t.segments.push_back({r, nrows, header_row, 0});
      block_open = true;
    }
    TableSegment& seg = t.segments.back();
    if (k == RowKind::Header && ((block_open && !full_width(r)) || seg.header_row < 0))
      seg.header_row = header_row = r;
    if (k != RowKind::Header && k != RowKind::Section) block_open = false;
    if (k == RowKind::Data) ++seg.data_rows;
    t.rows[static_cast<size_t>(r)].segment = static_cast<int>(t.segments.size()) - 1;
  }
}

}  // namespace wikivet
