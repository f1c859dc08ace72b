#pragma once
// `audit --decompressor CMD`: the dump piped through an external decompressor (as tar's -I),
// e.g. `lbzip2 -dc -n2`, which decodes bzip2 on several threads faster than libbz2 does.
#include <string>

#include "input/decompress_stream.hpp"

namespace wikivet {

// Runs `command` (split at spaces, no shell; found on PATH) with `path` ("-": this process's
// standard input) on its standard input, and returns its standard output as the stream. A
// command that cannot be started is an error here; one that exits non-zero or dies makes the
// stream fail at its end with one line (its exit status and the first line it wrote to stderr).
OpenedInput open_with_decompressor(const std::string& path, const std::string& command);

}  // namespace wikivet
