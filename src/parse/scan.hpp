#pragma once
// Byte-level helpers shared by the preprocessor pass and the tree-building pass, and the
// memoised forward searches that keep both passes linear.
#include <cstdint>
#include <cstring>
#include <string_view>
#if defined(__SSE2__)
#include <emmintrin.h>
#endif

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

// First position in [i, end) of `d` holding one of the bytes Cs..., or `end`. Sixteen bytes at
// a time where SSE2 is available (all x86-64), a byte loop otherwise and for the tail.
template <char... Cs>
inline uint32_t skip_until(const char* d, uint32_t i, uint32_t end) {
#if defined(__SSE2__)
  while (i + 16 <= end) {
    const __m128i v = _mm_loadu_si128(reinterpret_cast<const __m128i*>(d + i));
    __m128i hit = _mm_setzero_si128();
    ((hit = _mm_or_si128(hit, _mm_cmpeq_epi8(v, _mm_set1_epi8(Cs)))), ...);
    const int mask = _mm_movemask_epi8(hit);
    if (mask != 0) return i + static_cast<uint32_t>(__builtin_ctz(static_cast<unsigned>(mask)));
    i += 16;
  }
#endif
  while (i < end && !((d[i] == Cs) || ...)) ++i;
  return i;
}

}  // namespace wikivet::parse_detail
