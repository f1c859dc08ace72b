// link-wikilink-in-external: A wikilink inside the label of an external link.
#include "rules/rule_factories.hpp"
#include "rules/rule_util.hpp"

namespace wikivet {

namespace {

constexpr RuleMeta kMeta{"link-wikilink-in-external",
                         Category::Links,
                         Severity::Warning,
                         "A wikilink inside the label of an external link.",
                         R"md(
A link cannot hold another link. In `[http://example.org [[Mali]] embassy]` MediaWiki makes
the wikilink, and the external link breaks around it: the label splits into pieces that go
to different places, or the browser drops one of the links.

Wikilinks whose target has a colon (files, categories, interwiki links) are left alone: an
image as the label of an external link is its own case.

Bad:

```wikitext
[http://www.example.org/ Embassy of [[Mali]] in Paris]
```

Good:

```wikitext
[http://www.example.org/ Embassy of Mali in Paris]
```
)md",
                         false,
                         "linter:wikilink-in-extlink wikilint:nested-link"};

}  // namespace

std::unique_ptr<Rule> make_link_wikilink_in_external_rule() {
  return make_rule(kMeta, [](const Article& article, const RuleOptions&, FindingSink& out) {
    const Tree& tree = article.tree();
    for (const NodeId id : article.nodes_of(NodeKind::ExternalLink)) {
      const NodeId label = tree.child(id, NodeKind::LinkLabel);
      if (label == kNoNode) continue;
      // The label's own wikilinks: not those inside a template's parameters (the template
      // decides what it shows) nor inside a nested tag.
      tree.walk(label, [&](NodeId c) {
        const NodeKind k = tree[c].kind;
        if (k == NodeKind::Template || k == NodeKind::ParserFunction ||
            k == NodeKind::TemplateArgument || k == NodeKind::ExtensionTag)
          return false;
        if (k != NodeKind::WikiLink) return true;
        if (tree.name(c).find(':') != std::string_view::npos) return false;
        const std::string link(tree.text(c));
        out.report(tree[c].range(),
                   "the wikilink " + quoted(link) + " sits inside the label of the external link " +
                       quoted(tree.name(id)) + "; a link inside a link breaks both",
                   std::string(tree.name(id)) + " " + link);
        return false;
      });
    }
  });
}

}  // namespace wikivet
