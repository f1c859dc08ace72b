#pragma once
// Node arena for the parser. Children are appended through last_child links in O(1); a frame
// that turns out to be unclosed is dissolved by splicing its child list into its parent, also
// O(1) per part (parent links are fixed once, at the end). finish() drops the nodes that
// dissolving left unreachable, renumbers the rest (their order is already pre-order) and fixes
// parent links. Adjacent Text leaves may remain (e.g. an opener that became text).
#include <string_view>
#include <vector>

#include "parse/tree.hpp"

namespace wikivet::parse_detail {

class Builder {
 public:
  std::vector<Node> nodes;
  // Set when a node was unlinked (dissolve, kill): finish() must then renumber. Nodes are
  // created in document order (pre-order) and unlinking only removes nodes, so renumbering is
  // one in-place filtering pass; when nothing was unlinked the vector is final as it is.
  bool dirty = false;

  NodeId add(NodeKind kind, uint32_t begin, uint32_t end) {
    Node& n = nodes.emplace_back();
    n.kind = kind;
    n.begin = begin;
    n.end = end;
    return static_cast<NodeId>(nodes.size() - 1);
  }
  // Marks a node that is no longer reachable (finish() drops it).
  void kill(NodeId id) {
    dead.push_back(id);
    dirty = true;
  }
  std::vector<NodeId> dead;
  void append(NodeId parent, NodeId child) {
    Node& p = nodes[parent];
    nodes[child].parent = parent;
    if (p.last_child == kNoNode)
      p.first_child = child;
    else
      nodes[p.last_child].next_sibling = child;
    p.last_child = child;
  }
  NodeId add_child(NodeId parent, NodeKind kind, uint32_t begin, uint32_t end) {
    const NodeId id = add(kind, begin, end);
    append(parent, id);
    return id;
  }
  Node& operator[](NodeId id) { return nodes[id]; }

  // Replaces `node` (the last child of `parent`, preceded by sibling `prev` or first when
  // kNoNode) by its children. Children whose kind is a container (names, values, labels,
  // titles, parameters) are flattened the same way; Syntax leaves become Text. Cost: the
  // number of direct children and containers, not the size of the subtree.
  void dissolve(NodeId parent, NodeId prev, NodeId node);

  // Builds the final node vector (see above) into `out`; moves the arena when not dirty.
  void finish(std::vector<Node>& out);
};

}  // namespace wikivet::parse_detail
