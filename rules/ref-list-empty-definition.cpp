// ref-list-empty-definition: a named ref in a reference list with no content.
#include "rules/rule_factories.hpp"
#include "rules/rule_util.hpp"

namespace wikivet {

namespace {

constexpr RuleMeta kMeta{"ref-list-empty-definition",
                         Category::Refs,
                         Severity::Error,
                         "A named ref inside a reference list has no content.",
                         R"md(
A ref inside `<references>...</references>` (or `{{Reflist|refs=...}}`) is there to define a
name the text invokes. One without content (`<ref name="un" />` or `<ref name="un"></ref>`
inside the list) defines nothing: Cite shows "Cite error: <ref> tag defined in <references>
with name "un" has no content" (Cite's message `cite_error_empty_references_define`), and the
invocations in the text show no citation unless the text defines the name itself.

What it reports: each named ref inside a reference list (`<references>...</references>`,
`{{Reflist|refs=...}}`, `{{#tag:references}}` or the profile's list templates) with no content
(white space alone counts as none), at the ref. A ref without a name is `ref-list-unnamed`'s.

Bad:

```wikitext
Mali joined in 1960.<ref name="un" />
<references>
<ref name="un" />
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
                         "cite:cite_error_empty_references_define"};

}  // namespace

std::unique_ptr<Rule> make_ref_list_empty_definition_rule() {
  return make_rule(kMeta, [](const Article& article, const RuleOptions&, FindingSink& out) {
    for (const Ref& r : article.refs) {
      if (!r.list_defined || r.name.empty() || r.defines) continue;
      out.report(r.range, "reference " + quoted(r.name) + " in the reference list has no content",
                 r.group.empty() ? r.name : r.group + ":" + r.name);
    }
  });
}

}  // namespace wikivet
