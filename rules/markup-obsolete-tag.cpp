// markup-obsolete-tag: <center>, <font>, <big>, <strike> or <tt>, tags HTML5 dropped.
#include <array>

#include "model/text_util.hpp"
#include "rules/rule_factories.hpp"
#include "rules/rule_util.hpp"

namespace wikivet {

namespace {

constexpr RuleMeta kMeta{"markup-obsolete-tag",
                         Category::Markup,
                         Severity::Info,
                         "An obsolete HTML tag (<center>, <font>, <big>, <strike>, <tt>) is used.",
                         R"md(
HTML5 dropped `<center>`, `<font>`, `<big>`, `<strike>` and `<tt>`. MediaWiki still lets them
through, but its Linter lists every page that uses them (category `obsolete-tag`), CheckWiki
reports `<font>` (#40), `<big>` (#41) and `<strike>` (#42), and a future browser or skin may
stop showing them as intended. What it reports: each opening tag (a close tag alone is
`syntax-stray-close`'s), with what to write instead: `<div style="text-align:center">` or
`{{center}}` for `<center>`, `<span style="...">` for `<font>`, `<span style="font-size:larger">`
or `{{large}}` for `<big>`, `<s>` or `<del>` for `<strike>`, `<code>`, `<kbd>` or `<samp>` for
`<tt>`. Tags inside comments and raw tags (`<nowiki>`, `<pre>`, `<syntaxhighlight>`) are text,
not tags: not reported. No fix: which replacement is right depends on what the tag meant.

Bad:

```wikitext
<center>'''Republic of Mali'''</center>
```

Good:

```wikitext
<div style="text-align:center">'''Republic of Mali'''</div>
```
)md",
                         false,
                         "linter:obsolete-tag wikilint:obsolete-tag checkwiki:40 checkwiki:41 "
                         "checkwiki:42"};

struct Obsolete {
  std::string_view tag;
  std::string_view instead;
};
constexpr std::array<Obsolete, 5> kObsolete{{
    {"center", "<div style=\"text-align:center\"> or {{center}}"},
    {"font", "<span style=\"...\">"},
    {"big", "<span style=\"font-size:larger\"> or {{large}}"},
    {"strike", "<s> or <del>"},
    {"tt", "<code>, <kbd> or <samp>"},
}};

}  // namespace

std::unique_ptr<Rule> make_markup_obsolete_tag_rule() {
  return make_rule(kMeta, [](const Article& article, const RuleOptions&, FindingSink& out) {
    const Tree& tree = article.tree();
    for (const NodeId id : article.nodes_of(NodeKind::HtmlTag)) {
      const Node& n = tree[id];
      if (n.has(kClosing)) continue;
      const std::string name = to_lower(tree.name(id));
      for (const Obsolete& o : kObsolete) {
        if (name != o.tag) continue;
        out.report(n.range(), "<" + name + "> is obsolete in HTML5; use " + std::string(o.instead),
                   name);
        break;
      }
    }
  });
}

}  // namespace wikivet
