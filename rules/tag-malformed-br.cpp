// tag-malformed-br: A line break written </br>, <br/ >, <\br> or <br.>.
#include "rules/rule_factories.hpp"
#include "rules/rule_util.hpp"
#include "rules/tag_util.hpp"

namespace wikivet {

namespace {

constexpr RuleMeta kMeta{"tag-malformed-br",
                         Category::Tags,
                         Severity::Warning,
                         "A line break written </br>, <br/ >, <\\br> or <br.>.",
                         R"md(
A line break is `<br>` (or `<br/>`, `<br />`). `</br>` and `<br/ >` are invalid HTML that
browsers happen to read as a break; `<\br>`, `<br\>`, `< br>` and `<br.>` are no tag at all, and
MediaWiki shows them as text. CheckWiki lists them among tags with incorrect syntax. Text in
`<nowiki>`, `<pre>`, comments, `<syntaxhighlight>` and other raw tags is not read.

The fix writes `<br>`: the break the author meant.

Bad:

```wikitext
Bamako</br>Mali
Kayes<\br>Mali
```

Good:

```wikitext
Bamako<br>Mali
Kayes<br>Mali
```
)md",
                         true,
                         "checkwiki:2 wikilint:unmatched-tag"};

}  // namespace

std::unique_ptr<Rule> make_tag_malformed_br_rule() {
  return make_rule(kMeta, [](const Article& article, const RuleOptions&, FindingSink& out) {
    for (const BrokenBreak& b : article.html_tags().broken_breaks) {
      const std::string_view written = article.tree().slice(b.range);
      out.report(b.range,
                 quoted(written) + (b.shown_as_text ? " is no tag: MediaWiki shows it as text"
                                                    : " is not a valid line break"),
                 tag_key(article, b.range), {},
                 Fix{"write " + quoted(written) + " as <br>",
                     {{b.range.begin, b.range.end, "<br>"}},
                     true});
    }
  });
}

}  // namespace wikivet
