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
end of the page's content, after navigation boxes, or, for a named group, shows "Cite error:
<ref> tags exist for a group named x, but no corresponding <references group="x"/> tag was
found" (`cite_error_group_refs_without_references`). CheckWiki reports the same defect as error
3 ("Reference list missing").

What it reports: each group (the default one, `nb`, `lower-alpha`...) that has refs in the text
but no `<references />`, `{{Reflist}}`, `{{Notelist}}` or a list template of the wiki's profile
for it, once, at the group's first ref. Not reported: refs defined inside a list
(`<references>...</references>`, `{{Reflist|refs=...}}`), and the default group on a page
whose last section is empty (a heading followed only by categories, comments, behaviour
switches and `{{DEFAULTSORT:}}`): MediaWiki's automatic list lands there, under the heading.
Nor a page written for another wiki than the profile's (it files itself only in categories of
a namespace the profile does not know, `[[Kategorie:X]]` under the English profile): its
reference list is a template whose name the profile cannot know. Choose the wiki's profile
(`--profile`) to check such pages.

Options (`[rules.ref-no-list]`): `list-templates`, more names of templates that show the
reference list (other wikis name theirs in their own language).

Bad:

```wikitext
Mali joined in 1960.<ref>{{Cite web |title=Members}}</ref>

== See also ==
* [[Economic Community of West African States]]
```

Good:

```wikitext
Mali joined in 1960.<ref>{{Cite web |title=Members}}</ref>

== References ==
{{Reflist}}
```
)md",
                         false,
                         "checkwiki:3 cite:cite_error_group_refs_without_references"};

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
        // A page of another wiki read under this profile (af or nn pages under the English
        // one): its reference list has a name the profile does not know.
        if (article.foreign_categories) return;
        for (const auto& g : order) {
          if (has_list.count(g)) continue;
          // Refs of the default group with no list: MediaWiki appends the list at the end of
          // the content. When the page ends with an empty section (`== References ==` and only
          // categories after it), that is where the list lands and the reader sees it in
          // place: nothing to report. A named group gets no automatic list.
          if (g.empty() && article.empty_last_heading != kNoNode) continue;
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
