// ref-empty: a reference with nothing in it.
#include "rules/rule_factories.hpp"
#include "rules/rule_util.hpp"

namespace wikivet {

namespace {

constexpr RuleMeta kMeta{"ref-empty",
                         Category::Refs,
                         Severity::Error,
                         "A reference has no content and no name to reuse.",
                         R"md(
`<ref></ref>` or `<ref />` without a name cites nothing; MediaWiki shows "Cite error: Invalid
<ref> tag; refs with no name must have content" (Cite's message `cite_error_ref_no_input`).
What it reports: each ref (`<ref>`, `{{#tag:ref}}` or a reference template such as `{{efn}}`)
with neither a name nor content (white space alone counts as none), at the ref. A named empty ref (`<ref name="x" />`) reuses a definition and is fine
(see `ref-undefined` when the definition is missing).

Bad:

```wikitext
Mali joined the UN in 1960.<ref></ref>
```

Good:

```wikitext
Mali joined the UN in 1960.<ref>{{Cite web |title=Member states |publisher=UN}}</ref>
```
)md",
                         false,
                         "cite:cite_error_ref_no_input"};

}  // namespace

std::unique_ptr<Rule> make_ref_empty_rule() {
  return make_rule(kMeta, [](const Article& article, const RuleOptions&, FindingSink& out) {
    for (const Ref& r : article.refs) {
      if (!r.name.empty() || r.defines) continue;
      out.report(r.range, "reference has no content and no name", "empty");
    }
  });
}

}  // namespace wikivet
