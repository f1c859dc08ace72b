#pragma once
// Tables as the model sees them: grids of cells with spans, column roles, row entities, the
// date each data cell holds.
#include <cstdint>
#include <optional>
#include <span>
#include <string>
#include <vector>

#include "model/date.hpp"
#include "model/entity.hpp"
#include "parse/tree.hpp"

namespace wikivet {

enum class ColumnRole : uint8_t { Other, Sequence, Entity, Date, Notes };
const char* to_string(ColumnRole r);

// What a row is to the table's readers. Only Data rows are entries of the table: rules that
// count, order or compare entries read Data rows alone.
enum class RowKind : uint8_t {
  Data,     // an entry (row-header cells such as `! scope="row" | 12` included)
  Header,   // made only of header cells: column headers, at the top or repeated in the body
  Section,  // one cell spanning every column (`! colspan="5" | Colleges`, a footnote line):
            // a title over the rows under it
  Summary,  // "Total", "Average", "Career": a row about the other rows, not an entry
};
const char* to_string(RowKind k);

// Whether a row is backed by a citation, and how (table_citations.cpp).
enum class RowCitation : uint8_t {
  None,       // nothing cites it
  Own,        // a citation in one of its own cells, or a filled cell of a source column
  Spanned,    // a citation in a cell spanning into it from a row above (rowspan)
  Covered,    // a citation over it: in the caption, the title or column header rows, or the
              // section row of its segment (one source for the whole table or section)
  Requested,  // no citation, but an editor marked it ({{citation needed}}): already known
};
const char* to_string(RowCitation c);

// A date found in a cell or parameter.
struct DateValue {
  enum class Kind : uint8_t {
    Empty,      // nothing written (an image or a check mark is something: NotDate)
    Unknown,    // "Unknown", "N/A", "?", "TBD", {{N/A}} ... (`missing` says which)
    Date,       // one date (date holds it)
    Invalid,    // meant as a date but not one date (`fault` says why): "31 February" is a Date
                // whose date does not exist; "1949-2-7" is badly written; "5 May 1992 severed
                // 2024" holds two dates
    NotDate,    // nothing of a date in it: "0.698", a word in another language, an image
    Range,      // a period ("1977–79", "1960s", "20–22 August 1960"): date holds its start
    Qualified,  // one date with words that bound or qualify it ("Before 1982", "after 1975",
                // "22 January 1993 or before", "1921 (before the exchange)"): date holds it
  };
  enum class Missing : uint8_t {
    Unknown,        // "Unknown", "not known", "?", "TBD", "TBA", {{Unknown}}
    NotApplicable,  // "N/A", "n/a", "—", "-", {{N/A}}: may mean there is nothing to date
  };
  enum class Fault : uint8_t {
    NotOneDate,  // prose, or words that are no date
    Malformed,   // a badly written date: "1949-2-7", "7/1/1972", "1991 09 06", "1869-10"
    Several,     // two dates or more: "1912, 1971", "5 May 1992 severed 4 August 2024"
    Uncounted,   // NotOneDate or Several, not counted yet: read fault_of_invalid()
  };
  // The one-byte fields first and together: a DateValue is in every table cell, and
  // scattered bools padded it by 8 bytes.
  Kind kind = Kind::Empty;
  Missing missing = Missing::Unknown;  // for Unknown
  Fault fault = Fault::NotOneDate;     // for Invalid
  bool note = false;  // Date: a note follows on its own line ("1962<br>(re-established 2001)")
  bool from_template = false;
  Date date;
  Date period_end;   // Range: the period's last end ("30 February 2001" in "29–30 February 2001")
  Range range;       // the date's own text (template or words), without trailing refs/notes
  std::string text;  // the date as written, plain (for messages)
  // `fault` with Uncounted resolved. Whether text that is no date holds several dates is
  // counted on demand: only date-invalid asks, for the few cells of date columns, and
  // counting the dates of every prose cell of every table cost 3% of a check.
  Fault fault_of_invalid() const;
};

// What a cell shows its readers, beyond its plain text: a cell made only by a template
// (`{{convert|12|km|disp=table}}`, `{{Version|c|1.2}}`, `{{Yes}}`) has no plain text that
// wikivet can render, yet it is no empty cell.
enum class CellFill : uint8_t {
  Blank,    // nothing: white space, comments, refs, notes, anchors, hidden sort keys, a dash
            // template ({{—}}), an unknown-date template ({{N/A}}), an empty date template, a
            // pointer to another article ({{Main}})
  Picture,  // only images (`[[File:...]]`, a flag icon): something to see, no claim in words
  Content,  // text, or a template or parser function that renders something
};
const char* to_string(CellFill f);

// Fields ordered by size so that none pads another: a large page holds hundreds of thousands
// of cells (184 bytes each as first laid out, 152 now).
struct TableCell {
  NodeId node = kNoNode;
  Range range;    // the whole cell, delimiter included
  Range content;  // the cell's content (after attributes)
  int row = 0;    // grid position of the cell's top-left slot
  int col = 0;
  int rowspan = 1;
  int colspan = 1;
  bool header = false;
  // Stands for cells that a template at row level emits ({{Single chart}}): `node` is the
  // template, `content` its text, and there is no wikitext of a cell to read.
  bool emitted = false;
  CellFill fill = CellFill::Blank;  // whether the cell shows anything (plain text or not)
  bool cites = false;  // a citation stands in the cell: a ref of the reference index (<ref>,
                       // {{r}}, {{efn}}, {{sfn}} ...) or an in-text citation ({{harvnb}})
  std::string plain;   // plain text of the content: markup, refs and comments stripped
  DateValue date;      // what the cell says as a date (computed once, for every data cell;
                       // Invalid is refined to NotDate only in date columns)
};

// Fields ordered by size, as in TableCell (176 bytes a row as first laid out, 160 now).
struct TableRow {
  NodeId node = kNoNode;
  Range range;
  int segment = 0;          // index into Table::segments
  int written_columns = 0;  // columns this row covers after rowspan and colspan
  Range entity_range;       // where `entity` is written
  bool header = false;      // every cell is a header cell
  RowKind kind = RowKind::Data;
  // False when a template whose output is not known stands among the row's cells (it may
  // emit cells of its own): the row's true width cannot be told.
  bool width_known = true;
  RowCitation citation = RowCitation::None;
  std::vector<int> cells;    // indexes into Table::cells, as written in this row
  std::vector<size_t> refs;  // indexes into Article::refs that stand in this row
  // Row entity (the country the row is about), when the table has an entity column.
  std::optional<Entity> entity;
};

struct TableColumn {
  std::string header;  // plain header text of the last header row ("#", "Country", "Date")
  ColumnRole role = ColumnRole::Other;
};

// A run of rows under one title or header block. A table is one segment unless a full-width
// row or a header row inside the body starts another: numbering may restart there, widths may
// change, and rules judge each segment on its own.
struct TableSegment {
  int begin = 0;        // first row (the section or header row that opens it, if any)
  int end = 0;          // one past the last row
  int header_row = -1;  // the header row whose columns the segment's rows follow, or -1
  int data_rows = 0;    // rows of kind Data
};

struct Table {
  NodeId node = kNoNode;
  Range range;
  int depth = 1;    // 1 = top-level
  int section = 0;  // index into Article::sections
  std::string caption;
  std::vector<TableCell> cells;
  std::vector<TableRow> rows;
  int header_rows = 0;  // leading rows made of header cells (the table's first header block)
  int columns = 0;      // width of the grid (0 when the grid was not built: see `too_wide`)
  std::vector<TableColumn> column_info;
  // Set when the rows reach wider than kMaxColumns(): cells spanning far beyond anything a
  // page shows. The grid is then not built (columns = 0, rules that read columns skip the
  // table) and table-columns says so.
  bool too_wide = false;
  // Whether the table draws its cells (class "wikitable", or a border attribute of 1 or
  // more): only then does a missing or extra cell show as a hole to readers. A layout table
  // (`style="background: transparent"`, `border="0"`) draws none.
  bool draws_cells = false;

