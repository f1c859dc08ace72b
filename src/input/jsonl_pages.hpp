#pragma once
// Pages as JSON Lines: one object per line, {"title": ..., "text": ...} (optionally "id" or
// "page_id", "revision_id", "ns", "redirect"). This is the input side of the map-step contract
// (Spark's RDD.pipe, Hadoop Streaming, GNU parallel --pipe): every input line yields exactly
// one page, in order; a line that cannot be read yields a page with `error` set, so the output
// can still have one line per input line.
#include <string>
#include <vector>

#include "input/decompress_stream.hpp"
#include "input/dump_page.hpp"

namespace wikivet {

class JsonlReader {
 public:
  explicit JsonlReader(ByteStream& in);
  // The next line's page. False at the end of input, or when reading failed (see error()).
  bool next(DumpPage& page);
  const std::string& error() const { return error_; }  // a read/decompression error
  uint64_t bytes() const { return bytes_; }            // input bytes consumed by complete lines
  uint64_t lines() const { return line_no_; }

 private:
  bool read_line(std::string& line);
  ByteStream& in_;
  std::vector<char> buf_;
  size_t pos_ = 0, end_ = 0;
  bool eof_ = false;
  std::string error_;
  uint64_t bytes_ = 0;
  uint64_t line_no_ = 0;
};

// Parses one line into `page` (sets page.error when it is not a page object).
void parse_jsonl_page(std::string_view line, DumpPage& page);

}  // namespace wikivet
