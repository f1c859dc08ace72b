#include "core/source.hpp"

#include <algorithm>
#include <cstring>

namespace wikivet {

size_t utf8_sequence_length(std::string_view s, size_t i) {
  const auto b0 = static_cast<unsigned char>(s[i]);
  if (b0 < 0x80) return 1;
  size_t len;
  unsigned char lo = 0x80, hi = 0xBF;  // allowed range of the second byte
  if (b0 >= 0xC2 && b0 <= 0xDF) {
    len = 2;
  } else if (b0 >= 0xE0 && b0 <= 0xEF) {
    len = 3;
    if (b0 == 0xE0) lo = 0xA0;  // no overlong forms
    if (b0 == 0xED) hi = 0x9F;  // no surrogates
  } else if (b0 >= 0xF0 && b0 <= 0xF4) {
    len = 4;
    if (b0 == 0xF0) lo = 0x90;
    if (b0 == 0xF4) hi = 0x8F;
  } else {
    return 1;
  }
  if (i + len > s.size()) return 1;
  const auto b1 = static_cast<unsigned char>(s[i + 1]);
  if (b1 < lo || b1 > hi) return 1;
  for (size_t k = 2; k < len; ++k) {
    const auto b = static_cast<unsigned char>(s[i + k]);
    if (b < 0x80 || b > 0xBF) return 1;
  }
  return len;
}

size_t count_code_points(std::string_view s) {
  size_t n = 0;
  for (size_t i = 0; i < s.size(); ++n) {
    i += static_cast<unsigned char>(s[i]) < 0x80 ? 1 : utf8_sequence_length(s, i);
  }
  return n;
}

bool has_lone_cr(std::string_view s) {
  for (size_t i = s.find('\r'); i != std::string_view::npos; i = s.find('\r', i + 1))
    if (i + 1 == s.size() || s[i + 1] != '\n') return true;
  return false;
}

void lone_cr_to_lf(std::string& s) {
  for (size_t i = s.find('\r'); i != std::string::npos; i = s.find('\r', i + 1))
    if (i + 1 == s.size() || s[i + 1] != '\n') s[i] = '\n';
}

namespace {

// The characters that start in bytes[i, to), advancing `i` past the last of them (past `to`
// when a sequence crosses it). Runs of ASCII (most wikitext) are counted eight bytes at a time.
size_t count_code_points(std::string_view bytes, size_t& i, size_t to) {
  size_t cps = 0;
  while (i < to) {
    if (i + 8 <= to) {
      uint64_t word;
      std::memcpy(&word, bytes.data() + i, 8);
      if ((word & 0x8080808080808080ULL) == 0) {
        i += 8;
        cps += 8;
        continue;
      }
    }
    i += static_cast<unsigned char>(bytes[i]) < 0x80 ? 1 : utf8_sequence_length(bytes, i);
    ++cps;
  }
  return cps;
}

}  // namespace

LineIndex::LineIndex(std::string_view bytes) : bytes_(bytes) {
  line_starts_.push_back(0);
  lone_cr_ = has_lone_cr(bytes);
  if (lone_cr_) {
    // A lone CR ends a line as a LF does; the CR of a CRLF does not.
    for (size_t i = 0; i < bytes.size(); ++i) {
      const char c = bytes[i];
      if (c == '\n' || (c == '\r' && (i + 1 == bytes.size() || bytes[i + 1] != '\n')))
        line_starts_.push_back(i + 1);
    }
  } else {
    for (const char* p = bytes.data(); p != nullptr;) {
      const size_t left = bytes.size() - static_cast<size_t>(p - bytes.data());
      p = static_cast<const char*>(std::memchr(p, '\n', left));
      if (p) line_starts_.push_back(static_cast<size_t>(++p - bytes.data()));
    }
  }
}

size_t LineIndex::line_of(size_t offset) const {
  return static_cast<size_t>(std::upper_bound(line_starts_.begin(), line_starts_.end(), offset) -
                             line_starts_.begin());
}

size_t LineIndex::code_points_before(size_t offset) const {
  if (checkpoints_.empty()) {
    // Checkpoints every kBlock bytes, at character boundaries (a scan stops past a sequence
    // that crosses the block's end).
    size_t cps = 0;
    for (size_t i = 0; i < bytes_.size();) {
      checkpoints_.emplace_back(i, cps);
      cps += count_code_points(bytes_, i, std::min(bytes_.size(), i + kBlock));
    }
    if (checkpoints_.empty()) checkpoints_.emplace_back(0, 0);
  }
  // Last checkpoint at or before offset.
  auto it = std::upper_bound(checkpoints_.begin(), checkpoints_.end(), offset,
                             [](size_t v, const auto& cp) { return v < cp.first; });
  --it;
  size_t i = it->first;
  return it->second + count_code_points(bytes_, i, offset);
}

size_t LineIndex::code_points(size_t from, size_t to, size_t& i) const {
  if (to - from <= kLongScan) {
    i = from;
    return count_code_points(bytes_, i, to);
  }
  // Line starts and checkpoints are both boundaries of the one parse from the buffer's start
  // (a line starts after an ASCII byte, which no sequence holds), so the difference counts
  // the same characters a scan from `from` would.
  i = to;  // callers continue from here only on short scans
  return code_points_before(to) - code_points_before(from);
}

LineCol LineIndex::at(size_t offset) const {
  offset = std::min(offset, bytes_.size());
  const size_t line = line_of(offset);  // 1-based
  // An offset inside a multi-byte sequence counts as the character it belongs to; the scan
  // steps over whole sequences so the column is that of the sequence's start + 1.
  size_t i;
  const size_t col = code_points(line_starts_[line - 1], offset, i) + 1;
  return {static_cast<uint32_t>(line), static_cast<uint32_t>(col)};
}

void LineIndex::at(size_t begin, size_t end, LineCol& first, LineCol& second) const {
  begin = std::min(begin, bytes_.size());
  end = std::min(end, bytes_.size());
  const size_t line = line_of(begin);
  const size_t start = line_starts_[line - 1];
  const bool same_line = end >= begin && (line == line_starts_.size() || end < line_starts_[line]);
  if (!same_line || end - start > kLongScan) {
    first = at(begin);
    second = at(end);
    return;
  }
  // One scan from the line's start: it passes `begin` and goes on to `end`, stepping the same
  // sequences two scans from the start would.
  size_t i = start;
  const size_t to_begin = count_code_points(bytes_, i, begin);
  const size_t to_end = to_begin + (i < end ? count_code_points(bytes_, i, end) : 0);
  first = {static_cast<uint32_t>(line), static_cast<uint32_t>(to_begin + 1)};
  second = {static_cast<uint32_t>(line), static_cast<uint32_t>(to_end + 1)};
}

size_t LineIndex::line_begin(uint32_t line) const {
  if (line == 0) return 0;
  if (line > line_starts_.size()) return bytes_.size();
  return line_starts_[line - 1];
}

size_t LineIndex::line_end(uint32_t line) const {
  if (line == 0 || line > line_starts_.size()) return bytes_.size();
  if (line < line_starts_.size()) return line_starts_[line] - 1;
  return bytes_.size();
}

Source::Source(std::string path, std::string bytes)
    : path_(std::move(path)), original_(std::move(bytes)), index_(original_) {
  lone_cr_ = index_.lone_cr();
  if (lone_cr_) {
    text_ = original_;
    lone_cr_to_lf(text_);
    own_text_ = true;
  }
}

Source::Source(std::string path, std::string original, size_t text_begin, std::string text,
               std::string adapter)
    : path_(std::move(path)),
      original_(std::move(original)),
      text_(std::move(text)),
      text_begin_(text_begin),
      adapted_(true),
      own_text_(true),
      adapter_(std::move(adapter)),
      index_(original_) {
  lone_cr_ = index_.lone_cr();
  if (lone_cr_) lone_cr_to_lf(text_);
}

// The line index holds a view into original_; moving the string may move its buffer (small
// strings are copied), so the moved index is pointed at the new buffer: same bytes, same
// offsets, no second O(n) build (on non-Latin pages that rebuild was most of check's time).
Source::Source(Source&& o) noexcept
    : title(std::move(o.title)),
      path_(std::move(o.path_)),
      original_(std::move(o.original_)),
      text_(std::move(o.text_)),
      text_begin_(o.text_begin_),
      adapted_(o.adapted_),
      own_text_(o.own_text_),
      lone_cr_(o.lone_cr_),
      adapter_(std::move(o.adapter_)),
      index_(std::move(o.index_)) {
  index_.rebind(original_);
}

Source& Source::operator=(Source&& o) noexcept {
  if (this != &o) {
    title = std::move(o.title);
    path_ = std::move(o.path_);
    original_ = std::move(o.original_);
    text_ = std::move(o.text_);
    text_begin_ = o.text_begin_;
    adapted_ = o.adapted_;
    own_text_ = o.own_text_;
    lone_cr_ = o.lone_cr_;
    adapter_ = std::move(o.adapter_);
    index_ = std::move(o.index_);
    index_.rebind(original_);
  }
  return *this;
}

std::string_view Source::original_line(uint32_t line) const {
  const size_t b = index_.line_begin(line), e = index_.line_end(line);
  return std::string_view(original_).substr(b, e - b);
}

}  // namespace wikivet
