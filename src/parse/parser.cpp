// PLACEHOLDER: replaced by the real parser (Foundation issue). Makes one Text node.
#include "parse/tree.hpp"

namespace wikivet {

Tree parse(std::string_view text) {
  Tree t(text);
  auto& n = t.mutable_nodes();
  Node root;
  root.kind = NodeKind::Document;
  root.end = static_cast<uint32_t>(text.size());
  n.push_back(root);
  return t;
}

}  // namespace wikivet
