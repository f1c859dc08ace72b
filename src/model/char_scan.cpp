#include "model/char_scan.hpp"

#include "model/text_util.hpp"
#include "parse/scan.hpp"
#include "parse/tags.hpp"

namespace wikivet {

namespace {

// The bytes where a special character can start: the control bytes and the four UTF-8 lead
// bytes of the ranges that hold the others: C2 (U+0080..U+00BF: C1 controls, soft hyphen), D8
// (U+061C), E2 (U+2000..U+2FFF: zero-width characters, bidi controls, word joiner) and EF
// (U+F000..U+FFFF: BOM, U+FFFD). Every other byte is stepped over without decoding (64 at a
// time, parse/scan.hpp): a continuation byte never is one of these, so inside a well-formed
// sequence the scan never stops, and after a malformed one it finds the next character where a
// decoder that skips one bad byte at a time would.
constexpr std::string_view kCandidateBytes{
    "\x00\x01\x02\x03\x04\x05\x06\x07\x08\x0B\x0C\x0E\x0F\x10\x11\x12\x13\x14\x15\x16\x17\x18"
    "\x19\x1A\x1B\x1C\x1D\x1E\x1F\x7F\xC2\xD8\xE2\xEF",
    34};
constexpr parse_detail::ByteSet kCandidates{kCandidateBytes};

void scan_leaf_special(std::string_view text, parse_detail::StopCursor& stops, NodeId leaf, Range r,
                       std::vector<SpecialChar>& out) {
  const auto* bytes = reinterpret_cast<const unsigned char*>(text.data());
  for (uint32_t i = stops.next(r.begin, r.end); i < r.end; i = stops.next(i + 1, r.end)) {
    const unsigned char b = bytes[i];
    if (b < 0x80) {
      out.push_back({i, 1, static_cast<char32_t>(b), leaf});
      continue;
    }
    const size_t len = utf8_length(b);
    if (i + len > r.end) continue;  // truncated: the bytes after it are read on their own
    const char32_t cp = utf8_decode(text, i, len);
    const bool real_fffd = len == 3 && b == 0xEF && bytes[i + 1] == 0xBF && bytes[i + 2] == 0xBD;
    if (cp == 0xFFFD && !real_fffd) continue;  // malformed: not a character of the page
    if (is_special_char(cp)) out.push_back({i, static_cast<uint32_t>(len), cp, leaf});
    i += static_cast<uint32_t>(len) - 1;
  }
}

bool scanned_node(const Tree& tree, NodeId id) {
  const Node& n = tree[id];
  if (n.kind == NodeKind::Comment) return false;
  if (n.kind == NodeKind::ExtensionTag) {
    const auto info = parse_detail::find_ext_tag(tree.name(id));
    if (info.id >= 0 && info.content == parse_detail::ExtContent::Raw) return false;
  }
  return true;
}

}  // namespace

bool is_special_char(char32_t cp) {
  if (cp < 0x20) return cp != '\t' && cp != '\n' && cp != '\r';
  if (cp >= 0x7F && cp <= 0x9F) return true;
  switch (cp) {
    case 0x00AD:  // soft hyphen
    case 0x061C:  // Arabic letter mark
    case 0x200B:  // zero-width space, non-joiner, joiner, LRM, RLM
    case 0x200C:
    case 0x200D:
    case 0x200E:
    case 0x200F:
    case 0x202A:  // embeddings and overrides
    case 0x202B:
    case 0x202C:
    case 0x202D:
    case 0x202E:
    case 0x2060:  // word joiner
    case 0x2066:  // isolates
    case 0x2067:
    case 0x2068:
    case 0x2069:
    case 0xFEFF:  // BOM
    case 0xFFFD:  // replacement character
      return true;
    default:
      return false;
  }
}

std::vector<SpecialChar> scan_special_chars(const Tree& tree) {
  std::vector<SpecialChar> out;
  const std::string_view text = tree.text();
  parse_detail::StopCursor stops(kCandidates, text);
  // Children tile their parent and the walk meets nodes in document order, so a subtree whose
  // bytes hold no candidate byte is passed over whole: most of a page in Latin script is. The
  // next candidate at or after a node's start is remembered and looked up again only once the
  // walk has passed it, so the bytes are searched once in all, however deep the nesting.
  uint32_t next_stop = 0;
  bool stop_known = false;
  tree.walk(tree.root(), [&](NodeId id) {
    if (!scanned_node(tree, id)) return false;
    const Node& n = tree[id];
    if (n.is_leaf()) {
      scan_leaf_special(text, stops, id, n.range(), out);
      return true;
    }
    if (!stop_known || next_stop < n.begin) {
      next_stop = stops.next(n.begin, static_cast<uint32_t>(text.size()));
      stop_known = true;
    }
    return next_stop < n.end;
  });
  return out;
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
