// heading-bold: Bold markup (''') in a heading, which is bold already.
#include "rules/heading_util.hpp"
#include "rules/rule_factories.hpp"
#include "rules/rule_util.hpp"

namespace wikivet {

namespace {

constexpr RuleMeta kMeta{"heading-bold",
                         Category::Headings,
                         Severity::Warning,
                         "Bold markup (''') in a heading, which is bold already.",
                         R"md(
Headings are set in bold (or a larger face) by the skin; `'''` inside one adds nothing a
reader sees in most skins, and it ends up in the table of contents and in section links.
The Manual of Style asks for no bold in headings.

Only balanced bold is reported (an odd count is `heading-unclosed-format`); a title holding a
template or a run of four or more apostrophes is not read. When the whole title is one bold
span, the safe fix removes the two `'''`.

Bad:

```wikitext
== '''History''' ==
```

Good:

```wikitext
== History ==
```
)md",
                         true,
                         "checkwiki:44 wikilint:bold-header"};

}  // namespace

std::unique_ptr<Rule> make_heading_bold_rule() {
  return make_rule(kMeta, [](const Article& article, const RuleOptions&, FindingSink& out) {
    const Tree& tree = article.tree();
    for (NodeId h : article.page_headings()) {
      const NodeId title = tree.child(h, NodeKind::HeadingTitle);
      if (title == kNoNode) continue;
      const TitleQuotes q = title_quotes(tree, title);
      if (q.opaque || q.bold == 0 || q.bold % 2 != 0 || q.italic % 2 != 0) continue;
      const std::string text(tree.text(h));
      std::optional<Fix> fix;
      const Range core = title_core(tree, title);
      const NodeId open = q.bold_runs.front(), close = q.bold_runs.back();
      if (q.bold == 2 && tree[open].parent == title && tree[close].parent == title &&
          tree[open].begin == core.begin && tree[close].end == core.end)
        fix =
            Fix{"remove the bold markup",
                {{tree[open].begin, tree[open].end, ""}, {tree[close].begin, tree[close].end, ""}},
                true};
      out.report(
          tree[h].range(),
          "the heading " + quoted(text) + " has bold markup ('''); headings are bold already", text,
          {}, std::move(fix));
    }
  });
}

}  // namespace wikivet
