#pragma once
// One scan of a page's text for the characters a reader cannot see or that should not be there
// (invisible, bidi and control characters, U+FFFD), shared by the markup-* rules. It reads the
// text the tree leaves hold, skipping comments and the content of raw extension tags (nowiki,
// pre, math, syntaxhighlight, source, score, ...): what is inside those is code or an example,
// not prose, and a character there is kept on purpose.
#include <cstdint>
#include <functional>
#include <string_view>

#include "parse/tree.hpp"

namespace wikivet {

struct SpecialChar {
  uint32_t offset = 0;    // byte offset into the tree's text
  uint32_t length = 0;    // bytes of its UTF-8 sequence (1 for a control byte)
  char32_t cp = 0;        // the code point; 0xFFFD only for the bytes EF BF BD themselves
  NodeId leaf = kNoNode;  // the tree leaf that holds it (for asking where it stands)
};

// Calls f for every code point outside ASCII's printable range (controls, DEL, and every
// non-ASCII code point; tab, newline and carriage return are not reported), in text order.
// Malformed UTF-8 is skipped byte by byte. Linear in the text.
void for_each_special_char(const Tree& tree, const std::function<void(const SpecialChar&)>& f);

// The code point that ends just before `offset` / starts at `offset` in `text` (0 at either
// end of the text), for looking at a character's neighbours.
char32_t code_point_before(std::string_view text, uint32_t offset);
char32_t code_point_at(std::string_view text, uint32_t offset);

// Letters of the right-to-left scripts (Hebrew, Arabic, Syriac, Thaana, N'Ko, Samaritan,
// Mandaic, and their presentation forms).
bool is_rtl_letter(char32_t cp);

}  // namespace wikivet
