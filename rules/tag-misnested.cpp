// tag-misnested: An HTML tag is closed after a tag around it has closed (<b><i></b></i>).
#include "rules/rule_factories.hpp"
#include "rules/rule_util.hpp"
#include "rules/tag_util.hpp"

namespace wikivet {

namespace {

constexpr RuleMeta kMeta{"tag-misnested",
                         Category::Tags,
                         Severity::Warning,
                         "An HTML tag is closed after a tag around it has closed (<b><i></b></i>).",
                         R"md(
Tags nest: the last opened closes first. When a tag's end tag comes after the end tag of a tag
around it (`<small><b>...</small>...</b>`), the outer end tag closes both, and the inner tag's
own end tag comes too late: browsers and MediaWiki's tree builder repair the tree as they see
fit (formatting tags such as `<b>` are reopened after the outer tag, `<span>` and `<div>` are
not), so what the reader sees depends on the tag. Put the end tags in the reverse order of the
open tags.

Bad:

```wikitext
<small>Bamako is the '''<b>capital</small></b>''' of Mali.
```

Good:

```wikitext
<small>Bamako is the <b>capital</b></small> of Mali.
```
)md",
                         false,
                         "linter:misnested-tag"};

}  // namespace

std::unique_ptr<Rule> make_tag_misnested_rule() {
  return make_rule(kMeta, [](const Article& article, const RuleOptions&, FindingSink& out) {
    const Tree& tree = article.tree();
    const auto& tags = article.html_tags().tags;
    for (const HtmlTagUse& t : tags) {
      if (t.pairing != TagPairing::Misnested || t.role != TagRole::Open) continue;
      const Range r = tree[t.node].range();
      std::string msg = quoted(tree.slice(r)) + " is closed only after";
      if (t.ended_by != kNoTag)
        msg += " " + quoted(tree.text(tags[t.ended_by].node)) + " closed the tag around it";
      else
        msg += " the tag around it closed";
      std::vector<FindingSink::Related> related;
      if (t.partner != kNoTag)
        related.push_back({tree[tags[t.partner].node].range(), "its late end tag"});
      out.report(r, std::move(msg), tag_key(article, r), std::move(related));
    }
  });
}

}  // namespace wikivet
