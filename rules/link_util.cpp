#include "rules/link_util.hpp"

#include "parse/tags.hpp"

namespace wikivet {

uint32_t url_scheme_at(std::string_view text, uint32_t i, bool relative) {
  return parse_detail::url_scheme_length(text, i, relative);
}

uint32_t slash_scheme_at(std::string_view text, uint32_t i) {
  const uint32_t n = url_scheme_at(text, i, false);
  if (n < 3 || text.substr(i + n - 3, 3) != "://") return 0;
  return n;
}

bool in_raw_tag(const Tree& tree, NodeId text_leaf) {
  const NodeId content = tree[text_leaf].parent;
  if (content == kNoNode || tree[content].kind != NodeKind::TagContent) return false;
  const NodeId tag = tree[content].parent;
  return parse_detail::find_ext_tag(tree.name(tag)).content == parse_detail::ExtContent::Raw;
}

size_t next_bare_close(std::string_view text, const std::vector<bool>& closers, size_t from,
                       size_t eol) {
  const std::string_view upto = text.substr(0, eol);
  size_t p = upto.find(']', from);
  while (p != std::string_view::npos && !closers.empty() && closers[p]) p = upto.find(']', p + 1);
  return p;
}

}  // namespace wikivet
