#pragma once
// bzip2 decompression as a stream, including multistream files (many bz2 streams one after
// another, as Wikimedia's *-multistream.xml.bz2 dumps are made).
#include <memory>

#include "input/decompress_stream.hpp"

namespace wikivet {

// Decompresses everything `in` delivers: one or more concatenated bz2 streams, which must end
// exactly at the end of the input. `base_offset` is the file offset of in's first byte, so
// error offsets are file offsets.
std::unique_ptr<ByteStream> make_bz2_stream(std::unique_ptr<ByteStream> in, uint64_t base_offset);

// Decompresses one complete in-memory buffer of concatenated bz2 streams (a chunk of a
// multistream file) into `out`, appending. Returns an empty string on success, else the error
// (including "input ends inside a stream"). Stops with an error when `out` would grow beyond
// `max_output` bytes.
std::string bz2_decompress_buffer(std::string_view in, std::string& out, size_t max_output);

}  // namespace wikivet
