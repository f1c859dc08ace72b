#include "report/char_offsets.hpp"

#include <algorithm>

#include "core/source.hpp"

namespace wikivet::report {

namespace {
size_t step(std::string_view s, size_t i) {
  return static_cast<unsigned char>(s[i]) < 0x80 ? 1 : utf8_sequence_length(s, i);
}
}  // namespace

CharOffsets::CharOffsets(std::string_view bytes) : bytes_(bytes) {
  size_t chars = 0, next = 0;
  for (size_t i = 0; i < bytes.size(); ++chars) {
    if (i >= next) {
      checkpoints_.emplace_back(i, chars);
      next = i + kStep;
    }
    i += step(bytes, i);
  }
  if (checkpoints_.empty()) checkpoints_.emplace_back(0, 0);
}

size_t CharOffsets::at(size_t offset) const {
  offset = std::min(offset, bytes_.size());
  auto it = std::upper_bound(checkpoints_.begin(), checkpoints_.end(), offset,
                             [](size_t v, const auto& cp) { return v < cp.first; });
  --it;
  size_t i = it->first, chars = it->second;
  // An offset inside a multi-byte character counts as that character (like LineIndex).
  while (i < offset) {
    i += step(bytes_, i);
    ++chars;
  }
  return chars;
}

}  // namespace wikivet::report
