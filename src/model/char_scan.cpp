#include "model/char_scan.hpp"

#include "model/text_util.hpp"
#include "parse/tags.hpp"

namespace wikivet {

namespace {

void scan_leaf(std::string_view text, NodeId leaf, Range r,
               const std::function<void(const SpecialChar&)>& f) {
  for (uint32_t i = r.begin; i < r.end;) {
    const auto b = static_cast<unsigned char>(text[i]);
    if (b >= 0x20 && b < 0x7F) {
      ++i;
      continue;
    }
    if (b < 0x80) {
      if (b != '\t' && b != '\n' && b != '\r') f({i, 1, static_cast<char32_t>(b), leaf});
      ++i;
      continue;
    }
    const size_t len = utf8_length(b);
    if (len < 2 || i + len > r.end) {
      ++i;
      continue;
    }
    const char32_t cp = utf8_decode(text, i, len);
    const bool real_fffd = len == 3 && b == 0xEF &&
                           static_cast<unsigned char>(text[i + 1]) == 0xBF &&
                           static_cast<unsigned char>(text[i + 2]) == 0xBD;
    if (cp == 0xFFFD && !real_fffd) {  // malformed: not a character of the page
      ++i;
      continue;
    }
    f({i, static_cast<uint32_t>(len), cp, leaf});
    i += static_cast<uint32_t>(len);
  }
}

}  // namespace

void for_each_special_char(const Tree& tree, const std::function<void(const SpecialChar&)>& f) {
  const std::string_view text = tree.text();
  tree.walk(tree.root(), [&](NodeId id) {
    const Node& n = tree[id];
    if (n.kind == NodeKind::Comment) return false;
    if (n.kind == NodeKind::ExtensionTag) {
      const auto info = parse_detail::find_ext_tag(tree.name(id));
      if (info.id >= 0 && info.content == parse_detail::ExtContent::Raw) return false;
    }
    if (n.is_leaf()) scan_leaf(text, id, n.range(), f);
    return true;
  });
}

char32_t code_point_before(std::string_view text, uint32_t offset) {
  if (offset == 0) return 0;
  uint32_t i = offset - 1;
  // Back over at most three continuation bytes to the lead byte.
  for (int k = 0; k < 3 && i > 0 && (static_cast<unsigned char>(text[i]) & 0xC0) == 0x80; ++k) --i;
  const size_t len = utf8_length(static_cast<unsigned char>(text[i]));
  if (i + len != offset) return static_cast<unsigned char>(text[offset - 1]);
  return utf8_decode(text, i, len);
}

char32_t code_point_at(std::string_view text, uint32_t offset) {
  if (offset >= text.size()) return 0;
  const size_t len = utf8_length(static_cast<unsigned char>(text[offset]));
  if (offset + len > text.size()) return static_cast<unsigned char>(text[offset]);
  return utf8_decode(text, offset, len);
}

bool is_rtl_letter(char32_t cp) {
  return (cp >= 0x0590 && cp <= 0x08FF) || (cp >= 0xFB1D && cp <= 0xFDFF) ||
         (cp >= 0xFE70 && cp <= 0xFEFE) || (cp >= 0x10800 && cp <= 0x10FFF) ||
         (cp >= 0x1E800 && cp <= 0x1EFFF);
}

}  // namespace wikivet
