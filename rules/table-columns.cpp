// table-columns: a row with more or fewer cells than the header row.
#include <algorithm>

#include "rules/rule_factories.hpp"
#include "rules/rule_util.hpp"

namespace wikivet {

namespace {

constexpr RuleMeta kMeta{"table-columns",
                         Category::Tables,
                         Severity::Warning,
                         "A row has more or fewer cells than the header row.",
                         R"md(
After rowspan and colspan are resolved, every row of a table should cover as many columns as
its header row. A short row leaves a hole at the end (often a forgotten date or citation);
a long row pushes its last cells outside the table's columns, usually because a `||` or a
line starting with `|` was added by mistake.

Bad:

```wikitext
{| class="wikitable"
! Country !! Date !! Notes
|-
| {{Flag|Chile}} || 1978
|}
```

Good:

```wikitext
{| class="wikitable"
! Country !! Date !! Notes
|-
| {{Flag|Chile}} || 1978 ||
|}
```

A table whose spans reach wider than its own text has bytes (and 64 columns at least) is all
holes: wikivet does not model its columns and says so with this rule instead of checking it
in silence.
)md",
                         false};

}  // namespace

std::unique_ptr<Rule> make_table_columns_rule() {
  return make_rule(kMeta, [](const Article& article, const RuleOptions&, FindingSink& out) {
    for (const Table& t : article.tables) {
      if (t.too_wide) {
        // The model does not build such a grid (it would be all holes); saying so is better
        // than checking nothing in silence.
        const std::string_view text = article.text();
        const size_t open = text.find("{|", t.range.begin);
        const uint32_t at = open < t.range.end ? static_cast<uint32_t>(open) : t.range.begin;
        out.report({at, std::min(at + 2, t.range.end)},
                   "cells span more than " + std::to_string(t.max_columns()) +
                       " columns, more than the table has bytes: its columns are not checked",
                   "too-wide");
        continue;
      }
      if (t.header_rows == 0 || t.columns == 0) continue;
      const int expected = t.rows[static_cast<size_t>(t.header_rows - 1)].written_columns;
      for (int r = t.header_rows; r < static_cast<int>(t.rows.size()); ++r) {
        const TableRow& row = t.rows[static_cast<size_t>(r)];
        const int have = row.written_columns;
        if (have == expected || row.cells.empty()) continue;
        const TableCell& last = t.cells[static_cast<size_t>(row.cells.back())];
        out.report(trim_range(article.tree(), last.range),
                   row_name(t, r) + ": row covers " + std::to_string(have) +
                       (have == 1 ? " column" : " columns") + ", the header has " +
                       std::to_string(expected),
                   row_key(t, r));
      }
    }
  });
}

}  // namespace wikivet
