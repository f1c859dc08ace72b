// heading-level-1: A level-1 heading (= Title =) in the article's text.
#include "rules/heading_util.hpp"
#include "rules/rule_factories.hpp"
#include "rules/rule_util.hpp"

namespace wikivet {

namespace {

constexpr RuleMeta kMeta{"heading-level-1",
                         Category::Headings,
                         Severity::Warning,
                         "A level-1 heading (= Title =) in the article's text.",
                         R"md(
A line written `= Title =` is a level-1 heading: MediaWiki renders it as `<h1>`, the level of
the page's own title, so the section looks as important as the whole article and the outline
starts one level too high. An article's sections start at level 2 (`== Title ==`).

A line of `=` signs only (`====`) is a level-1 heading too: MediaWiki reads the middle signs as
its title.

No fix is offered: making the heading level 2 may call for moving its subsections down too.

Bad:

```wikitext
= History =
The embassy opened in 1961.
```

Good:

```wikitext
== History ==
The embassy opened in 1961.
```
)md",
                         false,
                         "checkwiki:19 wikilint:h1"};

}  // namespace

std::unique_ptr<Rule> make_heading_level_1_rule() {
  return make_rule(kMeta, [](const Article& article, const RuleOptions&, FindingSink& out) {
    const Tree& tree = article.tree();
    for (NodeId h : article.page_headings()) {
      if (tree[h].level != 1) continue;
      const std::string text(tree.text(h));
      out.report(tree[h].range(),
                 quoted(text) +
                     " is a level-1 heading, the level of the page title; sections "
                     "start at level 2 (== ... ==)",
                 text);
    }
  });
}

}  // namespace wikivet
