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
  // last[i]: the last child of node i, for appending in O(1). Only the builder needs it: it is
  // not part of the tree (the tree's nodes stay smaller) and is freed by finish().
  std::vector<NodeId> last;
  // Name and value ranges, for the nodes that have them (Node::extra indexes here).
  std::vector<NodeExtra> extras;
  // Set when a node was unlinked (dissolve, kill): finish() must then renumber. Nodes are
  // created in document order (pre-order) and unlinking only removes nodes, so renumbering is
  // one in-place filtering pass; when nothing was unlinked the vector is final as it is.
  bool dirty = false;

  NodeId add(NodeKind kind, uint32_t begin, uint32_t end) {
    Node& n = nodes.emplace_back();
    n.kind = kind;
    n.begin = begin;
    n.end = end;
    last.push_back(kNoNode);
    return static_cast<NodeId>(nodes.size() - 1);
  }
  // Drops the node created last (which nothing links to any more).
  void pop_back() {
    nodes.pop_back();
    last.pop_back();
  }
  NodeId& last_child(NodeId id) { return last[id]; }
  NodeExtra& extra(NodeId id) {
    Node& n = nodes[id];
    if (n.extra == kNoNode) {
      n.extra = static_cast<uint32_t>(extras.size());
      extras.emplace_back();
    }
    return extras[n.extra];
  }
  void set_name(NodeId id, Range r) { extra(id).name = r; }
  void set_value(NodeId id, Range r) { extra(id).value = r; }
  // Marks a node that is no longer reachable (finish() drops it).
  void kill(NodeId id) {
    dead.push_back(id);
    dirty = true;
  }
  std::vector<NodeId> dead;
  void append(NodeId parent, NodeId child) {
    Node& p = nodes[parent];
    nodes[child].parent = parent;
    if (last[parent] == kNoNode)
      p.first_child = child;
    else
      nodes[last[parent]].next_sibling = child;
    last[parent] = child;
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

  // Builds the final node vector (see above) into `out` and the name/value table into
  // `out_extras`; moves the arena when not dirty.
  void finish(std::vector<Node>& out, std::vector<NodeExtra>& out_extras);
};

}  // namespace wikivet::parse_detail
