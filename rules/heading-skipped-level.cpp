// heading-skipped-level: A heading more than one level below the heading before it.
#include "rules/heading_util.hpp"
#include "rules/rule_factories.hpp"
#include "rules/rule_util.hpp"

namespace wikivet {

namespace {

constexpr RuleMeta kMeta{"heading-skipped-level",
                         Category::Headings,
                         Severity::Warning,
                         "A heading more than one level below the heading before it.",
                         R"md(
Headings nest one level at a time: a level-2 section holds level-3 subsections, which hold
level-4 ones. A `====` heading right after a `==` heading skips a level, so the outline (the
table of contents, screen readers' heading navigation) has a hole. The page title counts as
level 1, so an article whose first heading is `===` skips level 2.

Only the heading that skips is reported; the headings after it are compared with it.
Headings inside templates or extension tags are not read (where they show depends on the
template). No fix is offered: which level was meant is the editor's call.

Bad:

```wikitext
== History ==
==== Embassy ====
```

Good:

```wikitext
== History ==
=== Embassy ===
```
)md",
                         false,
                         "checkwiki:25 checkwiki:7 checkwiki:83"};

}  // namespace

std::unique_ptr<Rule> make_heading_skipped_level_rule() {
  return make_rule(kMeta, [](const Article& article, const RuleOptions&, FindingSink& out) {
    const Tree& tree = article.tree();
    int previous = 1;  // the page title
    bool first = true;
    for (NodeId h : article.page_headings()) {
      const int level = tree[h].level;
      if (level > previous + 1) {
        const std::string text(tree.text(h));
        std::string msg =
            first ? "the first heading " + quoted(text) + " is level " + std::to_string(level) +
                        "; an article's sections start at level 2"
                  : quoted(text) + " is level " + std::to_string(level) + " right after a level-" +
                        std::to_string(previous) + " heading; level " +
                        std::to_string(previous + 1) + " is skipped";
        out.report(tree[h].range(), std::move(msg), text);
      }
      previous = level;
      first = false;
    }
  });
}

}  // namespace wikivet
