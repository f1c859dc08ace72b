// table-columns: a row with more or fewer cells than the header row.
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
)md",
                         false};

}  // namespace

std::unique_ptr<Rule> make_table_columns_rule() {
  return make_rule(kMeta, [](const Article& article, const RuleOptions&, FindingSink& out) {
    for (const Table& t : article.tables) {
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
