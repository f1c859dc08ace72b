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

Options (`[rules.ref-no-list]`): `list-templates`, more names of templates that show the
reference list (other wikis name theirs in their own language).

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
  return make_rule(
      kMeta,
      [](const Article& article, const RuleOptions& options, FindingSink& out) {
        std::map<std::string, bool> has_list;
        for (const RefList& l : article.ref_lists) has_list[l.group] = true;
        // Wikis name their reference-list templates in their own language: extra names come from
        // the `list-templates` option (a list template there shows the default group).
        const auto extra = options.list("list-templates", {});
        if (!extra.empty() && !has_list.count("")) {
          for (const auto& e : extra) {
            const std::string want = normalize_title(e);
            for (const auto& name : article.template_names)
              if (name == want) has_list[""] = true;
          }
        }
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
      },
      {"list-templates"});
}

}  // namespace wikivet
