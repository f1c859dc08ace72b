// syntax-unclosed-tag: An extension tag such as <ref> has no close tag, or opens again inside
// itself.
#include "rules/rule_factories.hpp"
#include "rules/rule_util.hpp"
#include "rules/syntax_problem.hpp"

namespace wikivet {

namespace {

constexpr RuleMeta kMeta{
    "syntax-unclosed-tag",
    Category::Syntax,
    Severity::Error,
    "An extension tag such as <ref> has no close tag, or opens again inside itself.",
    R"md(
Extension tags (`<ref>`, `<nowiki>`, `<math>`, ...) end at the first matching close tag. An
opening tag with no close tag is shown as literal text; a `<ref>` inside another `<ref>`
ends the outer one early and leaves a stray `</ref>`.

Bad:

```wikitext
Mali joined in 1960.<ref>{{Cite web |title=Accession}}
```

Good:

```wikitext
Mali joined in 1960.<ref>{{Cite web |title=Accession}}</ref>
```
)md",
    false,
    "checkwiki:13 checkwiki:14 checkwiki:23 checkwiki:24 checkwiki:29"};

}  // namespace

std::unique_ptr<Rule> make_syntax_unclosed_tag_rule() {
  return make_rule(kMeta, [](const Article& article, const RuleOptions&, FindingSink& out) {
    report_problems(
        article, {ProblemKind::UnclosedTag, ProblemKind::NestedTag},
        []([[maybe_unused]] std::string_view text, [[maybe_unused]] const Problem& p) {
          return (p.kind == ProblemKind::NestedTag
                      ? quoted(text) + " opens inside another <" + p.detail +
                            ">; MediaWiki ends the outer tag at the first </" + p.detail + ">"
                      : "<" + p.detail + "> is never closed; MediaWiki shows it as text");
        },
        out);
  });
}

}  // namespace wikivet
