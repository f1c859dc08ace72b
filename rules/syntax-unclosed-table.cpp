// syntax-unclosed-table: A table opened with {| is never closed with |}.
#include "rules/rule_factories.hpp"
#include "rules/rule_util.hpp"
#include "rules/syntax_problem.hpp"

namespace wikivet {

namespace {

constexpr RuleMeta kMeta{"syntax-unclosed-table",
                         Category::Syntax,
                         Severity::Error,
                         "A table opened with {| is never closed with |}.",
                         R"md(
A table without its `|}` swallows the rest of the page (or of the cell it stands in) into
its last cell.

Bad:

```wikitext
{| class="wikitable"
| Mali || 1960
== See also ==
```

Good:

```wikitext
{| class="wikitable"
| Mali || 1960
|}
== See also ==
```
)md",
                         false,
                         "checkwiki:28 wikilint:unclosed-table"};

}  // namespace

std::unique_ptr<Rule> make_syntax_unclosed_table_rule() {
  return make_rule(kMeta, [](const Article& article, const RuleOptions&, FindingSink& out) {
    report_problems(
        article, {ProblemKind::UnclosedTable},
        []([[maybe_unused]] std::string_view text, [[maybe_unused]] const Problem& p) {
          return "table opened here is never closed with '|}'";
        },
        out);
  });
}

}  // namespace wikivet
