// ref-unknown-attribute: an attribute Cite does not accept on <ref> or <references>.
#include "rules/rule_factories.hpp"
#include "rules/rule_util.hpp"

namespace wikivet {

namespace {

constexpr RuleMeta kMeta{"ref-unknown-attribute",
                         Category::Refs,
                         Severity::Error,
                         "A <ref> or <references> tag has an attribute Cite does not accept.",
                         R"md(
Cite reads a fixed set of attributes and refuses a tag with any other: `<ref>` takes `name`,
`group`, `follow`, `dir` and the sub-referencing attribute (`extends`, now `details`);
`<references>` takes `group` and `responsive`. A misspelt or stray attribute (`<ref nmae="x">`,
`<ref name="x" group="a" page="12">`, `<references colwidth=30em />`) makes MediaWiki show
"Cite error: Invalid <ref> tag; invalid names, e.g. too many" (`cite_error_ref_too_many_keys`)
or "Invalid <references> tag; no parameters are allowed" (`cite_error_references_invalid_parameters`)
instead of the footnote or the list. A common cause is an unquoted name with a space:
`<ref name=Smith 2003>` is the name `Smith` and a second attribute `2003`.

What it reports: each `<ref>` or `<references>` tag with an attribute that is not one of
these (case-blind, as MediaWiki lowercases attribute names), once per tag at the first such attribute. A tag whose `>` is
missing (`<ref name=a` and text) runs on, as MediaWiki reads it, to the next `>` (often the next
ref's), and every word in between is then an attribute. Templates are not
expanded in a tag's attributes (`<ref name={{PAGENAME}}>` is that literal name), so they count
as written. A tag whose attribute text holds anything else than attributes (a comment, say) is
skipped, and so are `{{#tag:ref}}` and reference templates, whose parameters a template may
consume.

Bad:

```wikitext
Mali joined the UN in 1960.<ref name=UN members>{{Cite web |title=Member states}}</ref>
```

Good:

```wikitext
Mali joined the UN in 1960.<ref name="UN members">{{Cite web |title=Member states}}</ref>
```
)md",
                         false,
                         "cite:cite_error_ref_too_many_keys "
                         "cite:cite_error_references_invalid_parameters"};

}  // namespace

std::unique_ptr<Rule> make_ref_unknown_attribute_rule() {
  return make_rule(kMeta, [](const Article& article, const RuleOptions&, FindingSink& out) {
    const std::string_view text = article.text();
    // One finding per tag, at its first unknown attribute: a tag whose `>` is missing runs on
    // into the next tag's and reads every word between as an attribute.
    auto report = [&](const std::vector<Range>& attrs, std::string_view tag) {
      if (attrs.empty()) return;
      const std::string name(text.substr(attrs.front().begin, attrs.front().size()));
      std::string message = "<" + std::string(tag) + "> has the attribute " + quoted(name);
      if (attrs.size() > 1) message += " and " + std::to_string(attrs.size() - 1) + " more";
      out.report(attrs.front(), message + ", which Cite does not accept",
                 std::string(tag) + ":" + name);
    };
    for (const Ref& r : article.refs) report(r.unknown_attributes, "ref");
    for (const RefList& l : article.ref_lists) report(l.unknown_attributes, "references");
  });
}

}  // namespace wikivet