  // Index into cells of the cell covering slot (r, c), or -1. Where cells overlap (a colspan
  // written into a rowspan from above), the cell written later, as browsers draw it.
  // O(log² rows): the grid is kept as spans, not slot by slot, since a page of rowspans
  // (`rowspan=0` on every row) would make a slot grid quadratic in the page's size.
  int at(int r, int c) const;
  // Cells whose own top-left slot is in column c (not spanned into it, not drawn over by a
  // later cell), in row order.
  std::span<const int> cells_starting_in(int c) const;
  int column_with_role(ColumnRole role) const;  // first such column or -1
  std::vector<TableSegment> segments;           // in row order, covering every row
  bool is_data(int r) const { return rows[static_cast<size_t>(r)].kind == RowKind::Data; }

  // Width beyond which the grid is not built: a table is never wider than its own text has
  // bytes (64 columns at least), since every real column is written by some cell.
  int max_columns() const;
  // Places the cells (row, col, rowspan, written_columns, columns), builds the span index and
  // the column headers. Linear in the cells (times a logarithm), whatever the spans.
  void build_grid();

 private:
  // Span index: a segment tree over rows. Node k covers a range of rows; it lists the cells
  // whose row span contains that whole range (each cell lands in O(log rows) nodes), sorted
  // by column. Node k's cells are span_cells_[span_begin_[k] .. span_begin_[k + 1]).
  size_t span_leaves_ = 0;
  std::vector<uint32_t> span_begin_;
  std::vector<int> span_cells_;
  // Cells by starting column: start_cells_[start_begin_[c] .. start_begin_[c + 1]).
  std::vector<uint32_t> start_begin_;
  std::vector<int> start_cells_;
};

}  // namespace wikivet
