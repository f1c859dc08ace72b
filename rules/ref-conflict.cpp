// ref-conflict: one reference name defined twice with different content.
#include <map>
#include <optional>
#include <string>
#include <utility>

#include "model/text_util.hpp"
#include "rules/rule_factories.hpp"
#include "rules/rule_util.hpp"

namespace wikivet {

namespace {

bool is_markup(char c) {
  return c == '|' || c == '=' || c == '{' || c == '}' || c == '[' || c == ']' || c == '<' ||
         c == '>';
}

// The content as compared: white space folded, and dropped where it touches markup.
std::string canonical(std::string_view content) {
  const std::string folded = fold_spaces(content);
  std::string out;
  out.reserve(folded.size());
  for (size_t i = 0; i < folded.size(); ++i) {
    const char c = folded[i];
    if (c == ' ' && ((!out.empty() && is_markup(out.back())) ||
                     (i + 1 < folded.size() && is_markup(folded[i + 1]))))
      continue;
    out.push_back(c);
  }
  return out;
}

constexpr RuleMeta kMeta{"ref-conflict",
                         Category::Refs,
                         Severity::Error,
                         "One reference name is defined twice with different content.",
                         R"md(
A reference name must stand for one citation. When two definitions of the same name (in the
same group) say different things, MediaWiki keeps one and shows "Cite error: Invalid <ref>
tag; name x defined multiple times with different content" (Cite's message
`cite_error_references_duplicate_key`). What it reports: each later definition of a name (per
group) whose content differs from the name's first definition, at that later definition.
Differences of white space do not count: runs of spaces, tabs and line breaks count as one space, and none at all next to
the markup of templates, links and tags (`{{Cite web |title=X}}` and `{{Cite web|title = X}}`
are the same citation). Refs whose content a template builds (`{{Single chart|refname=x}}`)
are not compared.

Bad:

```wikitext
<ref name="un">{{Cite web |title=Members}}</ref> ... <ref name="un">{{Cite web |title=Budget}}</ref>
```

Good:

```wikitext
<ref name="un">{{Cite web |title=Members}}</ref> ... <ref name="un" />
```
)md",
                         false,
                         "cite:cite_error_references_duplicate_key"};

}  // namespace

std::unique_ptr<Rule> make_ref_conflict_rule() {
  return make_rule(kMeta, [](const Article& article, const RuleOptions&, FindingSink& out) {
    // The first definition of each (group, name), its canonical text made only when the name
    // is defined again (most names are defined once).
    struct First {
      const Ref* ref;
      std::optional<std::string> text;
    };
    std::map<std::pair<std::string, std::string>, First> first;
    for (const Ref& r : article.refs) {
      if (r.name.empty() || !r.defines || r.generated) continue;
      const auto [it, fresh] = first.try_emplace(std::make_pair(r.group, r.name), First{&r, {}});
      if (fresh) continue;
      First& f = it->second;
      if (!f.text) f.text = canonical(article.tree().slice(f.ref->content));
      if (canonical(article.tree().slice(r.content)) == *f.text) continue;
      out.report(
          r.range, "reference name " + quoted(r.name) + " is defined again with different content",
          r.group.empty() ? r.name : r.group + ":" + r.name, {{f.ref->range, "first definition"}});
    }
  });
}

}  // namespace wikivet
