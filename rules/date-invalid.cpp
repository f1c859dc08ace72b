// date-invalid: a date that does not exist, or a date cell that is not one date.
#include <algorithm>

#include "model/text_util.hpp"
#include "rules/rule_factories.hpp"
#include "rules/rule_util.hpp"

namespace wikivet {

namespace {

constexpr RuleMeta kMeta{
    "date-invalid",
    Category::Dates,
    Severity::Error,
    "A date does not exist (31 February), is badly written (1949-2-7), or a date cell holds "
    "several dates.",
    R"md(
Reports, in a date column (a column whose header names a date or whose cells mostly hold
dates):
- a date that cannot exist (31 February 2003, 29 February 1900, 1 January 0: there is no
  year 0), also as the end of a period (29–30 February 2001): a typo;
- a badly written date: numbers only or a numeric month ("1949-2-7", "7/1/1972",
  "1991 09 06", "1869-10", "1966-Nov-30"), which readers may read two ways and which do not
  sort; the message gives the reading when only one is possible;
- a cell with several dates ("1912, 1971", "5 November 1992 Diplomatic Severed in 4 August
  2024"): it cannot be sorted or compared, and the second fact belongs in the notes;
- a cell whose text is no date at all or buries its date in prose.

Not reported, because they are what the table means: a period ("1977–79", "1960s",
"December 27–29, 1988"), one date with words that bound or qualify it in any language
("Before 1982", "after 1975", "22 January 1993 or before", "1921 (before the exchange)",
"(relations severed in May 2018)"), a date with a note on its own line ("1962<br>(re-
established 2001)"), and cells that say nothing of a date (numbers, words, images). Empty and
"Unknown" cells are `date-unknown`'s. Date templates anywhere in the article (`{{dts}}`,
`{{Start date}}`) are checked for existence too; dates before AD 1 in `{{dts}}` (`BC`, or its
astronomical years: `{{dts|0|1|1}}` is 1 January 1 BC) are valid and not judged.

Bad:

```wikitext
|{{Flag|Ukraine}} || 5 November 1992 Diplomatic Severed in 4 August 2024
```

Good:

```wikitext
|{{Flag|Ukraine}} || {{dts|5 November 1992}} || Relations severed on 4 August 2024.
```
)md",
    false};

std::string problem(const Article& article, const DateValue& dv) {
  switch (dv.fault_of_invalid()) {
    case DateValue::Fault::Malformed: {
      std::string m = "badly written date " + quoted(dv.text);
      if (auto md = parse_malformed_date(dv.text); md && md->readable) {
        const DateFormat f =
            article.declared_date_format == DateFormat::Mdy ? DateFormat::Mdy : DateFormat::Dmy;
        m += " (" + format_date(md->date, f) + "?)";
      } else if (md) {
        m += " (day and month can be read either way)";
      }
      return m;
    }
    case DateValue::Fault::Several:
      return "date cell holds " + std::to_string(count_dates(dv.text)) +
             " dates: " + quoted(dv.text);
    case DateValue::Fault::NotOneDate:
    case DateValue::Fault::Uncounted:  // resolved by fault_of_invalid()
      break;
  }
  return count_dates(dv.text) == 0 ? "date cell holds no date: " + quoted(dv.text)
                                   : "date cell holds more than its date: " + quoted(dv.text);
}

}  // namespace

std::unique_ptr<Rule> make_date_invalid_rule() {
  return make_rule(kMeta, [](const Article& article, const RuleOptions&, FindingSink& out) {
    std::vector<Range> reported;
    for_each_date_cell(article, [&](const Table& t, int row, const TableCell& cell) {
      if (cell.date.kind == DateValue::Kind::Invalid) {
        out.report(cell.date.range, row_name(t, row) + ": " + problem(article, cell.date),
                   row_key(t, row));
        reported.push_back(cell.date.range);
      } else if ((cell.date.kind == DateValue::Kind::Date && !cell.date.date.exists) ||
                 (cell.date.kind == DateValue::Kind::Range &&
                  (!cell.date.date.exists || !cell.date.period_end.exists))) {
        // "31 February 2003", "1 January 0", and a period with such an end ("29–30 February
        // 2001").
        out.report(cell.date.range, row_name(t, row) + ": " + cell.date.text + " does not exist",
                   row_key(t, row));
        reported.push_back(cell.date.range);
      }
    });
    // Date templates anywhere else.
    const Tree& tree = article.tree();
    for (size_t i = 0; i < article.templates.size(); ++i) {
      if (!article.is_date_template_node(article.templates[i])) continue;
      const Node& n = tree[article.templates[i]];
      const bool in_cell = std::any_of(reported.begin(), reported.end(), [&](const Range& r) {
        return r.begin <= n.begin && n.end <= r.end;
      });
      if (in_cell) continue;
      if (auto d = article.template_date(article.templates[i]); d && !d->exists)
        out.report(n.range(), to_string(*d) + " does not exist",
                   std::string(tree.text(article.templates[i])));
    }
  });
}

}  // namespace wikivet
