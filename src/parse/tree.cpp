// PLACEHOLDER: replaced with the parser.
#include "parse/tree.hpp"

namespace wikivet {
std::string dump_tree(const Tree&) {
  return {};
}
NodeId Tree::child(NodeId id, NodeKind kind) const {
  for (NodeId c = nodes_[id].first_child; c != kNoNode; c = nodes_[c].next_sibling)
    if (nodes_[c].kind == kind) return c;
  return kNoNode;
}
NodeId Tree::ancestor(NodeId id, NodeKind kind) const {
  for (NodeId p = nodes_[id].parent; p != kNoNode; p = nodes_[p].parent)
    if (nodes_[p].kind == kind) return p;
  return kNoNode;
}
std::string normalize_title(std::string_view name) {
  return std::string(name);
}
}  // namespace wikivet
