#include "input/bz2_block_decoder.hpp"

#include <algorithm>
#include <cstring>
#include <vector>

namespace wikivet {

namespace {

constexpr uint64_t kBlockMagic = 0x314159265359ULL;
constexpr unsigned kMaxGroups = 6;
constexpr unsigned kMaxAlpha = 258;  // 256 byte values, RUNA/RUNB folded in, plus end of block
constexpr unsigned kMaxCodeLen = 20;
// 2 + 900000 / 50: one selector per 50 symbols of the largest block. libbz2 (1.0.8) reads any
// further selectors and ignores them; so does this decoder.
constexpr unsigned kMaxSelectors = 18002;
constexpr unsigned kGroupSize = 50;
// Codes up to this long are decoded by one table look-up; longer ones (rare: bzip2 gives the
// shortest codes to the commonest symbols) by comparing against each length's code range.
constexpr unsigned kTableBits = 10;

// ---- CRC ---------------------------------------------------------------------------------

struct CrcTables {
  uint32_t t[8][256];
  CrcTables() {
    for (uint32_t i = 0; i < 256; ++i) {
      uint32_t c = i << 24;
      for (int k = 0; k < 8; ++k) c = (c & 0x80000000u) ? (c << 1) ^ 0x04c11db7u : c << 1;
      t[0][i] = c;
    }
    // t[k][i]: byte i followed by k zero bytes, so eight bytes are folded in with eight
    // independent look-ups.
    for (unsigned k = 1; k < 8; ++k)
      for (uint32_t i = 0; i < 256; ++i) t[k][i] = (t[k - 1][i] << 8) ^ t[0][t[k - 1][i] >> 24];
  }
};

const CrcTables& crc_tables() {
  static const CrcTables tables;
  return tables;
}

// ---- bits ----------------------------------------------------------------------------------

// Most significant bit first. `buf_` holds `cnt_` valid bits at its top; the bits below them are
// zero or already the right next bits, so a refill may OR in up to 8 bytes at once. Past the
// end of the data the reader yields zero bits, and the position keeps counting, so the caller
// sees an overrun by comparing pos() with the end.
class BitReader {
 public:
  BitReader(const unsigned char* p, size_t n, uint64_t start_bit) : p_(p), n_(n) {
    pos_ = static_cast<size_t>(start_bit / 8);
    refill();
    skip(static_cast<unsigned>(start_bit % 8));
  }

  // At least 56 valid bits afterwards.
  void refill() {
    if (cnt_ > 56) return;
    if (pos_ + 8 <= n_) {
      uint64_t v;
      std::memcpy(&v, p_ + pos_, 8);
      v = __builtin_bswap64(v);
      buf_ |= v >> cnt_;
      pos_ += (63 - cnt_) >> 3;
      cnt_ |= 56;
      return;
    }
    while (cnt_ <= 56) {
      const uint64_t b = pos_ < n_ ? p_[pos_] : 0;
      buf_ |= b << (56 - cnt_);
      ++pos_;
      cnt_ += 8;
    }
  }

  // n in 1..32, with cnt_ >= n (after refill()).
  uint32_t peek(unsigned n) const { return static_cast<uint32_t>(buf_ >> (64 - n)); }
  void skip(unsigned n) {
    buf_ <<= n;
    cnt_ -= n;
  }
  uint32_t get(unsigned n) {  // n in 1..32
    if (cnt_ < n) refill();
    const uint32_t v = peek(n);
    skip(n);
    return v;
  }
  unsigned bit() { return get(1); }
  unsigned count() const { return cnt_; }
  uint64_t pos() const { return static_cast<uint64_t>(pos_) * 8 - cnt_; }  // bits consumed

 private:
  const unsigned char* p_;
  size_t n_;
  size_t pos_ = 0;  // the next byte to load
  uint64_t buf_ = 0;
  unsigned cnt_ = 0;
};

// ---- Huffman -------------------------------------------------------------------------------

// One group's code. libbz2 assigns canonical codes: by length, then by symbol; a code of length
// L is read as the next L bits, and it is the symbol perm[start[L] + (v - first[L])] when
// v - first[L] < count[L]. Lengths are tried from the shortest. first[] may exceed 2^L when
// the lengths are over-subscribed: those codes can never be read, as in libbz2.
struct HuffTable {
  uint16_t fast[1u << kTableBits];  // symbol << 5 | length; 0: longer than kTableBits or invalid
  uint32_t first[kMaxCodeLen + 2];
  uint16_t count[kMaxCodeLen + 2];
  uint16_t start[kMaxCodeLen + 2];
  uint16_t perm[kMaxAlpha];
  unsigned min_len, max_len;

