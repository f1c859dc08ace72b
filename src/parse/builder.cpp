#include "parse/builder.hpp"

namespace wikivet::parse_detail {
namespace {

// Containers whose children are content: their child lists are spliced whole.
bool is_content_container(NodeKind k) {
  switch (k) {
    case NodeKind::TemplateName:
    case NodeKind::ParameterName:
    case NodeKind::ParameterValue:
    case NodeKind::LinkTarget:
    case NodeKind::LinkLabel:
    case NodeKind::HeadingTitle:
      return true;
    default:
      return false;
  }
}

}  // namespace

void Builder::dissolve(NodeId parent, NodeId prev, NodeId node) {
  kill(node);
  // Build the replacement list head..tail: the node's delimiters (now Text) and the content
  // of its containers, spliced as whole lists so that the cost does not depend on how much
  // content there is (dissolving N nested frames stays O(N)). A Parameter holds a name, '='
  // and a value: its direct children are walked the same way (one level).
  NodeId head = kNoNode, tail = kNoNode;
  auto link = [&](NodeId first, NodeId last) {
    if (first == kNoNode) return;
    if (tail == kNoNode)
      head = first;
    else
      nodes[tail].next_sibling = first;
    tail = last;
  };
  auto take = [&](NodeId c, auto& self) -> void {
    const NodeKind k = nodes[c].kind;
    if (is_content_container(k)) {
      kill(c);
      link(nodes[c].first_child, last[c]);
    } else if (k == NodeKind::Parameter) {
      kill(c);
      for (NodeId g = nodes[c].first_child; g != kNoNode;) {
        const NodeId next = nodes[g].next_sibling;
        self(g, self);
        g = next;
      }
    } else {
      if (k == NodeKind::Syntax) nodes[c].kind = NodeKind::Text;
      link(c, c);
    }
  };
  for (NodeId c = nodes[node].first_child; c != kNoNode;) {
    const NodeId next = nodes[c].next_sibling;
    take(c, take);
    c = next;
  }
  if (tail != kNoNode) nodes[tail].next_sibling = kNoNode;
  Node& p = nodes[parent];
  if (head == kNoNode) {  // nothing to keep: unlink the node
    if (prev == kNoNode)
      p.first_child = kNoNode;
    else
      nodes[prev].next_sibling = kNoNode;
    last[parent] = prev;
    return;
  }
  if (prev == kNoNode)
    p.first_child = head;
  else
    nodes[prev].next_sibling = head;
  last[parent] = tail;
}

void Builder::finish(std::vector<Node>& out, std::vector<NodeExtra>& out_extras) {
  if (dirty) {
    const NodeId n = static_cast<NodeId>(nodes.size());
    std::vector<uint8_t> is_dead(n, 0);
    for (NodeId d : dead) is_dead[d] = 1;
    // map[i]: the new id of a live node; for a dead node, the live (old) node that took its
    // place as parent of its former children. Parents precede children: one forward pass.
    std::vector<NodeId> map = std::move(last);  // last_child links are not needed any more
    map.assign(n, kNoNode);
    NodeId next = 0;
    for (NodeId i = 0; i < n; ++i) {
      const NodeId p = nodes[i].parent;
      const NodeId live_parent = (p != kNoNode && is_dead[p]) ? map[p] : p;
      map[i] = is_dead[i] ? live_parent : next++;
    }
    auto remap = [&](NodeId id) { return id == kNoNode ? kNoNode : map[id]; };
    for (NodeId i = 0; i < n; ++i) {
      if (is_dead[i]) continue;
      Node node = nodes[i];
      const NodeId p = node.parent;
      node.parent = p == kNoNode ? kNoNode : map[is_dead[p] ? map[p] : p];
      node.first_child = remap(node.first_child);
      node.next_sibling = remap(node.next_sibling);
      nodes[map[i]] = node;  // map[i] <= i: the slot was already read
    }
    nodes.resize(next);
  }
  last = {};
  out = std::move(nodes);
  out_extras = std::move(extras);
}

}  // namespace wikivet::parse_detail
