#pragma once
// Shared by the parser tests and the fuzzer: structural invariants every parse must satisfy.
#include <string>
#include <string_view>

#include "parse/tree.hpp"

namespace wikivet::testing {

// Empty string when `tree` is well formed for `text`; otherwise what is wrong. Checks: the root
// covers the text; children tile their parent exactly (no gap, no overlap); parent links match;
// ids are in pre-order; the leaves, concatenated, are the text byte for byte; name/value ranges
// lie inside the text.
inline std::string check_tree(const Tree& tree, std::string_view text) {
  if (tree.size() == 0) return "no nodes";
  const Node& root = tree[0];
  if (root.kind != NodeKind::Document || root.begin != 0 || root.end != text.size())
    return "root does not cover the text";
  std::string leaves;
  leaves.reserve(text.size());
  for (NodeId id = 0; id < tree.size(); ++id) {
    const Node& n = tree[id];
    if (n.begin > n.end || n.end > text.size()) return "bad range at node " + std::to_string(id);
    const Range name = tree.name_range(id), value = tree.value_range(id);
    if (name.begin > name.end || name.end > text.size() || value.begin > value.end ||
        value.end > text.size())
      return "bad name/value at node " + std::to_string(id);
    if (id > 0 && (n.parent == kNoNode || n.parent >= id))
      return "not pre-order at node " + std::to_string(id);
    if (tree.first_child(id) == kNoNode) {
      leaves.append(text.substr(n.begin, n.end - n.begin));
      continue;
    }
    uint32_t at = n.begin;
    NodeId expect_next = id + 1;
    for (NodeId c = tree.first_child(id); c != kNoNode; c = tree.next_sibling(c)) {
      if (tree[c].parent != id) return "parent link wrong at node " + std::to_string(c);
      if (tree[c].begin != at) return "gap/overlap before node " + std::to_string(c);
      if (c < expect_next) return "children out of order at node " + std::to_string(c);
      expect_next = c + 1;
      at = tree[c].end;
    }
    if (at != n.end) return "children do not reach the end of node " + std::to_string(id);
  }
  if (leaves != text) return "leaves do not give back the text";
  // Ids are exactly the pre-order numbering of the nodes reachable from the root.
  NodeId expect = 0;
  std::string order_error;
  tree.walk(0, [&](NodeId id) {
    if (id != expect && order_error.empty())
      order_error =
          "node " + std::to_string(id) + " where pre-order expects " + std::to_string(expect);
    ++expect;
    return true;
  });
  if (!order_error.empty()) return order_error;
  if (expect != tree.size()) return "unreachable nodes in the tree";
  return {};
}

}  // namespace wikivet::testing
