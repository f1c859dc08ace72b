// Column roles (sequence, entity, date, notes) from header words and content, the integers of a
// column, and the row entities read from the entity column.

#include <algorithm>

#include "model/article.hpp"
#include "model/node_util.hpp"
#include "model/text_util.hpp"

namespace wikivet {

using namespace model_detail;

namespace {

bool header_is_one_of(std::string_view header, std::initializer_list<std::string_view> words) {
  const std::string h = to_lower(trim(header));
  for (auto w : words)
    if (h == w) return true;
  return false;
}

bool header_contains(std::string_view header, std::initializer_list<std::string_view> words) {
  const std::string h = to_lower(header);
  for (auto w : words)
    if (h.find(w) != std::string::npos) return true;
  return false;
}

bool is_unnumbered(std::string_view s) {
  s = trim(s);
  return s.empty() || s == "-" || s == "\xE2\x80\x94" || s == "\xE2\x80\x93" || s == "?" ||
         s == "N/A" || s == "n/a";
}

// A month name or a year-like number (three or four digits standing alone) somewhere.
bool has_date_material(std::string_view text) {
  if (!find_dates_in_prose(text).empty()) return true;
  for (size_t i = 0; i < text.size();) {
    if (text[i] < '0' || text[i] > '9') {
      ++i;
      continue;
    }
    size_t j = i;
    while (j < text.size() && text[j] >= '0' && text[j] <= '9') ++j;
    const bool alone = (i == 0 || (text[i - 1] != '.' && text[i - 1] != ',')) &&
                       (j == text.size() || (text[j] != '.' && text[j] != ','));
    if (alone && j - i == 4 && (text[i] == '1' || text[i] == '2')) return true;
    i = j;
  }
  return false;
}

}  // namespace

std::vector<Article::ColumnNumber> Article::column_numbers(const Table& t, int col,
                                                           int* non_numbers) const {
  std::vector<ColumnNumber> out;
  int others = 0;
  for (int ci : t.cells_starting_in(col)) {  // own cells only, not those spanned into it
    const TableCell& cell = t.cells[static_cast<size_t>(ci)];
    const int r = cell.row;
    if (r < t.header_rows || cell.header) continue;
    long long v = 0;
    std::string_view text = trim(cell.plain);
    if (!text.empty() && text.back() == '.') text.remove_suffix(1);  // "12."
    if (parse_uint(text, v)) {
      out.push_back({r, v});
    } else if (!is_unnumbered(cell.plain)) {
      ++others;
    }
  }
  if (non_numbers) *non_numbers = others;
  return out;
}

bool Article::is_sequence(const std::vector<ColumnNumber>& numbers, int non_numbers) {
  if (numbers.size() < 3) return false;
  if (static_cast<size_t>(non_numbers) * 4 > numbers.size()) return false;
  size_t up = 0, down = 0;
  for (size_t i = 1; i < numbers.size(); ++i) {
    const long long d = numbers[i].value - numbers[i - 1].value;
    if (d == 1) ++up;
    if (d == -1) ++down;
  }
  const size_t pairs = numbers.size() - 1;
  return std::max(up, down) * 10 >= pairs * 8;
}

void Article::assign_column_roles(Table& t) const {
  // Every data cell's date is computed here once; rules read TableCell::date.
  const int data_rows = static_cast<int>(t.rows.size()) - t.header_rows;
  if (t.columns == 0 || data_rows <= 0) return;
  for (int col = 0; col < t.columns; ++col) {
    TableColumn& info = t.column_info[static_cast<size_t>(col)];
    int non_numbers = 0;
    const auto numbers = column_numbers(t, col, &non_numbers);
    const bool date_header =
        header_contains(info.header, {"date", "began", "established", "since", "founded", "year"});
    // Consecutive years are a timeline, not a numbering: a column of years under a date-like
    // header is a date column.
    const bool all_years =
        !numbers.empty() && std::all_of(numbers.begin(), numbers.end(), [](const ColumnNumber& n) {
          return n.value >= 1000 && n.value <= 2999;
        });
    if (!date_header && !all_years && is_sequence(numbers, non_numbers)) {
      info.role = ColumnRole::Sequence;
      continue;
    }
    int own = 0, dates = 0, unknown = 0, entities = 0, long_text = 0;
    for (int ci : t.cells_starting_in(col)) {
      TableCell& cell = t.cells[static_cast<size_t>(ci)];
      if (cell.row < t.header_rows) continue;
      ++own;
      cell.date = cell_date(t, cell);
      const DateValue& dv = cell.date;
      if (dv.kind == DateValue::Kind::Date) ++dates;
      if (dv.kind == DateValue::Kind::Unknown) ++unknown;
      if (cell.plain.size() > 80) ++long_text;
      bool entity = false;
      const NodeId content = tree_.child(cell.node, NodeKind::CellContent);
      if (content != kNoNode) {
        tree_.for_each_child(content, [&](NodeId c) {
          if (entity) return;
          if (tree_[c].kind == NodeKind::Template)
            entity = entity_from_template(template_name(c), template_params(c)).has_value();
          else if (tree_[c].kind == NodeKind::WikiLink)
            entity = entity_from_link(tree_.name(c), false).has_value();
        });
      }
      if (entity) ++entities;
    }
    if (own == 0) continue;
    // By content alone a column needs three dates at least: two rows prove nothing.
    if ((dates * 2 >= own && dates >= 3) || (date_header && (dates + unknown) * 10 >= own * 3)) {
      info.role = ColumnRole::Date;
      // Text with nothing of a date in it (a number, a word in another language) is no failed
      // attempt at a date: the cell is simply not one. Decided here, for date columns only,
      // because looking for date material in every notes cell of every table is costly.
      for (int ci : t.cells_starting_in(col)) {
        TableCell& cell = t.cells[static_cast<size_t>(ci)];
        if (cell.row < t.header_rows) continue;
        if (cell.date.kind == DateValue::Kind::Invalid && !cell.date.from_template &&
            !has_date_material(cell.date.text))
          cell.date.kind = DateValue::Kind::NotDate;
      }
    } else if (entities * 2 >= own ||
               header_is_one_of(info.header, {"country", "countries", "state", "nation"})) {
      info.role = ColumnRole::Entity;
    } else if (header_contains(info.header, {"note", "remark", "comment", "description"}) ||
               long_text * 2 >= own) {
      info.role = ColumnRole::Notes;
    }
  }

  // Row entities from the entity column.
  const int ecol = t.column_with_role(ColumnRole::Entity);
  if (ecol < 0) return;
  for (int r = t.header_rows; r < static_cast<int>(t.rows.size()); ++r) {
    const int ci = t.at(r, ecol);
    if (ci < 0) continue;
    const TableCell& cell = t.cells[static_cast<size_t>(ci)];
    TableRow& row = t.rows[static_cast<size_t>(r)];
    const NodeId content = tree_.child(cell.node, NodeKind::CellContent);
    if (content == kNoNode) continue;
    tree_.walk(content, [&](NodeId c) {
      if (row.entity) return false;
      const Node& n = tree_[c];
      if (n.kind == NodeKind::Template) {
        if (auto e = entity_from_template(template_name(c), template_params(c))) {
          row.entity = std::move(e);
          row.entity_range = n.range();
        }
        return false;
      }
      if (n.kind == NodeKind::WikiLink) {
        if (!is_file_link(tree_.name(c))) {
          if (auto e = entity_from_link(tree_.name(c), true)) {
            row.entity = std::move(e);
            row.entity_range = n.range();
          }
        }
        return false;
      }
      // A nested table's entities are its own rows' business (and walking it from every
      // enclosing row would be quadratic).
      return n.kind != NodeKind::ExtensionTag && n.kind != NodeKind::Comment &&
             n.kind != NodeKind::Table;
    });
    if (!row.entity && !cell.plain.empty() && cell.plain.size() <= 80) {
      row.entity = Entity{cell.plain, cell.plain};
      row.entity_range = cell.content;
    }
  }
}

}  // namespace wikivet
