#pragma once
// Our own decoder for one bzip2 block held wholly in memory (written from the format).
//
// libbz2's decoder can stop and resume at every bit (it is a state machine fed by a stream), and
// pays for that on every symbol and every output byte. The block-parallel reader already knows
// where each block starts and ends, so a block can be decoded in one go: a bit reader with
// 64-bit refills, Huffman decoding through a lookup table on the next bits, move-to-front and
// RUNA/RUNB, the inverse Burrows-Wheeler transform, the final run-length decoding and the block
// CRC (slicing by 8).
//
// Huffman codes are decoded exactly as libbz2 decodes them, also codes that are not complete
// or over-subscribed (which bzip2 never writes), so whatever libbz2 accepts is accepted here and
// gives the same bytes. Randomised blocks (written only by bzip2 before 0.9.5) are not decoded
// here: the caller hands them to libbz2.
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

namespace wikivet {

struct Bz2BlockResult {
  enum Status { Ok, Error, Randomised } status = Error;
  uint32_t stored_crc = 0;  // the CRC the block header holds (read whenever the header is there)
  std::string error;        // Error: what is wrong, in one line
};

// Decodes the block whose 48-bit magic starts at bit `begin_bit` of `data` (bits are numbered
// from the most significant bit of data[0]) and whose bits end exactly at `end_bit` (where the
// next magic starts): the block's last Huffman symbol must end there. `level` (1..9) is the
// stream header's block size in 100 kB. The decoded bytes are appended to `out`; more than
// `max_output` bytes in `out` is an error. On Error, `out` holds partial output.
Bz2BlockResult decode_bz2_block(std::string_view data, uint64_t begin_bit, uint64_t end_bit,
                                unsigned level, std::string& out, size_t max_output);

// bzip2's CRC-32 (polynomial 0x04c11db7, most significant bit first), continued from `crc` (the
// register, not inverted: start from 0xFFFFFFFF and invert at the end).
uint32_t bz2_crc32_update(uint32_t crc, const unsigned char* p, size_t n);

}  // namespace wikivet
