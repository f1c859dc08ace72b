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
    "A date does not exist (31 February), or a date cell holds more than one date.",
    R"md(
A date column's cell should hold one date. A date that cannot exist (31 February 2003,
29 February 1900) is a typo; a cell that mixes a date with prose ("5 November 1992
Diplomatic Severed in 4 August 2024") cannot be sorted or compared, and the second fact
belongs in the notes. Dates in date templates anywhere in the article (`{{dts}}`,
`{{Start date}}`) are checked for existence too.

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

}  // namespace

std::unique_ptr<Rule> make_date_invalid_rule() {
  return make_rule(kMeta, [](const Article& article, const RuleOptions&, FindingSink& out) {
    std::vector<Range> reported;
    for_each_date_cell(article, [&](const Table& t, int row, const TableCell& cell) {
      if (cell.date.kind == DateValue::Kind::Invalid) {
        out.report(cell.date.range,
                   row_name(t, row) + ": date cell is not one date: " + quoted(cell.date.text),
                   row_key(t, row));
        reported.push_back(cell.date.range);
      } else if (cell.date.kind == DateValue::Kind::Date && !cell.date.date.exists) {
        out.report(cell.date.range, row_name(t, row) + ": " + cell.date.text + " does not exist",
                   row_key(t, row));
        reported.push_back(cell.date.range);
      }
    });
    // Date templates anywhere else.
    const Tree& tree = article.tree();
    for (size_t i = 0; i < article.templates.size(); ++i) {
      const std::string& name = article.template_names[i];
      if (!is_date_template(name)) continue;
      const Node& n = tree[article.templates[i]];
      const bool in_cell = std::any_of(reported.begin(), reported.end(), [&](const Range& r) {
        return r.begin <= n.begin && n.end <= r.end;
      });
      if (in_cell) continue;
      if (auto d = date_from_template(name, article.template_params(article.templates[i]));
          d && !d->exists)
        out.report(n.range(), to_string(*d) + " does not exist",
                   std::string(tree.text(article.templates[i])));
    }
  });
}

}  // namespace wikivet