  void build(const uint8_t* len, unsigned alpha) {
    std::memset(count, 0, sizeof count);
    min_len = kMaxCodeLen;
    max_len = 0;
    for (unsigned s = 0; s < alpha; ++s) {
      ++count[len[s]];
      min_len = std::min<unsigned>(min_len, len[s]);
      max_len = std::max<unsigned>(max_len, len[s]);
    }
    unsigned idx = 0;
    for (unsigned l = 1; l <= kMaxCodeLen; ++l) {
      start[l] = static_cast<uint16_t>(idx);
      idx += count[l];
    }
    unsigned fill[kMaxCodeLen + 2];
    for (unsigned l = 1; l <= kMaxCodeLen; ++l) fill[l] = start[l];
    for (unsigned s = 0; s < alpha; ++s) perm[fill[len[s]]++] = static_cast<uint16_t>(s);
    uint32_t code = 0;
    for (unsigned l = 1; l <= kMaxCodeLen; ++l) {
      first[l] = l < min_len ? UINT32_MAX : code;
      if (l >= min_len) code = (code + count[l]) << 1;
    }
    std::memset(fast, 0, sizeof fast);
    for (unsigned l = min_len; l <= std::min(max_len, kTableBits); ++l) {
      for (unsigned i = 0; i < count[l]; ++i) {
        const uint32_t c = first[l] + i;
        if (c >= (1u << l)) break;  // over-subscribed: unreachable
        const unsigned shift = kTableBits - l;
        const uint16_t e = static_cast<uint16_t>(perm[start[l] + i] << 5 | l);
        for (uint32_t k = c << shift; k < (c + 1) << shift; ++k) fast[k] = e;
      }
    }
  }

