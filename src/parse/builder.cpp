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
      next_sibling(tail) = first;
    tail = last;
  };
  auto take = [&](NodeId c, auto& self) -> void {
    const NodeKind k = nodes[c].kind;
    if (is_content_container(k)) {
      kill(c);
      link(first[c], last[c]);
    } else if (k == NodeKind::Parameter) {
      kill(c);
      for (NodeId g = first[c]; g != kNoNode;) {
        const NodeId next = next_sibling(g);
        self(g, self);
        g = next;
      }
    } else {
      if (k == NodeKind::Syntax) nodes[c].kind = NodeKind::Text;
      link(c, c);
    }
  };
  for (NodeId c = first[node]; c != kNoNode;) {
    const NodeId next = next_sibling(c);
    take(c, take);
    c = next;
  }
  if (tail != kNoNode) next_sibling(tail) = kNoNode;
  if (head == kNoNode) {  // nothing to keep: unlink the node
    if (prev == kNoNode)
      first[parent] = kNoNode;
    else
      next_sibling(prev) = kNoNode;
    last[parent] = prev;
    return;
  }
  if (prev == kNoNode)
    first[parent] = head;
  else
    next_sibling(prev) = head;
  last[parent] = tail;
}

void Builder::finish(std::vector<Node>& out, std::vector<NodeExtra>& out_extras) {
  // The child lists are not needed any more: the order of the ids and the parent links say
  // everything (a node's children are the later nodes that name it as parent, in id order).
  first = {};
  if (dirty) {
    const NodeId n = static_cast<NodeId>(nodes.size());
    std::vector<uint8_t> is_dead(n, 0);
    for (NodeId d : dead) is_dead[d] = 1;
    dead = {};
    // map[i]: the new id of a live node; for a dead node, the live (old) node that took its
    // place as parent of its former children. Parents precede children: one forward pass.
    std::vector<NodeId> map = std::move(last);
    map.assign(n, kNoNode);
    NodeId next = 0;
    for (NodeId i = 0; i < n; ++i) {
      const NodeId p = nodes[i].parent;
      const NodeId live_parent = (p != kNoNode && is_dead[p]) ? map[p] : p;
      map[i] = is_dead[i] ? live_parent : next++;
    }
    for (NodeId i = 0; i < n; ++i) {
      if (is_dead[i]) continue;
      Node node = nodes[i];
      const NodeId p = node.parent;
      node.parent = p == kNoNode ? kNoNode : map[is_dead[p] ? map[p] : p];
      nodes[map[i]] = node;  // map[i] <= i: the slot was already read
    }
    nodes.resize(next);
  }
  last = {};
  // Descendant counts, children before parents (a child's id is greater than its parent's).
  for (Node& node : nodes) node.descendants = 0;
  for (size_t i = nodes.size(); i-- > 1;)
    nodes[nodes[i].parent].descendants += nodes[i].descendants + 1;
  out = std::move(nodes);
  out_extras = std::move(extras);
}

}  // namespace wikivet::parse_detail
