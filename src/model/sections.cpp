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
  find_empty_last_heading();
  find_foreign_categories();
}

namespace {

// "sv", "zh-min-nan", "simple": the prefix of an interlanguage link, not of a namespace.
bool looks_like_language_prefix(std::string_view p) {
  if (p == "simple") return true;
  if (p.size() < 2 || p.size() > 12) return false;
  for (char c : p)
    if (!((c >= 'a' && c <= 'z') || c == '-')) return false;
  return p.size() <= 3 || p.find('-') != std::string_view::npos;
}

// [[sv:Statoil]]: a link to the page in another language, shown beside the page, not in it.
bool is_language_link(std::string_view target) {
  const size_t colon = target.find(':');
  return colon != std::string_view::npos && colon > 0 &&
         looks_like_language_prefix(trim(target.substr(0, colon)));
}

}  // namespace

void Article::find_empty_last_heading() {
  NodeId last = kNoNode;
  bool empty = false;
  tree_.for_each_child(tree_.root(), [&](NodeId c) {
    const Node& n = tree_[c];
    if (n.kind == NodeKind::Heading) {
      last = c;
      empty = true;
      return;
    }
    if (!empty) return;
    switch (n.kind) {
      case NodeKind::Comment:
      case NodeKind::BehaviorSwitch:
        return;
      case NodeKind::Text:
        if (trim(tree_.text(c)).empty()) return;
        break;
      case NodeKind::WikiLink:
        if (profile_->in_namespace(tree_.name(c), Namespace::Category) ||
            is_language_link(trim(tree_.name(c))))
          return;
        break;
      case NodeKind::ParserFunction:
        if (iequals(tree_.name(c), "DEFAULTSORT")) return;
        break;
      default:
        break;
    }
    empty = false;
  });
  empty_last_heading = empty ? last : kNoNode;
}

void Article::find_foreign_categories() {
  bool own = false, other = false;
  tree_.for_each_child(tree_.root(), [&](NodeId c) {
    if (tree_[c].kind != NodeKind::WikiLink) return;
    const std::string_view target = trim(tree_.name(c));
    if (profile_->in_namespace(target, Namespace::Category)) {
      own = true;
      return;
    }
    // Only a link standing at the start of a line: where category links stand.
    const uint32_t b = tree_[c].begin;
    if (b > 0 && tree_.text()[b - 1] != '\n') return;
    const size_t colon = target.find(':');
    if (colon == std::string_view::npos || colon == 0 || is_language_link(target)) return;
    if (profile_->is_file_link(target) || profile_->in_namespace(target, Namespace::Template))
      return;
    other = true;
  });
  foreign_categories = other && !own;
}

const std::vector<NodeId>& Article::page_headings() const {
  if (page_headings_) return *page_headings_;
  std::vector<NodeId>& out = page_headings_.emplace();
  tree_.walk(tree_.root(), [&](NodeId id) {
    const NodeKind k = tree_[id].kind;
    // What a template, an argument or a tag makes of its content is not the page's outline.
    if (k == NodeKind::Template || k == NodeKind::ParserFunction ||
        k == NodeKind::TemplateArgument || k == NodeKind::ExtensionTag)
      return false;
    if (k == NodeKind::Heading) {
      out.push_back(id);
      return false;
    }
    return true;
  });
  return out;
}

}  // namespace wikivet
