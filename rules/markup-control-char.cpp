// markup-control-char: a C0 or C1 control character (other than tab and newline) in the text.
#include "model/char_scan.hpp"
#include "rules/markup_chars.hpp"
#include "rules/rule_factories.hpp"
#include "rules/rule_util.hpp"

namespace wikivet {

namespace {

constexpr RuleMeta kMeta{"markup-control-char",
                         Category::Markup,
                         Severity::Warning,
                         "A control character (U+0000 to U+001F other than tab and newline, "
                         "U+007F to U+009F) is in the text.",
                         R"md(
Control characters have no place in wikitext: the C0 controls other than tab, newline and
carriage return (U+0000 to U+001F), DEL (U+007F) and the C1 controls (U+0080 to U+009F). A C1
control is most often a Windows-1252 quotation mark or dash read as Latin-1 (U+0093 and
U+0094 for “ and ”, U+0096 for –): the character the writer meant is lost. Browsers show
nothing or a box. What it reports: each control character outside comments and raw tags, at
its exact position, with its code. There is no fix: which character was meant is a guess.
CheckWiki #16.

Bad (U+0096 where an en dash was meant, invisible here):

```wikitext
Mali was a French colony 18921960.
```

Good:

```wikitext
Mali was a French colony 1892–1960.
```
)md",
                         false,
                         "checkwiki:16"};

}  // namespace

std::unique_ptr<Rule> make_markup_control_char_rule() {
  return make_rule(kMeta, [](const Article& article, const RuleOptions&, FindingSink& out) {
    for (const SpecialChar& c : article.special_chars()) {
      if (!(c.cp < 0x20 || (c.cp >= 0x7F && c.cp <= 0x9F))) continue;
      const std::string name = code_point_name(c.cp);
      out.report({c.offset, c.offset + c.length}, "control character " + name + " in the text",
                 name);
    }
  });
}

}  // namespace wikivet
