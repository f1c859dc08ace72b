// heading-unbalanced: A heading with more '=' on one side than on the other, or none at the end.
#include <algorithm>
#include <string>

#include "rules/rule_factories.hpp"
#include "rules/rule_util.hpp"
#include "rules/syntax_problem.hpp"

namespace wikivet {

namespace {

constexpr RuleMeta kMeta{
    "heading-unbalanced",
    Category::Headings,
    Severity::Warning,
    "A heading with more '=' on one side than on the other, or none at the end.",
    R"md(
A heading has as many `=` at its end as at its start. When the counts differ, MediaWiki takes
the smaller one as the level and shows the extra signs in the title (`=== Embassy ==` is a
level-2 heading titled "= Embassy"). A line that starts with `==` but does not end with `=`
(trailing spaces and comments aside) is no heading at all: it shows as text, `==` included.

The parser records both shapes; this rule reports them. No fix is offered: which level was
meant is the editor's call.

Bad:

```wikitext
=== Embassy ==
== Relations
```

Good:

```wikitext
=== Embassy ===
== Relations ==
```
)md",
    false,
    "checkwiki:8 checkwiki:105 wikilint:unbalanced-header"};

}  // namespace

std::unique_ptr<Rule> make_heading_unbalanced_rule() {
  return make_rule(kMeta, [](const Article& article, const RuleOptions&, FindingSink& out) {
    report_problems(
        article, {ProblemKind::UnbalancedHeading},
        [](std::string_view text, const Problem& p) {
          const size_t slash = p.detail.find('/');
          const std::string open = p.detail.substr(0, slash);
          const std::string close = p.detail.substr(slash + 1);
          if (close == "0")
            return quoted(text) + " starts with " + open +
                   " '=' but does not end with '=': MediaWiki shows it as text, not as a "
                   "heading";
          return quoted(text) + " opens with " + open + " '=' and closes with " + close +
                 ": MediaWiki makes it a level-" +
                 std::to_string(std::min({std::stoi(open), std::stoi(close), 6})) +
                 " heading and shows the extra '=' in its title";
        },
        out);
  });
}

}  // namespace wikivet
