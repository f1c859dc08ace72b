// table-columns: a row with more or fewer cells than the header row.
#include <algorithm>

#include "rules/rule_factories.hpp"
#include "rules/rule_util.hpp"

namespace wikivet {

namespace {

constexpr RuleMeta kMeta{"table-columns",
                         Category::Tables,
                         Severity::Warning,
                         "A row has more or fewer cells than the header row.",
                         R"md(
After rowspan and colspan are resolved, every data row of a table should cover as many
columns as the header row above it (in a table with sections, the header of its own section:
a header block repeated or stacked inside the body defines the columns of the rows under it).
Only tables that draw their cells are checked (class `wikitable`, or a `border` of 1 or
more): in a layout table a missing cell shows nothing. Title rows (one cell across the
table), header rows and summary rows ("Total") are not judged, and a title alone defines no
columns; nor is a row whose width depends on a template whose output is not known (a
template standing between the cells, or starting a line inside a cell, may emit cells; the
templates whose cells are known are listed in `rules/data/cell_templates.tsv`), nor a row
whose cells all span down into the rows below it (the top of a block). When every row of a
segment has one width and only the header differs, the header is what is written wrong:
that is one finding, at the header. A short row leaves a hole at the end (often a forgotten
date or citation); a long row pushes its last cells outside the table's columns, usually
because a `||` or a line starting with `|` was added by mistake.

Bad:

```wikitext
{| class="wikitable"
! Country !! Date !! Notes
|-
| {{Flag|Chile}} || 1978
|}
```

Good:

```wikitext
{| class="wikitable"
! Country !! Date !! Notes
|-
| {{Flag|Chile}} || 1978 ||
|}
```

A table whose spans reach wider than its own text has bytes (and 64 columns at least) is all
holes: wikivet does not model its columns and says so with this rule instead of checking it
in silence.
)md",
                         false};

}  // namespace

std::unique_ptr<Rule> make_table_columns_rule() {
  return make_rule(kMeta, [](const Article& article, const RuleOptions&, FindingSink& out) {
    for (const Table& t : article.tables) {
      if (t.too_wide) {
        // The model does not build such a grid (it would be all holes); saying so is better
        // than checking nothing in silence.
        const std::string_view text = article.text();
        const size_t open = text.find("{|", t.range.begin);
        const uint32_t at = open < t.range.end ? static_cast<uint32_t>(open) : t.range.begin;
        out.report({at, std::min(at + 2, t.range.end)},
                   "cells span more than " + std::to_string(t.max_columns()) +
                       " columns, more than the table has bytes: its columns are not checked",
                   "too-wide");
        continue;
      }
      // A hole in a table that draws no cells (a layout table) shows nothing to readers.
      if (t.columns == 0 || !t.draws_cells) continue;
      for (const TableSegment& seg : t.segments) {
        // Each segment follows its own header row (a stacked header block, or the one above
        // a section title).
        if (seg.header_row < 0) continue;
        const TableRow& head = t.rows[static_cast<size_t>(seg.header_row)];
        if (!head.width_known) continue;
        // A title alone (`! colspan="33" | Capital letters` over rows of 24 letters) names no
        // columns: its colspan is a guess at the width, and a larger one draws nothing.
        if (head.cells.size() == 1 && t.cells[static_cast<size_t>(head.cells[0])].colspan > 1)
          continue;
        const int expected = head.written_columns;
        std::vector<int> judged, off;  // rows judged; those whose width is not the header's
        for (int r = std::max(seg.begin, t.header_rows); r < seg.end; ++r) {
          const TableRow& row = t.rows[static_cast<size_t>(r)];
          if (row.kind != RowKind::Data || row.cells.empty() || !row.width_known) continue;
          const int have = row.written_columns;
          // A row whose cells all reach down into the rows below (an award year over its
          // nominees, written on a line of its own) is the top of a block, not a short row.
          if (have < expected && std::all_of(row.cells.begin(), row.cells.end(), [&](int ci) {
                return t.cells[static_cast<size_t>(ci)].rowspan > 1;
              }))
            continue;
          judged.push_back(r);
          if (have != expected) off.push_back(r);
        }
        if (off.empty()) continue;
        // Every row of the segment agrees on one width and the header alone differs: the
        // header is written wrong (`! colspan=3 | Period` over two date columns), one defect,
        // reported once at the header.
        const int first_width = t.rows[static_cast<size_t>(off.front())].written_columns;
        if (off.size() >= 2 && off.size() == judged.size() &&
            std::all_of(off.begin(), off.end(), [&](int r) {
              return t.rows[static_cast<size_t>(r)].written_columns == first_width;
            })) {
          const TableCell& last = t.cells[static_cast<size_t>(head.cells.back())];
          out.report(trim_range(article.tree(), last.range),
                     "the header covers " + std::to_string(expected) +
                         " columns, every one of the " + std::to_string(off.size()) +
                         " rows under it " + std::to_string(first_width),
                     "header " + std::to_string(seg.header_row + 1));
          continue;
        }
        for (int r : off) {
          const TableRow& row = t.rows[static_cast<size_t>(r)];
          const int have = row.written_columns;
          const TableCell& last = t.cells[static_cast<size_t>(row.cells.back())];
          out.report(trim_range(article.tree(), last.range),
                     row_name(t, r) + ": row covers " + std::to_string(have) +
                         (have == 1 ? " column" : " columns") + ", the header has " +
                         std::to_string(expected),
                     row_key(t, r));
        }
      }
    }
  });
}

}  // namespace wikivet
