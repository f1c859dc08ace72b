#include "model/node_util.hpp"

#include <algorithm>

#include "model/text_util.hpp"

namespace wikivet::model_detail {

bool is_tag(const Tree& tree, NodeId id, std::string_view name) {
  const Node& n = tree[id];
  return n.kind == NodeKind::ExtensionTag && iequals(tree.name(id), name);
}

bool is_file_link(std::string_view target) {
  target = trim(target);
  if (!target.empty() && target.front() == ':') return false;  // [[:File:x]] is a plain link
  for (std::string_view ns : {"file:", "image:", "category:", "media:"})
    if (istarts_with(target, ns)) return true;
  return false;
}

std::optional<std::string_view> attribute(const Tree& tree, NodeId holder, std::string_view name) {
  if (holder == kNoNode) return std::nullopt;
  std::optional<std::string_view> found;
  tree.for_each_child(holder, [&](NodeId c) {
    if (!found && tree[c].kind == NodeKind::Attribute && iequals(trim(tree.name(c)), name))
      found = tree.value(c);
  });
  return found;
}

int span_value(std::optional<std::string_view> v, int max) {
  if (!v) return 1;
  long long n = 0;
  // Browsers read the leading digits ("2;" or "2 " still mean 2).
  std::string_view s = trim(*v);
  size_t i = 0;
  while (i < s.size() && s[i] >= '0' && s[i] <= '9' && i < 9) ++i;
  if (i == 0 || !parse_uint(s.substr(0, i), n)) return 1;
  if (n == 0) return 0;  // rowspan=0: to the end of the table
  return static_cast<int>(std::min<long long>(n, max));
}

}  // namespace wikivet::model_detail
