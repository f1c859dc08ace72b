// ref-conflict: one reference name defined twice with different content.
#include <map>

#include "model/text_util.hpp"
#include "rules/rule_factories.hpp"
#include "rules/rule_util.hpp"

namespace wikivet {

namespace {

constexpr RuleMeta kMeta{
    "ref-conflict",  Category::Refs,
    Severity::Error, "One reference name is defined twice with different content.",
    R"md(
A reference name must stand for one citation. When two definitions of the same name (in the
same group) say different things, MediaWiki keeps one and shows "Cite error: Invalid <ref>
tag; name x defined multiple times with different content". Differences of white space do
not count.

Bad:

```wikitext
<ref name="un">{{Cite web |title=Members}}</ref> ... <ref name="un">{{Cite web |title=Budget}}</ref>
```

Good:

```wikitext
<ref name="un">{{Cite web |title=Members}}</ref> ... <ref name="un" />
```
)md",           false};

}  // namespace

std::unique_ptr<Rule> make_ref_conflict_rule() {
  return make_rule(kMeta, [](const Article& article, const RuleOptions&, FindingSink& out) {
    std::map<std::pair<std::string, std::string>, const Ref*> first;
    std::map<std::pair<std::string, std::string>, std::string> first_text;
    for (const Ref& r : article.refs) {
      if (r.name.empty() || !r.defines) continue;
      const auto key = std::make_pair(r.group, r.name);
      std::string text = fold_spaces(article.tree().slice(r.content));
      auto it = first.find(key);
      if (it == first.end()) {
        first[key] = &r;
        first_text[key] = std::move(text);
        continue;
      }
      if (text == first_text[key]) continue;
      out.report(r.range,
                 "reference name " + quoted(r.name) + " is defined again with different content",
                 r.group.empty() ? r.name : r.group + ":" + r.name,
                 {{it->second->range, "first definition"}});
    }
  });
}

}  // namespace wikivet
