#pragma once
// Parts of a multistream .bz2 dump (Wikimedia's *-multistream.xml.bz2: a stream holding the
// <mediawiki> header and <siteinfo>, then streams of about 100 whole pages each, then a stream
// holding </mediawiki>), so that several workers audit one dump, each decompressing only its own
// streams (`wikivet audit --streams A-B`).
//
// Streams are numbered from 0, in file order; stream 0 starts at byte 0. They come from the
// dump's index file (byte 0, then the index's distinct offsets: a trailing stream that holds no
// page, such as the one closing </mediawiki>, belongs to the last listed stream) or, without
// one, from scanning the compressed bytes for a stream header directly followed by a block or
// end-of-stream magic (80 bits; a false match inside compressed data would make the decoding of
// that part fail loudly, never silently change its pages).
#include <cstdint>
#include <string>
#include <vector>

#include "input/decompress_stream.hpp"

namespace wikivet {

struct StreamList {
  std::vector<uint64_t> starts;  // byte offset of each stream, ascending; starts[0] == 0
  uint64_t file_size = 0;
  bool complete = true;  // false: the scan stopped early (enough streams were found)
  uint64_t end(size_t i) const { return i + 1 < starts.size() ? starts[i + 1] : file_size; }
};

// Lists the streams of `path` (a regular .bz2 file): from `index_path` when not empty, else by
// scanning, which stops once `need` streams are known (0: scan the whole file). False with a
// one-line `error` when the file is not bz2, cannot be read, or the index does not fit the dump.
bool list_multistream(const std::string& path, const std::string& index_path, size_t need,
                      StreamList& out, std::string& error);

// Streams first..last, inclusive, 0-based.
struct StreamRange {
  uint64_t first = 0, last = 0;
  bool to_end = false;  // "A-": through the last stream
};
// "A-B", "A" or "A-"; false with `error` otherwise.
bool parse_stream_range(const std::string& spec, StreamRange& range, std::string& error);

struct PartInput {
  OpenedInput opened;            // its stream's input_offset() counts the range's compressed bytes
  uint64_t added_bytes = 0;      // bytes of header and closing tag added around the range's own
  uint64_t first = 0, last = 0;  // the range, resolved
  uint64_t streams = 0;          // the dump's streams (0: not counted, the scan stopped early)
  bool to_end = false;           // the range's last stream is the dump's last
};

// Opens streams `range` of the dump as one XML document: the dump's header (stream 0 up to its
// first <page>, decompressed by every part, so that each reads the <siteinfo>) when the range
// starts later, the range's streams (decoded on `threads` threads when more than one), and a
// closing </mediawiki> when it ends before the dump does. A range that does not start at a
// <page> (a multistream file not cut at pages) is an error.
PartInput open_stream_range(const std::string& path, const std::string& index_path,
                            StreamRange range, unsigned threads);

}  // namespace wikivet
