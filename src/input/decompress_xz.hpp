#pragma once
// xz decompression as a stream (concatenated .xz streams are accepted, like `xz -dc`).
#include <memory>

#include "input/decompress_stream.hpp"

namespace wikivet {

std::unique_ptr<ByteStream> make_xz_stream(std::unique_ptr<ByteStream> in);

}  // namespace wikivet
