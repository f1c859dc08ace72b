// Sections: the lead and every heading, with the range each one covers.

#include <algorithm>

#include "model/article.hpp"
#include "model/node_util.hpp"
#include "model/text_util.hpp"

namespace wikivet {

using namespace model_detail;

void Article::build_sections() {
  Section lead;
  lead.range = {0, static_cast<uint32_t>(tree_.text().size())};
  sections.push_back(lead);
  // Sections still open, innermost last: a heading closes those of its level and deeper.
  std::vector<size_t> open;
  tree_.for_each_child(tree_.root(), [&](NodeId c) {
    const Node& n = tree_[c];
    if (n.kind != NodeKind::Heading) return;
    Section s;
    s.heading = c;
    s.level = n.level;
    const NodeId title = tree_.child(c, NodeKind::HeadingTitle);
    s.title = plain_text(title != kNoNode ? title : c);
    s.range = {n.begin, lead.range.end};
    while (!open.empty() && sections[open.back()].level >= s.level) {
      sections[open.back()].range.end = n.begin;
      open.pop_back();
    }
    open.push_back(sections.size());
    sections.push_back(std::move(s));
  });
}

}  // namespace wikivet
