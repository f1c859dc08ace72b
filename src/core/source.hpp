#pragma once
// A Source owns the bytes of one input and answers "where is byte N?" in the terms a user
// reads: 1-based line and 1-based column counted in Unicode code points (SARIF's
// "unicodeCodePoints" column kind). Invalid UTF-8 is accepted: every byte of an ill-formed
// sequence counts as one column.
//
// The text that is parsed (text()) may differ from the file the user gave (original()): an
// adapter such as the edit-page scrape extracts the wikitext from page chrome and restores its
// line breaks. Adapters only ever replace bytes one for one inside one contiguous span of the
// original, so text offset i is original offset text_begin() + i, and every position reported
// points into the file the user gave.
//
// Line ends: '\n', "\r\n", and a lone '\r' (MediaWiki saves a lone CR as a line feed, so a
// file written with CRs alone has lines). A lone CR is read as a line end everywhere: the line
// index counts it, and text() holds a '\n' in its place (one byte for one, so offsets do not
// move), while original() keeps the user's bytes for reports and fixes.
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace wikivet {

struct LineCol {
  uint32_t line = 1;    // 1-based
  uint32_t column = 1;  // 1-based, in code points
  bool operator==(const LineCol&) const = default;
};

// Byte offset -> line/column for one buffer. Building it only finds the line starts (one
// memchr pass); a column is counted on demand from its line's start, eight ASCII bytes a step,
// so a page pays for the columns of its findings and for nothing else. A query further than
// kLongScan bytes into its line (a 10 MB one-line page) uses code-point checkpoints instead,
// built over the whole buffer on the first such query: no query scans more than about kBlock
// bytes after that. (Like the article, an index is read by one thread at a time.)
class LineIndex {
 public:
  LineIndex() = default;
  explicit LineIndex(std::string_view bytes);
  LineCol at(size_t offset) const;
  // The positions of `begin` and of `end` (begin <= end), in one scan when both are on one line.
  void at(size_t begin, size_t end, LineCol& first, LineCol& second) const;
  // Whether the buffer has a '\r' not followed by '\n' (found while indexing, so no one scans
  // for it again).
  bool lone_cr() const { return lone_cr_; }
  // The same index over `bytes`, a buffer with the same content at another address (a moved
  // string): the offsets stay valid, only the view moves. O(1), where rebuilding is O(n).
  void rebind(std::string_view bytes) { bytes_ = bytes; }
  size_t line_count() const { return line_starts_.size(); }
  // Byte offset where 1-based line `line` begins (line_count()+1 gives the buffer's size).
  size_t line_begin(uint32_t line) const;
  // Offset of the line's end: its '\n' (after the '\r' of a "\r\n"), a lone '\r', or the end.
  size_t line_end(uint32_t line) const;

 private:
  // 1-based line holding `offset` (offset <= size).
  size_t line_of(size_t offset) const;
  // Code points that start in [from, to), `from` on a character boundary, stepping whole
  // sequences (the last may cross `to`); `i` ends on the boundary where the scan stopped.
  size_t code_points(size_t from, size_t to, size_t& i) const;
  size_t code_points_before(size_t offset) const;  // from the buffer's start, by checkpoint
  std::string_view bytes_;
  std::vector<size_t> line_starts_;
  bool lone_cr_ = false;
  static constexpr size_t kBlock = 1024;
  static constexpr size_t kLongScan = 4 * kBlock;
  // (byte offset at a character boundary, code points before it), about every kBlock bytes;
  // empty until a query needs them.
  mutable std::vector<std::pair<size_t, size_t>> checkpoints_;
};

class Source {
 public:
  // A plain wikitext file: what is parsed is what the user gave.
  Source(std::string path, std::string bytes);
  // An adapted input: `text` replaces original[text_begin, text_begin + text.size()) byte for
  // byte (same length). `adapter` names the recognised input kind ("edit-page").
  Source(std::string path, std::string original, size_t text_begin, std::string text,
         std::string adapter);

  Source(const Source&) = delete;
  Source& operator=(const Source&) = delete;
  Source(Source&&) noexcept;
  Source& operator=(Source&&) noexcept;

  const std::string& path() const { return path_; }
  std::string_view text() const { return own_text_ ? std::string_view(text_) : original_; }
  std::string_view original() const { return original_; }
  const std::string& adapter() const { return adapter_; }  // empty for plain wikitext
  bool adapted() const { return adapted_; }
  // Whether the original has a lone '\r', which text() reads as '\n'.
  bool lone_cr() const { return lone_cr_; }
  size_t text_begin() const { return text_begin_; }
  size_t to_original(size_t text_offset) const { return text_begin_ + text_offset; }

  // Position of a text() offset in the original file.
  LineCol position(size_t text_offset) const { return index_.at(to_original(text_offset)); }
  LineCol original_position(size_t original_offset) const { return index_.at(original_offset); }
  const LineIndex& original_lines() const { return index_; }
  // The full line of the original file containing 1-based `line`, without its newline.
  std::string_view original_line(uint32_t line) const;

  // Optional page metadata (dumps, JSON Lines).
  std::string title;

 private:
  std::string path_;
  std::string original_;
  std::string text_;
  size_t text_begin_ = 0;
  bool adapted_ = false;
  bool own_text_ = false;  // text_ is what is parsed (an adapter's text, or lone CRs read as LF)
  bool lone_cr_ = false;
  std::string adapter_;
  LineIndex index_;
};

// Whether `bytes` has a '\r' not followed by '\n'.
bool has_lone_cr(std::string_view bytes);
// `bytes` with every lone '\r' replaced by '\n' (same length).
void lone_cr_to_lf(std::string& bytes);

// Number of code points in `bytes`, counting each byte of an ill-formed sequence as one.
size_t count_code_points(std::string_view bytes);
// Length in bytes of the well-formed UTF-8 sequence starting at bytes[i], or 1 if ill-formed.
size_t utf8_sequence_length(std::string_view bytes, size_t i);

}  // namespace wikivet
