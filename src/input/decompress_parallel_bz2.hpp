#pragma once
// Parallel decompression of a multistream .bz2 file (Wikimedia's *-multistream.xml.bz2: one bz2
// stream per ~100 pages, concatenated). The file is cut into chunks at stream boundaries, the
// chunks are decoded on worker threads, and the bytes come out in file order.
//
// Boundaries come from the dump's index file (lines "offset:page_id:title", where offset is
// the byte offset of the stream holding the page) or, without one, from scanning for a bz2
// stream header ("BZh1".."BZh9") directly followed by a block or end-of-stream magic. A match
// can be a false positive inside compressed data, so every boundary is verified by decoding:
// a chunk must decode to complete streams that end exactly at the next chunk's start. The
// first chunk that does not (a false boundary, a corrupt or truncated file, a decompression
// bomb) switches the rest of the file to the serial decoder from that chunk's start, which
// then reports real errors with their offsets. Chunks are decoded only when the reader is at
// most a few chunks behind, so memory stays bounded.
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "input/decompress_stream.hpp"

namespace wikivet {

// Takes ownership of `fd` (a regular file of `file_size` bytes that starts with a bz2 header).
// `stream_offsets`: known stream starts (from an index), sorted; empty: scan.
std::unique_ptr<ByteStream> make_parallel_bz2_stream(int fd, uint64_t file_size, unsigned threads,
                                                     std::vector<uint64_t> stream_offsets,
                                                     size_t chunk_bytes = 0);

// The same for the bytes [begin, end) of the file: whole streams (a part of a multistream dump).
std::unique_ptr<ByteStream> make_parallel_bz2_range(int fd, uint64_t begin, uint64_t end,
                                                    unsigned threads,
                                                    std::vector<uint64_t> stream_offsets);

// Offsets in `data` (at or after `from`) where a bz2 stream header followed by a block or
// end-of-stream magic begins: candidate stream starts. Returns npos when none.
size_t find_bz2_stream_start(std::string_view data, size_t from);

// Reads a multistream index (plain or bz2-compressed; lines "offset:page_id:title") and returns
// the distinct stream offsets, sorted. On error returns false and sets `error`.
bool read_multistream_index(const std::string& path, std::vector<uint64_t>& offsets,
                            std::string& error);

}  // namespace wikivet
