// link-nested-external: An external link opened inside the label of another one.
#include "model/text_util.hpp"
#include "rules/link_util.hpp"
#include "rules/rule_factories.hpp"
#include "rules/rule_util.hpp"

namespace wikivet {

namespace {

constexpr RuleMeta kMeta{"link-nested-external",
                         Category::Links,
                         Severity::Warning,
                         "An external link opened inside the label of another one.",
                         R"md(
An external link's label runs to the first `]` on its line, and a `[` in it is plain text.
When the `]` of one link is forgotten and another link follows on the line, MediaWiki takes
the second link's `]` as the first one's: `[http://a.org A [http://b.org B]` is one link to
a.org labelled `A [http://b.org B`, and b.org is not linked at all.

Reported at the `[` that opens the second link (a URL scheme of `$wgUrlProtocols`, or `//`,
right after it), inside the label of the first. A `[` followed by anything else in a label is
left alone (`[http://x.org Report [PDF]]` is someone's choice). No fix is offered: whether the
first link's `]` belongs before the second or the second is part of the label is the editor's
call. An external link whose `]` is missing and that no other link follows on its line is
`link-unclosed-external`.

Bad:

```wikitext
[http://www.example.org/ Ministry of Foreign Affairs [http://www.example.org/en English]
```

Good:

```wikitext
[http://www.example.org/ Ministry of Foreign Affairs] [http://www.example.org/en English]
```
)md",
                         false,
                         "wikilint:lonely-bracket"};

}  // namespace

std::unique_ptr<Rule> make_link_nested_external_rule() {
  return make_rule(kMeta, [](const Article& article, const RuleOptions&, FindingSink& out) {
    const Tree& tree = article.tree();
    const std::string_view t = tree.text();
    for (const NodeId id : article.nodes_of(NodeKind::Text)) {
      const Node& n = tree[id];
      // The parser keeps a label's '[' in the label's own text leaves.
      if (n.parent == kNoNode || tree[n.parent].kind != NodeKind::LinkLabel) continue;
      const NodeId link = tree[n.parent].parent;
      if (link == kNoNode || tree[link].kind != NodeKind::ExternalLink) continue;
      const std::string_view upto = t.substr(0, n.end);  // searches stay inside the leaf
      for (size_t b = upto.find('[', n.begin); b != std::string_view::npos;
           b = upto.find('[', b + 1)) {
        const uint32_t at = static_cast<uint32_t>(b);
        const uint32_t scheme = url_scheme_at(t, at + 1, true);
        if (scheme == 0 || at + 1 + scheme >= t.size()) continue;
        const char after = t[at + 1 + scheme];
        if (after == ' ' || after == '\n' || after == ']' || after == '[' || after == '<') continue;
        // Shown up to the URL's end (the URL itself is a node of its own after this leaf).
        const std::string_view window = utf8_prefix(t.substr(at), 60);
        const std::string shown(window.substr(0, window.find_first_of(" \n]", 1)));
        out.report({at, at + 1},
                   quoted(shown) + " opens a link inside the label of the external link " +
                       quoted(tree.name(link)) +
                       ", whose ']' is missing; MediaWiki ends that link at this one's ']' and "
                       "shows this one as text",
                   shown);
      }
    }
  });
}

}  // namespace wikivet
