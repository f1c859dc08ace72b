// syntax-unclosed-comment: A comment opened with <!-- is never closed with -->.
#include "rules/rule_factories.hpp"
#include "rules/rule_util.hpp"
#include "rules/syntax_problem.hpp"

namespace wikivet {

namespace {

constexpr RuleMeta kMeta{"syntax-unclosed-comment",
                         Category::Syntax,
                         Severity::Error,
                         "A comment opened with <!-- is never closed with -->.",
                         R"md(
An HTML comment without `-->` hides everything after it, to the end of the page.

Bad:

```wikitext
<!-- check this date
The embassy opened in 1961.
```

Good:

```wikitext
<!-- check this date -->
The embassy opened in 1961.
```
)md",
                         false,
                         "checkwiki:5 wikilint:unclosed-comment"};

}  // namespace

std::unique_ptr<Rule> make_syntax_unclosed_comment_rule() {
  return make_rule(kMeta, [](const Article& article, const RuleOptions&, FindingSink& out) {
    report_problems(
        article, {ProblemKind::UnclosedComment},
        []([[maybe_unused]] std::string_view text, [[maybe_unused]] const Problem& p) {
          return "comment is never closed: everything after it is hidden";
        },
        out);
  });
}

}  // namespace wikivet
