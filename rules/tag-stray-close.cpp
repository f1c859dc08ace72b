// tag-stray-close: An HTML end tag such as </span> closes nothing.
#include "rules/rule_factories.hpp"
#include "rules/rule_util.hpp"
#include "rules/tag_util.hpp"

namespace wikivet {

namespace {

constexpr RuleMeta kMeta{"tag-stray-close",
                         Category::Tags,
                         Severity::Warning,
                         "An HTML end tag such as </span> closes nothing.",
                         R"md(
An end tag (`</small>`, `</span>`, `</div>` ...) with no open tag of its name before it in the
same place (the page, a table cell, a template parameter, a `<ref>`). MediaWiki's HTML tree
builder drops it (Parsoid's Linter calls it a stripped tag): it does nothing, and often means
that its open tag was lost in an edit or mistyped. An end tag of a tag opened by a template
parameter on the other side (`<div>{{Quote|...</div>}}`) may pair after expansion and is not
reported; nor is `</p>` (HTML makes it an empty paragraph) or `</br>` (see `tag-malformed-br`).

The fix removes the end tag: the page looks the same, since MediaWiki ignores it already.

Bad:

```wikitext
Mali became independent in 1960.</small>
```

Good:

```wikitext
Mali became independent in 1960.
```
)md",
                         true,
                         "linter:stripped-tag wikilint:unmatched-tag"};

}  // namespace

std::unique_ptr<Rule> make_tag_stray_close_rule() {
  return make_rule(kMeta, [](const Article& article, const RuleOptions&, FindingSink& out) {
    const Tree& tree = article.tree();
    for (const HtmlTagUse& t : article.html_tags().tags) {
      if (t.pairing != TagPairing::Stray) continue;
      const Range r = tree[t.node].range();
      out.report(
          r, quoted(tree.slice(r)) + " closes no open " + angle(t.name) + "; MediaWiki drops it",
          tag_key(article, r), {},
          Fix{"remove the stray " + quoted(tree.slice(r)), {{r.begin, r.end, ""}}, true});
    }
  });
}

}  // namespace wikivet
