// date-unknown: a date cell or date parameter that says Unknown, N/A, ?, TBD, or is empty.
#include "model/text_util.hpp"
#include "rules/rule_factories.hpp"
#include "rules/rule_util.hpp"

namespace wikivet {

namespace {

constexpr RuleMeta kMeta{"date-unknown",
                         Category::Dates,
                         Severity::Warning,
                         "A date cell or date parameter says Unknown, N/A, ?, TBD, or is empty.",
                         R"md(
A date column whose cell says "Unknown" (or N/A, ?, TBD, or nothing at all) sorts wrongly,
tells the reader nothing, and usually marks a fact nobody looked up. The same holds for a
template's date parameter (`|date=Unknown`). Empty citation parameters are not reported.

Bad:

```wikitext
|-
|{{Flag|Ireland}} || Unknown
```

Good:

```wikitext
|-
|{{Flag|Ireland}} || {{dts|1 March 1976}}<ref>{{Cite web |title=...}}</ref>
```
)md",
                         false};

bool is_date_parameter(std::string_view name) {
  const std::string n = to_lower(trim(name));
  if (n == "date") return true;
  for (std::string_view suffix : {"_date", "-date", " date"})
    if (n.size() > suffix.size() && n.compare(n.size() - suffix.size(), suffix.size(), suffix) == 0)
      return true;
  return false;
}

}  // namespace

std::unique_ptr<Rule> make_date_unknown_rule() {
  return make_rule(kMeta, [](const Article& article, const RuleOptions&, FindingSink& out) {
    for_each_date_cell(article, [&](const Table& t, int row, const TableCell& cell) {
      if (cell.date.kind == DateValue::Kind::Unknown) {
        out.report(cell.date.range, row_name(t, row) + ": date is " + cell.date.text,
                   row_key(t, row));
      } else if (cell.date.kind == DateValue::Kind::Empty) {
        out.report(trim_range(article.tree(), cell.range), row_name(t, row) + ": date is empty",
                   row_key(t, row));
      }
    });
    // Date parameters of templates: only words that mean "unknown"; empty ones are common
    // and harmless in citations.
    const Tree& tree = article.tree();
    for (size_t i = 0; i < article.templates.size(); ++i) {
      tree.for_each_child(article.templates[i], [&](NodeId id) {
        const Node& n = tree[id];
        if (n.kind != NodeKind::Parameter || n.level != 0) return;
        if (!is_date_parameter(tree.name(id))) return;
        const std::string_view value = trim(tree.value(id));
        if (value.empty() || !is_unknown_date_text(value)) return;
        const std::string& tname = article.template_names[i];
        out.report(n.value,
                   "parameter " + quoted(trim(tree.name(id))) + " of {{" + tname + "}} is " +
                       std::string(value),
                   tname + ":" + std::string(trim(tree.name(id))));
      });
    }
  });
}

}  // namespace wikivet
