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
      link(links[c].first, links[c].last);
    } else if (k == NodeKind::Parameter) {
      kill(c);
      for (NodeId g = links[c].first; g != kNoNode;) {
        const NodeId next = next_sibling(g);
        self(g, self);
        g = next;
      }
    } else {
      if (k == NodeKind::Syntax) nodes[c].kind = NodeKind::Text;
      link(c, c);
    }
  };
  for (NodeId c = links[node].first; c != kNoNode;) {
    const NodeId next = next_sibling(c);
    take(c, take);
    c = next;
  }
  if (tail != kNoNode) next_sibling(tail) = kNoNode;
  if (head == kNoNode) {  // nothing to keep: unlink the node
    if (prev == kNoNode)
      links[parent].first = kNoNode;
    else
      next_sibling(prev) = kNoNode;
    links[parent].last = prev;
    return;
  }
  if (prev == kNoNode)
    links[parent].first = head;
  else
    next_sibling(prev) = head;
  links[parent].last = tail;
}

void Builder::finish(Tree& tree) {
  // The child lists are not needed any more: the order of the ids and the parent links say
  // everything (a node's children are the later nodes that name it as parent, in id order).
  // Renumbering reuses their slots, so it allocates nothing: links[i].last marks dead nodes
  // and links[i].first holds map[i], the new id of a live node or, for a dead one, the live
  // (old) node that took its place as parent of its former children.
  const NodeId n = static_cast<NodeId>(nodes.size());
  if (dirty) {
    for (Links& l : links) l.last = 0;
    for (NodeId d : dead) links[d].last = 1;
    dead = {};
    auto is_dead = [this](NodeId i) { return links[i].last != 0; };
    // Parents precede children, so one forward pass finds every parent's new id before its
    // children need it, and moves each live node to its new slot (never after its old one).
    NodeId next = 0;
    for (NodeId i = 0; i < n; ++i) {
      Node node = nodes[i];
      const NodeId p = node.parent;
      const NodeId live_parent = (p != kNoNode && is_dead(p)) ? links[p].first : p;
      if (is_dead(i)) {
        links[i].first = live_parent;
        continue;
      }
      const NodeId to = next++;
      links[i].first = to;
      node.parent = live_parent == kNoNode ? kNoNode : links[live_parent].first;
      node.descendants = 0;  // counted below
      nodes[to] = node;
      links[to].extra = links[i].extra;  // only .extra: .first and .last of `to` are still read
    }
    nodes.resize(next);
  } else {
    for (Node& node : nodes) node.descendants = 0;  // the sibling links: counted below
  }
  const size_t live = nodes.size();
  // Descendant counts, children before parents (a child's id is greater than its parent's).
  for (size_t i = live; i-- > 1;) nodes[nodes[i].parent].descendants += nodes[i].descendants + 1;
  // The name/value table in id order, a bit per node that has an entry, and per 64 nodes the
  // number of entries before them (see Tree::extra_index).
  const size_t words = live / 64 + 1;
  std::vector<uint64_t>& bits = tree.mutable_has_extra();
  std::vector<uint32_t>& ranks = tree.mutable_extra_rank();
  bits.assign(words, 0);
  ranks.assign(words, 0);
  size_t used = 0;
  for (size_t i = 0; i < live; ++i) used += links[i].extra != kNoNode;
  std::vector<NodeExtra>& out = tree.mutable_extras();
  out.clear();
  out.reserve(used);
  for (size_t i = 0; i < live; ++i) {
    if (i % 64 == 0) ranks[i / 64] = static_cast<uint32_t>(out.size());
    const uint32_t e = links[i].extra;
    if (e == kNoNode) continue;
    bits[i / 64] |= uint64_t{1} << (i % 64);
    out.push_back(extras[e]);
  }
  links = {};
  extras = {};
  tree.mutable_nodes() = std::move(nodes);
}

}  // namespace wikivet::parse_detail
