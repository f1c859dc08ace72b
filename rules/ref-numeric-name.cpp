// ref-numeric-name: a ref named by a plain integer, which Cite refuses.
#include "rules/rule_factories.hpp"
#include "rules/rule_util.hpp"

namespace wikivet {

namespace {

constexpr RuleMeta kMeta{"ref-numeric-name",
                         Category::Refs,
                         Severity::Error,
                         "A reference name is a plain integer, which Cite refuses.",
                         R"md(
Cite builds the footnote's HTML id from the ref's name, and a name made only of digits could
collide with the ids it numbers itself; so `<ref name="1">` is refused and MediaWiki shows
"Cite error: Invalid <ref> tag; name cannot be a simple integer" (Cite's message
`cite_error_ref_numeric_key`) in place of the footnote. The same holds for the `follow` and
`extends` attributes. What it reports: each ref (`<ref>`, `{{#tag:ref}}` or a reference template
that passes its name to Cite, such as `{{efn|name=2}}` or `{{r|3}}`) whose name, after
trimming, is one or more ASCII digits, and each `<ref>` whose `follow` or `extends` is; at the
ref. Names that merely contain digits (`name="p12"`, `name=":1"`, `name="2019 census"`) are
fine, and so are other scripts' digits (Cite tests ASCII digits only).

Bad:

```wikitext
Mali joined the UN in 1960.<ref name="1">{{Cite web |title=Member states}}</ref>
```

Good:

```wikitext
Mali joined the UN in 1960.<ref name="un-members">{{Cite web |title=Member states}}</ref>
```
)md",
                         false,
                         "cite:cite_error_ref_numeric_key"};

bool is_ascii_integer(std::string_view s) {
  if (s.empty()) return false;
  for (char c : s)
    if (c < '0' || c > '9') return false;
  return true;
}

}  // namespace

std::unique_ptr<Rule> make_ref_numeric_name_rule() {
  return make_rule(kMeta, [](const Article& article, const RuleOptions&, FindingSink& out) {
    for (const Ref& r : article.refs) {
      if (is_ascii_integer(r.name)) {
        out.report(r.range, "reference name " + quoted(r.name) + " is a plain integer", r.name);
        continue;
      }
      for (const auto& [attr, value] :
           {std::pair<std::string_view, const std::string&>{"follow", r.follow},
            {"extends", r.extends}}) {
        if (!is_ascii_integer(value)) continue;
        out.report(r.range,
                   "reference " + std::string(attr) + "=" + quoted(value) + " is a plain integer",
                   std::string(attr) + ":" + value);
        break;
      }
    }
  });
}

}  // namespace wikivet
