// ref-list-unnamed: a ref defined in a reference list without a name.
#include "rules/rule_factories.hpp"
#include "rules/rule_util.hpp"

namespace wikivet {

namespace {

constexpr RuleMeta kMeta{"ref-list-unnamed",
                         Category::Refs,
                         Severity::Error,
                         "A ref inside a reference list has no name, so nothing can invoke it.",
                         R"md(
A list-defined reference (inside `<references>...</references>` or `{{Reflist|refs=...}}`)
appears only where the text invokes it by name. One written without a name can never be
invoked: Cite drops it and shows "Cite error: <ref> tag defined in <references> has no name
attribute" (Cite's message `cite_error_references_no_key`).

What it reports: each ref defined inside a reference list (`<references>...</references>`,
`{{Reflist|refs=...}}`, `{{#tag:references}}` or the profile's list templates) that has no name
(or an empty one), at the ref. Refs a template builds itself (`{{sfn}}` and kin) are not
counted.

Bad:

```wikitext
Mali joined in 1960.<ref name="un" />
<references>
<ref>{{Cite web |title=Member states}}</ref>
</references>
```

Good:

```wikitext
Mali joined in 1960.<ref name="un" />
<references>
<ref name="un">{{Cite web |title=Member states}}</ref>
</references>
```
)md",
                         false,
                         "cite:cite_error_references_no_key"};

}  // namespace

std::unique_ptr<Rule> make_ref_list_unnamed_rule() {
  return make_rule(kMeta, [](const Article& article, const RuleOptions&, FindingSink& out) {
    for (const Ref& r : article.refs) {
      if (!r.list_defined || r.generated || !r.name.empty()) continue;
      out.report(r.range, "reference defined in the reference list has no name",
                 r.group.empty() ? "unnamed" : r.group + ":unnamed");
    }
  });
}

}  // namespace wikivet
