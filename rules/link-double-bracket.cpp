// link-double-bracket: An external link written in double brackets ([[http://...]]).
#include "rules/link_util.hpp"
#include "rules/rule_factories.hpp"
#include "rules/rule_util.hpp"

namespace wikivet {

namespace {

constexpr RuleMeta kMeta{"link-double-bracket",
                         Category::Links,
                         Severity::Warning,
                         "An external link written in double brackets ([[http://...]]).",
                         R"md(
External links take single brackets. MediaWiki does not make `[[http://example.org Site]]`
an internal link (a target starting with a URL scheme is none): it shows the outer `[` and
`]` as text around an external link, so the reader sees "[Site]". With a pipe
(`[[http://example.org|Site]]`) the pipe becomes part of the URL and the label is lost.

Only schemes written with `://` are read (`http`, `https`, `ftp`...), so `[[mailto:...]]` and
the like are left alone. The safe fix writes single brackets, the pipe turned into the space
an external link's label follows.

Bad:

```wikitext
[[http://www.example.org/ Ministry of Foreign Affairs]]
```

Good:

```wikitext
[http://www.example.org/ Ministry of Foreign Affairs]
```
)md",
                         true,
                         "checkwiki:86"};

}  // namespace

std::unique_ptr<Rule> make_link_double_bracket_rule() {
  return make_rule(kMeta, [](const Article& article, const RuleOptions&, FindingSink& out) {
    const Tree& tree = article.tree();
    for (const NodeId id : article.nodes_of(NodeKind::WikiLink)) {
      const Node& n = tree[id];
      const Range name = tree.name_range(id);
      if (name.empty() || slash_scheme_at(tree.text(), name.begin) == 0) continue;
      const std::string text(tree.text(id));
      // [[ target | label ]]: the children are Syntax, LinkTarget, (Syntax "|", LinkLabel)*,
      // Syntax. The fix is certain only with at most one pipe.
      std::vector<NodeId> pipes;
      NodeId last = kNoNode;
      for (NodeId c = tree.first_child(id); c != kNoNode; c = tree.next_sibling(c)) {
        if (tree[c].kind == NodeKind::Syntax && tree.text(c) == "|") pipes.push_back(c);
        last = c;
      }
      std::optional<Fix> fix;
      if (pipes.size() <= 1 && last != kNoNode && tree.text(last) == "]]") {
        std::vector<TextEdit> edits{{n.begin, n.begin + 1, ""}};
        if (!pipes.empty()) edits.push_back({tree[pipes[0]].begin, tree[pipes[0]].end, " "});
        edits.push_back({tree[last].begin, tree[last].begin + 1, ""});
        fix = Fix{"write the external link in single brackets", std::move(edits), true};
      }
      out.report(n.range(),
                 quoted(text) +
                     " is an external link in double brackets; MediaWiki shows the outer "
                     "brackets as text",
                 text, {}, std::move(fix));
    }
  });
}

}  // namespace wikivet
