// unused-suppression: an inline wikivet-disable comment that silences nothing.
// The engine's suppression pass (src/engine/suppressions.cpp) reports it; this file gives the
// rule its id, docs and place in the catalogue and config.
#include "rules/rule_factories.hpp"
#include "rules/rule_util.hpp"

namespace wikivet {

namespace {

constexpr RuleMeta kMeta{"unused-suppression",
                         Category::Meta,
                         Severity::Warning,
                         "An inline wikivet-disable comment silences nothing.",
                         R"md(
Inline suppressions silence findings in place:

- `<!-- wikivet-disable rule-id -->` ... `<!-- wikivet-enable rule-id -->`
- `<!-- wikivet-disable-next-line rule-id -->`
- `<!-- wikivet-disable-line rule-id -->`
- `<!-- wikivet-disable-file rule-id -->` (anywhere in the file: covers the whole file)

Without a rule id they cover every rule; several ids may be given, separated by spaces or
commas. A suppression that silences nothing (the problem was fixed, or the id is misspelt)
only hides future problems, so it is reported. So is a comment that starts like a directive
but is none of these (`<!-- wikivet-disabel ... -->`, `<!-- wikivet-enable-nextline ... -->`),
with the closest directive as a suggestion.

Bad:

```wikitext
<!-- wikivet-disable-next-line date-unknwon -->
|{{Flag|Ireland}} || Unknown
```

Good:

```wikitext
<!-- wikivet-disable-next-line date-unknown -->
|{{Flag|Ireland}} || Unknown
```
)md",
                         false};

}  // namespace

std::unique_ptr<Rule> make_unused_suppression_rule() {
  return make_rule(kMeta, [](const Article&, const RuleOptions&, FindingSink&) {});
}

}  // namespace wikivet
