// link-double-scheme: A URL with its scheme written twice (http://http://...).
#include "rules/link_util.hpp"
#include "rules/rule_factories.hpp"
#include "rules/rule_util.hpp"

namespace wikivet {

namespace {

constexpr RuleMeta kMeta{"link-double-scheme",
                         Category::Links,
                         Severity::Warning,
                         "A URL with its scheme written twice (http://http://...).",
                         R"md(
`http://http://example.org` links to a host named "http": the link is dead. It comes from
pasting a full URL after a scheme that was already there.

External links (`[http://... label]`) and bare URLs are read, in text and in template
parameters alike. The safe fix deletes the first scheme, keeping the one that was pasted.

Bad:

```wikitext
[http://https://www.example.org/ Ministry of Foreign Affairs]
```

Good:

```wikitext
[https://www.example.org/ Ministry of Foreign Affairs]
```
)md",
                         true,
                         "checkwiki:93"};

}  // namespace

std::unique_ptr<Rule> make_link_double_scheme_rule() {
  return make_rule(kMeta, [](const Article& article, const RuleOptions&, FindingSink& out) {
    const Tree& tree = article.tree();
    const std::string_view t = tree.text();
    for_each_node_of(article, {NodeKind::ExternalLink, NodeKind::BareUrl}, [&](NodeId id) {
      const Node& n = tree[id];
      const Range url = n.kind == NodeKind::ExternalLink ? tree.name_range(id) : n.range();
      const uint32_t first = slash_scheme_at(t, url.begin);
      if (first == 0 || url.begin + first >= url.end) return;
      const uint32_t second = slash_scheme_at(t, url.begin + first);
      if (second == 0) return;
      const std::string shown(tree.slice(url));
      out.report(url,
                 quoted(shown) + " has its scheme twice; it links to a host named \"" +
                     std::string(t.substr(url.begin + first, second - 3)) + "\"",
                 shown, {},
                 Fix{"delete the first " + quoted(t.substr(url.begin, first)),
                     {{url.begin, url.begin + first, ""}},
                     true});
    });
  });
}

}  // namespace wikivet
