// tag-duplicate-id: Two elements of the page have the same id="...".
#include <unordered_map>

#include "model/element_ids.hpp"
#include "rules/rule_factories.hpp"
#include "rules/rule_util.hpp"

namespace wikivet {

namespace {

constexpr RuleMeta kMeta{"tag-duplicate-id",
                         Category::Tags,
                         Severity::Warning,
                         "Two elements of the page have the same id=\"...\".",
                         R"md(
An id names one element of the page: a link to `#K` (from the page, from another page or from
a table of contents of letters) scrolls to the first element that has it, and the later ones
can never be reached. The MediaWiki Linter lists pages that repeat one (duplicate-ids). The
rule reads the ids written on HTML tags (`<span id="K">`) and on table, row, cell and caption
lines (`|- id="K"`), as MediaWiki's sanitizer reads them: spaces are underscores, so
`id="a b"` and `id="a_b"` are the same id, while letter case counts (`K` and `k` are two).
Ids that templates make (`{{anchor|K}}`, or a tag in a template's parameter) are not known
from the page and are left alone.

Bad:

```wikitext
|<span id="K"></span> ''[[The Imitation Game]]''
|-
|<span id="K"></span> ''[[Kingsman: The Secret Service]]''
```

Good:

```wikitext
|<span id="I"></span> ''[[The Imitation Game]]''
|-
|<span id="K"></span> ''[[Kingsman: The Secret Service]]''
```
)md",
                         false,
                         "linter:duplicate-ids wikilint:no-duplicate"};

}  // namespace

std::unique_ptr<Rule> make_tag_duplicate_id_rule() {
  return make_rule(kMeta, [](const Article& article, const RuleOptions&, FindingSink& out) {
    const Tree& tree = article.tree();
    const std::vector<ElementId> ids = element_ids(tree);
    std::unordered_map<std::string_view, NodeId> first;  // id -> its first Attribute
    for (const ElementId& e : ids) {
      const auto [it, fresh] = first.emplace(e.id, e.attribute);
      if (fresh) continue;
      const Node& a = tree[e.attribute];
      const Range at{tree.name_range(e.attribute).begin,
                     a.end};  // without the attribute's leading spaces
      const Node& f = tree[it->second];
      out.report(at,
                 "id " + quoted(e.id) +
                     " is already on an element above: a link to it reaches only the first",
                 e.id,
                 {{{tree.name_range(it->second).begin, f.end},
                   "the first element with id " + quoted(e.id)}});
    }
  });
}

}  // namespace wikivet
