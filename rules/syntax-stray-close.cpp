// syntax-stray-close: A closer (}}, ]], |} or a close tag) stands without an opener.
#include "rules/rule_factories.hpp"
#include "rules/rule_util.hpp"
#include "rules/syntax_problem.hpp"

namespace wikivet {

namespace {

constexpr RuleMeta kMeta{"syntax-stray-close",
                         Category::Syntax,
                         Severity::Warning,
                         "A closer (}}, ]], |} or a close tag) stands without an opener.",
                         R"md(
A closing `}}`, `]]`, `|}` or close tag without a matching opener is shown as literal text,
and usually means an opener was lost or mistyped. CheckWiki lists a `]]` without `[[` (46)
and a `}}` without `{{` (47); npm wikilint reports both as a lonely bracket (its "double"
kind).

Bad:

```wikitext
The embassy opened in 1961.}}
```

Good:

```wikitext
The embassy opened in 1961.
```
)md",
                         false,
                         "checkwiki:46 checkwiki:47 wikilint:lonely-bracket"};

}  // namespace

std::unique_ptr<Rule> make_syntax_stray_close_rule() {
  return make_rule(kMeta, [](const Article& article, const RuleOptions&, FindingSink& out) {
    report_problems(
        article, {ProblemKind::StrayClose},
        []([[maybe_unused]] std::string_view text, [[maybe_unused]] const Problem& p) {
          return quoted(text) + " closes nothing; it renders as text";
        },
        out);
  });
}

}  // namespace wikivet
