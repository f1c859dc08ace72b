// table-date-mismatch: one entity, two tables, two different dates.
#include <unordered_map>

#include "rules/rule_factories.hpp"
#include "rules/rule_util.hpp"

namespace wikivet {

namespace {

constexpr RuleMeta kMeta{"table-date-mismatch",
                         Category::Tables,
                         Severity::Warning,
                         "Two tables give the same entity different dates.",
                         R"md(
When an article lists the same entity (a country, say) in two tables that both have a date
column, the dates must agree by meaning: `20 August 1960`, `{{dts|20 August 1960}}`,
`{{dts|1960|8|20}}` and `1960-08-20` are the same date, and a year-only or month-only date
agrees with any day inside it. A disagreement means one of the tables is wrong. Entities
match by meaning too: `{{GER}}`, `{{Flag|Germany}}` and `[[Germany]]` are one country.

Bad:

```wikitext
(list)       |{{Flag|Belgium}} || {{dts|11 June 1964}}
(bilateral)  |{{Flag|Belgium}} || 1 August 1963 || ...
```

Good:

```wikitext
(list)       |{{Flag|Belgium}} || {{dts|1 August 1963}}
(bilateral)  |{{Flag|Belgium}} || 1 August 1963 || ...
```
)md",
                         false};

struct Entry {
  const Table* table;
  int row;
  const TableCell* cell;
};

}  // namespace

std::unique_ptr<Rule> make_table_date_mismatch_rule() {
  return make_rule(kMeta, [](const Article& article, const RuleOptions&, FindingSink& out) {
    // The first dated row of each entity, over the tables seen so far.
    std::unordered_map<std::string, Entry> seen;
    for (const Table& t : article.tables) {
      const int col = t.column_with_role(ColumnRole::Date);
      if (col < 0 || t.column_with_role(ColumnRole::Entity) < 0) continue;
      std::unordered_map<std::string, Entry> mine;
      for_each_column_cell(t, col, [&](int row, const TableCell& cell) {
        const TableRow& r = t.rows[static_cast<size_t>(row)];
        if (!r.entity || cell.date.kind != DateValue::Kind::Date) return;
        mine.try_emplace(r.entity->key, Entry{&t, row, &cell});
        auto it = seen.find(r.entity->key);
        if (it == seen.end() || it->second.table == &t) return;
        const Entry& other = it->second;
        const Date& here = cell.date.date;
        const Date& there = other.cell->date.date;
        if (dates_agree(here, there)) return;
        out.report(cell.date.range,
                   r.entity->name + ": " + to_string(here) + " here, but " + to_string(there) +
                       " in " + table_label(article, *other.table),
                   r.entity->key, {{other.cell->date.range, "the other table's date"}});
      });
      for (auto& [k, v] : mine) seen.try_emplace(k, v);
    }
  });
}

}  // namespace wikivet
