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

void Article::build_tables() {
  // Grids larger than this many slots are not built (rules skip such tables): a guard against
  // a hostile colspan/rowspan making memory explode. Real tables stay far below.
  constexpr size_t kMaxGridSlots = size_t{1} << 24;
  constexpr int kMaxColspan = 1000;   // HTML's own limit
  constexpr int kMaxRowspan = 65534;  // HTML's own limit

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
    // Rows and their cells, as written.
    tree_.for_each_child(tid, [&](NodeId c) {
      const Node& n = tree_[c];
      if (n.kind == NodeKind::TableCaption) {
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
          // A template inside the content that emits cells ({{bartable}}, {{convert|..|
          // disp=table}}) splits this one cell into as many.
          tree_.for_each_child(content, [&](NodeId k) {
            if (tree_[k].kind != NodeKind::Template) return;
            const std::string name = template_name(k);
            if (!is_cell_template(name)) return;
            if (const auto n = cells_emitted(name, template_params(k)))
              cell.colspan = std::min(kMaxColspan, cell.colspan + *n - 1);
          });
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

    // Grid: place each cell at the first free slot of its row, honouring spans from above.
    const int nrows = static_cast<int>(t.rows.size());
    std::vector<int> carry;  // carry[c] = rows still covered by a rowspan from above
    std::vector<int> carry_cell;
    std::vector<std::vector<std::pair<int, int>>> placed(static_cast<size_t>(nrows));
    int width = 0;
    for (int r = 0; r < nrows; ++r) {
      auto& row = t.rows[static_cast<size_t>(r)];
      int c = 0;
      auto& slots = placed[static_cast<size_t>(r)];
      for (size_t k = 0; k < carry.size(); ++k)
        if (carry[k] > 0) slots.emplace_back(static_cast<int>(k), carry_cell[k]);
      for (int ci : row.cells) {
        TableCell& cell = t.cells[static_cast<size_t>(ci)];
        while (c < static_cast<int>(carry.size()) && carry[static_cast<size_t>(c)] > 0) ++c;
        cell.row = r;
        cell.col = c;
        const int rs = cell.rowspan == 0 ? nrows - r : std::min(cell.rowspan, nrows - r);
        cell.rowspan = rs;
        if (static_cast<int>(carry.size()) < c + cell.colspan) {
          carry.resize(static_cast<size_t>(c + cell.colspan), 0);
          carry_cell.resize(carry.size(), -1);
        }
        for (int k = 0; k < cell.colspan; ++k) {
          slots.emplace_back(c + k, ci);
          if (rs > 1) {
            carry[static_cast<size_t>(c + k)] = rs;  // decremented below for this row
            carry_cell[static_cast<size_t>(c + k)] = ci;
          }
        }
        c += cell.colspan;
      }
      int row_width = 0;
      for (const auto& [col, ci] : slots) row_width = std::max(row_width, col + 1);
      row.written_columns = row_width;
      width = std::max(width, row_width);
      for (auto& v : carry)
        if (v > 0) --v;
    }
    t.columns = width;
    if (static_cast<size_t>(width) * static_cast<size_t>(nrows) <= kMaxGridSlots) {
      t.grid.assign(static_cast<size_t>(width) * static_cast<size_t>(nrows), -1);
      for (int r = 0; r < nrows; ++r)
        for (const auto& [col, ci] : placed[static_cast<size_t>(r)])
          t.grid[static_cast<size_t>(r) * static_cast<size_t>(width) + static_cast<size_t>(col)] =
              ci;
    } else {
      t.columns = 0;  // too big to model; rules skip tables without a grid
    }

    classify_rows(t);

    // Column headers: the last header row that has a cell of its own in the column.
    t.column_info.resize(static_cast<size_t>(t.columns));
    for (int col = 0; col < t.columns; ++col) {
      for (int r = t.header_rows - 1; r >= 0; --r) {
        const int ci = t.at(r, col);
        if (ci < 0) continue;
        const TableCell& cell = t.cells[static_cast<size_t>(ci)];
        if (cell.colspan > 1 && t.columns > 1) continue;  // a banner over several columns
        t.column_info[static_cast<size_t>(col)].header = cell.plain;
        break;
      }
    }
    tables.push_back(std::move(t));
  }
  for (auto& t : tables) assign_column_roles(t);
}

}  // namespace wikivet
