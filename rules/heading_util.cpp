#include "rules/heading_util.hpp"

#include <string_view>

namespace wikivet {

namespace {

bool opaque_kind(NodeKind k) {
  return k == NodeKind::Template || k == NodeKind::ParserFunction ||
         k == NodeKind::TemplateArgument;
}

bool apostrophes_only(std::string_view s) {
  return s.size() >= 2 && s.find_first_not_of('\'') == std::string_view::npos;
}

bool blank(std::string_view s) {
  return s.find_first_not_of(" \t") == std::string_view::npos;
}

}  // namespace

TitleQuotes title_quotes(const Tree& tree, NodeId title) {
  TitleQuotes q;
  tree.walk(title, [&](NodeId id) {
    const Node& n = tree[id];
    if (opaque_kind(n.kind)) {
      q.opaque = true;
      return false;
    }
    // A <ref> in a heading is cut out of the line before doQuotes runs.
    if (n.kind == NodeKind::ExtensionTag) return false;
    if (n.kind != NodeKind::Syntax || !apostrophes_only(tree.text(id))) return true;
    const size_t len = n.end - n.begin;
    if (len == 2) ++q.italic;
    if (len == 3) {
      ++q.bold;
      q.bold_runs.push_back(id);
    }
    if (len >= 4) q.opaque = true;
    return true;
  });
  return q;
}

Range title_core(const Tree& tree, NodeId title) {
  NodeId first = tree.first_child(title), last = kNoNode;
  // Children in order; find the first and last that are neither blank text nor comments.
  Range r{tree[title].end, tree[title].end};
  bool found = false;
  for (NodeId c = first; c != kNoNode; c = tree.next_sibling(c)) {
    const Node& n = tree[c];
    if (n.kind == NodeKind::Comment) continue;
    if (n.kind == NodeKind::Text && blank(tree.text(c))) continue;
    if (!found) r.begin = n.begin;
    found = true;
    last = c;
  }
  if (!found) return {tree[title].begin, tree[title].begin};
  r.end = tree[last].end;
  // Trim spaces inside the first and last Text leaves.
  std::string_view t = tree.text();
  while (r.begin < r.end && (t[r.begin] == ' ' || t[r.begin] == '\t')) ++r.begin;
  while (r.end > r.begin && (t[r.end - 1] == ' ' || t[r.end - 1] == '\t')) --r.end;
  return r;
}

}  // namespace wikivet
