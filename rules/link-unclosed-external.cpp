// link-unclosed-external: An external link opened with [ and not closed on its line.
#include <vector>

#include "model/text_util.hpp"
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
when no `]` follows on the rest of the line (or of the `<ref>` it is in). The `]]` that closes a wikilink does not count:
MediaWiki reads wikilinks before external links, so in `[http://x.org by [[Mali]]` the link
is still open. An unclosed `[[` is `syntax-unclosed-link`; a link opened inside another
external link's label is `link-nested-external`. No fix is offered: where the label ends is
the editor's call.

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
                         "checkwiki:80 wikilint:lonely-bracket"};

}  // namespace

std::unique_ptr<Rule> make_link_unclosed_external_rule() {
  return make_rule(kMeta, [](const Article& article, const RuleOptions&, FindingSink& out) {
    const Tree& tree = article.tree();
    const std::string_view t = tree.text();
    const std::vector<bool>& link_close = article.wikilink_closers();
    auto next_close = [&](size_t from, size_t eol) {
      return next_bare_close(t, link_close, from, eol);
    };
    // The first ']' at or after the last searched position, up to that line's end: searches
    // start past the previous answer, so they never overlap (linear on any page).
    size_t eol = 0, limit = 0, close_at = std::string_view::npos;
    for (const NodeId id : article.nodes_of(NodeKind::Text)) {
      const Node& n = tree[id];
      // The parser leaves a dissolved external link's "[" as a Text leaf of its own.
      if (n.end != n.begin + 1 || t[n.begin] != '[') continue;
      if (n.begin > 0 && t[n.begin - 1] == '[') continue;
      if (in_raw_tag(tree, id)) continue;
      const uint32_t b = n.begin;
      const uint32_t scheme = url_scheme_at(t, b + 1, true);
      if (scheme == 0 || b + 1 + scheme >= t.size()) continue;
      const char after = t[b + 1 + scheme];
      if (after == ' ' || after == '\n' || after == ']' || after == '[' || after == '<') continue;
      // An extension tag's content (a <ref>'s) is parsed on its own: a ']' after its end
      // tag closes nothing inside it.
      const NodeId content = tree.ancestor(id, NodeKind::TagContent);
      const size_t tag_end = content == kNoNode ? t.size() : tree[content].end;
      if (b >= eol) {
        eol = std::min(t.find('\n', b), t.size());
        limit = std::min(eol, tag_end);
        close_at = next_close(b, limit);
      } else if (std::min(eol, tag_end) != limit ||
                 (close_at != std::string_view::npos && close_at < b)) {
        limit = std::min(eol, tag_end);
        close_at = next_close(b, limit);
      }
      if (close_at != std::string_view::npos) continue;
      const std::string shown(utf8_prefix(t.substr(b, limit - b), 60));
      out.report({b, b + 1},
                 quoted(shown) +
                     " opens an external link that is not closed on its line; MediaWiki shows "
                     "the bracket and the label as text",
                 shown);
    }
  });
}

}  // namespace wikivet
