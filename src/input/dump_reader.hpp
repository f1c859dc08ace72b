#pragma once
// Streams the pages of a MediaWiki XML export or dump (any schema version 0.x) with expat.
// Only the page being parsed (and the pages completed in the current input block) are held in
// memory, so dumps of any size stream through in bounded memory.
//
// Entities: MediaWiki never declares entities, so any DTD entity declaration is refused (this
// also rules out "billion laughs"), and expat's amplification limit is set as a second guard.
#include <cstdint>
#include <deque>
#include <functional>
#include <memory>
#include <string>

#include "input/decompress_stream.hpp"
#include "input/dump_page.hpp"
#include "input/site_info.hpp"

namespace wikivet {

struct DumpError {
  std::string message;                   // "malformed XML: mismatched tag (line 12, column 3)"
  uint64_t offset = 0;                   // in the decompressed stream
  std::optional<uint64_t> input_offset;  // in the file, when known
  uint64_t input_read = 0;  // compressed bytes consumed when the error was seen (an upper bound)
};

class DumpReader {
 public:
  // `keep` decides, once the page's title, namespace, id and redirect flag are known (at its
  // first <revision>), whether the page is wanted; text of unwanted pages is not collected.
  using Filter = std::function<bool(const DumpPage&)>;
  DumpReader(ByteStream& in, Filter keep);
  ~DumpReader();
  DumpReader(const DumpReader&) = delete;
  DumpReader& operator=(const DumpReader&) = delete;

  // The next wanted page, in document order. False at the end or on an error (see error()).
  bool next(DumpPage& page);

  const std::optional<DumpError>& error() const { return error_; }
  // Title of the last page read completely (wanted or not); empty before the first.
  const std::string& last_good_title() const { return last_title_; }
  uint64_t pages_seen() const { return pages_seen_; }        // complete <page> elements
  uint64_t pages_skipped() const { return pages_skipped_; }  // rejected by the filter
  uint64_t bytes() const { return bytes_; }                  // decompressed bytes parsed so far
  // The dump's <siteinfo> (which precedes the pages): known once the first page was read.
  const SiteInfo& site_info() const { return site_; }
  // Reads on until the dump's <siteinfo> has been read (it comes before the first page), and
  // returns what it says: empty when the dump has none (an export of a few pages may not).
  // The pages read meanwhile wait for next().
  const SiteInfo& read_site_info();

  struct Impl;

 private:
  bool feed();
  ByteStream& in_;
  std::unique_ptr<Impl> impl_;
  std::optional<DumpError> error_;
  std::string last_title_;
  uint64_t pages_seen_ = 0;
  uint64_t pages_skipped_ = 0;
  uint64_t bytes_ = 0;
  SiteInfo site_;
  bool ended_ = false;
};

}  // namespace wikivet
