// ref-duplicate-citation: the same citation written out again in unnamed refs.
#include <algorithm>
#include <set>
#include <string>
#include <unordered_map>

#include "model/text_util.hpp"
#include "rules/rule_factories.hpp"
#include "rules/rule_util.hpp"

namespace wikivet {

namespace {

constexpr RuleMeta kMeta{"ref-duplicate-citation",
                         Category::Refs,
                         Severity::Warning,
                         "The same citation is written out in several unnamed refs.",
                         R"md(
Two unnamed refs with the same content make two footnotes that say the same thing, and an edit
to one leaves the other stale. Cite lets the first one have a name and the others reuse it
(`<ref name="x" />`), giving one footnote with a backlink per use (CheckWiki #81, "Reference
duplication").

What it reports: each group of two or more `<ref>...</ref>` tags that have no name, stand
outside a reference list, belong to the same group and have the same content once runs of white
space are folded, at the second of them (the others are related locations). Refs built by
templates (`{{efn}}`, `{{sfn}}`), `{{#tag:ref}}` and refs inside template arguments are left
alone: whether a template shows its argument once, twice or not at all cannot be told.

Fix: the first ref gets a name (`:0`, `:1`, ... as VisualEditor names them, the first not used
on the page) and the others become `<ref name=":0" />`. The fix is safe when the contents are
byte-identical, unsafe (`--unsafe-fixes`) when they differ in white space.

Bad:

```wikitext
Mali joined the UN in 1960.<ref>{{Cite web |title=Member states |publisher=UN}}</ref>
Senegal joined the same year.<ref>{{Cite web |title=Member states |publisher=UN}}</ref>
```

Good:

```wikitext
Mali joined the UN in 1960.<ref name="un">{{Cite web |title=Member states |publisher=UN}}</ref>
Senegal joined the same year.<ref name="un" />
```
)md",
                         true,
                         "checkwiki:81"};

// A ref inside a template's or parser function's argument: the template decides whether, and
// how often, it appears. Bounded walk, as the reference index does.
bool in_template(const Tree& tree, NodeId id) {
  NodeId p = tree[id].parent;
  for (int d = 0; d < 64 && p != kNoNode; ++d, p = tree[p].parent) {
    const NodeKind k = tree[p].kind;
    if (k == NodeKind::Template || k == NodeKind::ParserFunction || k == NodeKind::TemplateArgument)
      return true;
  }
  return false;
}

// ":0", ":1", ...: the first such name no ref of the page uses (in any group, so the name stays
// unambiguous should a group be changed later).
class NameSource {
 public:
  explicit NameSource(const Article& a) {
    for (const Ref& r : a.refs)
      if (!r.name.empty()) used_.insert(r.name);
  }
  std::string next() {
    std::string name;
    do name = ":" + std::to_string(n_++);
    while (used_.count(name));
    used_.insert(name);
    return name;
  }

 private:
  std::set<std::string> used_;
  int n_ = 0;
};

// The first kKeyBytes bytes of fold_spaces(content), folding no more of it than needed: folding
// a start of the content that does not end inside a no-break space (C2 A0) gives a start of the
// whole folding, so kPrefixBytes are folded first and all only when they fold to too little.
constexpr size_t kKeyBytes = 64;
constexpr size_t kPrefixBytes = 256;

std::string folded_start(std::string_view content) {
  size_t m = std::min(content.size(), kPrefixBytes);
  if (m < content.size() && content[m - 1] == '\xC2' && content[m] == '\xA0') --m;
  std::string folded = fold_spaces(content.substr(0, m));
  if (folded.size() < kKeyBytes && m < content.size()) folded = fold_spaces(content);
  if (folded.size() > kKeyBytes) folded.resize(kKeyBytes);
  return folded;
}

}  // namespace

std::unique_ptr<Rule> make_ref_duplicate_citation_rule() {
  return make_rule(kMeta, [](const Article& article, const RuleOptions&, FindingSink& out) {
    const Tree& tree = article.tree();
    // Refs are grouped by their folded content in two steps: first by the group and the
    // first kKeyBytes bytes of the folded content (folding at most kPrefixBytes of each ref),
    // then, only within a first-step bucket of two or more, by the whole folded content.
    // Most refs share their first bytes with no other, and are never folded whole.
    std::vector<const Ref*> eligible;
    for (const Ref& r : article.refs) {
      if (r.via != Ref::Via::Tag || !r.name.empty() || !r.defines || r.list_defined ||
          r.generated || in_template(tree, r.node))
        continue;
      eligible.push_back(&r);
    }
    std::unordered_map<std::string, std::vector<size_t>> buckets;  // indexes into `eligible`
    std::vector<const std::vector<size_t>*> bucket_order;
    for (size_t i = 0; i < eligible.size(); ++i) {
      const Ref& r = *eligible[i];
      const auto [it, fresh] =
          buckets.try_emplace(r.group + '\n' + folded_start(tree.slice(r.content)));
      if (fresh) bucket_order.push_back(&it->second);
      it->second.push_back(i);
    }
    // The groups of the same folded content, each with its first ref's place among `eligible`
    // (by which they are sorted: findings come in page order).
    std::vector<std::pair<size_t, std::vector<const Ref*>>> groups;
    std::unordered_map<std::string, size_t> same;  // folded content -> index in `groups`
    for (const std::vector<size_t>* bucket : bucket_order) {
      if (bucket->size() < 2) continue;
      same.clear();
      for (const size_t i : *bucket) {
        const Ref& r = *eligible[i];
        const auto [it, fresh] =
            same.try_emplace(fold_spaces(tree.slice(r.content)), groups.size());
        if (fresh) groups.push_back({i, {}});
        groups[it->second].second.push_back(&r);
      }
    }
    std::sort(groups.begin(), groups.end(),
              [](const auto& a, const auto& b) { return a.first < b.first; });
    std::optional<NameSource> names;
    for (const auto& group : groups) {
      const std::vector<const Ref*>& refs = group.second;
      if (refs.size() < 2) continue;
      const Ref& first = *refs.front();
      if (article.text().substr(first.range.begin, 4).size() < 4) continue;
      std::vector<FindingSink::Related> related{{first.range, "first use"}};
      for (size_t i = 2; i < refs.size(); ++i) related.push_back({refs[i]->range, "also here"});
      std::optional<Fix> fix;
      // The group is written back into the reuses; a value with a quote in it is left alone.
      if (first.group.find('"') == std::string::npos) {
        if (!names) names.emplace(article);
        const std::string name = names->next();
        const std::string_view content = tree.slice(first.content);
        bool identical = true;
        Fix f;
        f.description = "name the first " + quoted(name) + " and reuse it";
        const uint32_t after_tag = first.range.begin + 4;  // just after "<ref"
        f.edits.push_back({after_tag, after_tag, " name=\"" + name + "\""});
        std::string reuse = "<ref name=\"" + name + "\"";
        if (!first.group.empty()) reuse += " group=\"" + first.group + "\"";
        reuse += " />";
        for (size_t i = 1; i < refs.size(); ++i) {
          identical = identical && tree.slice(refs[i]->content) == content;
          f.edits.push_back({refs[i]->range.begin, refs[i]->range.end, reuse});
        }
        f.safe = identical;
        fix = std::move(f);
      }
      const Ref& second = *refs[1];
      out.report(second.range,
                 "the same citation is written out in " + std::to_string(refs.size()) +
                     " unnamed refs; name the first and reuse it",
                 (first.group.empty() ? "" : first.group + ":") +
                     quoted(fold_spaces(tree.slice(first.content))),
                 std::move(related), std::move(fix));
    }
  });
}

}  // namespace wikivet
