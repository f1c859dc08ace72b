#pragma once
// Byte offset -> character (code point) offset from the start of a file, for SARIF's
// charOffset/charLength: SARIF counts characters in the run's columnKind, and wikivet's
// columns are code points, so offsets are code points too. Counting follows LineIndex exactly
// (each byte of an ill-formed UTF-8 sequence is one character), so charOffset and the
// line/column of a region always agree. Built once per file in O(size); each query costs at
// most kStep bytes of scanning.
#include <cstddef>
#include <string_view>
#include <utility>
#include <vector>

namespace wikivet::report {

class CharOffsets {
 public:
  explicit CharOffsets(std::string_view bytes);
  size_t at(size_t byte_offset) const;  // characters before byte_offset

 private:
  static constexpr size_t kStep = 4096;
  std::string_view bytes_;
  std::vector<std::pair<size_t, size_t>> checkpoints_;  // (byte at a boundary, chars before)
};

}  // namespace wikivet::report
