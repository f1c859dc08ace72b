// table-date-mismatch: one entity, two tables, two different dates.
#include <cstdint>
#include <unordered_set>

#include "model/table_subjects.hpp"

#include "rules/rule_factories.hpp"
#include "rules/rule_util.hpp"

namespace wikivet {

namespace {

constexpr RuleMeta kMeta{"table-date-mismatch",
                         Category::Tables,
                         Severity::Warning,
                         "Two tables give the same entity different dates.",
                         R"md(
When an article lists the same entities (countries, say) in two tables that both have a date
column, and the tables describe the same thing, their dates must agree. Two tables describe
the same thing when they share at least three row subjects (the entity of each row's entity
column: `{{flagicon|UKR}} [[Oleksiy Mykhailychenko]]` is about the person, not Ukraine) and
at least two in three of those carry agreeing dates: a "Foreign relations" article's list and
its bilateral table agreeing on thirty countries and not on one. Then each shared entity whose
dates disagree is reported once, at the later table's date cell, with the earlier table's
date as the related location. Tables that share fewer entities, or whose dates mostly
disagree (a table of partnership agreements, a statistics table by year, a list of the
restored state's dates beside the first state's), are about something else and never
compared.

Dates agree by meaning: `20 August 1960`, `{{dts|20 August 1960}}`, `{{dts|1960|8|20}}` and
`1960-08-20` are the same date, and a year-only or month-only date agrees with any day inside
it. Entities match by meaning too: `{{GER}}`, `{{Flag|Germany}}` and `[[Germany]]` are one
country. Only cells holding one date are compared (not ranges, unknown or qualified dates).
A row that tells of a history of the relation (broken off, severed, suspended, restored,
re-established, resumed, re-recognised) is not compared: it may rightly give the original
date where the other table gives the restored one.

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

}  // namespace

std::unique_ptr<Rule> make_table_date_mismatch_rule() {
  return make_rule(kMeta, [](const Article& article, const RuleOptions&, FindingSink& out) {
    // A row of a later table is reported once, against the first table that disagrees.
    std::unordered_set<uint64_t> reported;
    for (const SameSubjectTables& pair : tables_describing_the_same(article)) {
      const Table& ta = article.tables[pair.a];
      const Table& tb = article.tables[pair.b];
      const int ca = ta.column_with_role(ColumnRole::Date);
      const int cb = tb.column_with_role(ColumnRole::Date);
      for (const SharedSubject& s : pair.shared) {
        if (s.agree) continue;
        if (row_tells_of_restoration(ta, s.row_a) || row_tells_of_restoration(tb, s.row_b))
          continue;
        if (!reported.insert((static_cast<uint64_t>(pair.b) << 32) | static_cast<uint32_t>(s.row_b))
                 .second)
          continue;
        const TableCell& here = tb.cells[static_cast<size_t>(tb.at(s.row_b, cb))];
        const TableCell& there = ta.cells[static_cast<size_t>(ta.at(s.row_a, ca))];
        const Entity& e = *tb.rows[static_cast<size_t>(s.row_b)].entity;
        out.report(here.date.range,
                   e.name + ": " + to_string(here.date.date) + " here, but " +
                       to_string(there.date.date) + " in " + table_label(article, ta),
                   e.key, {{there.date.range, "the other table's date"}});
      }
    }
  });
}

}  // namespace wikivet
