// date-unknown: a date cell or date parameter that says Unknown, N/A, ?, TBD, or is empty.
#include <algorithm>

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
Reports, in a date column (a column whose header names a date or whose cells mostly hold
dates), a cell that says there is no date, in three kinds that each have their own message
and key (the row's key followed by `(unknown)`, `(n/a)` or `(empty)`), so that a project can
keep one and drop another with the option `report`:
- `unknown`: "Unknown", "not known", "?", "TBD", "TBA", `{{Unknown}}`: a fact nobody looked up;
- `n/a`: "N/A", "n/a", a dash, `{{N/A}}`: may mean "not applicable" as well as "not known";
- `empty`: nothing at all (an image, a check mark or any other template is something, not
  an empty cell).

A row that says why it has no date is not reported: one whose other cells say that no
relations exist or that one side does not recognise the other (the option
`no-date-words`), and one whose entity is an organisation or a territory rather than a state
(the option `not-states`). Outside tables, a template's date parameter (`|date=Unknown`) is reported when
it holds one of the unknown words; empty parameters are common and harmless in citations and
are not.

Options (`[rules.date-unknown]`): `report` (default `["unknown", "n/a", "empty"]`),
`no-date-words`, `not-states`.

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

// "date", or a name ending in "_date", "-date" or " date" (any letter case). Read for every
// named parameter of every template: compared in place, not through a lower-cased copy.
bool is_date_parameter(std::string_view name) {
  const std::string_view n = trim(name);
  if (n.size() < 4 || !iequals(n.substr(n.size() - 4), "date")) return false;
  if (n.size() == 4) return true;
  const char sep = n[n.size() - 5];
  return n.size() > 5 && (sep == '_' || sep == '-' || sep == ' ');
}

bool contains_any(const std::string& lower_text, const std::vector<std::string>& words) {
  return std::any_of(words.begin(), words.end(), [&](const std::string& w) {
    return !w.empty() && lower_text.find(w) != std::string::npos;
  });
}

}  // namespace

std::unique_ptr<Rule> make_date_unknown_rule() {
  return make_rule(
      kMeta,
      [](const Article& article, const RuleOptions& options, FindingSink& out) {
        const auto report = options.list("report", {"unknown", "n/a", "empty"});
        auto wants = [&](std::string_view kind) {
          return std::find(report.begin(), report.end(), kind) != report.end();
        };
        auto lowered = [](std::vector<std::string> v) {
          for (auto& w : v) w = to_lower(w);
          return v;
        };
        const auto no_date_words =
            lowered(options.list("no-date-words", {"no diplomatic relations",
                                                   "no formal diplomatic relations",
                                                   "no relations",
                                                   "not established diplomatic",
                                                   "never established",
                                                   "do not have diplomatic",
                                                   "does not have diplomatic",
                                                   "do not maintain diplomatic",
                                                   "does not maintain diplomatic",
                                                   "not recognized",
                                                   "not recognised",
                                                   "does not recognize",
                                                   "does not recognise",
                                                   "do not recognize",
                                                   "do not recognise",
                                                   "non-recognition",
                                                   "absence of official diplomatic",
                                                   "absence of diplomatic",
                                                   "no official diplomatic",
                                                   "no official relations"}));
        const auto not_states = lowered(options.list(
            "not-states",
            {"European Union", "United Nations", "NATO", "African Union", "ASEAN", "Arab League",
             "Commonwealth of Nations", "Council of Europe", "Organisation of Islamic Cooperation",
             "CARICOM", "ECOWAS", "OSCE", "Organization of American States", "Mercosur",
             "Gulf Cooperation Council"}));
        for_each_date_cell(article, [&](const Table& t, int row, const TableCell& cell) {
          const DateValue& dv = cell.date;
          std::string kind, what;
          if (dv.kind == DateValue::Kind::Unknown) {
            const bool na = dv.missing == DateValue::Missing::NotApplicable;
            kind = na ? "n/a" : "unknown";
            what = na ? "date is " + quoted(dv.text) + " (not applicable, or not known?)"
                      : "date is " + dv.text;
          } else if (dv.kind == DateValue::Kind::Empty) {
            kind = "empty";
            what = "date is empty";
          } else {
            return;
          }
          if (!wants(kind)) return;
          const TableRow& r = t.rows[static_cast<size_t>(row)];
          if (r.entity && std::find(not_states.begin(), not_states.end(),
                                    to_lower(r.entity->key)) != not_states.end())
            return;
          // A row that says why it has no date.
          for (int ci : r.cells) {
            const TableCell& other = t.cells[static_cast<size_t>(ci)];
            if (&other != &cell && contains_any(to_lower(other.plain), no_date_words)) return;
          }
          const Range where =
              dv.kind == DateValue::Kind::Empty ? trim_range(article.tree(), cell.range) : dv.range;
          out.report(where, row_name(t, row) + ": " + what, row_key(t, row) + " (" + kind + ")");
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
            out.report(tree.value_range(id),
                       "parameter " + quoted(trim(tree.name(id))) + " of {{" + tname + "}} is " +
                           std::string(value),
                       tname + ":" + std::string(trim(tree.name(id))));
          });
        }
      },
      {"report", "no-date-words", "not-states"});
}

}  // namespace wikivet
