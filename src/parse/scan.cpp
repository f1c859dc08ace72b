// block_mask (scan.hpp): classifying text against a set of stop bytes, where both passes spend
// much of their time. PSHUFB tests 16 or 32 bytes against any set of up to 8 high nibbles in a
// handful of instructions, however many bytes the set holds; the CPU is asked once (on first
// use) which version runs.
#include <atomic>

#include "parse/scan.hpp"

#if defined(__x86_64__) && (defined(__GNUC__) || defined(__clang__))
#define WIKIVET_X86_DISPATCH 1
#include <immintrin.h>
#endif

namespace wikivet::parse_detail {
namespace {

uint64_t mask_bytes(const ByteSet& set, const char* d, uint32_t block, uint32_t size) {
  uint64_t m = 0;
  const uint32_t n = size - block < 64 ? size - block : 64;
  for (uint32_t k = 0; k < n; ++k)
    if (set.in[static_cast<unsigned char>(d[block + k])]) m |= uint64_t{1} << k;
  return m;
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

__attribute__((target("avx2"))) uint64_t mask_avx2(const ByteSet& set, const char* d,
                                                   uint32_t block, uint32_t size) {
  if (size - block < 64) return mask_bytes(set, d, block, size);
  return uint64_t{classify32(set, d + block)} | (uint64_t{classify32(set, d + block + 32)} << 32);
}

__attribute__((target("ssse3"))) inline uint64_t classify16(const ByteSet& set, const char* p) {
  const __m128i lo = _mm_load_si128(reinterpret_cast<const __m128i*>(set.lo));
  const __m128i hi = _mm_load_si128(reinterpret_cast<const __m128i*>(set.hi));
  const __m128i nib = _mm_set1_epi8(0x0F);
  const __m128i v = _mm_loadu_si128(reinterpret_cast<const __m128i*>(p));
  const __m128i l = _mm_shuffle_epi8(lo, _mm_and_si128(v, nib));
  const __m128i h = _mm_shuffle_epi8(hi, _mm_and_si128(_mm_srli_epi16(v, 4), nib));
  const __m128i none = _mm_cmpeq_epi8(_mm_and_si128(l, h), _mm_setzero_si128());
  return ~static_cast<uint32_t>(_mm_movemask_epi8(none)) & 0xFFFFu;
}

__attribute__((target("ssse3"))) uint64_t mask_ssse3(const ByteSet& set, const char* d,
                                                     uint32_t block, uint32_t size) {
  if (size - block < 64) return mask_bytes(set, d, block, size);
  return classify16(set, d + block) | (classify16(set, d + block + 16) << 16) |
         (classify16(set, d + block + 32) << 32) | (classify16(set, d + block + 48) << 48);
}
#endif

using MaskFn = uint64_t (*)(const ByteSet&, const char*, uint32_t, uint32_t);

uint64_t mask_first_use(const ByteSet& set, const char* d, uint32_t block, uint32_t size);

// Starts as the resolver, which asks the CPU once and replaces itself; relaxed is enough
// (every thread stores the same value, and any of the versions gives the same answer).
std::atomic<MaskFn> g_mask{mask_first_use};

uint64_t mask_first_use(const ByteSet& set, const char* d, uint32_t block, uint32_t size) {
  MaskFn fn = mask_bytes;
#if WIKIVET_X86_DISPATCH
  __builtin_cpu_init();
  if (__builtin_cpu_supports("avx2"))
    fn = mask_avx2;
  else if (__builtin_cpu_supports("ssse3"))
    fn = mask_ssse3;
#endif
  g_mask.store(fn, std::memory_order_relaxed);
  return fn(set, d, block, size);
}

}  // namespace

uint64_t block_mask(const ByteSet& set, const char* d, uint32_t block, uint32_t size) {
  return g_mask.load(std::memory_order_relaxed)(set, d, block, size);
}

}  // namespace wikivet::parse_detail
