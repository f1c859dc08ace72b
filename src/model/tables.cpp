// Tables as grids: rows and cells as written, placed into slots honouring rowspan and colspan,
// and the header text of each column.

#include <algorithm>

#include "model/article.hpp"
#include "model/cell_templates.hpp"
#include "model/node_util.hpp"
#include "model/text_util.hpp"

namespace wikivet {

using namespace model_detail;

const char* to_string(RowKind k) {
  switch (k) {
    case RowKind::Data:
      return "data";
    case RowKind::Header:
      return "header";
    case RowKind::Section:
      return "section";
    case RowKind::Summary:
      return "summary";
  }
  return "?";
}

const char* to_string(ColumnRole r) {
  switch (r) {
    case ColumnRole::Other:
      return "other";
    case ColumnRole::Sequence:
      return "sequence";
    case ColumnRole::Entity:
      return "entity";
    case ColumnRole::Date:
      return "date";
    case ColumnRole::Notes:
      return "notes";
  }
  return "?";
}

int Table::column_with_role(ColumnRole role) const {
  for (size_t c = 0; c < column_info.size(); ++c)
    if (column_info[c].role == role) return static_cast<int>(c);
  return -1;
}

namespace {

// Which columns rowspans from above still cover, row after row: busy_until[c] is the first row
// no longer covered in column c. A segment tree with range assignment, so that finding the
// first free column and the end of the covered columns costs O(log width) whatever the number
// of spans crossing the row (a row under 30 000 `rowspan=0` cells must not step over each).
class ColumnCover {
 public:
  explicit ColumnCover(int width) {
    while (n_ < width) n_ *= 2;
    min_.assign(2 * static_cast<size_t>(n_), 0);
    max_.assign(2 * static_cast<size_t>(n_), 0);
    pending_.assign(2 * static_cast<size_t>(n_), -1);
  }
  int width() const { return n_; }
  // Columns [begin, end) are covered up to (not including) row `until`.
  void assign(int begin, int end, int until) { assign(1, 0, n_, begin, end, until); }
  // First column >= c that row `row` does not find covered, or -1 when none below width().
  int first_free(int c, int row) {
    // No span from above reaches this row (most rows of most tables): c itself is free, and
    // the tree need not be descended.
    if (max_[1] <= row) return c < n_ ? c : -1;
    return first_free(1, 0, n_, c, row);
  }
  // One past the last column that spans from above cover in row `row` (0 when none).
  int covered_end(int row) {
    if (max_[1] <= row) return 0;
    size_t k = 1;
    while (k < static_cast<size_t>(n_)) {
      push_down(k);
      k = max_[2 * k + 1] > row ? 2 * k + 1 : 2 * k;
    }
    return static_cast<int>(k - static_cast<size_t>(n_)) + 1;
  }

 private:
  void set(size_t k, int v) {
    min_[k] = max_[k] = v;
    pending_[k] = v;
  }
  void push_down(size_t k) {
    if (pending_[k] < 0) return;
    set(2 * k, pending_[k]);
    set(2 * k + 1, pending_[k]);
    pending_[k] = -1;
  }
  void assign(size_t k, int lo, int hi, int begin, int end, int v) {
    if (end <= lo || hi <= begin) return;
    if (begin <= lo && hi <= end) {
      set(k, v);
      return;
    }
    push_down(k);
    const int mid = lo + (hi - lo) / 2;
    assign(2 * k, lo, mid, begin, end, v);
    assign(2 * k + 1, mid, hi, begin, end, v);
    min_[k] = std::min(min_[2 * k], min_[2 * k + 1]);
    max_[k] = std::max(max_[2 * k], max_[2 * k + 1]);
  }
  int first_free(size_t k, int lo, int hi, int c, int row) {
    if (hi <= c || min_[k] > row) return -1;
    if (hi - lo == 1) return lo;
    push_down(k);
    const int mid = lo + (hi - lo) / 2;
    const int left = first_free(2 * k, lo, mid, c, row);
    return left >= 0 ? left : first_free(2 * k + 1, mid, hi, c, row);
  }

