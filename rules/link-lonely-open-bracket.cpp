// link-lonely-open-bracket: A single [ that opens no link and that nothing closes on its line.
#include <unordered_map>

#include "model/text_util.hpp"
#include "rules/link_util.hpp"
#include "rules/rule_factories.hpp"
#include "rules/rule_util.hpp"

namespace wikivet {

namespace {

constexpr RuleMeta kMeta{"link-lonely-open-bracket",
                         Category::Links,
                         Severity::Warning,
                         "A single [ that opens no link and that nothing closes on its line.",
                         R"md(
A `[` with no URL after it and no `]` after it on its line opens nothing: MediaWiki shows the
bracket as text. It is usually what is left of a link whose URL was lost or never written
(`<ref>[Article 59 of the Constitution</ref>`) or a bracket typed by mistake before a citation
template.

A half-open interval (`[0, 1)`) is left alone. Reported only where the `[` starts a word (after a space, the line's start, `>`, `(`, a quote,
`|` or `=`), so brackets inside URLs and identifiers are left alone, and only when no `]`
follows on the line. The `]]` that closes a wikilink does not count (MediaWiki has read the
wikilink by then); an escaped `&#93;`, `&rsqb;` or `&rbrack;` does. A `[` followed by a URL
scheme is `link-unclosed-external`'s; `[[` is `syntax-unclosed-link`'s. No fix is offered: the
bracket may want a URL or its `]`, or may be a typo.

Bad:

```wikitext
<ref>[Article 59 in Chapter 2 of the [[Constitution of Pakistan]]</ref>
```

Good:

```wikitext
<ref>Article 59 in Chapter 2 of the [[Constitution of Pakistan]]</ref>
```
)md",
                         false,
                         "wikilint:lonely-bracket"};

bool starts_word_after(char c) {
  return c == ' ' || c == '\t' || c == '\n' || c == '>' || c == '(' || c == '"' || c == '\'' ||
         c == '|' || c == '=';
}

bool escaped_close_at(std::string_view t, size_t p) {
  for (std::string_view e : {"&#93;", "&#x5D;", "&#x5d;", "&rsqb;", "&rbrack;"})
    if (t.substr(p, e.size()) == e) return true;
  return false;
}

// "[0, 1)": a half-open interval, closed by ')' after a comma. `from` starts at the '['.
bool half_open_interval(std::string_view from) {
  bool comma = false;
  for (size_t i = 1; i < from.size() && i < 80; ++i) {
    const char c = from[i];
    if (c == ')') return comma;
    if (c == '(' || c == '[' || c == ']') return false;
    if (c == ',' || c == ';') comma = true;
  }
  return false;
}

}  // namespace

std::unique_ptr<Rule> make_link_lonely_open_bracket_rule() {
  return make_rule(kMeta, [](const Article& article, const RuleOptions&, FindingSink& out) {
    const Tree& tree = article.tree();
    const std::string_view t = tree.text();
    const std::vector<bool>& closers = article.wikilink_closers();
    // Per line (keyed by its end), the position of its last ']' that closes something: each
    // line is scanned once however many brackets it holds.
    std::unordered_map<size_t, size_t> last_close;
    // The end of the line the current '[' is on: brackets come in text order, so each line's
    // end is searched for once, not once per bracket (a long line of "[a " stays linear).
    size_t line_end = 0;
    bool have_line_end = false;
    auto end_of_line = [&](size_t b) {
      if (!have_line_end || b > line_end) {
        line_end = std::min(t.find('\n', b), t.size());
        have_line_end = true;
      }
      return line_end;
    };
    // An extension tag's content (a <ref>'s) is parsed on its own: the line is cut to it.
    auto last_close_on = [&](NodeId leaf, size_t b) {
      const NodeId content = tree.ancestor(leaf, NodeKind::TagContent);
      const size_t from = content == kNoNode ? 0 : tree[content].begin;
      size_t lim = end_of_line(b);
      if (content != kNoNode) lim = std::min<size_t>(lim, tree[content].end);
      auto it = last_close.find(lim);
      if (it != last_close.end()) return it->second;
      // Once per line or tag content: the search back stops at the content's start.
      const size_t nl = t.substr(from, b - from).rfind('\n');
      const size_t bol = nl == std::string_view::npos ? from : from + nl + 1;
      size_t last = std::string_view::npos;
      for (size_t p = bol; p < lim; ++p) {
        if (t[p] == ']' && (closers.empty() || !closers[p])) last = p;
        if (t[p] == '&' && escaped_close_at(t.substr(0, lim), p)) last = p;
      }
      last_close.emplace(lim, last);
      return last;
    };
    for (const NodeId id : article.nodes_of(NodeKind::Text)) {
      const Node& n = tree[id];
      const std::string_view upto = t.substr(0, n.end);  // searches stay inside the leaf
      size_t b = upto.find('[', n.begin);
      if (b == std::string_view::npos || in_raw_tag(tree, id)) continue;
      for (; b != std::string_view::npos; b = upto.find('[', b + 1)) {
        if (b > 0 && (t[b - 1] == '[' || !starts_word_after(t[b - 1]))) continue;
        if (b + 1 >= t.size() || t[b + 1] == '[' || t[b + 1] == '\n') continue;
        if (url_scheme_at(t, static_cast<uint32_t>(b + 1), true) != 0) continue;
        const size_t last = last_close_on(id, b);
        if (last != std::string_view::npos && last > b) continue;
        const size_t eol = end_of_line(b);
        if (half_open_interval(t.substr(b, eol - b))) continue;
        const std::string shown(utf8_prefix(t.substr(b, eol - b), 40));
        out.report({static_cast<uint32_t>(b), static_cast<uint32_t>(b + 1)},
                   quoted(shown) +
                       ": this '[' opens no link and nothing closes it on its line; MediaWiki "
                       "shows it as text",
                   shown);
      }
    }
  });
}

}  // namespace wikivet
