// table-sequence: a column of sequence numbers with duplicates, gaps or numbers out of order.
#include <algorithm>
#include <map>
#include <set>

#include "model/text_util.hpp"
#include "rules/rule_factories.hpp"
#include "rules/rule_util.hpp"

namespace wikivet {

namespace {

constexpr RuleMeta kMeta{"table-sequence",
                         Category::Tables,
                         Severity::Warning,
                         "A numbered column repeats a number, skips one, or goes out of order.",
                         R"md(
In a column of sequence numbers (headed `#`, `No.`, `No`, `№`, or simply a column of
consecutive integers) every number should appear once, in order, without gaps. A duplicate
usually means a row was inserted without renumbering the rows after it; a gap, that one was
deleted. Unnumbered rows (`—`, `–`, `-`, empty) are skipped. The column is recognised by its
content, not its header alone, so race or shirt numbers under `No.` are left alone. Sequences
may count down.

Options (`[rules.table-sequence]`): `headers`, the header texts that mark a sequence column
even when its numbers are too broken to be recognised by content alone.

Bad:

```wikitext
|-
|124 || {{Flag|Angola}} || 1977
|-
|124 || {{Flag|Philippines}} || 1977
|-
|126 || {{Flag|Chile}} || 1978
```

Good:

```wikitext
|-
|124 || {{Flag|Angola}} || 1977
|-
|125 || {{Flag|Philippines}} || 1977
|-
|126 || {{Flag|Chile}} || 1978
```
)md",
                         false};

std::string range_text(long long a, long long b) {
  if (a == b) return "number " + std::to_string(a) + " is";
  return "numbers " + std::to_string(a) + "\xE2\x80\x93" + std::to_string(b) + " are";
}

void check_column(const Article& article, const Table& t, int col, FindingSink& out) {
  int non_numbers = 0;
  const auto numbers = article.column_numbers(t, col, &non_numbers);
  if (numbers.size() < 2) return;
  size_t up = 0, down = 0;
  for (size_t i = 1; i < numbers.size(); ++i) {
    if (numbers[i].value > numbers[i - 1].value) ++up;
    if (numbers[i].value < numbers[i - 1].value) ++down;
  }
  const bool ascending = up >= down;
  auto cell_range = [&](int row) {
    const TableCell& c = t.cells[static_cast<size_t>(t.at(row, col))];
    return trim_range(article.tree(), c.content);
  };

  // Duplicates: every repeat after the first, with the first as related location.
  std::map<long long, int> first_row;
  for (const auto& n : numbers) {
    auto [it, inserted] = first_row.try_emplace(n.value, n.row);
    if (inserted) continue;
    out.report(cell_range(n.row),
               row_name(t, n.row) + ": number " + std::to_string(n.value) +
                   " is used twice (also " + row_name(t, it->second) + ")",
               std::to_string(n.value), {{cell_range(it->second), "first use of the number"}});
  }
  // Out of order: a number smaller (larger, counting down) than the one before it. A repeat
  // is a duplicate, not disorder.
  for (size_t i = 1; i < numbers.size(); ++i) {
    const long long prev = numbers[i - 1].value, cur = numbers[i].value;
    const bool backwards = ascending ? cur < prev : cur > prev;
    if (!backwards) continue;
    // Report only the culprit: when the next number continues from prev, cur is misplaced;
    // otherwise prev jumped ahead and its own successor looks backwards: still report cur.
    out.report(cell_range(numbers[i].row),
               row_name(t, numbers[i].row) + ": number " + std::to_string(cur) +
                   " is out of order (after " + std::to_string(prev) + ")",
               "order:" + std::to_string(cur),
               {{cell_range(numbers[i - 1].row), "the number before it"}});
  }
  // Gaps: numbers between the smallest and largest that no row carries. Each gap is reported
  // at the row that follows it in counting order.
  std::set<long long> present;
  for (const auto& n : numbers) present.insert(n.value);
  long long prev = *present.begin();
  for (auto it = std::next(present.begin()); it != present.end(); ++it) {
    const long long cur = *it;
    if (cur > prev + 1) {
      const long long missing_from = ascending ? prev + 1 : cur - 1;
      const long long after = ascending ? cur : prev;  // the number standing after the gap
      const long long a = prev + 1, b = cur - 1;
      const auto& row = first_row[after];
      out.report(cell_range(row),
                 range_text(a, b) + " missing (" + std::to_string(ascending ? prev : cur) +
                     " is followed by " + std::to_string(after) + ")",
                 "gap:" + std::to_string(missing_from));
    }
    prev = cur;
  }
}

}  // namespace

std::unique_ptr<Rule> make_table_sequence_rule() {
  return make_rule(
      kMeta,
      [](const Article& article, const RuleOptions& options, FindingSink& out) {
        const auto headers = options.list("headers", {"#", "no.", "no", "\xE2\x84\x96", "nr."});
        for (const Table& t : article.tables) {
          for (int col = 0; col < t.columns; ++col) {
            const TableColumn& info = t.column_info[static_cast<size_t>(col)];
            bool sequence = info.role == ColumnRole::Sequence;
            if (!sequence && info.role == ColumnRole::Other) {
              const std::string h = to_lower(trim(info.header));
              for (const auto& candidate : headers)
                if (!h.empty() && h == to_lower(candidate)) sequence = true;
              // A header alone is not enough (race and shirt numbers stand under "No."): most
              // cells must be numbers, and at least half of the steps between them +1 or -1.
              if (sequence) {
                int non_numbers = 0;
                const auto numbers = article.column_numbers(t, col, &non_numbers);
                size_t steps = 0;
                for (size_t i = 1; i < numbers.size(); ++i) {
                  const long long d = numbers[i].value - numbers[i - 1].value;
                  if (d == 1 || d == -1) ++steps;
                }
                sequence = numbers.size() >= 3 &&
                           static_cast<size_t>(non_numbers) * 4 <= numbers.size() &&
                           steps * 2 >= numbers.size() - 1;
              }
            }
            if (sequence) check_column(article, t, col, out);
          }
        }
      },
      {"headers"});
}

}  // namespace wikivet
