#pragma once
// Byte-level helpers shared by the preprocessor pass and the tree-building pass, and the
// memoised forward searches that keep both passes linear.
#include <cstdint>
#include <cstring>
#include <string_view>

namespace wikivet::parse_detail {

inline constexpr uint32_t kNpos = UINT32_MAX;

inline bool is_space_tab(char c) {
  return c == ' ' || c == '\t';
}
// PCRE's \s: space, \t, \n, \v, \f, \r.
inline bool is_pcre_space(char c) {
  return c == ' ' || (c >= '\t' && c <= '\r');
}
inline bool is_ascii_alpha(char c) {
  return (c | 0x20) >= 'a' && (c | 0x20) <= 'z';
}
inline bool is_digit(char c) {
  return c >= '0' && c <= '9';
}
inline bool is_alnum(char c) {
  return is_ascii_alpha(c) || is_digit(c);
}
inline bool is_hex(char c) {
  return is_digit(c) || ((c | 0x20) >= 'a' && (c | 0x20) <= 'f');
}
inline char ascii_lower(char c) {
  return (c >= 'A' && c <= 'Z') ? static_cast<char>(c | 0x20) : c;
}

// True when `s` equals the lower-case ASCII word `lower`, ignoring ASCII case.
inline bool iequals(std::string_view s, std::string_view lower) {
  if (s.size() != lower.size()) return false;
  for (size_t i = 0; i < s.size(); ++i)
    if (ascii_lower(s[i]) != lower[i]) return false;
  return true;
}

// Length of the run of byte `c` starting at `i` (stopping at `end`, and after `max` bytes).
inline uint32_t run_length(std::string_view t, uint32_t i, uint32_t end, char c,
                           uint32_t max = kNpos) {
  uint32_t j = i;
  while (j < end && t[j] == c && j - i < max) ++j;
  return j - i;
}

// A forward search whose last answer is remembered. Asking again from a position between the
// previous start and the previous hit returns the same hit without rescanning, so a text with N
// unclosed openers costs O(N + text) rather than O(N * text). Every search runs to the end of
// the text (callers compare the hit with their own limit), so the cache is valid everywhere.
class MemoSearch {
 public:
  template <class Find>
  uint32_t find(uint32_t from, Find&& scan) {
    if (valid_ && from >= from_ && from <= hit_) return hit_;
    hit_ = scan(from);
    from_ = from;
    valid_ = true;
    return hit_;
  }

 private:
  bool valid_ = false;
  uint32_t from_ = 0;
  uint32_t hit_ = kNpos;  // kNpos: nothing at or after from_
};

// Position of the first `c` at or after `from` in `t`, or kNpos.
inline uint32_t find_byte(std::string_view t, uint32_t from, char c) {
  if (from >= t.size()) return kNpos;
  const void* p = std::memchr(t.data() + from, c, t.size() - from);
  return p ? static_cast<uint32_t>(static_cast<const char*>(p) - t.data()) : kNpos;
}

// A set of bytes to stop at, as the two 16-entry nibble tables of the PSHUFB membership test
// (a byte is in the set when lo[b & 15] & hi[b >> 4] is non-zero; each distinct high nibble
// of the set gets one bit, so a set may use at most 8 high nibbles) and a 256-entry table for
// the byte loop. Built at compile time from the bytes; any byte may be in it (both nibbles are
// masked to 4 bits before the shuffle, so bytes from 0x80 up classify as the others do).
struct ByteSet {
  alignas(16) uint8_t lo[16] = {};
  alignas(16) uint8_t hi[16] = {};
  bool in[256] = {};
  constexpr explicit ByteSet(std::string_view bytes) {
    int bits = 0;
    for (const char ch : bytes) {
      const auto b = static_cast<unsigned char>(ch);
      in[b] = true;
      if (hi[b >> 4] == 0) {
        if (bits == 8) throw "ByteSet: more than 8 high nibbles";
        hi[b >> 4] = static_cast<uint8_t>(1u << bits++);
      }
      lo[b & 15] = static_cast<uint8_t>(lo[b & 15] | hi[b >> 4]);
    }
  }
};

// Bit k of the result is set when byte block + k of `d` is in `set`, for the bytes before
// `size` (those at or after it give 0 bits and are not read).
uint64_t block_mask(const ByteSet& set, const char* d, uint32_t block, uint32_t size);

// Finds the stop bytes of one text in order: the text is classified 64 bytes at a time (PSHUFB
// with AVX2 or SSSE3, chosen at run time; a table otherwise) into a bit mask that is kept, so
// finding the next stop is a shift and a count of trailing zeros until the block is used up.
// Any position may be asked; positions usually only move forward.
class StopCursor {
 public:
  StopCursor(const ByteSet& set, std::string_view text)
      : set_(&set), d_(text.data()), size_(static_cast<uint32_t>(text.size())) {}

  // First position in [i, end) holding a byte of the set, or `end` (end <= the text's size).
  uint32_t next(uint32_t i, uint32_t end) {
    uint64_t at = i;
    while (at < end) {
      const uint32_t block = static_cast<uint32_t>(at) & ~63u;
      if (block != block_) {
        mask_ = block_mask(*set_, d_, block, size_);
        block_ = block;
      }
      const uint64_t m = mask_ >> (at & 63);
      if (m != 0) {
        const uint64_t p = at + static_cast<uint64_t>(__builtin_ctzll(m));
        return p < end ? static_cast<uint32_t>(p) : end;
      }
      at = uint64_t{block} + 64;
    }
    return end;
  }

 private:
  const ByteSet* set_;
  const char* d_;
  uint32_t size_;
  uint32_t block_ = kNpos;  // never a multiple of 64: nothing cached yet
  uint64_t mask_ = 0;
};

}  // namespace wikivet::parse_detail