  int n_ = 1;
  std::vector<int> min_, max_, pending_;
};

}  // namespace

int Table::max_columns() const {
  return static_cast<int>(std::clamp<uint32_t>(range.end - range.begin, 64, 1u << 30));
}

void Table::build_grid() {
  const int nrows = static_cast<int>(rows.size());
  // The width is at most the sum of the colspans (every column is some cell's), so the cover
  // is sized to that or to the cap, whichever is smaller: work and memory stay in proportion
  // to what the table writes.
  long long colspans = 0;
  for (const TableCell& cell : cells) colspans += cell.colspan;
  const int cap = max_columns();
  ColumnCover cover(static_cast<int>(std::min<long long>(colspans, cap)));
  int width = 0;
  for (int r = 0; r < nrows && !too_wide; ++r) {
    TableRow& row = rows[static_cast<size_t>(r)];
    int c = 0;
    for (int ci : row.cells) {
      TableCell& cell = cells[static_cast<size_t>(ci)];
      c = cover.first_free(c, r);
      if (c < 0 || c + cell.colspan > std::min(cover.width(), cap)) {
        too_wide = true;
        break;
      }
      cell.row = r;
      cell.col = c;
      cell.rowspan = cell.rowspan == 0 ? nrows - r : std::min(cell.rowspan, nrows - r);
      if (cell.rowspan > 1) cover.assign(c, c + cell.colspan, r + cell.rowspan);
      c += cell.colspan;
    }
    row.written_columns = std::max(c, cover.covered_end(r));
    width = std::max(width, row.written_columns);
  }
  if (too_wide) {
    columns = 0;
    return;
  }
  columns = width;

  // Span index over rows: each cell goes to the O(log rows) nodes that tile its row span.
  span_leaves_ = 1;
  while (span_leaves_ < static_cast<size_t>(std::max(nrows, 1))) span_leaves_ *= 2;
  std::vector<std::pair<uint32_t, int>> entries;  // (node, cell)
  for (size_t i = 0; i < cells.size(); ++i) {
    const TableCell& cell = cells[i];
    size_t lo = span_leaves_ + static_cast<size_t>(cell.row);
    size_t hi = span_leaves_ + static_cast<size_t>(cell.row + cell.rowspan);
    for (; lo < hi; lo /= 2, hi /= 2) {
      if (lo & 1) entries.emplace_back(static_cast<uint32_t>(lo++), static_cast<int>(i));
      if (hi & 1) entries.emplace_back(static_cast<uint32_t>(--hi), static_cast<int>(i));
    }
  }
  std::sort(entries.begin(), entries.end(), [&](const auto& a, const auto& b) {
    if (a.first != b.first) return a.first < b.first;
    const int ca = cells[static_cast<size_t>(a.second)].col;
    const int cb = cells[static_cast<size_t>(b.second)].col;
    return ca != cb ? ca < cb : a.second < b.second;
  });
  span_begin_.assign(2 * span_leaves_ + 1, 0);
  for (const auto& e : entries) ++span_begin_[e.first + 1];
  for (size_t k = 1; k < span_begin_.size(); ++k) span_begin_[k] += span_begin_[k - 1];
  span_cells_.clear();
  span_cells_.reserve(entries.size());
  for (const auto& e : entries) span_cells_.push_back(e.second);

  // Own cells by starting column, in row order; a cell drawn over by a later one at its own
  // top-left slot has no slot of its own left.
  start_begin_.assign(static_cast<size_t>(columns) + 1, 0);
  std::vector<char> own(cells.size(), 0);
  for (size_t i = 0; i < cells.size(); ++i) {
    own[i] = at(cells[i].row, cells[i].col) == static_cast<int>(i);
    if (own[i]) ++start_begin_[static_cast<size_t>(cells[i].col) + 1];
  }
  for (size_t k = 1; k < start_begin_.size(); ++k) start_begin_[k] += start_begin_[k - 1];
  start_cells_.assign(start_begin_.back(), -1);
  std::vector<uint32_t> fill(start_begin_.begin(), start_begin_.end() - 1);
  for (size_t i = 0; i < cells.size(); ++i)  // cells are in row order already
    if (own[i]) start_cells_[fill[static_cast<size_t>(cells[i].col)]++] = static_cast<int>(i);

  // Column headers: in each column, the header cell of its own reaching lowest into the header
  // rows (a banner over several columns names none of them).
  column_info.assign(static_cast<size_t>(columns), TableColumn{});
  std::vector<std::pair<int, int>> best(static_cast<size_t>(columns), {-1, -1});  // (row, cell)
  for (size_t i = 0; i < cells.size(); ++i) {
    const TableCell& cell = cells[i];
    if (cell.row >= header_rows) break;
    if (cell.colspan > 1 && columns > 1) continue;
    for (int k = cell.col; k < std::min(cell.col + cell.colspan, columns); ++k) {
      const int lowest = std::min(cell.row + cell.rowspan, header_rows) - 1;
      auto& b = best[static_cast<size_t>(k)];
      if (at(lowest, k) == static_cast<int>(i) && lowest >= b.first)
        b = {lowest, static_cast<int>(i)};
    }
  }
  for (int k = 0; k < columns; ++k) {
    const int ci = best[static_cast<size_t>(k)].second;
    if (ci >= 0) column_info[static_cast<size_t>(k)].header = cells[static_cast<size_t>(ci)].plain;
  }
}

int Table::at(int r, int c) const {
  if (r < 0 || c < 0 || r >= static_cast<int>(rows.size()) || c >= columns) return -1;
  int found = -1;
  for (size_t k = span_leaves_ + static_cast<size_t>(r); k >= 1; k /= 2) {
    const auto first = span_cells_.begin() + span_begin_[k];
    const auto last = span_cells_.begin() + span_begin_[k + 1];
    // The last cell of this node starting at or left of c; it covers c if it reaches it.
    auto it = std::upper_bound(
        first, last, c, [&](int col, int ci) { return col < cells[static_cast<size_t>(ci)].col; });
    if (it == first) continue;
    const TableCell& cell = cells[static_cast<size_t>(*std::prev(it))];
    if (cell.col + cell.colspan > c) found = std::max(found, *std::prev(it));
  }
  return found;
}

std::span<const int> Table::cells_starting_in(int c) const {
  if (c < 0 || c >= columns) return {};
  return std::span<const int>(
      start_cells_.data() + start_begin_[static_cast<size_t>(c)],
      start_begin_[static_cast<size_t>(c) + 1] - start_begin_[static_cast<size_t>(c)]);
}

void Article::build_tables() {
  constexpr int kMaxColspan = 1000;   // HTML's own limit
  constexpr int kMaxRowspan = 65534;  // HTML's own limit

  tables.reserve(table_nodes_.size());
  for (NodeId tid : table_nodes_) {
    Table t;
    t.node = tid;
    t.range = tree_[tid].range();
    t.depth = std::max<int>(1, tree_[tid].level);
    // The innermost section holding the table is the last one that starts before it.
    const auto after =
        std::upper_bound(sections.begin() + 1, sections.end(), t.range.begin,
                         [](uint32_t at, const Section& sec) { return at < sec.range.begin; });
    t.section = static_cast<int>(after - sections.begin()) - 1;
    if (const NodeId attrs = tree_.child(tid, NodeKind::TableAttributes); attrs != kNoNode) {
      const auto cls = attribute(tree_, attrs, "class");
      const auto border = attribute(tree_, attrs, "border");
      t.draws_cells = (cls && to_lower(*cls).find("wikitable") != std::string::npos) ||
                      (border && span_value(border, 1000) >= 1);
    }
    // Rows and their cells, as written. Counted first so that the vectors are allocated once
    // at their size: on a large table, growing by doubling left up to half of them unused
    // (a cell is about 150 bytes).
    size_t row_count = 0, cell_count = 0;
    tree_.for_each_child(tid, [&](NodeId c) {
      if (tree_[c].kind != NodeKind::TableRow) return;
      ++row_count;
      tree_.for_each_child(c, [&](NodeId k) {
        const NodeKind kind = tree_[k].kind;
        cell_count += kind == NodeKind::TableCell || kind == NodeKind::Template ||
                      kind == NodeKind::ParserFunction;
      });
    });
    t.rows.reserve(row_count);
    t.cells.reserve(cell_count);
    tree_.for_each_child(tid, [&](NodeId c) {
      const Node& n = tree_[c];
      if (n.kind == NodeKind::TableCaption) {
        // The first caption is the table's title; MediaWiki draws later ones (a `|+` line
        // after rows, each `||` on it) as captions too, and their text is in no row.
        if (!trim(t.caption).empty()) return;
        const NodeId content = tree_.child(c, NodeKind::CellContent);
        t.caption = content != kNoNode ? plain_text(content) : plain_text(c);
        return;
      }
      if (n.kind != NodeKind::TableRow) return;
      TableRow row;
      row.node = c;
      row.range = n.range();
      tree_.for_each_child(c, [&](NodeId cell_id) {
        const Node& cn = tree_[cell_id];
        if (cn.kind == NodeKind::Template || cn.kind == NodeKind::ParserFunction) {
          // A template between the cells emits cells of its own: as many as the data file
          // says, or an unknown number.
          const auto emitted = cn.kind == NodeKind::Template
                                   ? cells_emitted(template_name(cell_id), template_params(cell_id))
                                   : std::nullopt;
          if (!emitted) {
            row.width_known = false;
            return;
          }
          TableCell cell;
          cell.node = cell_id;
          cell.range = cell.content = cn.range();
          cell.colspan = *emitted;
          cell.emitted = true;
          cell.fill = CellFill::Content;
          row.cells.push_back(static_cast<int>(t.cells.size()));
          t.cells.push_back(std::move(cell));
          return;
        }
        if (cn.kind != NodeKind::TableCell) return;
        TableCell cell;
        cell.node = cell_id;
        cell.range = cn.range();
        cell.header = cn.has(kHeader);
        const NodeId content = tree_.child(cell_id, NodeKind::CellContent);
        cell.content = content != kNoNode ? tree_[content].range() : Range{cn.end, cn.end};
        const NodeId attrs = tree_.child(cell_id, NodeKind::TableAttributes);
        std::optional<std::string_view> rowspan, colspan;
        if (attrs != kNoNode) {
          rowspan = attribute(tree_, attrs, "rowspan");
          colspan = attribute(tree_, attrs, "colspan");
        } else if (const Range lead = leading_attributes(tree_, content); !lead.empty()) {
          // `| colspan="5" {{CMain}}`: the template emits the `|`, so the text before it is
          // the cell's attributes and the cell's content starts after them.
          const std::string_view text = tree_.text().substr(lead.begin, lead.size());
          rowspan = attribute_in(text, "rowspan");
          colspan = attribute_in(text, "colspan");
          cell.content.begin = lead.end;
        }
        cell.rowspan = span_value(rowspan, kMaxRowspan);
        cell.colspan = std::max(1, span_value(colspan, kMaxColspan));
        if (content != kNoNode) {
          cell.plain = cell.content.begin == tree_[content].begin
                           ? plain_text(content)
                           : plain_text_within(content, cell.content);
          cell.fill = cell_fill(content, cell.content, cell.plain);
          // A template inside the content that emits cells ({{bartable}}, {{convert|..|
          // disp=table}}) splits this one cell into as many.
          // A template starting a line further down the cell (`{{extent}}` under the cell's
          // text) is expanded before MediaWiki splits the table into cells: its
          // output may start a line with `|` and so add cells of its own, as many as the data
          // file says, or an unknown number.
          const std::string_view text = tree_.text();
          // `8155<td>1610</td>`: an HTML cell tag inside a wikitext cell closes it and opens
          // one more cell of the row (unless it belongs to an HTML table in the cell).
          int html_cells = 0;
          bool html_table = false;
          tree_.for_each_child(content, [&](NodeId k) {
            const Node& kn = tree_[k];
            if (kn.kind == NodeKind::HtmlTag) {
              const std::string_view tag = tree_.name(k);
              if (iequals(tag, "table")) html_table = true;
              // `<tr>` opens rows of its own: the row's width cannot be told.
              if (iequals(tag, "tr")) row.width_known = false;
              if (!kn.has(kClosing) && (iequals(tag, "td") || iequals(tag, "th"))) ++html_cells;
              return;
            }
            if (kn.kind != NodeKind::Template && kn.kind != NodeKind::ParserFunction) return;
            const bool own_line = kn.begin > cell.content.begin && text[kn.begin - 1] == '\n';
            if (kn.kind == NodeKind::ParserFunction) {
              if (own_line) row.width_known = false;
              return;
            }
            const std::string name = template_name(k);
            if (!own_line && !is_cell_template(name)) return;
            const auto n = cells_emitted(name, template_params(k));
            if (own_line && !n)
              row.width_known = false;
            else if (n)
              cell.colspan = std::min(kMaxColspan, cell.colspan + *n - (own_line ? 0 : 1));
          });
          if (!html_table) cell.colspan = std::min(kMaxColspan, cell.colspan + html_cells);
        }
        row.cells.push_back(static_cast<int>(t.cells.size()));
        t.cells.push_back(std::move(cell));
      });
      if (row.cells.empty()) return;  // MediaWiki drops rows without cells
      row.header = std::all_of(row.cells.begin(), row.cells.end(),
                               [&](int i) { return t.cells[static_cast<size_t>(i)].header; });
      t.rows.push_back(std::move(row));
    });
    while (t.header_rows < static_cast<int>(t.rows.size()) &&
           t.rows[static_cast<size_t>(t.header_rows)].header)
      ++t.header_rows;

    t.build_grid();
    classify_rows(t);
    tables.push_back(std::move(t));
  }
  for (auto& t : tables) assign_column_roles(t);
}

}  // namespace wikivet
