// date-order: in a table sorted by date, a row that goes backwards.
#include <algorithm>

#include "model/table_order.hpp"
#include "rules/rule_factories.hpp"
#include "rules/rule_util.hpp"

namespace wikivet {

namespace {

constexpr RuleMeta kMeta{"date-order",
                         Category::Dates,
                         Severity::Warning,
                         "In a table sorted by date, a row's date goes backwards.",
                         R"md(
A table's date column is in date order when nearly every pair of neighbouring dated rows is:
wikivet judges each segment of the table on its own (the rows under one section title or
repeated header: a list of colleges by region may restart its dates in each region), reads its
data rows that hold one date (not ranges, unknown or qualified dates), and counts the pairs of
neighbours that tell an order. Dates of different precision that may name the same day (1962
and 24 January 1962) tell none and are never out of order with each other. The segment is
sorted, oldest first or newest first, when it has at least 6 such pairs and at most one in ten
of them (one at least) goes the other way. A table sorted by name or ranked by another column
(points, counts) has its dates in every order and is not reported; and where the segment's
rows are as nearly in order of another column (names, numbers; the numbering column aside),
that column is what the rows are sorted by, the dates' order is a coincidence, and nothing is
reported either.

In a sorted segment, wikivet finds the longest run of rows in order and reports each row
outside it whose date does not fit between the rows in order before and after it, naming the
neighbour it breaks with. A row that continues a rowspan of the first column (a second date
of the same subject, grouped under it) is not reported. The row was probably inserted in the wrong place or carries a wrong
date.

Bad (in a list of many rows, all oldest first but this one):

```wikitext
|-
| 1962 || {{Flag|Ghana}}
|-
| 1960 || {{Flag|Senegal}}
|-
| 1963 || {{Flag|Algeria}}
```

Good:

```wikitext
|-
| 1960 || {{Flag|Senegal}}
|-
| 1962 || {{Flag|Ghana}}
|-
| 1963 || {{Flag|Algeria}}
```
)md",
                         false};

struct Dated {
  int row;
  const TableCell* cell;
  long long key;
};

// Indexes (into v) of one longest non-decreasing subsequence, in O(n log n).
std::vector<size_t> longest_ordered(const std::vector<Dated>& v) {
  std::vector<long long> tails;
  std::vector<size_t> tail_index, parent(v.size(), SIZE_MAX);
  for (size_t i = 0; i < v.size(); ++i) {
    const size_t pos =
        static_cast<size_t>(std::upper_bound(tails.begin(), tails.end(), v[i].key) - tails.begin());
    if (pos == tails.size()) {
      tails.push_back(v[i].key);
      tail_index.push_back(i);
    } else {
      tails[pos] = v[i].key;
      tail_index[pos] = i;
    }
    parent[i] = pos > 0 ? tail_index[pos - 1] : SIZE_MAX;
  }
  std::vector<size_t> out;
  for (size_t i = tail_index.empty() ? SIZE_MAX : tail_index.back(); i != SIZE_MAX; i = parent[i])
    out.push_back(i);
  std::reverse(out.begin(), out.end());
  return out;
}

long long sort_key(const Date& d) {
  return static_cast<long long>(d.year) * 10000 + d.month * 100 + d.day;
}

// Neighbouring pairs of the segment's dates that tell an order (dates that may name the same
// day, 1962 and 24 January 1962, tell none), and how many of those go up.
OrderPairs date_pairs(const std::vector<Dated>& v) {
  OrderPairs c;
  for (size_t i = 1; i < v.size(); ++i) {
    const Date& a = v[i - 1].cell->date.date;
    const Date& b = v[i].cell->date.date;
    if (dates_agree(a, b)) continue;
    ++c.telling;
    if (date_before(a, b)) ++c.up;
  }
  return c;
}

void check_segment(const Table& t, int segment, int col, const std::vector<Dated>& asc,
                   FindingSink& out) {
  const OrderPairs pairs = date_pairs(asc);
  const bool ascending = pairs.up * 2 >= pairs.telling;
  if (pairs.against() == 0 || !nearly_in_order(pairs)) return;
  // Sorted by names or ranked by points, the dates' order is a coincidence.
  if (segment_sorted_by_other_column(t, segment, col)) return;
  std::vector<Dated> desc = asc;
  for (Dated& d : desc) d.key = -d.key;
  const auto& seq = ascending ? asc : desc;
  const auto kept = longest_ordered(seq);
  std::vector<bool> ordered(seq.size(), false);
  for (size_t i : kept) ordered[i] = true;
  for (size_t i = 0; i < seq.size(); ++i) {
    if (ordered[i]) continue;
    // The nearest ordered rows before and after: if the date may name a day between
    // them (coarser dates), it is not out of order.
    size_t before = i, after = i;
    while (before > 0 && !ordered[before - 1]) --before;
    while (after < seq.size() && !ordered[after]) ++after;
    const Date& d = seq[i].cell->date.date;
    const bool prev_ok = before == 0 || dates_agree(seq[before - 1].cell->date.date, d) ||
                         (ascending ? !date_before(d, seq[before - 1].cell->date.date)
                                    : !date_before(seq[before - 1].cell->date.date, d));
    const bool next_ok = after == seq.size() || dates_agree(seq[after].cell->date.date, d) ||
                         (ascending ? !date_before(seq[after].cell->date.date, d)
                                    : !date_before(d, seq[after].cell->date.date));
    if (prev_ok && next_ok) continue;
    // A row under a rowspan of the first column (a spacecraft's second flyby beside its
    // first) is ordered within its group, not among the other rows.
    const int first = t.at(seq[i].row, 0);
    if (first >= 0 && t.cells[static_cast<size_t>(first)].row < seq[i].row) continue;
    const Dated& ref = !prev_ok ? seq[before - 1] : seq[after];
    out.report(seq[i].cell->date.range,
               row_name(t, seq[i].row) + ": " + to_string(d) + " breaks the table's " +
                   (ascending ? "oldest-first" : "newest-first") + " date order (" +
                   (!prev_ok ? "after " : "before ") + to_string(ref.cell->date.date) + ", " +
                   row_name(t, ref.row) + ")",
               row_key(t, seq[i].row),
               {{ref.cell->date.range, !prev_ok ? "the row before it" : "the row after it"}});
  }
}

}  // namespace

std::unique_ptr<Rule> make_date_order_rule() {
  return make_rule(kMeta, [](const Article& article, const RuleOptions&, FindingSink& out) {
    for (const Table& t : article.tables) {
      const int col = t.column_with_role(ColumnRole::Date);
      if (col < 0) continue;
      // Each segment (rows under one title or header block) is judged on its own.
      std::vector<std::vector<Dated>> by_segment(t.segments.size());
      for_each_column_cell(t, col, [&](int row, const TableCell& cell) {
        // A date in year 0 (date-invalid's) has no place in an order: it would sort before
        // every other. A day that does not exist (31 September) still says roughly when.
        if (cell.date.kind != DateValue::Kind::Date || cell.date.date.year < 1) return;
        const size_t seg = static_cast<size_t>(t.rows[static_cast<size_t>(row)].segment);
        if (seg < by_segment.size())
          by_segment[seg].push_back({row, &cell, sort_key(cell.date.date)});
      });
      for (size_t seg = 0; seg < by_segment.size(); ++seg)
        check_segment(t, static_cast<int>(seg), col, by_segment[seg], out);
    }
  });
}

}  // namespace wikivet
