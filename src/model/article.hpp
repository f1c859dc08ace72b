#pragma once
// The article model: what a page means, built once from the tree and read by every rule.
// Sections, tables as grids with column roles and row entities, the reference index, dates.
// Rules never re-parse: whatever two rules need is computed here once.
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/source.hpp"
#include "model/date.hpp"
#include "model/entity.hpp"
#include "parse/tree.hpp"

namespace wikivet {

struct Section {
  NodeId heading = kNoNode;  // kNoNode for the lead
  int level = 0;             // 0 for the lead
  std::string title;
  Range range;  // from the heading to the next heading of the same or a higher level
};

enum class ColumnRole : uint8_t { Other, Sequence, Entity, Date, Notes };
const char* to_string(ColumnRole r);

// A date found in a cell or parameter.
struct DateValue {
  enum class Kind : uint8_t {
    Empty,    // nothing written
    Unknown,  // "Unknown", "N/A", "?", "TBD" ...
    Date,     // one date (date holds it)
    Invalid,  // meant as a date but not one date: "31 February", "5 May 1992 severed 2024"
    NotDate,  // nothing of a date in it: "0.698", a word in another language
    Range,    // a period ("1977–79", "1960s", "20–22 August 1960"): date holds its start
  };
  Kind kind = Kind::Empty;
  Date date;
  Range range;       // the date's own text (template or words), without trailing refs/notes
  std::string text;  // the date as written, plain (for messages)
  bool from_template = false;
};

struct TableCell {
  NodeId node = kNoNode;
  Range range;    // the whole cell, delimiter included
  Range content;  // the cell's content (after attributes)
  bool header = false;
  int row = 0;  // grid position of the cell's top-left slot
  int col = 0;
  int rowspan = 1;
  int colspan = 1;
  std::string plain;  // plain text of the content: markup, refs and comments stripped
  DateValue date;     // what the cell says as a date (computed once, for every data cell;
                      // Invalid is refined to NotDate only in date columns)
};

struct TableRow {
  NodeId node = kNoNode;
  Range range;
  std::vector<int> cells;   // indexes into Table::cells, as written in this row
  bool header = false;      // every cell is a header cell
  int written_columns = 0;  // columns this row covers after rowspan and colspan
  // Row entity (the country the row is about), when the table has an entity column.
  std::optional<Entity> entity;
  Range entity_range;
  std::vector<size_t> refs;  // indexes into Article::refs that stand in this row
};

struct TableColumn {
  std::string header;  // plain header text of the last header row ("#", "Country", "Date")
  ColumnRole role = ColumnRole::Other;
};

struct Table {
  NodeId node = kNoNode;
  Range range;
  int depth = 1;    // 1 = top-level
  int section = 0;  // index into Article::sections
  std::string caption;
  std::vector<TableCell> cells;
  std::vector<TableRow> rows;
  int header_rows = 0;  // leading rows made of header cells
  int columns = 0;      // width of the grid
  std::vector<TableColumn> column_info;
  // grid[r * columns + c] = index into cells covering that slot, or -1.
  std::vector<int> grid;
  int at(int r, int c) const {
    if (r < 0 || c < 0 || r >= static_cast<int>(rows.size()) || c >= columns) return -1;
    return grid[static_cast<size_t>(r) * static_cast<size_t>(columns) + static_cast<size_t>(c)];
  }
  int column_with_role(ColumnRole role) const;  // first such column or -1
};

// One <ref>, {{#tag:ref}}, {{refn}} or {{efn}}.
struct Ref {
  NodeId node = kNoNode;
  Range range;                // the whole ref
  Range content;              // what it says (empty for an invocation)
  std::string name;           // "" when unnamed; case-sensitive, as MediaWiki compares
  std::string group;          // "" for the default group
  bool defines = false;       // has content (non-blank)
  bool self_closing = false;  // <ref name=x />
  bool list_defined = false;  // inside <references>...</references> or {{reflist|refs=}}
  enum class Via : uint8_t { Tag, TagFunction, Template } via = Via::Tag;
  int table = -1;  // index into Article::tables, when the ref stands in a table cell
  int row = -1;    // row index in that table
};

struct RefList {
  NodeId node = kNoNode;
  Range range;
  std::string group;
  bool is_template = false;  // {{Reflist}} rather than <references/>
};

class Article {
 public:
  // Builds the whole model. `source` must outlive the article.
  explicit Article(const Source& source);

  const Source& source() const { return *source_; }
  const Tree& tree() const { return tree_; }
  std::string_view text() const { return tree_.text(); }

  std::vector<Section> sections;
  std::vector<Table> tables;
  std::vector<Ref> refs;
  std::vector<RefList> ref_lists;
  // Every template and comment of the page, in document order, indexed once so that rules
  // never walk the whole tree for them. template_names[i] is normalize_title of templates[i].
  std::vector<NodeId> templates;
  std::vector<std::string> template_names;
  std::vector<NodeId> comments;

  // The format {{Use dmy dates}} / {{Use mdy dates}} declares, and where.
  DateFormat declared_date_format = DateFormat::None;
  NodeId date_format_template = kNoNode;

  // The date a cell holds (dts/start date template or plain text; trailing refs, notes,
  // <br> and comments ignored).
  DateValue cell_date(const Table& t, const TableCell& c) const;
  // Plain text of a node: links become their label, templates vanish except those that
  // render text we understand (dates, flags), refs/comments vanish, entities are decoded.
  std::string plain_text(NodeId node) const;
  // Integers of a column's data cells in row order; unnumbered cells ("—", "-", empty) are
  // skipped, other non-numbers counted in `non_numbers`.
  struct ColumnNumber {
    int row;
    long long value;
  };
  std::vector<ColumnNumber> column_numbers(const Table& t, int col, int* non_numbers) const;
  // True when the numbers mostly count up (or down) by one (80% of the steps): the column is a
  // sequence. Points columns (25, 20, 16, 13, 11, 10, 9, ...) stay below that.
  static bool is_sequence(const std::vector<ColumnNumber>& numbers, int non_numbers);
  // Template name (normalised) and parameters as strings, for date/entity lookups.
  std::string template_name(NodeId tmpl) const;
  TemplateParams template_params(NodeId tmpl) const;

 private:
  void index_nodes();
  void build_sections();
  void build_tables();
  void build_refs();
  void build_declarations();
  void assign_column_roles(Table& t) const;
  // Plain text of the parts of `container`'s subtree inside `range`.
  std::string plain_text_within(NodeId container, Range range) const;
  const Source* source_;
  Tree tree_;
  std::vector<NodeId> table_nodes_;
};

}  // namespace wikivet
