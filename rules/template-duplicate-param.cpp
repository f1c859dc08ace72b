// template-duplicate-param: one transclusion gives a parameter twice; the first value is lost.
#include <algorithm>
#include <array>
#include <charconv>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "model/text_util.hpp"
#include "rules/rule_factories.hpp"
#include "rules/rule_util.hpp"

namespace wikivet {

namespace {

constexpr RuleMeta kMeta{"template-duplicate-param",
                         Category::Templates,
                         Severity::Warning,
                         "A transclusion gives one parameter twice; only the last value is used.",
                         R"md(
When a transclusion gives a parameter twice, MediaWiki uses the last value and silently drops
the others (the page lands in "Pages using duplicate arguments in template calls"). The next
editor who corrects the first value sees no change. Positional and named parameters collide
as MediaWiki numbers them: `{{x|a|1=b}}` gives parameter 1 twice. Named parameters are
compared after trimming, as MediaWiki trims them; a parameter whose name holds a template, a
template argument or a comment is not compared (its name is known only after expansion), nor
is an empty name (`|=`, a separator some templates such as `{{Chess diagram}}` are built on).
Parser functions (`{{#switch:}}`, `{{#invoke:}}`) are not templates: not read.

The fix, where it is certain: the same value twice, or the first one empty, removes the named
parameter that does nothing (safe); a last value that is empty while the first is not removes
the empty one, which changes what the page shows to what the editor most likely meant (unsafe,
`--unsafe-fixes`). Two different values are left to the editor; so is a parameter given three
times or more. A positional parameter is never removed (the ones after it would be renumbered).

Bad:

```wikitext
{{Cite web |date=2014 |title=Cars |date=2016}}
```

Good:

```wikitext
{{Cite web |date=2016 |title=Cars}}
```
)md",
                         true,
                         "wpcleaner:524 wikilint:no-duplicate"};

struct Param {
  NodeId id = kNoNode;
  bool named = false;
  // The parameter's name as MediaWiki compares it: a view of the page's text when named, of
  // `digits` (its position written out) when positional; no string of its own.
  std::string_view key;
  std::string_view value;  // as MediaWiki uses it: trimmed when named, exact when positional
  Range removal;           // the parameter with the '|' before it
  std::array<char, 8> digits{};
  uint8_t digit_count = 0;
};

// The name of a named parameter as MediaWiki compares it, or nothing when the name holds more
// than text (a template, an argument or a comment: known only after expansion).
bool plain_name(const Tree& tree, NodeId name_node) {
  bool plain = true;
  tree.for_each_child(name_node, [&](NodeId c) {
    if (tree[c].kind != NodeKind::Text) plain = false;
  });
  return plain;
}

// Reads the parameters of `tmpl` into `params` (cleared first; a vector reused from template to
// template, so that reading one allocates nothing).
void read_params(const Tree& tree, NodeId tmpl, bool& readable, std::vector<Param>& params) {
  params.clear();
  NodeId prev = kNoNode;
  tree.for_each_child(tmpl, [&](NodeId c) {
    const Node& n = tree[c];
    if (n.kind == NodeKind::Parameter) {
      Param p;
      p.id = c;
      const Range bar = prev != kNoNode ? tree[prev].range() : n.range();
      p.removal = {bar.begin, n.end};
      const NodeId name = tree.child(c, NodeKind::ParameterName);
      if (name != kNoNode) {
        if (!plain_name(tree, name)) readable = false;
        p.named = true;
        p.key = tree.name(c);
        p.value = tree.value(c);
      } else {
        p.digit_count = static_cast<uint8_t>(
            std::to_chars(p.digits.data(), p.digits.data() + p.digits.size(), n.level).ptr -
            p.digits.data());
        const NodeId v = tree.child(c, NodeKind::ParameterValue);
        p.value = v != kNoNode ? tree.text(v) : std::string_view{};
      }
      params.push_back(std::move(p));
    }
    prev = c;
  });
  // The positional keys view their own digits, now that the vector holds them for good.
  for (Param& p : params)
    if (!p.named) p.key = {p.digits.data(), p.digit_count};
}

std::string shown(std::string_view v) {
  return v.empty() ? "empty" : quoted(v);
}

}  // namespace

std::unique_ptr<Rule> make_template_duplicate_param_rule() {
  return make_rule(kMeta, [](const Article& article, const RuleOptions&, FindingSink& out) {
    const Tree& tree = article.tree();
    // The page's templates are indexed once in the model, with their normalised names.
    std::vector<Param> params;
    std::vector<std::pair<std::string_view, size_t>> keys;  // (key, parameter index)
    std::vector<std::pair<size_t, size_t>> repeats;         // (repeat, the one before it)
    for (size_t t = 0; t < article.templates.size(); ++t) {
      const NodeId id = article.templates[t];
      bool readable = true;
      read_params(tree, id, readable, params);
      if (!readable || params.size() < 2) continue;
      // An empty name (`|=`) is a separator some templates are built on ({{Chess diagram}}'s
      // rows end in `=`): not a parameter anyone sets, so not compared. Sorted by key, in
      // parameter order within a key: each repeat follows the one before it.
      keys.clear();
      for (size_t i = 0; i < params.size(); ++i)
        if (!params[i].key.empty()) keys.emplace_back(params[i].key, i);
      std::sort(keys.begin(), keys.end());
      repeats.clear();
      for (size_t j = 1; j < keys.size(); ++j)
        if (keys[j].first == keys[j - 1].first)
          repeats.emplace_back(keys[j].second, keys[j - 1].second);
      if (repeats.empty()) continue;
      // How many times each parameter's key is given (a fix is offered only for a pair).
      std::vector<size_t> given(params.size(), 0);
      for (size_t j = 0, e = 0; j < keys.size(); j = e) {
        while (e < keys.size() && keys[e].first == keys[j].first) ++e;
        for (size_t m = j; m < e; ++m) given[keys[m].second] = e - j;
      }
      std::sort(repeats.begin(), repeats.end());  // reported in parameter order
      const std::string& tname = article.template_names[t];
      for (const auto& [i, before] : repeats) {
        const Param& first = params[before];
        const Param& cur = params[i];
        std::optional<Fix> fix;
        if (given[i] == 2) {
          // Removing a parameter keeps the page as it is when the value left is the one
          // MediaWiki uses now (the last one, trimmed if named, exact if positional).
          const bool equal = trim(first.value) == trim(cur.value);
          const Param* drop = nullptr;
          bool safe = true;
          if (equal && first.named && cur.named)
            drop = &cur;
          else if (equal && first.named)
            drop = &first;
          else if (equal && cur.named && first.value == cur.value)
            drop = &cur;
          else if (first.value.empty() && first.named)
            drop = &first;
          else if (cur.value.empty() && cur.named && !first.value.empty()) {
            drop = &cur;
            safe = false;  // the page then shows the first value: what was meant, not what is
          }
          if (drop != nullptr)
            fix = Fix{equal ? "remove the repeated " + std::string(cur.key) + "="
                            : "remove the empty " + std::string(cur.key) + "=",
                      {{drop->removal.begin, drop->removal.end, ""}},
                      safe};
        }
        const std::string what = cur.named ? "parameter '" + std::string(cur.key) + "'"
                                           : "positional parameter " + std::string(cur.key);
        out.report(tree[cur.id].range(),
                   what + " is given twice in {{" + tname + "}}; the earlier value (" +
                       shown(first.value) + ") is ignored",
                   tname + "|" + std::string(cur.key),
                   {{tree[first.id].range(), "first given here"}}, std::move(fix));
      }
    }
  });
}

}  // namespace wikivet
