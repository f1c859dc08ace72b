// Citation coverage of tables: which cells hold a citation, and which rows a citation backs.
// Real tables cite in more places than each row's own cells: a rowspan cell's citation backs
// every row the cell spans; a citation in the caption, the title row or a column header
// ("Date<ref>...</ref>") backs the whole table (one source for every row), and one in a
// section row backs the rows of its section; a "Source" column holds each row's source as
// text, and an external link written in a cell is a source given inline. Rules read
// TableRow::citation and never look for refs themselves.

#include <algorithm>
#include <unordered_map>

#include "model/article.hpp"
#include "model/text_util.hpp"

namespace wikivet {

namespace {

// A column that holds each row's source: "Source", "Refs.", "Reference(s)", "Citation".
bool is_source_header(std::string_view header) {
  std::string h = to_lower(trim(header));
  while (!h.empty() && (h.back() == '.' || h.back() == ':')) h.pop_back();
  if (h.size() > 3 && h.ends_with("(s)")) h.resize(h.size() - 3);
  for (std::string_view w :
       {"source", "sources", "ref", "refs", "reference", "references", "citation", "citations"})
    if (h == w) return true;
  return false;
}

}  // namespace

const char* to_string(RowCitation c) {
  switch (c) {
    case RowCitation::None:
      return "none";
    case RowCitation::Own:
      return "own";
    case RowCitation::Spanned:
      return "spanned";
    case RowCitation::Covered:
      return "covered";
    case RowCitation::Requested:
      return "requested";
  }
  return "?";
}

void Article::build_table_citations() {
  // Ancestor look-ups are bounded, as in build_refs: a template or caption ref stands a few
  // levels below its cell or caption.
  constexpr int kMaxDepth = 32;
  struct Slot {
    int table;
    int cell;
  };
  std::unordered_map<NodeId, Slot> cell_at;  // TableCell node -> its cell
  size_t cell_count = 0;
  for (const Table& t : tables) cell_count += t.cells.size();
  cell_at.reserve(cell_count);
  std::unordered_map<NodeId, int> caption_of;  // TableCaption node -> its table
  std::vector<bool> caption_cites(tables.size(), false);
  std::vector<std::vector<bool>> requested(tables.size());
  for (size_t ti = 0; ti < tables.size(); ++ti) {
    Table& t = tables[ti];
    for (size_t ci = 0; ci < t.cells.size(); ++ci)
      if (!t.cells[ci].emitted)
        cell_at[t.cells[ci].node] = {static_cast<int>(ti), static_cast<int>(ci)};
    tree_.for_each_child(t.node, [&](NodeId c) {
      if (tree_[c].kind == NodeKind::TableCaption) caption_of[c] = static_cast<int>(ti);
    });
    requested[ti].assign(t.rows.size(), false);
  }

  // Refs of the reference index: each marks its cell (refs are indexed by row; the cell is the
  // row's last cell starting before the ref, cells being in written order) or its caption.
  for (const Ref& ref : refs) {
    if (ref.table < 0) {
      NodeId p = tree_[ref.node].parent;
      for (int d = 0; d < kMaxDepth && p != kNoNode; ++d, p = tree_[p].parent) {
        if (tree_[p].kind == NodeKind::TableRow || tree_[p].kind == NodeKind::Table) break;
        if (const auto it = caption_of.find(p); it != caption_of.end()) {
          caption_cites[static_cast<size_t>(it->second)] = true;
          break;
        }
      }
      continue;
    }
    Table& t = tables[static_cast<size_t>(ref.table)];
    const TableRow& row = t.rows[static_cast<size_t>(ref.row)];
    const auto it = std::upper_bound(
        row.cells.begin(), row.cells.end(), ref.range.begin,
        [&](uint32_t at, int ci) { return at < t.cells[static_cast<size_t>(ci)].range.begin; });
    if (it == row.cells.begin()) continue;
    TableCell& cell = t.cells[static_cast<size_t>(*(it - 1))];
    if (ref.range.begin < cell.range.end) cell.cites = true;
  }
  // In-text citations and citation requests, found by name among the page's templates.
  for (size_t i = 0; i < templates.size(); ++i) {
    // Which templates these are is data (rules/data/reference-templates.tsv, a wiki's profile).
    const ReferenceTemplates::Entry* e = template_entries_[i];
    if (e == nullptr) continue;
    const bool cites = e->kind == ReferenceTemplates::Kind::InText;
    if (!cites && e->kind != ReferenceTemplates::Kind::Request) continue;
    NodeId p = tree_[templates[i]].parent;
    for (int d = 0; d < kMaxDepth && p != kNoNode; ++d, p = tree_[p].parent) {
      const auto it = cell_at.find(p);
      if (it == cell_at.end()) continue;
      Table& t = tables[static_cast<size_t>(it->second.table)];
      TableCell& cell = t.cells[static_cast<size_t>(it->second.cell)];
      if (cites)
        cell.cites = true;
      else
        requested[static_cast<size_t>(it->second.table)][static_cast<size_t>(cell.row)] = true;
      break;
    }
  }

  // External links written in a cell ("[https://... Ministry of Foreign Affairs]"): a source
  // given inline, the older way of citing. Each link marks the nearest cell above it, so a
  // link in a nested table's cell is that table's business. Walking up from the page's few
  // links costs far less than walking down through every cell.
  for (const NodeId link : external_links_) {
    NodeId p = tree_[link].parent;
    for (int d = 0; d < kMaxDepth && p != kNoNode; ++d, p = tree_[p].parent) {
      const NodeKind k = tree_[p].kind;
      if (k == NodeKind::TableCell) {
        if (const auto it = cell_at.find(p); it != cell_at.end())
          tables[static_cast<size_t>(it->second.table)]
              .cells[static_cast<size_t>(it->second.cell)]
              .cites = true;
        break;
      }
      if (k == NodeKind::TableRow || k == NodeKind::Table || k == NodeKind::TableCaption) break;
    }
  }

  for (size_t ti = 0; ti < tables.size(); ++ti) {
    Table& t = tables[ti];
    const int nrows = static_cast<int>(t.rows.size());
    if (nrows == 0) continue;
    std::vector<bool> source_column(static_cast<size_t>(t.columns), false);
    for (int c = 0; c < t.columns && c < static_cast<int>(t.column_info.size()); ++c)
      source_column[static_cast<size_t>(c)] =
          is_source_header(t.column_info[static_cast<size_t>(c)].header);
    // Rows a spanning citation reaches: +1 where a cited rowspan cell's second row is, -1 one
    // past its last, summed in row order (linear whatever the spans).
    std::vector<int> spanned(static_cast<size_t>(nrows) + 1, 0);
    // The row from which a citation over the rows covers them, to the end of `covered_end`.
    std::vector<int> cover_end(static_cast<size_t>(nrows), -1);
    for (int r = 0; r < nrows; ++r) {
      TableRow& row = t.rows[static_cast<size_t>(r)];
      bool own = false;
      for (int ci : row.cells) {
        const TableCell& cell = t.cells[static_cast<size_t>(ci)];
        const bool filled_source = !cell.header && cell.col < t.columns &&
                                   source_column[static_cast<size_t>(cell.col)] &&
                                   cell.fill == CellFill::Content && trim(cell.plain) != "-" &&
                                   trim(cell.plain) != "\xE2\x80\x94";
        if (!cell.cites && !filled_source) continue;
        own = true;
        if (cell.rowspan > 1) {
          spanned[static_cast<size_t>(r) + 1] += 1;
          spanned[static_cast<size_t>(std::min(nrows, r + cell.rowspan))] -= 1;
        }
      }
      if (own) row.citation = RowCitation::Own;
      if (own && row.kind != RowKind::Data && row.kind != RowKind::Summary) {
        // A citation in the table's own header block backs every row; one in a header or
        // section row inside the body, the rows of its segment.
        const int end =
            r < t.header_rows ? nrows : t.segments[static_cast<size_t>(row.segment)].end;
        cover_end[static_cast<size_t>(r)] = end;
      }
    }
    int reach = caption_cites[ti] ? nrows : 0;  // rows before `reach` are covered
    int span_depth = 0;
    for (int r = 0; r < nrows; ++r) {
      TableRow& row = t.rows[static_cast<size_t>(r)];
      span_depth += spanned[static_cast<size_t>(r)];
      if (row.citation == RowCitation::None) {
        if (span_depth > 0)
          row.citation = RowCitation::Spanned;
        else if (r < reach)
          row.citation = RowCitation::Covered;
        else if (requested[ti][static_cast<size_t>(r)])
          row.citation = RowCitation::Requested;
      }
      reach = std::max(reach, cover_end[static_cast<size_t>(r)]);
    }
  }
}

}  // namespace wikivet
