#pragma once
// Parallel decompression of bzip2 data block by block, also inside one stream (a file that
// `bzip2` wrote as a single stream has no other boundaries to cut at).
//
// A bzip2 stream is "BZh" and a level digit, then blocks, each starting with the 48-bit magic
// 0x314159265359 at any bit offset followed by the block's CRC, and ends with the 48-bit magic
// 0x177245385090, the combined CRC and padding to a byte. The reader scans the bits for both
// magics; every block found is decoded on a worker thread by our block decoder
// (bz2_block_decoder.hpp), which checks the block's CRC; a randomised block (old bzip2) becomes a
// standalone one-block stream for libbz2 instead. Output
// comes out in file order.
//
// A magic can occur by chance inside compressed data. Such a false match cuts a block in two,
// and the first half then fails to decode (or its CRC does not match): it is merged with the
// next piece and decoded again. Merging is budgeted (no more bytes decoded again than the
// input so far), and every stream's combined CRC is checked against its blocks' CRCs; past the
// budget, and on any other error (truncated or corrupt data, garbage between streams), the
// current stream is decoded again by the serial decoder from its start, the bytes already
// handed out skipped, so errors are reported as the serial decoder reports them. The work
// stays linear in the input whatever it holds.
#include <cstdint>
#include <memory>
#include <string_view>
#include <vector>

#include "input/decompress_stream.hpp"

namespace wikivet {

// Takes ownership of `fd` (a regular file); decodes the bytes [begin, end), which start with a
// bz2 stream header, with `threads` worker threads.
// `false_magics` (tests): file bit offsets, sorted, also taken for block magics, as a magic
// occurring by chance inside compressed data would be.
std::unique_ptr<ByteStream> make_block_parallel_bz2_stream(int fd, uint64_t begin, uint64_t end,
                                                           unsigned threads,
                                                           std::vector<uint64_t> false_magics = {});

// The bit offset (from data's first byte, at or after `from_bit`) of the next block or
// end-of-stream magic that lies wholly inside `data`; UINT64_MAX when none. `is_end` tells
// which magic it is.
uint64_t find_bz2_block_magic(std::string_view data, uint64_t from_bit, bool& is_end);

}  // namespace wikivet
