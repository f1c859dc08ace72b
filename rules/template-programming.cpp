// template-programming: {{{1}}} or {{#if:}}-style template code written in an article.
#include <array>

#include "model/text_util.hpp"
#include "rules/rule_factories.hpp"
#include "rules/rule_util.hpp"

namespace wikivet {

namespace {

constexpr RuleMeta kMeta{
    "template-programming",
    Category::Templates,
    Severity::Warning,
    "Template code ({{{1}}}, {{#if:}}, {{#ifeq:}}, {{#switch:}}) is written in "
    "an article.",
    R"md(
Template arguments and conditionals belong in templates. In an article a template argument
`{{{name}}}` has no transclusion to take a value from: the reader sees `{{{name}}}` as text,
or its default after `|`. A conditional (`{{#if:}}`, `{{#ifeq:}}`, `{{#iferror:}}`,
`{{#ifexpr:}}`, `{{#ifexist:}}`, `{{#switch:}}`) is code pasted from a template, or logic that
belongs in one: on a page whose name is fixed, `{{#ifeq:{{PAGENAME}}|...}}` always takes the
same branch, and the dead one puzzles the next editor. Both are
usually left over from copying a template's source or substituting one. What it reports:
each template argument and each of those parser functions, at its name. Comments and raw
tags (`<nowiki>`, `<pre>`, `<syntaxhighlight>`) are text: not reported; nor are
`{{#expr:}}` (articles compute totals from population templates with it, on purpose),
`{{#invoke:}}`, `{{#tag:}}`, `{{#time:}}` and the other parser functions articles use.
No fix. CheckWiki #34; wikilint `no-arg`.

Bad:

```wikitext
Mali's capital is {{{capital|Bamako}}}.
```

Good:

```wikitext
Mali's capital is Bamako.
```
)md",
    false,
    "checkwiki:34 wikilint:no-arg"};

constexpr std::array<std::string_view, 6> kProgramming{"#if",     "#ifeq",    "#iferror",
                                                       "#ifexpr", "#ifexist", "#switch"};

}  // namespace

std::unique_ptr<Rule> make_template_programming_rule() {
  return make_rule(kMeta, [](const Article& article, const RuleOptions&, FindingSink& out) {
    const Tree& tree = article.tree();
    const std::initializer_list<NodeKind> kinds{NodeKind::TemplateArgument,
                                                NodeKind::ParserFunction};
    for_each_node_of(article, kinds, [&](NodeId id) {
      const Node& n = tree[id];
      if (n.kind == NodeKind::TemplateArgument) {
        // The name of a nested argument spans the arguments inside it: bounded, so that a page
        // of {{{{{{...}}}}}} stays linear.
        std::string_view nm = trim(tree.name(id));
        nm = utf8_prefix(nm, 64);
        const std::string name(nm);
        out.report(n.range(),
                   "template argument " + quoted("{{{" + name + "}}}") +
                       " in an article: there is no transclusion to give it a value",
                   "{{{" + name + "}}}");
      } else if (n.kind == NodeKind::ParserFunction) {
        const std::string_view raw = trim(tree.name(id));
        if (raw.size() > 16) return;  // longer than any of the names looked for
        const std::string name = to_lower(raw);
        for (std::string_view p : kProgramming) {
          if (name != p) continue;
          const uint32_t name_end = tree.name_range(id).end;
          out.report({n.begin, name_end == 0 ? n.end : name_end},
                     "{{" + name + ":}} is template code in an article", name);
          break;
        }
      }
    });
  });
}

}  // namespace wikivet
