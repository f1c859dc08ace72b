// ref-group-conflict: a ref defined in a reference list names another group than the list's.
#include "rules/rule_factories.hpp"
#include "rules/rule_util.hpp"

namespace wikivet {

namespace {

constexpr RuleMeta kMeta{"ref-group-conflict",
                         Category::Refs,
                         Severity::Error,
                         "A ref defined in a reference list names a group other than the list's.",
                         R"md(
A ref defined inside `<references group="notes">...</references>` belongs to that list's
group. If it names a group of its own that differs (`<ref name="a" group="lower-alpha">` in a
list of the group `notes`, or `group=""` in a grouped list), Cite drops it and shows
"Cite error: <ref> tag in <references> has conflicting group attribute" (Cite's message
`cite_error_references_group_mismatch`); the invocations in the text then have no definition.

What it reports: each ref defined inside a reference list (`<references>...</references>`,
`{{Reflist|refs=...}}`, `{{#tag:references}}` or the profile's list templates) whose own group
is not the list's group, at the ref. A ref that names no group, or the list's own, is fine.

Bad:

```wikitext
Mali joined in 1960.{{efn|name=un}}
<references group="lower-alpha">
<ref name="un" group="notes">Admitted on 28 September.</ref>
</references>
```

Good:

```wikitext
Mali joined in 1960.{{efn|name=un}}
<references group="lower-alpha">
<ref name="un">Admitted on 28 September.</ref>
</references>
```
)md",
                         false,
                         "cite:cite_error_references_group_mismatch"};

std::string shown(const std::string& group) {
  return group.empty() ? std::string("the default group") : "the group " + quoted(group);
}

}  // namespace

std::unique_ptr<Rule> make_ref_group_conflict_rule() {
  return make_rule(kMeta, [](const Article& article, const RuleOptions&, FindingSink& out) {
    for (const Ref& r : article.refs) {
      if (r.list < 0) continue;
      const RefList& list = article.ref_lists[static_cast<size_t>(r.list)];
      if (r.group == list.group) continue;
      out.report(
          r.range,
          "reference defined in the list of " + shown(list.group) + " names " + shown(r.group),
          r.group + "|" + list.group + ":" + r.name,
          {{list.range, "the list of " + shown(list.group)}});
    }
  });
}

}  // namespace wikivet
