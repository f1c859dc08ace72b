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
                                                           int* non_numbers, int segment) const {
  std::vector<ColumnNumber> out;
  int others = 0;
  int begin = 0, end = static_cast<int>(t.rows.size());
  // Own cells only, not those spanned into the column; those of the segment's rows found by
  // their row (the cells are in row order), so that a table of many segments stays linear.
  const std::span<const int> own = t.cells_starting_in(col);
  auto it = own.begin();
  if (segment >= 0 && segment < static_cast<int>(t.segments.size())) {
    begin = t.segments[static_cast<size_t>(segment)].begin;
    end = t.segments[static_cast<size_t>(segment)].end;
    it = std::lower_bound(own.begin(), own.end(), begin, [&](int ci, int row) {
      return t.cells[static_cast<size_t>(ci)].row < row;
    });
  }
  for (; it != own.end(); ++it) {
    const TableCell& cell = t.cells[static_cast<size_t>(*it)];
    const int r = cell.row;
    if (r >= end) break;
    if (!t.is_data(r) || cell.emitted) continue;
    long long v = 0;
    std::string_view text = trim(cell.plain);
    if (!text.empty() && text.back() == '.') text.remove_suffix(1);  // "12."
    if (parse_uint(text, v)) {
      out.push_back({r, v, std::max(1, cell.rowspan)});
    } else if (!is_unnumbered(cell.plain)) {
      ++others;
    }
  }
  if (non_numbers) *non_numbers = others;
  return out;
}

Article::SequenceSteps Article::sequence_steps(const std::vector<ColumnNumber>& numbers) {
  SequenceSteps s;
  for (size_t i = 1; i < numbers.size(); ++i) {
    const long long d = numbers[i].value - numbers[i - 1].value;
    // A rank shared by the rows of a rowspan cell (69 over two rows, then 71) is one step.
    if (d == 1 || (d > 1 && d == numbers[i - 1].span)) ++s.up;
    if (d == -1) ++s.down;
  }
  s.pairs = numbers.size() < 2 ? 0 : numbers.size() - 1;
  return s;
}

bool Article::is_sequence(const std::vector<ColumnNumber>& numbers, int non_numbers) {
  if (numbers.size() < 3) return false;
  if (static_cast<size_t>(non_numbers) * 4 > numbers.size()) return false;
  const SequenceSteps s = sequence_steps(numbers);
  return std::max(s.up, s.down) * 10 >= s.pairs * 8;
}

