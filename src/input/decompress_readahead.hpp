#pragma once
// Runs a (decompressing) byte stream on a thread of its own, a few blocks ahead of the reader,
// so that decompression and XML parsing overlap instead of taking turns on one core.
#include <memory>

#include "input/decompress_stream.hpp"

namespace wikivet {

// At most `blocks` blocks of `block_size` bytes are buffered ahead. Errors of `inner` surface
// after every byte it delivered before them, with its offsets.
std::unique_ptr<ByteStream> make_readahead_stream(std::unique_ptr<ByteStream> inner,
                                                  size_t blocks = 4, size_t block_size = 1 << 20);

}  // namespace wikivet