  // The next symbol, or -1 when no code matches. Needs 20 valid bits in `in`.
  int decode(BitReader& in) const {
    const uint16_t e = fast[in.peek(kTableBits)];
    if (e != 0) {
      in.skip(e & 31);
      return e >> 5;
    }
    for (unsigned l = std::max(min_len, kTableBits + 1); l <= max_len; ++l) {
      if (first[l] == UINT32_MAX) continue;
      const uint32_t d = in.peek(l) - first[l];
      if (d < count[l]) {
        in.skip(l);
        return perm[start[l] + d];
      }
    }
    return -1;
  }
};

// ---- the block -----------------------------------------------------------------------------

// Per-thread buffers, kept between blocks: a block is about a megabyte of them.
struct Scratch {
  std::vector<uint32_t> tt;        // the BWT's last column in the low byte, links above
  std::vector<unsigned char> pre;  // the block before the final run-length decoding
  HuffTable tables[kMaxGroups];
  uint8_t selectors[kMaxSelectors];
};

Scratch& scratch() {
  thread_local Scratch s;
  return s;
}

Bz2BlockResult fail(Bz2BlockResult r, const char* why) {
  r.status = Bz2BlockResult::Error;
  r.error = std::string("corrupt bz2 block: ") + why;
  return r;
}

// The final run-length decoding: four equal bytes are followed by a count (0..255) of further
// copies. Appends to out; false past max_output.
bool undo_runs(const unsigned char* p, size_t n, std::string& out, size_t max_output) {
  size_t have = out.size();
  // Text rarely has runs: the output is about as long as the input, grown when it is not.
  size_t cap = have + n + n / 8 + 64;
  cap = std::min(cap, std::max(max_output, have));
  out.resize(cap);
  char* o = out.data();
  size_t i = 0;
  while (i < n) {
    // Bytes up to the next 4-byte run go out as they are.
    size_t j = i;
    while (j + 3 < n && !(p[j] == p[j + 1] && p[j] == p[j + 2] && p[j] == p[j + 3])) ++j;
    const size_t plain = (j + 3 < n) ? j - i : n - i;
    const size_t run_len = (j + 3 < n) ? 4 + (j + 4 < n ? p[j + 4] : 0) : 0;
    const size_t need = plain + run_len;
    if (have + need > cap) {
      if (have + need > max_output) {
        out.resize(have);
        return false;
      }
      cap = std::min(std::max(cap * 2, have + need), max_output);
      out.resize(cap);
      o = out.data();
    }
    std::memcpy(o + have, p + i, plain);
    have += plain;
    if (run_len == 0) break;
    std::memset(o + have, p[j], run_len);
    have += run_len;
    i = j + 5;  // past the four bytes and the count (or past the end when the count is missing)
  }
  out.resize(have);
  return true;
}

}  // namespace

uint32_t bz2_crc32_update(uint32_t crc, const unsigned char* p, size_t n) {
  const CrcTables& c = crc_tables();
  while (n >= 8) {
    const uint32_t a =
        crc ^ (static_cast<uint32_t>(p[0]) << 24 | static_cast<uint32_t>(p[1]) << 16 |
               static_cast<uint32_t>(p[2]) << 8 | p[3]);
    crc = c.t[7][a >> 24] ^ c.t[6][(a >> 16) & 0xFF] ^ c.t[5][(a >> 8) & 0xFF] ^ c.t[4][a & 0xFF] ^
          c.t[3][p[4]] ^ c.t[2][p[5]] ^ c.t[1][p[6]] ^ c.t[0][p[7]];
    p += 8;
    n -= 8;
  }
  while (n-- > 0) crc = (crc << 8) ^ c.t[0][(crc >> 24) ^ *p++];
  return crc;
}

Bz2BlockResult decode_bz2_block(std::string_view data, uint64_t begin_bit, uint64_t end_bit,
                                unsigned level, std::string& out, size_t max_output) {
  Bz2BlockResult r;
  const auto* bytes = reinterpret_cast<const unsigned char*>(data.data());
  if (level < 1 || level > 9 || end_bit < begin_bit || end_bit > data.size() * 8ULL ||
      end_bit - begin_bit < 48 + 32 + 1 + 24 + 16)
    return fail(r, "too short");
  BitReader in(bytes, data.size(), begin_bit);
  const uint64_t magic = static_cast<uint64_t>(in.get(24)) << 24 | in.get(24);
  if (magic != kBlockMagic) return fail(r, "no block magic");
  r.stored_crc = in.get(32);
  if (in.bit()) {
    r.status = Bz2BlockResult::Randomised;
    return r;
  }
  const uint32_t orig_ptr = in.get(24);

  // The byte values used, in two levels of 16 bits.
  unsigned char seq_to_byte[256];
  unsigned in_use = 0;
  const uint32_t ranges = in.get(16);
  for (unsigned i = 0; i < 16; ++i) {
    if (!(ranges & (0x8000u >> i))) continue;
    const uint32_t bits = in.get(16);
    for (unsigned j = 0; j < 16; ++j)
      if (bits & (0x8000u >> j)) seq_to_byte[in_use++] = static_cast<unsigned char>(i * 16 + j);
  }
  if (in_use == 0) return fail(r, "no byte values used");
  const unsigned alpha = in_use + 2;

  const unsigned groups = in.get(3);
  if (groups < 2 || groups > kMaxGroups) return fail(r, "bad number of Huffman tables");
  const unsigned n_sel_read = in.get(15);
  if (n_sel_read < 1) return fail(r, "no selectors");
  Scratch& s = scratch();
  const unsigned n_sel = std::min(n_sel_read, kMaxSelectors);
  {
    uint8_t order[kMaxGroups];
    for (unsigned g = 0; g < groups; ++g) order[g] = static_cast<uint8_t>(g);
    for (unsigned i = 0; i < n_sel_read; ++i) {
      unsigned j = 0;
      while (in.bit()) {
        if (++j >= groups) return fail(r, "bad selector");
      }
      // The selectors are move-to-front coded over the table numbers.
      const uint8_t g = order[j];
      for (; j > 0; --j) order[j] = order[j - 1];
      order[0] = g;
      if (i < n_sel) s.selectors[i] = g;
    }
  }
  if (in.pos() > end_bit) return fail(r, "truncated");

  // Code lengths, delta coded: a start length, then per symbol "1x" steps (10: +1, 11: -1)
  // ended by a 0.
  for (unsigned g = 0; g < groups; ++g) {
    uint8_t len[kMaxAlpha];
    unsigned cur = in.get(5);
    for (unsigned sym = 0; sym < alpha; ++sym) {
      for (;;) {
        if (cur < 1 || cur > kMaxCodeLen) return fail(r, "bad code length");
        if (!in.bit()) break;
        cur += in.bit() ? -1u : 1u;
      }
      len[sym] = static_cast<uint8_t>(cur);
    }
    s.tables[g].build(len, alpha);
  }

  // Huffman symbols -> move-to-front indexes and zero runs -> the BWT's last column.
  const uint32_t max_block = level * 100000u;
  if (s.tt.size() < max_block) s.tt.resize(max_block);
  uint32_t* tt = s.tt.data();
  uint32_t byte_count[256] = {};
  unsigned char mtf[256];
  std::memcpy(mtf, seq_to_byte, in_use);
  const unsigned eob = in_use + 1;
  uint32_t n = 0;
  uint32_t run = 0;
  unsigned run_shift = 0;
  unsigned sel = 0, left = 0;
  const HuffTable* table = nullptr;
  for (;;) {
    if (left == 0) {
      if (sel >= n_sel) return fail(r, "more symbols than selectors");
      if (in.pos() > end_bit) return fail(r, "truncated");
      table = &s.tables[s.selectors[sel++]];
      left = kGroupSize;
    }
    --left;
    if (in.count() < kMaxCodeLen) in.refill();
    const int sym = table->decode(in);
    if (sym < 0) return fail(r, "bad Huffman code");
    if (sym <= 1) {  // RUNA, RUNB: a run of the front byte, its length in bijective base 2
      if (run_shift > 20) return fail(r, "run too long");
      run += static_cast<uint32_t>(sym + 1) << run_shift;
      ++run_shift;
      continue;
    }
    if (run_shift != 0) {
      if (run > max_block - n) return fail(r, "block too large");
      const unsigned char b = mtf[0];
      byte_count[b] += run;
      for (uint32_t k = 0; k < run; ++k) tt[n + k] = b;
      n += run;
      run = 0;
      run_shift = 0;
    }
    if (static_cast<unsigned>(sym) == eob) break;
    if (n >= max_block) return fail(r, "block too large");
    const unsigned idx = static_cast<unsigned>(sym) - 1;
    if (idx >= in_use) return fail(r, "bad symbol");
    const unsigned char b = mtf[idx];
    std::memmove(mtf + 1, mtf, idx);
    mtf[0] = b;
    ++byte_count[b];
    tt[n++] = b;
  }
  if (in.pos() != end_bit) return fail(r, in.pos() > end_bit ? "truncated" : "data after block");
  if (orig_ptr >= n) return fail(r, "origPtr out of range");

  // Inverse BWT: link each position of the last column to the next, in first-column order.
  uint32_t next[256];
  for (uint32_t i = 0, sum = 0; i < 256; ++i) {
    next[i] = sum;
    sum += byte_count[i];
  }
  for (uint32_t i = 0; i < n; ++i) tt[next[tt[i] & 0xFF]++] |= i << 8;
  if (s.pre.size() < n) s.pre.resize(n);
  unsigned char* pre = s.pre.data();
  uint32_t pos = tt[orig_ptr] >> 8;
  for (uint32_t i = 0; i < n; ++i) {
    pos = tt[pos];
    pre[i] = static_cast<unsigned char>(pos);
    pos >>= 8;
  }

  const size_t old = out.size();
  if (!undo_runs(pre, n, out, max_output)) return fail(r, "block output too large");
  const uint32_t crc = ~bz2_crc32_update(
      0xFFFFFFFFu, reinterpret_cast<const unsigned char*>(out.data()) + old, out.size() - old);
  if (crc != r.stored_crc) return fail(r, "CRC mismatch");
  r.status = Bz2BlockResult::Ok;
  return r;
}

}  // namespace wikivet
