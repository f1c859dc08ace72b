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
  // Per node while building: its first and last child (last for appending in O(1)), and its
  // entry in `extras` (kNoNode: none). The next sibling of node i is kept in
  // nodes[i].descendants, which finish() computes only at the end. Dissolving splices these
  // lists. One struct, so that adding a node is two appends, not four. None of it is part of
  // the tree (its nodes are smaller without it): finish() frees it.
  struct Links {
    NodeId first = kNoNode;
    NodeId last = kNoNode;
    uint32_t extra = kNoNode;
  };
  std::vector<Links> links;
  // Name and value ranges, for the nodes that have them, in the order they were set;
  // links[i].extra indexes here. finish() puts them in id order for the tree.
  std::vector<NodeExtra> extras;
  // Set when a node was unlinked (dissolve, kill): finish() must then renumber. Nodes are
  // created in document order (pre-order) and unlinking only removes nodes, so renumbering is
  // one in-place filtering pass; when nothing was unlinked the vector is final as it is.
  bool dirty = false;

  void reserve(size_t n) {
    nodes.reserve(n);
    links.reserve(n);
  }
  NodeId add(NodeKind kind, uint32_t begin, uint32_t end) {
    // Whole values, stored once (no default construction followed by field stores).
    // descendants is the next-sibling link while building.
    nodes.push_back(Node{kind, kNoFlags, 0, begin, end, kNoNode, kNoNode});
    links.push_back(Links{});
    return static_cast<NodeId>(nodes.size() - 1);
  }
  // Drops the node created last (which nothing links to any more).
  void pop_back() {
    nodes.pop_back();
    links.pop_back();
  }
  NodeId& first_child(NodeId id) { return links[id].first; }
  NodeId first_child(NodeId id) const { return links[id].first; }
  NodeId& next_sibling(NodeId id) { return nodes[id].descendants; }
  NodeId next_sibling(NodeId id) const { return nodes[id].descendants; }
  NodeId& last_child(NodeId id) { return links[id].last; }
  NodeExtra& extra(NodeId id) {
    uint32_t& e = links[id].extra;
    if (e == kNoNode) {
      e = static_cast<uint32_t>(extras.size());
      extras.emplace_back();
    }
    return extras[e];
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
    Links& l = links[parent];
    if (l.last == kNoNode)
      l.first = child;
    else
      next_sibling(l.last) = child;
    l.last = child;
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

  // Builds the final tree's node vector (see above) and name/value table: drops dead nodes,
  // fixes parents and counts descendants, in place.
  void finish(Tree& tree);
};

}  // namespace wikivet::parse_detail
