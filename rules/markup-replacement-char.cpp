// markup-replacement-char: U+FFFD, the mark of text whose encoding was lost.
#include "model/char_scan.hpp"
#include "rules/rule_factories.hpp"
#include "rules/rule_util.hpp"

namespace wikivet {

namespace {

constexpr RuleMeta kMeta{"markup-replacement-char",
                         Category::Markup,
                         Severity::Warning,
                         "The replacement character U+FFFD (�) stands where a character was lost.",
                         R"md(
U+FFFD (shown as �) is what a program writes for bytes it could not decode: the character
that stood there (a letter with an accent, a dash, a quotation mark) is lost, and only the
sentence around it tells what it was. Readers see the black diamond. What it reports: each run
of U+FFFD in the text (outside comments and raw tags such as `<nowiki>` and
`<syntaxhighlight>`, where it may be an example), at its exact position. There is no fix: the
lost character has to be put back by someone who knows it.

Bad:

```wikitext
Mali's capital is Bamako, on the Niger River in the south�west.
```

Good:

```wikitext
Mali's capital is Bamako, on the Niger River in the south-west.
```
)md",
                         false,
                         {}};

}  // namespace

std::unique_ptr<Rule> make_markup_replacement_char_rule() {
  return make_rule(kMeta, [](const Article& article, const RuleOptions&, FindingSink& out) {
    // Runs of U+FFFD (one lost multi-byte character often leaves two or three) are one finding.
    Range run{0, 0};
    int count = 0;
    const auto flush = [&] {
      if (count == 0) return;
      out.report(run,
                 count == 1 ? std::string("replacement character U+FFFD: a character was lost")
                            : std::to_string(count) +
                                  " replacement characters U+FFFD: characters were lost",
                 "U+FFFD");
      count = 0;
    };
    for (const SpecialChar& c : article.special_chars()) {
      if (c.cp != 0xFFFD) continue;
      if (count > 0 && run.end == c.offset) {
        run.end = c.offset + c.length;
        ++count;
        continue;
      }
      flush();
      run = {c.offset, c.offset + c.length};
      count = 1;
    }
    flush();
  });
}

}  // namespace wikivet
