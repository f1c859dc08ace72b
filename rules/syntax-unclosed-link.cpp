// syntax-unclosed-link: A wikilink opened with [[ is never closed with ]].
#include "rules/rule_factories.hpp"
#include "rules/rule_util.hpp"
#include "rules/syntax_problem.hpp"

namespace wikivet {

namespace {

constexpr RuleMeta kMeta{"syntax-unclosed-link",
                         Category::Syntax,
                         Severity::Error,
                         "A wikilink opened with [[ is never closed with ]].",
                         R"md(
A `[[` without its `]]` is shown as literal brackets and text instead of a link.

Bad:

```wikitext
Mali borders [[Algeria and [[Niger]].
```

Good:

```wikitext
Mali borders [[Algeria]] and [[Niger]].
```
)md",
                         false,
                         "checkwiki:10"};

}  // namespace

std::unique_ptr<Rule> make_syntax_unclosed_link_rule() {
  return make_rule(kMeta, [](const Article& article, const RuleOptions&, FindingSink& out) {
    report_problems(
        article, {ProblemKind::UnclosedLink},
        []([[maybe_unused]] std::string_view text, [[maybe_unused]] const Problem& p) {
          return quoted(text) + " opens a link that is never closed";
        },
        out);
  });
}

}  // namespace wikivet
