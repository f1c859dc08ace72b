// link-image-option-case: An image option written with the wrong letter case (|Left|, |Thumb|).
#include "model/text_util.hpp"
#include "rules/rule_factories.hpp"
#include "rules/rule_util.hpp"

namespace wikivet {

namespace {

constexpr RuleMeta kMeta{"link-image-option-case",
                         Category::Links,
                         Severity::Warning,
                         "An image option written with the wrong letter case (|Left|, |Thumb|).",
                         R"md(
MediaWiki reads the options of a file link (`thumb`, `left`, `upright=1.2`, `200px`,
`alt=...`) case-sensitively: `|Left|` or `|Thumb|` is no option but caption text. The last
such text is the caption and replaces the earlier ones, so the image is neither left-aligned
nor a thumbnail, and the word is lost (or, when nothing follows, becomes the caption). Only
options before the last one are judged: the last is where a caption stands, and a caption may
be a word like "Left". The options are the wiki's own (its profile's `image-option` rows,
from MediaWiki's Messages file of its language); a profile without them leaves image links
alone, since a local option might differ from an English one only in case. A part holding a
template, a link or a comment is not judged.

The fix writes the option in its case; it is offered as unsafe, since the image then moves or
changes size on the page.

Bad:

```wikitext
[[File:Toronto map.png|thumb|300px|Left|Map of Toronto]]
```

Good:

```wikitext
[[File:Toronto map.png|thumb|300px|left|Map of Toronto]]
```
)md",
                         true,
                         "wikilint:no-duplicate"};

// The option's text when it is plain text only (no template, link, comment, tag).
bool plain_option(const Tree& tree, NodeId label) {
  bool plain = true;
  tree.for_each_child(label, [&](NodeId c) {
    if (tree[c].kind != NodeKind::Text) plain = false;
  });
  return plain;
}

}  // namespace

std::unique_ptr<Rule> make_link_image_option_case_rule() {
  return make_rule(kMeta, [](const Article& article, const RuleOptions&, FindingSink& out) {
    const WikiProfile& profile = article.profile();
    if (profile.image_options.empty()) return;
    const Tree& tree = article.tree();
    for (const NodeId id : article.nodes_of(NodeKind::WikiLink)) {
      // The namespace is the text before the first colon, and namespace names are short: a
      // bounded prefix keeps links nested in targets ([[[[[[...]]]]]]) linear.
      const std::string_view target = trim(tree.name(id)).substr(0, 64);
      if (target.empty() || target.front() == ':' || !profile.in_namespace(target, Namespace::File))
        continue;
      // The options, in order; the last is where the caption stands and is not judged.
      std::vector<NodeId> labels;
      tree.for_each_child(id, [&](NodeId c) {
        if (tree[c].kind == NodeKind::LinkLabel) labels.push_back(c);
      });
      for (size_t i = 0; i + 1 < labels.size(); ++i) {
        const NodeId label = labels[i];
        if (!plain_option(tree, label)) continue;
        const std::string_view raw = tree.text(label);
        std::string written;
        if (profile.match_image_option(raw, &written) != WikiProfile::OptionMatch::CaseOnly)
          continue;
        const std::string_view opt = trim(raw);
        const uint32_t begin = tree[label].begin + static_cast<uint32_t>(opt.data() - raw.data());
        const Range r{begin, begin + static_cast<uint32_t>(opt.size())};
        out.report(r,
                   "image option " + quoted(opt) + " is not " + quoted(written) +
                       ": options are case-sensitive, so MediaWiki reads it as caption text",
                   std::string(opt), {},
                   Fix{"write " + quoted(written), {{r.begin, r.end, written}}, false});
      }
    }
  });
}

}  // namespace wikivet
