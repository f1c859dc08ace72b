// tag-unclosed: An HTML tag such as <small> or <span> is opened and never closed.
#include "model/text_util.hpp"
#include "rules/rule_factories.hpp"
#include "rules/rule_util.hpp"
#include "rules/tag_util.hpp"

namespace wikivet {

namespace {

constexpr RuleMeta kMeta{"tag-unclosed",
                         Category::Tags,
                         Severity::Warning,
                         "An HTML tag such as <small> or <span> is opened and never closed.",
                         R"md(
An HTML tag that needs an end tag (`<small>`, `<span>`, `<div>`, `<sub>`, `<sup>`, `<code>`,
`<center>`, `<font>`, `<ul>` ...) has none where it was opened: in the page, a template
parameter, a `<ref>`, a heading or a link's label. MediaWiki's HTML tree builder closes it where
a tag around it closes; otherwise it runs on over the text that follows (an open `<small>` or
`<center>` makes the rest of the page small or centred: HTML reopens formatting tags in every
paragraph after them). Tags HTML lets you leave open (`<p>`, `<li>`, `<td>`, `<tr>` ...) and
void tags (`<br>`, `<hr>`) are not reported. A tag opened in a template parameter and closed
outside it, or the other way round, may pair once the template is expanded and is not reported
either; nor is anything inside a parser function.

Reported where the open tag reaches text it was not meant to: in the page's text, in a heading
and in a `<ref>` (whose text the reference list holds). Not reported where its container ends it
harmlessly: a table cell (a whole cell written `<center>'''Year'''` is common), a link's label
or a file's caption, a gallery caption, and a template parameter (which an infobox puts in a
cell of its own); nor a `<span>` without a `style`, which changes nothing a reader sees. An end
tag in the next cell is reported by `tag-stray-close`.

Bad:

```wikitext
Mali's <sup>2 population is young.
<center>'''Regions of Mali'''
```

Good:

```wikitext
Mali's <sup>2</sup> population is young.
<center>'''Regions of Mali'''</center>
```
)md",
                         false,
                         "linter:missing-end-tag checkwiki:15 checkwiki:98 checkwiki:99 "
                         "checkwiki:100 wikilint:unmatched-tag"};

// Whether the open tag reaches text its author did not mean it to. A table cell, a link's label
// (a file's caption), a gallery caption end it harmlessly, and so does, as a rule, the cell an
// infobox puts a template parameter in (which cannot be told here): silence there. In the page,
// a heading or a <ref> (whose text the reference list holds), it runs on; a <span> without a
// style (lang=, id=, class=) changes nothing a reader sees to the end of its paragraph.
bool runs_on(const Tree& tree, const HtmlTagUse& t) {
  const Node& scope = tree[t.scope];
  switch (scope.kind) {
    case NodeKind::Document:
    case NodeKind::HeadingTitle:
      break;
    case NodeKind::TagContent:
      if (!iequals(tree.name(scope.parent), "ref")) return false;
      break;
    default:
      return false;
  }
  if (t.name == "span") return to_lower(tree.text(t.node)).find("style") != std::string::npos;
  return t.name != "abbr" && t.name != "bdi" && t.name != "bdo" && t.name != "data" &&
         t.name != "time";
}

}  // namespace

std::unique_ptr<Rule> make_tag_unclosed_rule() {
  return make_rule(kMeta, [](const Article& article, const RuleOptions&, FindingSink& out) {
    const auto& tags = article.html_tags().tags;
    const Tree& tree = article.tree();
    for (const HtmlTagUse& t : tags) {
      if (t.pairing != TagPairing::Unclosed) continue;
      const NodeKind where = tree[t.scope].kind;
      if (!runs_on(tree, t)) continue;
      const Range r = tree[t.node].range();
      std::string msg = quoted(tree.slice(r)) + " is never closed";
      if (t.ended_by != kNoTag)
        msg += "; the " + quoted(tree.text(tags[t.ended_by].node)) + " around it ends it";
      else if (where == NodeKind::TagContent)
        msg += "; it runs on over the reference list after it";
      else
        msg += "; it runs on over the text after it";
      out.report(r, std::move(msg), tag_key(article, r));
    }
  });
}

}  // namespace wikivet
