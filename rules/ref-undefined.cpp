// ref-undefined: a named reference is invoked but defined nowhere in the article.
#include <map>

#include "engine/engine.hpp"
#include "rules/rule_factories.hpp"
#include "rules/rule_util.hpp"

namespace wikivet {

namespace {

constexpr RuleMeta kMeta{"ref-undefined",
                         Category::Refs,
                         Severity::Error,
                         "A named reference is invoked but defined nowhere in the article.",
                         R"md(
`<ref name="x" />` reuses a reference defined elsewhere with `<ref name="x">...</ref>`. When no
definition of that name (in that group) exists anywhere in the article, MediaWiki shows
"Cite error: The named reference x was invoked but never defined" (Cite's message
`cite_error_references_no_text`). This happens most often when an edit deletes the only row or
paragraph that held the definition.

What it reports: each name (per group) that is invoked and has no definition with content
anywhere on the page, once, at its first invocation, with the count of invocations.
Invocations are `<ref name="x" />`, `{{r|x}}` and a content-less `{{refn|name=x}}` or
`{{efn|name=x}}`; definitions are refs with content, `{{#tag:ref|...|name=x}}`,
`{{refn|name=x|...}}`, `{{efn|name=x|...}}` and the refs that templates of the wiki's profile
make (`{{Infobox language|ref=e18}}`). Using a name before its definition is legal and is not
reported; a definition only inside an HTML comment does not count (MediaWiki does not see it).

Bad:

```wikitext
|1 || {{Flag|France}} || 20 August 1960<ref name=":1" />
```
(and no `<ref name=":1">...</ref>` anywhere)

Good:

```wikitext
|1 || {{Flag|France}} || 20 August 1960<ref name=":1">{{Cite web |title=...}}</ref>
```

Fix: when the definition is known from elsewhere (the baseline's old revision, given with
`--baseline` or `--baseline-git`, or another file on the command line that defines the name
with content), the first remaining invocation becomes the definition:
`<ref name=":1" />` turns into `<ref name=":1">{{Cite web |title=...}}</ref>`. This is what
Wikipedia's orphaned-reference bots do after the damage, done before the edit lands.
A definition from the article's own baseline is put back as it was, a safe fix; one borrowed
from another file is unsafe (`--unsafe-fixes`): that the two articles cite the same source
under one name is likely, not certain.
)md",
                         true,
                         "cite:cite_error_references_no_text"};

// The definition to put where `invocation` stands, or nothing when that cannot be done safely:
// only a self-closing <ref .../> tag is rewritten (its attributes are kept as written).
std::optional<Fix> move_definition_here(const Article& article, const Ref& invocation,
                                        const RefDonor& donor) {
  if (invocation.via != Ref::Via::Tag || !invocation.self_closing) return std::nullopt;
  const std::string_view tag =
      article.text().substr(invocation.range.begin, invocation.range.end - invocation.range.begin);
  size_t close = tag.rfind("/>");
  if (close == std::string_view::npos || close + 2 != tag.size()) return std::nullopt;
  while (close > 0 && (tag[close - 1] == ' ' || tag[close - 1] == '\t')) --close;
  std::string replacement(tag.substr(0, close));
  replacement += '>';
  replacement += donor.content;
  replacement += "</ref>";
  // Safe when the definition is the article's own, from its old revision (the edit lost it);
  // one borrowed from another file is a guess that the two articles cite the same source.
  return Fix{"define " + quoted(donor.name) + " here with its definition from " + donor.origin,
             {{invocation.range.begin, invocation.range.end, std::move(replacement)}},
             donor.same_article};
}

}  // namespace

std::unique_ptr<Rule> make_ref_undefined_rule() {
  return make_rule(kMeta, [](const Article& article, const RuleOptions&, FindingSink& out) {
    std::map<std::pair<std::string, std::string>, bool> defined;
    for (const Ref& r : article.refs)
      if (!r.name.empty() && r.defines) defined[{r.group, r.name}] = true;
    // One finding per undefined name, at its first invocation; the others are related.
    std::map<std::pair<std::string, std::string>, std::vector<const Ref*>> uses;
    std::vector<std::pair<std::string, std::string>> order;
    for (const Ref& r : article.refs) {
      if (r.name.empty() || r.defines) continue;
      const auto key = std::make_pair(r.group, r.name);
      if (defined.count(key)) continue;
      auto& list = uses[key];
      if (list.empty()) order.push_back(key);
      list.push_back(&r);
    }
    for (const auto& key : order) {
      const auto& list = uses[key];
      std::vector<FindingSink::Related> related;
      for (size_t i = 1; i < list.size(); ++i)
        related.push_back({list[i]->range, "also invoked here"});
      std::string msg = "named reference " + quoted(key.second);
      if (!key.first.empty()) msg += " (group " + quoted(key.first) + ")";
      msg += " is invoked but never defined";
      if (list.size() > 1) msg += " (" + std::to_string(list.size()) + " invocations)";
      std::optional<Fix> fix;
      const CheckContext* context = out.context();
      if (const RefDonor* donor =
              context ? context->find_ref_definition(key.first, key.second) : nullptr) {
        fix = move_definition_here(article, *list.front(), *donor);
        if (fix) msg += "; its definition is in " + donor->origin;
      }
      out.report(list.front()->range, std::move(msg),
                 key.first.empty() ? key.second : key.first + ":" + key.second, std::move(related),
                 std::move(fix));
    }
  });
}

}  // namespace wikivet
