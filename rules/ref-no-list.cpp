// ref-no-list: references but no reference list to show them.
#include <map>

#include "rules/rule_factories.hpp"
#include "rules/rule_util.hpp"

namespace wikivet {

namespace {

constexpr RuleMeta kMeta{"ref-no-list",
                         Category::Refs,
                         Severity::Warning,
                         "The article has references but no reference list for them.",
                         R"md(
References are shown where `{{Reflist}}` or `<references />` stands (one per group: notes made
with `{{efn}}` need `{{Notelist}}`). Without a list, MediaWiki either appends one at the very
end of the page, after navigation boxes and categories, or, for a named group, shows
"Cite error: <ref> tags exist for a group named x, but no corresponding <references
group=x/> tag was found".

Bad:

```wikitext
Mali joined in 1960.<ref>{{Cite web |title=Members}}</ref>

== See also ==
```

Good:

```wikitext
Mali joined in 1960.<ref>{{Cite web |title=Members}}</ref>

== References ==
{{Reflist}}
```
)md",
                         false};

}  // namespace

std::unique_ptr<Rule> make_ref_no_list_rule() {
  return make_rule(kMeta, [](const Article& article, const RuleOptions&, FindingSink& out) {
    std::map<std::string, bool> has_list;
    for (const RefList& l : article.ref_lists) has_list[l.group] = true;
    std::map<std::string, std::pair<const Ref*, size_t>> groups;  // first ref, count
    std::vector<std::string> order;
    for (const Ref& r : article.refs) {
      if (r.list_defined) continue;
      auto [it, inserted] = groups.try_emplace(r.group, &r, 0);
      if (inserted) order.push_back(r.group);
      ++it->second.second;
    }
    for (const auto& g : order) {
      if (has_list.count(g)) continue;
      const auto& [first, count] = groups[g];
      std::string msg = std::to_string(count) + (count == 1 ? " reference" : " references");
      msg += g.empty() ? " but no reference list ({{Reflist}} or <references />)"
                       : " in group " + quoted(g) + " but no reference list for that group";
      out.report(first->range, std::move(msg), g.empty() ? "default" : g);
    }
  });
}

}  // namespace wikivet
