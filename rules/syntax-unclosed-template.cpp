// syntax-unclosed-template: A template or template argument opened with {{ is never closed with }}.
#include "rules/rule_factories.hpp"
#include "rules/rule_util.hpp"
#include "rules/syntax_problem.hpp"

namespace wikivet {

namespace {

constexpr RuleMeta kMeta{"syntax-unclosed-template",
                         Category::Syntax,
                         Severity::Error,
                         "A template or template argument opened with {{ is never closed with }}.",
                         R"md(
A `{{` without its `}}` makes MediaWiki print the braces and everything up to the next
closing braces as plain text; the template is not called.

Bad:

```wikitext
{{Cite web |url=https://example.org |title=Example
== History ==
```

Good:

```wikitext
{{Cite web |url=https://example.org |title=Example}}
== History ==
```
)md",
                         false,
                         "checkwiki:43"};

}  // namespace

std::unique_ptr<Rule> make_syntax_unclosed_template_rule() {
  return make_rule(kMeta, [](const Article& article, const RuleOptions&, FindingSink& out) {
    report_problems(
        article, {ProblemKind::UnclosedTemplate},
        []([[maybe_unused]] std::string_view text, [[maybe_unused]] const Problem& p) {
          return quoted(text) + " is never closed; everything after it renders as text";
        },
        out);
  });
}

}  // namespace wikivet
