// find_first_of (scan.hpp): the stop-byte search both passes spend much of their time in.
// PSHUFB classifies 16 or 32 bytes against any set of up to 8 high nibbles in a handful of
// instructions, however many bytes the set holds; the CPU is asked once which version runs.
#include "parse/scan.hpp"

#if defined(__x86_64__) && (defined(__GNUC__) || defined(__clang__))
#define WIKIVET_X86_DISPATCH 1
#include <immintrin.h>
#endif

namespace wikivet::parse_detail {
namespace {

uint32_t scan_bytes(const ByteSet& set, const char* d, uint32_t i, uint32_t end) {
  while (i < end && !set.in[static_cast<unsigned char>(d[i])]) ++i;
  return i;
}

// Bits of `mask` (one per byte from position i) that lie before `end`.
inline uint32_t below_end(uint32_t mask, uint32_t i, uint32_t end, uint32_t width) {
  return end - i < width ? mask & ((1u << (end - i)) - 1) : mask;
}

#if WIKIVET_X86_DISPATCH
__attribute__((target("avx2"))) inline uint32_t classify32(const ByteSet& set, const char* p) {
  const __m256i lo =
      _mm256_broadcastsi128_si256(_mm_load_si128(reinterpret_cast<const __m128i*>(set.lo)));
  const __m256i hi =
      _mm256_broadcastsi128_si256(_mm_load_si128(reinterpret_cast<const __m128i*>(set.hi)));
  const __m256i nib = _mm256_set1_epi8(0x0F);
  const __m256i v = _mm256_loadu_si256(reinterpret_cast<const __m256i*>(p));
  const __m256i l = _mm256_shuffle_epi8(lo, _mm256_and_si256(v, nib));
  const __m256i h = _mm256_shuffle_epi8(hi, _mm256_and_si256(_mm256_srli_epi16(v, 4), nib));
  const __m256i none = _mm256_cmpeq_epi8(_mm256_and_si256(l, h), _mm256_setzero_si256());
  return ~static_cast<uint32_t>(_mm256_movemask_epi8(none));
}

__attribute__((target("avx2"))) uint32_t scan_avx2(const ByteSet& set, const char* d, uint32_t i,
                                                   uint32_t end, uint32_t size) {
  if (i >= end) return end;
  while (i + 32 <= size) {
    const uint32_t mask = below_end(classify32(set, d + i), i, end, 32);
    if (mask != 0) return i + static_cast<uint32_t>(__builtin_ctz(mask));
    i += 32;
    if (i >= end) return end;
  }
  if (size >= 32) {  // the last bytes: one load ending at `size`, shifted to start at i
    const uint32_t base = size - 32;
    const uint32_t mask = below_end(classify32(set, d + base) >> (i - base), i, end, 32);
    return mask != 0 ? i + static_cast<uint32_t>(__builtin_ctz(mask)) : end;
  }
  return scan_bytes(set, d, i, end);
}

__attribute__((target("ssse3"))) inline uint32_t classify16(const ByteSet& set, const char* p) {
  const __m128i lo = _mm_load_si128(reinterpret_cast<const __m128i*>(set.lo));
  const __m128i hi = _mm_load_si128(reinterpret_cast<const __m128i*>(set.hi));
  const __m128i nib = _mm_set1_epi8(0x0F);
  const __m128i v = _mm_loadu_si128(reinterpret_cast<const __m128i*>(p));
  const __m128i l = _mm_shuffle_epi8(lo, _mm_and_si128(v, nib));
  const __m128i h = _mm_shuffle_epi8(hi, _mm_and_si128(_mm_srli_epi16(v, 4), nib));
  const __m128i none = _mm_cmpeq_epi8(_mm_and_si128(l, h), _mm_setzero_si128());
  return ~static_cast<uint32_t>(_mm_movemask_epi8(none)) & 0xFFFFu;
}

__attribute__((target("ssse3"))) uint32_t scan_ssse3(const ByteSet& set, const char* d, uint32_t i,
                                                     uint32_t end, uint32_t size) {
  if (i >= end) return end;
  while (i + 16 <= size) {
    const uint32_t mask = below_end(classify16(set, d + i), i, end, 16);
    if (mask != 0) return i + static_cast<uint32_t>(__builtin_ctz(mask));
    i += 16;
    if (i >= end) return end;
  }
  if (size >= 16) {
    const uint32_t base = size - 16;
    const uint32_t mask = below_end(classify16(set, d + base) >> (i - base), i, end, 16);
    return mask != 0 ? i + static_cast<uint32_t>(__builtin_ctz(mask)) : end;
  }
  return scan_bytes(set, d, i, end);
}
#endif

uint32_t scan_portable(const ByteSet& set, const char* d, uint32_t i, uint32_t end, uint32_t) {
  return scan_bytes(set, d, i, end);
}

using ScanFn = uint32_t (*)(const ByteSet&, const char*, uint32_t, uint32_t, uint32_t);

ScanFn pick_scan() {
#if WIKIVET_X86_DISPATCH
  __builtin_cpu_init();
  if (__builtin_cpu_supports("avx2")) return scan_avx2;
  if (__builtin_cpu_supports("ssse3")) return scan_ssse3;
#endif
  return scan_portable;
}

}  // namespace

uint32_t find_first_of(const ByteSet& set, const char* d, uint32_t i, uint32_t end, uint32_t size) {
  static const ScanFn scan = pick_scan();
  return scan(set, d, i, end, size);
}

}  // namespace wikivet::parse_detail
