// date-imprecise: a year-only or month-and-year date in a date column.
#include "rules/rule_factories.hpp"
#include "rules/rule_util.hpp"

namespace wikivet {

namespace {

constexpr RuleMeta kMeta{"date-imprecise",
                         Category::Dates,
                         Severity::Info,
                         "A date column gives only a year, or a month and year.",
                         R"md(
Most rows of a date column name a day; a row that gives only the year ("1962") or the month
("April 1979") sorts before the precise dates of that year and is worth completing from a
source. Reported as information: sometimes only the year is known.

Bad:

```wikitext
|-
|{{Flag|Saudi Arabia}} || 1962
```

Good:

```wikitext
|-
|{{Flag|Saudi Arabia}} || {{dts|14 February 1962}}
```
)md",
                         false};

}  // namespace

std::unique_ptr<Rule> make_date_imprecise_rule() {
  return make_rule(kMeta, [](const Article& article, const RuleOptions&, FindingSink& out) {
    for_each_date_cell(article, [&](const Table& t, int row, const TableCell& cell) {
      if (cell.date.kind != DateValue::Kind::Date) return;
      const DatePrecision p = cell.date.date.precision;
      if (p != DatePrecision::Year && p != DatePrecision::Month) return;
      out.report(cell.date.range,
                 row_name(t, row) + ": date " + to_string(cell.date.date) + " gives only the " +
                     (p == DatePrecision::Year ? "year" : "month and year"),
                 row_key(t, row));
    });
  });
}

}  // namespace wikivet
