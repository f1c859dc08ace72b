// date-imprecise: a year-only or month-and-year date in a date column.
#include <map>

#include "rules/rule_factories.hpp"
#include "rules/rule_util.hpp"

namespace wikivet {

namespace {

constexpr RuleMeta kMeta{"date-imprecise",
                         Category::Dates,
                         Severity::Info,
                         "A date column gives only a year, or a month and year.",
                         R"md(
In a date column where most rows name a day, a row that gives only the year ("1962") or the
month ("April 1979") sorts before the precise dates of that year and is worth completing from
a source. Columns where most dates are years or months are meant that way and stay quiet.
Reported as information: sometimes only the year is known.

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
    // Only in columns where most dates name a day: a column of years is meant that way.
    std::map<std::pair<const Table*, int>, std::pair<int, int>> day_share;  // (days, dated)
    for_each_date_cell(article, [&](const Table& t, int, const TableCell& cell) {
      if (cell.date.kind != DateValue::Kind::Date) return;
      auto& [days, dated] = day_share[{&t, cell.col}];
      ++dated;
      if (cell.date.date.precision == DatePrecision::Day) ++days;
    });
    for_each_date_cell(article, [&](const Table& t, int row, const TableCell& cell) {
      if (cell.date.kind != DateValue::Kind::Date) return;
      const auto& [days, dated] = day_share[{&t, cell.col}];
      if (days * 2 < dated) return;
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
