// template-namespace-prefix: {{Template:X}}, where {{X}} says the same.
#include "model/text_util.hpp"
#include "rules/rule_factories.hpp"
#include "rules/rule_util.hpp"

namespace wikivet {

namespace {

constexpr RuleMeta kMeta{"template-namespace-prefix",
                         Category::Templates,
                         Severity::Info,
                         "A transclusion names the Template namespace ({{Template:X}}), which "
                         "{{X}} implies.",
                         R"md(
`{{X}}` transcludes the page Template:X: writing `{{Template:X}}` says the same thing at
greater length, hides the template from bots and scripts that look for `{{X}}` by name, and
is usually copied from the template's page title. The namespace is
recognised by its English name and by the wiki profile's local names (`{{টেমপ্লেট:X}}` on the
Bengali Wikipedia, `{{Կաղապար:X}}` on the Armenian one), in either case. `{{:Template:X}}`
and `{{subst:...}}` are not reported; nor is a name that holds a template or a comment.

The fix drops the prefix. It is safe when what is left cannot be read as something else: no
colon in it, and at least one small letter, so that `{{Template:PAGENAME}}` (the template
called PAGENAME, not the magic word) keeps its prefix. CheckWiki #1.

Bad:

```wikitext
{{Template:Flag|Mali}}
```

Good:

```wikitext
{{Flag|Mali}}
```
)md",
                         true,
                         "checkwiki:1"};

bool plain_name(const Tree& tree, NodeId name_node) {
  bool plain = true;
  tree.for_each_child(name_node, [&](NodeId c) {
    if (tree[c].kind != NodeKind::Text) plain = false;
  });
  return plain;
}

// A rest that no magic word spells: magic words without a colon are written in capitals
// (PAGENAME, CURRENTYEAR) or are signs ("!", "="); a template name with a small letter is not one.
bool unambiguous_rest(std::string_view rest) {
  if (rest.empty() || rest.find(':') != std::string_view::npos) return false;
  for (char ch : rest) {
    const auto u = static_cast<unsigned char>(ch);
    if ((u >= 'a' && u <= 'z') || u >= 0x80) return true;
  }
  return false;
}

}  // namespace

std::unique_ptr<Rule> make_template_namespace_prefix_rule() {
  return make_rule(kMeta, [](const Article& article, const RuleOptions&, FindingSink& out) {
    const Tree& tree = article.tree();
    const WikiProfile& profile = article.profile();
    for (const NodeId id : article.nodes_of(NodeKind::Template)) {
      const NodeId name_node = tree.child(id, NodeKind::TemplateName);
      if (name_node == kNoNode || !plain_name(tree, name_node)) continue;
      const std::string_view name = tree.name(id);
      if (!profile.in_namespace(name, Namespace::Template)) continue;
      const size_t colon = name.find(':');
      size_t rest_at = colon + 1;
      while (rest_at < name.size() && (name[rest_at] == ' ' || name[rest_at] == '_')) ++rest_at;
      const std::string_view prefix = trim(name.substr(0, colon));
      const std::string_view rest = name.substr(rest_at);
      std::optional<Fix> fix;
      const uint32_t b = tree.name_range(id).begin;
      if (unambiguous_rest(rest))
        fix = Fix{"write {{" + std::string(rest) + "}}",
                  {{b, b + static_cast<uint32_t>(rest_at), ""}},
                  true};
      out.report({b, tree.name_range(id).end},
                 "{{" + std::string(prefix) + ":" + std::string(rest) +
                     "}} names the namespace; {{" + std::string(rest) + "}} is the same template",
                 normalize_title(rest), {}, std::move(fix));
    }
  });
}

}  // namespace wikivet
