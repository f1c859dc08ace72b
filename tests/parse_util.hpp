#pragma once
// Small queries over a parse tree for the parser tests.
#include <algorithm>
#include <ostream>
#include <string>
#include <string_view>
#include <vector>

#include "parse/tree.hpp"
#include "parse_check.hpp"

namespace wikivet {
inline std::ostream& operator<<(std::ostream& os, NodeKind k) {
  return os << to_string(k);
}
}  // namespace wikivet

namespace wikivet::testing {

inline std::vector<NodeId> all_of(const Tree& t, NodeKind kind) {
  std::vector<NodeId> out;
  for (NodeId i = 0; i < t.size(); ++i)
    if (t[i].kind == kind) out.push_back(i);
  return out;
}

inline NodeId first_of(const Tree& t, NodeKind kind) {
  for (NodeId i = 0; i < t.size(); ++i)
    if (t[i].kind == kind) return i;
  return kNoNode;
}

inline std::vector<NodeId> children(const Tree& t, NodeId id) {
  std::vector<NodeId> out;
  t.for_each_child(id, [&](NodeId c) { out.push_back(c); });
  return out;
}

inline std::vector<NodeId> children_of_kind(const Tree& t, NodeId id, NodeKind kind) {
  std::vector<NodeId> out;
  t.for_each_child(id, [&](NodeId c) {
    if (t[c].kind == kind) out.push_back(c);
  });
  return out;
}

inline size_t count_problems(const Tree& t, ProblemKind kind) {
  size_t n = 0;
  for (const Problem& p : t.problems()) n += p.kind == kind;
  return n;
}

// The value of attribute `name` among the Attribute children of `id`, or "<none>".
inline std::string attr(const Tree& t, NodeId id, std::string_view name) {
  std::string out = "<none>";
  t.walk(id, [&](NodeId c) {
    if (t[c].kind == NodeKind::Attribute && t.name(c) == name) out = std::string(t.value(c));
    return true;
  });
  return out;
}

}  // namespace wikivet::testing
