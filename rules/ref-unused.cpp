// ref-unused: a reference defined in the reference list and never invoked.
#include <set>

#include "rules/rule_factories.hpp"
#include "rules/rule_util.hpp"

namespace wikivet {

namespace {

constexpr RuleMeta kMeta{"ref-unused",
                         Category::Refs,
                         Severity::Warning,
                         "A list-defined reference is never invoked in the text.",
                         R"md(
References defined inside `<references>...</references>` (or `{{Reflist|refs=...}}`) appear
only where the text invokes them by name. One that is never invoked makes MediaWiki show
"Cite error: A list-defined reference named x is not used in the content" (Cite's message
`cite_error_references_missing_key`). What it reports: each ref defined inside a list
(`<references>...</references>`, `{{Reflist|refs=...}}` or the profile's list templates) whose
name (in the list's group) no `<ref name=... />`, `{{r|...}}` or other invocation in the text
uses, at the definition.

Bad:

```wikitext
Mali joined in 1960.
<references>
<ref name="un">{{Cite web |title=Members}}</ref>
</references>
```

Good:

```wikitext
Mali joined in 1960.<ref name="un" />
<references>
<ref name="un">{{Cite web |title=Members}}</ref>
</references>
```
)md",
                         false,
                         "cite:cite_error_references_missing_key"};

}  // namespace

std::unique_ptr<Rule> make_ref_unused_rule() {
  return make_rule(kMeta, [](const Article& article, const RuleOptions&, FindingSink& out) {
    std::set<std::pair<std::string, std::string>> used;
    for (const Ref& r : article.refs)
      if (!r.name.empty() && !r.list_defined) used.insert({r.group, r.name});
    for (const Ref& r : article.refs) {
      if (!r.list_defined || r.name.empty() || !r.defines) continue;
      if (used.count({r.group, r.name})) continue;
      out.report(r.range,
                 "reference " + quoted(r.name) +
                     " is defined in the reference list but never used in the text",
                 r.group.empty() ? r.name : r.group + ":" + r.name);
    }
  });
}

}  // namespace wikivet
