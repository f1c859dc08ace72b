#include "model/element_ids.hpp"

namespace wikivet {

namespace {

bool is_id_name(std::string_view n) {
  return n.size() == 2 && (n[0] == 'i' || n[0] == 'I') && (n[1] == 'd' || n[1] == 'D');
}

bool is_space(char c) {
  return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f';
}

// The sanitized id, or "" when it cannot be told or is empty.
std::string read_id(std::string_view v) {
  std::string out;
  bool pending_space = false;
  for (const char c : v) {
    // A template, a comment or tag, a character reference: the value is not what is written.
    if (c == '{' || c == '<' || c == '&') return {};
    if (is_space(c)) {
      pending_space = !out.empty();
      continue;
    }
    if (pending_space) out += '_';
    pending_space = false;
    out += c;
  }
  return out;
}

}  // namespace

std::vector<ElementId> element_ids(const Tree& tree) {
  std::vector<ElementId> out;
  // The last id attribute of the element being read, so that only it counts.
  NodeId holder = kNoNode;
  bool holder_counted = false;
  tree.walk(tree.root(), [&](NodeId id) {
    const Node& n = tree[id];
    switch (n.kind) {
      case NodeKind::Template:
      case NodeKind::ParserFunction:
      case NodeKind::TemplateArgument:
      case NodeKind::Comment:
        return false;
      case NodeKind::TagOpen:  // an extension tag's own attributes are not HTML ids
        return false;
      case NodeKind::HtmlTag:
        return !n.has(kClosing);
      case NodeKind::Attribute: {
        if (!is_id_name(tree.name(id))) return false;
        const NodeKind parent = tree[n.parent].kind;
        if (parent != NodeKind::HtmlTag && parent != NodeKind::TableAttributes) return false;
        std::string v = read_id(tree.value(id));
        // The same element writes id again: the later one replaces the earlier.
        if (holder == n.parent && holder_counted) out.pop_back();
        holder = n.parent;
        holder_counted = !v.empty();
        if (holder_counted) out.push_back({id, std::move(v)});
        return false;
      }
      default:
        return true;
    }
  });
  return out;
}

}  // namespace wikivet
