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
  // Child lists while building: first[i] and last[i] are the first and last child of node i
  // (last for appending in O(1)), and the next sibling of node i is kept in
  // nodes[i].descendants, which finish() computes only at the end. Dissolving splices these
  // lists. None of them is part of the tree (its nodes are smaller without them): finish()
  // frees them.
  std::vector<NodeId> first;
  std::vector<NodeId> last;
  // Name and value ranges, for the nodes that have them (Node::extra indexes here).
  std::vector<NodeExtra> extras;
  // Set when a node was unlinked (dissolve, kill): finish() must then renumber. Nodes are
  // created in document order (pre-order) and unlinking only removes nodes, so renumbering is
  // one in-place filtering pass; when nothing was unlinked the vector is final as it is.
  bool dirty = false;

  void reserve(size_t n) {
    nodes.reserve(n);
    first.reserve(n);
    last.reserve(n);
  }
  NodeId add(NodeKind kind, uint32_t begin, uint32_t end) {
    Node& n = nodes.emplace_back();
    n.kind = kind;
    n.begin = begin;
    n.end = end;
    n.descendants = kNoNode;  // the next-sibling link while building
    first.push_back(kNoNode);
    last.push_back(kNoNode);
    return static_cast<NodeId>(nodes.size() - 1);
  }
  // Drops the node created last (which nothing links to any more).
  void pop_back() {
    nodes.pop_back();
    first.pop_back();
    last.pop_back();
  }
  NodeId& first_child(NodeId id) { return first[id]; }
  NodeId first_child(NodeId id) const { return first[id]; }
  NodeId& next_sibling(NodeId id) { return nodes[id].descendants; }
  NodeId next_sibling(NodeId id) const { return nodes[id].descendants; }
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
    nodes[child].parent = parent;
    if (last[parent] == kNoNode)
      first[parent] = child;
    else
      next_sibling(last[parent]) = child;
    last[parent] = child;
  }
  NodeId add_child(NodeId parent, NodeKind kind, uint32_t begin, uint32_t end) {
    const NodeId id = add(kind, begin, end);
    append(parent, id);
    return id;
  }
  Node& operator[](NodeId id) { return nodes[id]; }
  const Node& operator[](NodeId id) const { return nodes[id]; }

  // Replaces `node` (the last child of `parent`, preceded by sibling `prev` or first when
  // kNoNode) by its children. Children whose kind is a container (names, values, labels,
  // titles, parameters) are flattened the same way; Syntax leaves become Text. Cost: the
  // number of direct children and containers, not the size of the subtree.
  void dissolve(NodeId parent, NodeId prev, NodeId node);

  // Builds the final node vector (see above) into `out` and the name/value table into
  // `out_extras`: drops dead nodes, fixes parents and counts descendants, in place.
  void finish(std::vector<Node>& out, std::vector<NodeExtra>& out_extras);
};

}  // namespace wikivet::parse_detail
