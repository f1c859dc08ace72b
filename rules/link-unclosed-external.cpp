// link-unclosed-external: An external link opened with [ and not closed on its line.
#include "rules/link_util.hpp"
#include "rules/rule_factories.hpp"
#include "rules/rule_util.hpp"

namespace wikivet {

namespace {

constexpr RuleMeta kMeta{"link-unclosed-external",
                         Category::Links,
                         Severity::Warning,
                         "An external link opened with [ and not closed on its line.",
                         R"md(
An external link `[URL label]` must close on the line it opens: MediaWiki does not carry it
over a line break. `[http://example.org Ministry` with no `]` later on the line shows the
bracket as text, the URL as a bare link and the label as plain text, whether the `]` was
forgotten or put on the next line.

Only a `[` directly followed by a URL scheme of `$wgUrlProtocols` (or `//`) is read, and only
when no `]` follows anywhere on the rest of the line. An unclosed `[[` is
`syntax-unclosed-link`. No fix is offered: where the label ends is the editor's call.

Bad:

```wikitext
[http://www.example.org/ Ministry of Foreign Affairs
```

Good:

```wikitext
[http://www.example.org/ Ministry of Foreign Affairs]
```
)md",
                         false,
                         "checkwiki:80"};

}  // namespace

std::unique_ptr<Rule> make_link_unclosed_external_rule() {
  return make_rule(kMeta, [](const Article& article, const RuleOptions&, FindingSink& out) {
    const Tree& tree = article.tree();
    const std::string_view t = tree.text();
    // The first ']' at or after the last searched position, up to that line's end: searches
    // start past the previous answer, so they never overlap (linear on any page).
    size_t eol = 0, close_at = std::string_view::npos;
    for (NodeId id = 0; id < tree.size(); ++id) {
      const Node& n = tree[id];
      // The parser leaves a dissolved external link's "[" as a Text leaf of its own.
      if (n.kind != NodeKind::Text || n.end != n.begin + 1 || t[n.begin] != '[') continue;
      if (n.begin > 0 && t[n.begin - 1] == '[') continue;
      if (in_raw_tag(tree, id)) continue;
      const uint32_t b = n.begin;
      const uint32_t scheme = url_scheme_at(t, b + 1, true);
      if (scheme == 0 || b + 1 + scheme >= t.size()) continue;
      const char after = t[b + 1 + scheme];
      if (after == ' ' || after == '\n' || after == ']' || after == '[' || after == '<') continue;
      if (b >= eol) {
        eol = std::min(t.find('\n', b), t.size());
        close_at = t.substr(0, eol).find(']', b);
      } else if (close_at != std::string_view::npos && close_at < b) {
        close_at = t.substr(0, eol).find(']', b);
      }
      if (close_at != std::string_view::npos) continue;
      const std::string shown(t.substr(b, std::min<size_t>(eol - b, 60)));
      out.report({b, b + 1},
                 quoted(shown) +
                     " opens an external link that is not closed on its line; MediaWiki shows "
                     "the bracket and the label as text",
                 shown);
    }
  });
}

}  // namespace wikivet
