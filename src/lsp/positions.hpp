#pragma once
// LSP positions: a 0-based line and a 0-based character offset counted in UTF-16 code units,
// as the protocol requires by default (the CLI and SARIF count code points; see
// core/source.hpp). Lines end at "\n", "\r\n" or a lone "\r", as the protocol says.
//
// Ill-formed UTF-8 (a client may send it from a file that is not valid UTF-8) counts one unit
// per byte, the width of the U+FFFD that an editor shows for it; a 4-byte sequence (a
// character outside the Basic Multilingual Plane) counts two units, a surrogate pair.
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace wikivet::lsp {

struct Position {
  uint32_t line = 0;
  uint32_t character = 0;
  bool operator==(const Position&) const = default;
};

// Byte offset -> Position for one text, built once per checked version. Queries cost a binary
// search and a scan of at most kBlock bytes, so a 5 MB page on one line stays cheap.
class PositionIndex {
 public:
  explicit PositionIndex(std::string_view text);
  // An offset inside a multi-byte character or inside "\r\n" counts as the position of the
  // character it belongs to. Offsets past the end give the end.
  Position at(size_t offset) const;

 private:
  std::string_view text_;
  std::vector<size_t> line_starts_;
  // (byte offset at a character boundary, UTF-16 units from its line's start), about every
  // kBlock bytes.
  static constexpr size_t kBlock = 1024;
  std::vector<std::pair<size_t, size_t>> checkpoints_;
};

// Position -> byte offset in `text`, clamped as the protocol asks: a line past the last is the
// end of the text, a character past the end of its line is the line's end (before its line
// break). A character that falls inside a surrogate pair rounds down to the character's start.
size_t byte_offset(std::string_view text, Position p);

// Whether byte `offset` of `text` is a place a Position can name exactly: not inside a UTF-8
// sequence, not between the "\r" and "\n" of a line break. An edit whose ends are not such
// places cannot be sent to a client faithfully.
bool is_position_boundary(std::string_view text, size_t offset);

// UTF-16 units of the UTF-8 sequence of `len` bytes at the start of a character (1, 2 or 3 bytes:
// one unit; 4 bytes: two; an ill-formed byte: one).
inline uint32_t utf16_units(size_t len) {
  return len == 4 ? 2 : 1;
}

// `text` with every byte of an ill-formed UTF-8 sequence replaced by U+FFFD: what may go into a
// JSON string sent to the client (JSON text must be valid Unicode).
std::string valid_utf8(std::string_view text);
bool is_valid_utf8(std::string_view text);

}  // namespace wikivet::lsp
