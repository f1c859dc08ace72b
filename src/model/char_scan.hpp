#pragma once
// One scan of a page's text for the characters a reader cannot see or that should not be there
// (invisible, bidi and control characters, U+FFFD), shared by the markup-* rules. It reads the
// text the tree leaves hold, skipping comments and the content of raw extension tags (nowiki,
// pre, math, syntaxhighlight, source, score, ...): what is inside those is code or an example,
// not prose, and a character there is kept on purpose.
#include <cstdint>
#include <string_view>
#include <vector>

#include "parse/tree.hpp"

namespace wikivet {

struct SpecialChar {
  uint32_t offset = 0;    // byte offset into the tree's text
  uint32_t length = 0;    // bytes of its UTF-8 sequence (1 for a control byte)
  char32_t cp = 0;        // the code point; 0xFFFD only for the bytes EF BF BD themselves
  NodeId leaf = kNoNode;  // the tree leaf that holds it (for asking where it stands)
};

// The code points some markup-* rule reports: C0 controls other than tab, newline and carriage
// return, DEL and the C1 controls, the invisible characters (soft hyphen, zero-width space,
// non-joiner and joiner, word joiner, BOM), the bidi controls and marks, and U+FFFD.
bool is_special_char(char32_t cp);

// Every special character (is_special_char) of the page, in text order: one scan shared by
// the markup rules, built with the article. Bytes that cannot start one are stepped over
// without decoding (a 256-entry table), so a page in a non-Latin script costs one pass over
// its bytes, not a decode and a call per character.
std::vector<SpecialChar> scan_special_chars(const Tree& tree);

// The code point that ends just before `offset` / starts at `offset` in `text` (0 at either
// end of the text), for looking at a character's neighbours.
char32_t code_point_before(std::string_view text, uint32_t offset);
char32_t code_point_at(std::string_view text, uint32_t offset);

// Letters of the right-to-left scripts (Hebrew, Arabic, Syriac, Thaana, N'Ko, Samaritan,
// Mandaic, and their presentation forms).
bool is_rtl_letter(char32_t cp);

}  // namespace wikivet
