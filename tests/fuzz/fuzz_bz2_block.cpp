// libFuzzer entry point for our bzip2 block decoder, differential against libbz2: the input's
// first byte gives the level (1..9) and how many of the last byte's bits belong to the block;
// the rest is a block from its magic on (the seeds are real blocks). Nothing may crash or read
// out of bounds; when either decoder accepts the block, both must, with the same bytes.
#include <bzlib.h>

#include <cstdint>
#include <cstdlib>
#include <string>

#include "input/bz2_block_decoder.hpp"

namespace {

void put_bits(std::string& s, unsigned& nbits, uint64_t v, unsigned n) {
  for (unsigned k = 0; k < n; ++k) {
    if (nbits % 8 == 0) s.push_back('\0');
    if ((v >> (n - 1 - k)) & 1) s.back() = static_cast<char>(s.back() | (0x80 >> (nbits % 8)));
    ++nbits;
  }
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  using namespace wikivet;
  if (size < 2) return 0;
  const unsigned level = 1 + data[0] % 9;
  const unsigned last_bits = 1 + (data[0] / 9) % 8;
  const std::string block(reinterpret_cast<const char*>(data + 1), size - 1);
  const uint64_t end_bit = (block.size() - 1) * 8 + last_bits;
  std::string ours;
  const Bz2BlockResult r = decode_bz2_block(block, 0, end_bit, level, ours, 1 << 20);
  if (r.status == Bz2BlockResult::Randomised) return 0;

  // The same block as a one-block stream for libbz2.
  std::string s = "BZh" + std::to_string(level);
  unsigned nbits = static_cast<unsigned>(s.size() * 8);
  for (uint64_t b = 0; b < end_bit; ++b)
    put_bits(s, nbits, (static_cast<unsigned char>(block[b / 8]) >> (7 - b % 8)) & 1, 1);
  put_bits(s, nbits, 0x177245385090ULL, 48);
  put_bits(s, nbits, r.stored_crc, 32);
  std::string theirs(1 << 20, '\0');
  unsigned len = static_cast<unsigned>(theirs.size());
  const int rc = BZ2_bzBuffToBuffDecompress(theirs.data(), &len, s.data(),
                                            static_cast<unsigned>(s.size()), 0, 0);
  const bool ok = r.status == Bz2BlockResult::Ok;
  if (ok != (rc == BZ_OK)) std::abort();
  if (ok && ours != theirs.substr(0, len)) std::abort();
  return 0;
}
