// heading-unclosed-format: An italic ('') or bold (''') opened in a heading and not closed.
#include "rules/heading_util.hpp"
#include "rules/rule_factories.hpp"
#include "rules/rule_util.hpp"

namespace wikivet {

namespace {

constexpr RuleMeta kMeta{"heading-unclosed-format",
                         Category::Headings,
                         Severity::Warning,
                         "An italic ('') or bold (''') opened in a heading and not closed.",
                         R"md(
MediaWiki closes an italic or bold span left open at the end of the heading's line, so the
heading itself looks fine; but the table of contents and section links take the title's
markup as written, and an open `''` there runs on. Usually the closing apostrophes were
forgotten, or an apostrophe of the text (`L'''Arc`) was read as markup.

MediaWiki's own rule decides what an odd count means: when both the italic and the bold
counts are odd it reads one `'''` as an apostrophe and an italic, so nothing stays open and
nothing is reported. A title holding a template (its output may add apostrophes) or a run of
four or more apostrophes is not read.

Bad:

```wikitext
== ''Le Monde reports ==
```

Good:

```wikitext
== ''Le Monde'' reports ==
```
)md",
                         false,
                         "linter:unclosed-quotes-in-heading wikilint:format-leakage"};

}  // namespace

std::unique_ptr<Rule> make_heading_unclosed_format_rule() {
  return make_rule(kMeta, [](const Article& article, const RuleOptions&, FindingSink& out) {
    const Tree& tree = article.tree();
    for (NodeId h : article.page_headings()) {
      const NodeId title = tree.child(h, NodeKind::HeadingTitle);
      if (title == kNoNode) continue;
      const TitleQuotes q = title_quotes(tree, title);
      const bool italic_open = q.italic % 2 != 0, bold_open = q.bold % 2 != 0;
      if (q.opaque || italic_open == bold_open) continue;
      const std::string text(tree.text(h));
      out.report(tree[h].range(),
                 "the heading " + quoted(text) + " leaves " +
                     (italic_open ? "an italic ('')" : "a bold (''')") +
                     " open at its end (the table of contents takes the markup as written)",
                 text);
    }
  });
}

}  // namespace wikivet
