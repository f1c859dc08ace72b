// tag-self-closed: A tag that needs an end tag is written self-closed (<span/>, <div/>).
#include "rules/rule_factories.hpp"
#include "rules/rule_util.hpp"
#include "rules/tag_util.hpp"

namespace wikivet {

namespace {

constexpr RuleMeta kMeta{"tag-self-closed",
                         Category::Tags,
                         Severity::Warning,
                         "A tag that needs an end tag is written self-closed (<span/>, <div/>).",
                         R"md(
Only void tags (`<br/>`, `<hr/>`, `<wbr/>`) may be written self-closed. HTML ignores the `/` of
any other tag: `<span id="x"/>` or `<div style="clear:both"/>` is an open tag, which wraps
everything after it until something closes it. Write the end tag.

The fix writes `<span id="x"></span>`; it is offered as unsafe, since the page then looks as
its author meant, not as it looks now.

Bad:

```wikitext
<span id="Bamako"/>Bamako is the capital of Mali.
```

Good:

```wikitext
<span id="Bamako"></span>Bamako is the capital of Mali.
```
)md",
                         true,
                         "linter:self-closed-tag wikilint:unmatched-tag"};

}  // namespace

std::unique_ptr<Rule> make_tag_self_closed_rule() {
  return make_rule(kMeta, [](const Article& article, const RuleOptions&, FindingSink& out) {
    const Tree& tree = article.tree();
    for (const HtmlTagUse& t : article.html_tags().tags) {
      if (t.role != TagRole::SelfClosed) continue;
      const Range r = tree[t.node].range();
      // The tag ends in "/>" (the parser marks it self-closed only then).
      std::string open(tree.text().substr(r.begin, r.size() - 2));
      while (!open.empty() && open.back() == ' ') open.pop_back();
      out.report(r,
                 quoted(tree.slice(r)) + " is not a void tag: HTML reads it as an open " +
                     angle(t.name) + " that wraps what follows",
                 tag_key(article, r), {},
                 Fix{"write the end tag", {{r.begin, r.end, open + "></" + t.name + ">"}}, false});
    }
  });
}

}  // namespace wikivet
