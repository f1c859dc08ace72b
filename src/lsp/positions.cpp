#include "lsp/positions.hpp"

#include <algorithm>

#include "core/source.hpp"

namespace wikivet::lsp {

namespace {

// Length of the character at text[i]: a line break "\r\n" is one unit of two bytes for the
// scan, so that no position lands between its bytes.
size_t step(std::string_view text, size_t i) {
  const auto c = static_cast<unsigned char>(text[i]);
  if (c < 0x80) return 1;
  return utf8_sequence_length(text, i);
}

}  // namespace

PositionIndex::PositionIndex(std::string_view text) : text_(text) {
  line_starts_.push_back(0);
  size_t units = 0, next_checkpoint = 0;
  for (size_t i = 0; i < text.size();) {
    if (i >= next_checkpoint) {
      checkpoints_.emplace_back(i, units);
      next_checkpoint = i + kBlock;
    }
    const char c = text[i];
    if (c == '\n' || c == '\r') {
      i += (c == '\r' && i + 1 < text.size() && text[i + 1] == '\n') ? 2 : 1;
      line_starts_.push_back(i);
      units = 0;
      // A checkpoint at every line start keeps "nearest checkpoint" inside the line.
      next_checkpoint = i;
      continue;
    }
    const size_t len = step(text, i);
    units += utf16_units(len);
    i += len;
  }
  if (checkpoints_.empty() || checkpoints_.back().first != text.size())
    checkpoints_.emplace_back(text.size(), units);
}

Position PositionIndex::at(size_t offset) const {
  offset = std::min(offset, text_.size());
  auto line_it = std::upper_bound(line_starts_.begin(), line_starts_.end(), offset);
  const size_t line = static_cast<size_t>(line_it - line_starts_.begin()) - 1;
  const size_t line_start = line_starts_[line];
  auto cp = std::upper_bound(checkpoints_.begin(), checkpoints_.end(), offset,
                             [](size_t v, const auto& c) { return v < c.first; });
  --cp;  // the first checkpoint is at 0, so there is one at or before offset
  size_t i = cp->first, units = cp->second;
  if (i < line_start) {  // cannot happen (a checkpoint sits at every line start); stay safe
    i = line_start;
    units = 0;
  }
  while (i < offset) {
    const char c = text_[i];
    if (c == '\n' || c == '\r') break;  // inside the line break: the line's end
    const size_t len = step(text_, i);
    if (i + len > offset) break;  // inside a character: its start
    units += utf16_units(len);
    i += len;
  }
  return {static_cast<uint32_t>(line), static_cast<uint32_t>(units)};
}

size_t byte_offset(std::string_view text, Position p) {
  size_t i = 0;
  for (uint32_t line = 0; line < p.line; ++line) {
    const size_t br = text.find_first_of("\r\n", i);
    if (br == std::string_view::npos) return text.size();
    i = br + ((text[br] == '\r' && br + 1 < text.size() && text[br + 1] == '\n') ? 2 : 1);
  }
  uint32_t units = 0;
  while (i < text.size() && units < p.character) {
    const char c = text[i];
    if (c == '\n' || c == '\r') break;
    const size_t len = step(text, i);
    if (units + utf16_units(len) > p.character) break;  // inside a surrogate pair
    units += utf16_units(len);
    i += len;
  }
  return i;
}

bool is_position_boundary(std::string_view text, size_t offset) {
  if (offset == 0 || offset >= text.size()) return offset <= text.size();
  if (text[offset] == '\n' && text[offset - 1] == '\r') return false;
  for (size_t k = 1; k <= 3 && k <= offset; ++k) {
    const auto lead = static_cast<unsigned char>(text[offset - k]);
    if (lead >= 0xC0 && utf8_sequence_length(text, offset - k) > k) return false;
  }
  return true;
}

bool is_valid_utf8(std::string_view text) {
  for (size_t i = 0; i < text.size();) {
    const auto c = static_cast<unsigned char>(text[i]);
    if (c < 0x80) {
      ++i;
      continue;
    }
    const size_t len = utf8_sequence_length(text, i);
    if (len == 1) return false;
    i += len;
  }
  return true;
}

std::string valid_utf8(std::string_view text) {
  if (is_valid_utf8(text)) return std::string(text);
  std::string out;
  out.reserve(text.size() + 16);
  for (size_t i = 0; i < text.size();) {
    const auto c = static_cast<unsigned char>(text[i]);
    const size_t len = c < 0x80 ? 1 : utf8_sequence_length(text, i);
    if (c >= 0x80 && len == 1)
      out += "\xEF\xBF\xBD";
    else
      out.append(text, i, len);
    i += len;
  }
  return out;
}

}  // namespace wikivet::lsp
