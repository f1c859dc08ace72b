// link-lonely-bracket: One ] or } too many right after a link or template ([http://x y]], {{X}}}).
#include <algorithm>
#include <optional>
#include <vector>

#include "model/text_util.hpp"
#include "rules/rule_factories.hpp"
#include "rules/rule_util.hpp"

namespace wikivet {

namespace {

constexpr RuleMeta kMeta{
    "link-lonely-bracket",
    Category::Links,
    Severity::Warning,
    "One ] or } too many right after a link or template ([http://x y]], {{X}}}).",
    R"md(
A single `]` right after an external link or a wikilink (`[http://example.org Site]]`,
`[[Mali]]]`), or a single `}` right after a template (`{{Citation needed}}}`), closes
nothing: MediaWiki shows it as text after the link.

Double closers standing alone (`]]`, `}}`) are `syntax-stray-close`; an opened `[[` or `{{`
never closed is `syntax-unclosed-link` or `syntax-unclosed-template`. This rule takes the
single leftover character. It stays silent when the line before the link has a single `[`
(or `{`) still open, since the bracket may close that one (`[see [http://example.org Site]]`),
and when the link or template holds a single `[` (or `{`) itself: MediaWiki moves the `]`
after `[[#top|[top]]` into the link's label, and `{{nowrap|{1, 2}}}` shows "{1, 2}".
The safe fix deletes the leftover character.

Bad:

```wikitext
[http://www.example.org/ Ministry of Foreign Affairs]]
```

Good:

```wikitext
[http://www.example.org/ Ministry of Foreign Affairs]
```
)md",
    true,
    "wikilint:lonely-bracket"};

// The single brackets of one kind left open on a line, read left to right: `[` opens, `]`
// closes, doubled `[[`/`]]` are skipped (links and stray closers are other rules' business).
// Advanced monotonically over the text, so one pass serves every finding (linear).
class OpenCounter {
 public:
  OpenCounter(std::string_view text, char open, char close)
      : t_(text), open_(open), close_(close) {}
  // Single openers left open between the start of `pos`'s line and `pos`.
  int open_before(uint32_t pos) {
    while (at_ < pos && at_ < t_.size()) {
      const char c = t_[at_];
      const bool doubled = at_ + 1 < t_.size() && t_[at_ + 1] == c;
      if (c == '\n') {
        depth_ = 0;
      } else if ((c == open_ || c == close_) && doubled) {
        at_ += 2;
        continue;
      } else if (c == open_) {
        ++depth_;
      } else if (c == close_ && depth_ > 0) {
        --depth_;
      }
      ++at_;
    }
    return depth_;
  }

 private:
  std::string_view t_;
  char open_, close_;
  uint32_t at_ = 0;
  int depth_ = 0;
};

// Where the single `c` (not doubled, as in a `[[` or `{{`) stand: one pass, then asking
// whether a node holds one is a binary search however deeply nodes nest.
class SinglePositions {
 public:
  SinglePositions(std::string_view t, char c) {
    for (size_t i = t.find(c); i != std::string_view::npos; i = t.find(c, i + 1))
      if (!(i > 0 && t[i - 1] == c) && !(i + 1 < t.size() && t[i + 1] == c))
        at_.push_back(static_cast<uint32_t>(i));
  }
  bool any(uint32_t begin, uint32_t end) const {
    const auto it = std::lower_bound(at_.begin(), at_.end(), begin);
    return it != at_.end() && *it < end;
  }

 private:
  std::vector<uint32_t> at_;
};

}  // namespace

std::unique_ptr<Rule> make_link_lonely_bracket_rule() {
  return make_rule(kMeta, [](const Article& article, const RuleOptions&, FindingSink& out) {
    const Tree& tree = article.tree();
    const std::string_view t = tree.text();
    OpenCounter brackets(t, '[', ']'), braces(t, '{', '}');
    // Scanned on the first candidate only: a closer right after a link or template is rare.
    std::optional<SinglePositions> single_brackets, single_braces;
    const std::initializer_list<NodeKind> kinds{NodeKind::WikiLink, NodeKind::ExternalLink,
                                                NodeKind::Template, NodeKind::ParserFunction};
    for_each_node_of(article, kinds, [&](NodeId id) {
      const Node& n = tree[id];
      const char extra =
          n.kind == NodeKind::ExternalLink || n.kind == NodeKind::WikiLink ? ']' : '}';
      const uint32_t e = n.end;
      // The node must end with its own closer (a dissolved or unclosed one does not).
      if (e >= t.size() || t[e] != extra || t[e - 1] != extra) return;
      if (e + 1 < t.size() && t[e + 1] == extra) return;  // "]]" / "}}": syntax-stray-close
      // The character must be text of the node's own container, not the closer of an
      // enclosing link whose label ends with this node ([http://x [[Mali]]]).
      const NodeId next = tree.next_sibling(id);
      if (next == kNoNode || tree[next].kind != NodeKind::Text || tree[next].begin != e) return;
      // A single opener inside the node is what the leftover closes: MediaWiki moves the `]`
      // after `[[#top|[top]]` into the label, an external link's label may hold `[`, and
      // `{{nowrap|{1, 2}}}` shows "{1, 2}".
      const char opener = extra == ']' ? '[' : '{';
      const uint32_t own_opener = n.kind == NodeKind::ExternalLink ? 1 : 2;
      std::optional<SinglePositions>& singles = opener == '[' ? single_brackets : single_braces;
      if (!singles) singles.emplace(t, opener);
      if (singles->any(n.begin + own_opener, e)) return;
      OpenCounter& counter = extra == ']' ? brackets : braces;
      if (counter.open_before(n.begin) > 0) return;
      const std::string shown(utf8_prefix(t.substr(n.begin, e + 1 - n.begin), 60));
      out.report(
          {e, e + 1},
          "a single '" + std::string(1, extra) + "' after " + quoted(tree.text(id)) +
              " closes nothing; it shows as text",
          shown, {},
          Fix{"delete the leftover '" + std::string(1, extra) + "'", {{e, e + 1, ""}}, true});
    });
  });
}

}  // namespace wikivet