void Article::assign_column_roles(Table& t) const {
  // Every data cell's date is computed here once; rules read TableCell::date.
  if (t.columns == 0) return;
  int data_rows = 0;
  for (const TableSegment& seg : t.segments) data_rows += seg.data_rows;
  if (data_rows <= 0) return;
  // Numbering: a column whose numbers count the rows of each segment (numbering may restart
  // in a new segment). A table has one numbering column: where several columns count (an
  // octal code beside a decimal one, which jumps from 7 to 10), the one that strays least from
  // counting by one wins, the leftmost on a tie; the others are codes.
  int sequence_col = -1;
  long long best_deviation = 0;
  for (int col = 0; col < t.columns; ++col) {
    const TableColumn& info = t.column_info[static_cast<size_t>(col)];
    const bool date_header =
        header_contains(info.header, {"date", "began", "established", "since", "founded", "year"});
    if (date_header) continue;
    size_t numbers_total = 0, up = 0, down = 0, pairs = 0;
    long long stray_up = 0, stray_down = 0;  // how far the steps are from +1 and from -1
    int non_numbers_total = 0;
    bool all_years = true;
    for (size_t seg = 0; seg < t.segments.size(); ++seg) {
      int non_numbers = 0;
      const auto numbers = column_numbers(t, col, &non_numbers, static_cast<int>(seg));
      non_numbers_total += non_numbers;
      numbers_total += numbers.size();
      for (const auto& n : numbers)
        if (n.value < 1000 || n.value > 2999) all_years = false;
      for (size_t i = 1; i < numbers.size(); ++i) {
        const long long d = numbers[i].value - numbers[i - 1].value;
        const long long want_up = numbers[i - 1].span;
        stray_up += std::min<long long>(10, d > want_up ? d - want_up : want_up - d);
        stray_down += std::min<long long>(10, d > -1 ? d + 1 : -1 - d);
      }
      const SequenceSteps s = sequence_steps(numbers);
      up += s.up;
      down += s.down;
      pairs += s.pairs;
    }
    // Consecutive years are a timeline, not a numbering.
    if (numbers_total < 3 || all_years) continue;
    if (static_cast<size_t>(non_numbers_total) * 4 > numbers_total) continue;
    const size_t steps = std::max(up, down);
    if (steps * 10 < pairs * 8) continue;
    const long long deviation = up >= down ? stray_up : stray_down;
    if (sequence_col < 0 || deviation < best_deviation) {
      sequence_col = col;
      best_deviation = deviation;
    }
  }
  for (int col = 0; col < t.columns; ++col) {
    TableColumn& info = t.column_info[static_cast<size_t>(col)];
    const bool date_header =
        header_contains(info.header, {"date", "began", "established", "since", "founded", "year"});
    if (col == sequence_col) {
      info.role = ColumnRole::Sequence;
      continue;
    }
    int own = 0, dates = 0, unknown = 0, entities = 0, long_text = 0;
    for (int ci : t.cells_starting_in(col)) {
      TableCell& cell = t.cells[static_cast<size_t>(ci)];
      if (!t.is_data(cell.row) || cell.emitted) continue;
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
            entity = template_names_entity(c);
          else if (tree_[c].kind == NodeKind::WikiLink)
            entity = entity_from_link(tree_.name(c), false).has_value();
        });
      }
      if (entity) ++entities;
    }
    if (own == 0) continue;
    // A column headed by a date ("2010" in a table transposed with its years across the
    // header row) holds that date's values, not dates: a count of 1985 is no year.
    const bool header_is_a_date =
        !trim(info.header).empty() && parse_date(trim(info.header)).has_value();
    // By content alone a column needs three dates at least: two rows prove nothing.
    if (!header_is_a_date &&
        ((dates * 2 >= own && dates >= 3) || (date_header && (dates + unknown) * 10 >= own * 3))) {
      info.role = ColumnRole::Date;
      // Text with nothing of a date in it (a number, a word in another language) is no failed
      // attempt at a date: the cell is simply not one. Decided here, for date columns only,
      // because looking for date material in every notes cell of every table is costly.
      for (int ci : t.cells_starting_in(col)) {
        TableCell& cell = t.cells[static_cast<size_t>(ci)];
        if (!t.is_data(cell.row)) continue;
        if (cell.date.kind == DateValue::Kind::Invalid && !cell.date.from_template &&
            !has_date_material(profile_->dates.ascii_digits(cell.date.text)))
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
    if (!t.is_data(r)) continue;
    const int ci = t.at(r, ecol);
    if (ci < 0) continue;
    const TableCell& cell = t.cells[static_cast<size_t>(ci)];
    TableRow& row = t.rows[static_cast<size_t>(r)];
    const NodeId content = tree_.child(cell.node, NodeKind::CellContent);
    if (content == kNoNode) continue;
    NodeId icon = kNoNode;  // a flag icon template the entity came from
    tree_.walk(content, [&](NodeId c) {
      if (row.entity) return false;
      const Node& n = tree_[c];
      if (n.kind == NodeKind::Template) {
        if (!template_names_entity(c)) return false;
        const std::string name = template_name(c);
        if (auto e = entity_from_template_lazy(name, [&] { return template_params(c); })) {
          row.entity = std::move(e);
          row.entity_range = n.range();
          if (is_flag_icon(name)) icon = c;
        }
        return false;
      }
      if (n.kind == NodeKind::WikiLink) {
        if (!profile_->is_file_link(tree_.name(c))) {
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
    // A flag icon beside a name ({{flagicon|UKR}} [[Oleksiy Mykhailychenko]]) marks the
    // nationality of the row's subject; the subject is the name.
    if (icon != kNoNode) {
      for (NodeId k = tree_.next_sibling(icon); k != kNoNode; k = tree_.next_sibling(k)) {
        const Node& n = tree_[k];
        if (n.kind == NodeKind::WikiLink && !profile_->is_file_link(tree_.name(k))) {
          auto e = entity_from_link(tree_.name(k), true);
          if (e && !e->known) {
            row.entity = std::move(e);
            row.entity_range = n.range();
          }
          break;
        }
        if (n.kind == NodeKind::Text) {
          const std::string words = fold_spaces(tree_.text(k));
          if (words.size() < 2) continue;
          if (!lookup_country(words)) {
            row.entity = Entity{words, words, false};
            row.entity_range = n.range();
          }
          break;
        }
      }
    }
    if (!row.entity && !cell.plain.empty() && cell.plain.size() <= 80) {
      row.entity = Entity{cell.plain, cell.plain};
      row.entity_range = cell.content;
    }
  }
}

}  // namespace wikivet
