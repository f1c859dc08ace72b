// heading-empty: A heading with no title (== ==).
#include "rules/heading_util.hpp"
#include "rules/rule_factories.hpp"
#include "rules/rule_util.hpp"

namespace wikivet {

namespace {

constexpr RuleMeta kMeta{"heading-empty", Category::Headings, Severity::Warning,
                         "A heading with no title (== ==).",
                         R"md(
A heading whose title is empty, or only spaces and comments, still makes a section: MediaWiki
renders an empty `<h2>` with its edit link, and the table of contents gets an entry with no
text. Usually a title was deleted, or a comment was meant to stand alone.

Bad:

```wikitext
== <!-- to do --> ==
The embassy opened in 1961.
```

Good:

```wikitext
== History ==
The embassy opened in 1961.
```
)md",
                         false,
                         // No anchor: the MediaWiki Linter has no empty-heading category (its
                         // LinterCategories list none; see docs/anchors-verified.md).
                         ""};

}  // namespace

std::unique_ptr<Rule> make_heading_empty_rule() {
  return make_rule(kMeta, [](const Article& article, const RuleOptions&, FindingSink& out) {
    const Tree& tree = article.tree();
    for (NodeId h : article.page_headings()) {
      const NodeId title = tree.child(h, NodeKind::HeadingTitle);
      if (title == kNoNode || !title_core(tree, title).empty()) continue;
      const std::string text(tree.text(h));
      out.report(tree[h].range(),
                 "the level-" + std::to_string(tree[h].level) + " heading " + quoted(text) +
                     " has no title; it makes a section and a table-of-contents entry with no "
                     "text",
                 text);
    }
  });
}

}  // namespace wikivet
