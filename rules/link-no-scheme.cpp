// link-no-scheme: An external link written without its scheme ([www.example.org label]).
#include "rules/link_util.hpp"
#include "rules/rule_factories.hpp"
#include "rules/rule_util.hpp"

namespace wikivet {

namespace {

constexpr RuleMeta kMeta{"link-no-scheme",
                         Category::Links,
                         Severity::Warning,
                         "An external link written without its scheme ([www.example.org label]).",
                         R"md(
MediaWiki makes an external link only of a bracket followed by a URL scheme of
`$wgUrlProtocols` (`http://`, `https://`, `//`...). `[www.example.org Ministry]` has none: the
reader sees the brackets, the address and the label as plain text, and nothing to click.

Only `[www.` is read, and only when the `]` that closes it follows in the same stretch of
text on the line (no template, link or tag between), so the bracket is sure to be meant as a
link. Inside `<nowiki>`, `<pre>`, comments and the like nothing is read. No fix is offered:
whether the site takes `https://` is not known here.

Bad:

```wikitext
[www.example.org/mfa Ministry of Foreign Affairs]
```

Good:

```wikitext
[https://www.example.org/mfa Ministry of Foreign Affairs]
```
)md",
                         false,
                         "checkwiki:62"};

}  // namespace

std::unique_ptr<Rule> make_link_no_scheme_rule() {
  return make_rule(kMeta, [](const Article& article, const RuleOptions&, FindingSink& out) {
    const Tree& tree = article.tree();
    const std::string_view t = tree.text();
    // Every finding is a "[www." in the page's text: a page without one has nothing to walk.
    if (t.find("[www.") == std::string_view::npos) return;
    for (const NodeId id : article.nodes_of(NodeKind::Text)) {
      const Node& n = tree[id];
      if (in_raw_tag(tree, id)) continue;
      const std::string_view s = tree.text(id);
      for (size_t i = s.find("[www."); i != std::string_view::npos; i = s.find("[www.", i + 1)) {
        const uint32_t b = n.begin + static_cast<uint32_t>(i);
        if (b > 0 && t[b - 1] == '[') continue;  // [[www.example.org]]: a wikilink's text
        // The closing bracket in this leaf, before the line ends or another bracket opens.
        const size_t close = s.find_first_of("]\n[", i + 1);
        if (close == std::string_view::npos || s[close] != ']') continue;
        const std::string_view inner = s.substr(i + 1, close - i - 1);
        const size_t space = inner.find(' ');
        if (inner.substr(0, space).size() <= 4) continue;  // "www." alone
        const std::string shown(s.substr(i, close - i + 1));
        out.report({b, n.begin + static_cast<uint32_t>(close) + 1},
                   quoted(shown) +
                       " has no URL scheme (http://, https://); MediaWiki shows it as text, "
                       "not as a link",
                   shown);
      }
    }
  });
}

}  // namespace wikivet
