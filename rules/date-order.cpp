// date-order: in a table sorted by date, a row that goes backwards.
#include <algorithm>

#include "rules/rule_factories.hpp"
#include "rules/rule_util.hpp"

namespace wikivet {

namespace {

constexpr RuleMeta kMeta{"date-order",
                         Category::Dates,
                         Severity::Warning,
                         "In a table sorted by date, a row's date goes backwards.",
                         R"md(
When the rows of a table are in date order (at least 80% of its dated rows, oldest first or
newest first), a row whose date breaks that order was probably inserted in the wrong place or
carries a wrong date. wikivet finds the longest run of rows in order and reports the rows
outside it. Dates of different precision that may name the same day (1962 and 24 January
1962) are never out of order with each other.

Bad:

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

}  // namespace

std::unique_ptr<Rule> make_date_order_rule() {
  return make_rule(kMeta, [](const Article& article, const RuleOptions&, FindingSink& out) {
    for (const Table& t : article.tables) {
      const int col = t.column_with_role(ColumnRole::Date);
      if (col < 0) continue;
      std::vector<Dated> asc, desc;
      for_each_column_cell(t, col, [&](int row, const TableCell& cell) {
        if (cell.date.kind != DateValue::Kind::Date) return;
        const long long k = sort_key(cell.date.date);
        asc.push_back({row, &cell, k});
        desc.push_back({row, &cell, -k});
      });
      if (asc.size() < 5) continue;
      auto in_asc = longest_ordered(asc), in_desc = longest_ordered(desc);
      const bool ascending = in_asc.size() >= in_desc.size();
      const auto& seq = ascending ? asc : desc;
      const auto& kept = ascending ? in_asc : in_desc;
      if (kept.size() * 10 < seq.size() * 8) continue;  // not a table sorted by date
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
  });
}

}  // namespace wikivet
