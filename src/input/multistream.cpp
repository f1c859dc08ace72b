#include "input/multistream.hpp"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <cstring>
#include <memory>
#include <utility>

#include "input/decompress_bz2.hpp"
#include "input/decompress_parallel_bz2.hpp"
#include "input/decompress_readahead.hpp"

namespace wikivet {

namespace {

constexpr size_t kScanBlock = 1 << 20;
// The header is stream 0 up to its first <page>: a few kB in Wikimedia's dumps. More than this
// without a <page> is not a dump header.
constexpr size_t kMaxHeader = 16 << 20;
constexpr char kClose[] = "</mediawiki>\n";

bool pread_all(int fd, char* out, size_t n, uint64_t at) {
  size_t got = 0;
  while (got < n) {
    const ssize_t r = ::pread(fd, out + got, n - got, static_cast<off_t>(at + got));
    if (r < 0 && errno == EINTR) continue;
    if (r <= 0) return false;
    got += static_cast<size_t>(r);
  }
  return true;
}

// True when a bz2 stream header (with a block or end-of-stream magic after it) is at `at`.
bool stream_starts_at(int fd, uint64_t at, uint64_t size) {
  if (at + 10 > size) return false;
  char b[10];
  return pread_all(fd, b, sizeof b, at) && find_bz2_stream_start(std::string_view(b, 10), 0) == 0;
}

struct Fd {
  int fd = -1;
  ~Fd() {
    if (fd >= 0) ::close(fd);
  }
  int release() { return std::exchange(fd, -1); }
};

bool open_dump(const std::string& path, Fd& f, uint64_t& size, std::string& error) {
  if (path == "-") {
    error = "--streams needs a file (a part is read from its offset), not standard input";
    return false;
  }
  f.fd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC);
  struct stat st {};
  if (f.fd < 0 || ::fstat(f.fd, &st) != 0) {
    error = "cannot read '" + path + "': " + std::strerror(errno);
    return false;
  }
  if (!S_ISREG(st.st_mode)) {
    error = "cannot read '" + path + "' by streams: not a regular file";
    return false;
  }
  size = static_cast<uint64_t>(st.st_size);
  if (!stream_starts_at(f.fd, 0, size)) {
    error = "'" + path + "' is not a multistream .bz2 dump (it does not start with a bz2 stream)";
    return false;
  }
  return true;
}

bool scan_streams(int fd, uint64_t size, size_t need, StreamList& out) {
  out.starts.clear();
  std::string buf;
  uint64_t base = 0;  // file offset of buf[0]
  while (base + buf.size() < size) {
    const size_t want =
        static_cast<size_t>(std::min<uint64_t>(kScanBlock, size - base - buf.size()));
    const size_t old = buf.size();
    buf.resize(old + want);
    if (!pread_all(fd, buf.data() + old, want, base + old)) return false;
    for (size_t at = find_bz2_stream_start(buf, 0); at != std::string::npos;
         at = find_bz2_stream_start(buf, at + 1)) {
      const uint64_t abs = base + at;
      if (out.starts.empty() || abs > out.starts.back()) out.starts.push_back(abs);
      if (need && out.starts.size() >= need) {
        out.complete = false;
        return true;
      }
    }
    // A header may straddle the block edge: keep the last 9 bytes for the next search.
    const size_t keep = std::min<size_t>(9, buf.size());
    base += buf.size() - keep;
    buf.erase(0, buf.size() - keep);
  }
  out.complete = true;
  return true;
}

// Serves a prefix, an inner stream, then a suffix.
class PartStream : public ByteStream {
 public:
  PartStream(std::string prefix, std::string head, std::unique_ptr<ByteStream> inner,
             std::string suffix, uint64_t begin)
      : prefix_(std::move(prefix) + std::move(head)),
        inner_(std::move(inner)),
        suffix_(std::move(suffix)),
        begin_(begin) {}
  const char* kind() const override { return inner_->kind(); }

  size_t read(char* buf, size_t n) override {
    if (n == 0) return 0;
    if (pos_ < prefix_.size()) return serve(prefix_, buf, n);
    if (!inner_done_) {
      const size_t got = inner_->read(buf, n);
      const uint64_t at = inner_->input_offset();
      set_input_offset(at > begin_ ? at - begin_ : 0);
      if (got > 0) return got;
      inner_done_ = true;
      if (!inner_->error().empty()) {
        fail(inner_->error(), inner_->error_input_offset());
        return 0;
      }
      pos_ = 0;
      prefix_ = std::move(suffix_);
    }
    return pos_ < prefix_.size() ? serve(prefix_, buf, n) : 0;
  }

 private:
  size_t serve(const std::string& s, char* buf, size_t n) {
    const size_t take = std::min(n, s.size() - pos_);
    std::memcpy(buf, s.data() + pos_, take);
    pos_ += take;
    return take;
  }

  std::string prefix_;  // then, once the inner stream ends, the suffix
  std::unique_ptr<ByteStream> inner_;
  std::string suffix_;
  uint64_t begin_;
  size_t pos_ = 0;
  bool inner_done_ = false;
};

// Stream 0 decompressed up to its first <page>: the <mediawiki> element's start and <siteinfo>.
bool read_header(int fd, const StreamList& list, const std::string& path, std::string& header,
                 std::string& error) {
  auto in = make_bz2_stream(std::make_unique<RawFile>(fd, false, 0, list.end(0)), 0);
  std::vector<char> buf(1 << 16);
  size_t page = std::string::npos;
  while (header.size() < kMaxHeader) {
    const size_t got = in->read(buf.data(), buf.size());
    if (got == 0) break;
    const size_t from = header.size() > 5 ? header.size() - 5 : 0;
    header.append(buf.data(), got);
    page = header.find("<page", from);
    if (page != std::string::npos) break;
  }
  if (!in->error().empty() && page == std::string::npos) {
    error = "'" + path + "': stream 0 (the dump's header): " + in->error();
    return false;
  }
  if (page != std::string::npos) header.resize(page);
  if (header.find("<mediawiki") == std::string::npos) {
    error = "'" + path + "': stream 0 holds no <mediawiki> header: not a MediaWiki dump";
    return false;
  }
  return true;
}

}  // namespace

bool list_multistream(const std::string& path, const std::string& index_path, size_t need,
                      StreamList& out, std::string& error) {
  Fd f;
  if (!open_dump(path, f, out.file_size, error)) return false;
  if (index_path.empty()) {
    if (!scan_streams(f.fd, out.file_size, need, out)) {
      error = "cannot read '" + path + "': " + std::strerror(errno);
      return false;
    }
    return true;
  }
  std::vector<uint64_t> offsets;
  if (!read_multistream_index(index_path, offsets, error)) return false;
  if (offsets.empty()) {
    error = "index '" + index_path + "' lists no page";
    return false;
  }
  out.starts.clear();
  if (offsets.front() != 0) out.starts.push_back(0);
  out.starts.insert(out.starts.end(), offsets.begin(), offsets.end());
  out.complete = true;
  // Every offset must begin a stream of this dump: an index of another dump, or of another
  // version of it, would otherwise cut pages in two.
  for (const uint64_t at : out.starts) {
    if (at >= out.file_size) {
      error = "index '" + index_path + "': offset " + std::to_string(at) + " is beyond '" + path +
              "' (" + std::to_string(out.file_size) + " bytes): the index of another dump?";
      return false;
    }
    if (!stream_starts_at(f.fd, at, out.file_size)) {
      error = "index '" + index_path + "': offset " + std::to_string(at) +
              " is not the start of a bz2 stream in '" + path + "': the index of another dump?";
      return false;
    }
  }
  return true;
}

bool parse_stream_range(const std::string& spec, StreamRange& range, std::string& error) {
  auto number = [](const std::string& s, uint64_t& v) {
    if (s.empty() || s.size() > 18) return false;
    v = 0;
    for (const char c : s) {
      if (c < '0' || c > '9') return false;
      v = v * 10 + static_cast<uint64_t>(c - '0');
    }
    return true;
  };
  const auto dash = spec.find('-');
  bool ok = false;
  range = StreamRange{};
  if (dash == std::string::npos) {
    ok = number(spec, range.first);
    range.last = range.first;
  } else if (dash + 1 == spec.size()) {
    ok = number(spec.substr(0, dash), range.first);
    range.to_end = true;
  } else {
    ok = number(spec.substr(0, dash), range.first) && number(spec.substr(dash + 1), range.last) &&
         range.first <= range.last;
  }
  if (!ok)
    error = "--streams takes A-B (streams A to B, numbered from 0), A or A-, not '" + spec + "'";
  return ok;
}

PartInput open_stream_range(const std::string& path, const std::string& index_path,
                            StreamRange range, unsigned threads) {
  PartInput part;
  OpenedInput& r = part.opened;
  r.compression = Compression::Bz2;
  StreamList list;
  // To know whether the range ends before the dump does, the scan looks one stream further.
  const size_t need = range.to_end ? 0 : static_cast<size_t>(range.last) + 2;
  if (!list_multistream(path, index_path, need, list, r.error)) return part;
  const uint64_t count = list.starts.size();
  if (range.to_end) range.last = count - 1;
  if (range.first >= count || range.last >= count) {
    r.error = "--streams " + std::to_string(range.first) + "-" + std::to_string(range.last) +
              ": '" + path + "' has " + std::to_string(count) + " streams (0-" +
              std::to_string(count - 1) + ")";
    return part;
  }
  part.first = range.first;
  part.last = range.last;
  part.streams = list.complete ? count : 0;
  r.file_size = list.file_size;
  const uint64_t begin = list.starts[range.first];
  const uint64_t end = list.end(range.last);
  const bool to_end = range.last + 1 == count && list.complete;

  Fd f;
  f.fd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC);
  if (f.fd < 0) {
    r.error = "cannot read '" + path + "': " + std::strerror(errno);
    return part;
  }
  std::string header;
  if (range.first > 0 && !read_header(f.fd, list, path, header, r.error)) return part;

  std::unique_ptr<ByteStream> inner;
  if (threads > 1) {
    std::vector<uint64_t> inside(list.starts.begin() + static_cast<ptrdiff_t>(range.first),
                                 list.starts.begin() + static_cast<ptrdiff_t>(range.last) + 1);
    inner = make_parallel_bz2_range(f.release(), begin, end, threads, std::move(inside));
  } else {
    inner = make_readahead_stream(
        make_bz2_stream(std::make_unique<RawFile>(f.release(), true, begin, end), begin));
  }
  // A part after the first must start at a page: a multistream file cut elsewhere (as parallel
  // compressors cut theirs) cannot be split this way.
  std::string head;
  if (range.first > 0) {
    std::vector<char> buf(1 << 12);
    size_t lead = 0;
    while (head.size() < 64) {
      const size_t got = inner->read(buf.data(), buf.size());
      if (got == 0) break;
      head.append(buf.data(), got);
      while (lead < head.size() && std::strchr(" \t\r\n", head[lead]) && head[lead]) ++lead;
      if (head.size() - lead >= 12) break;
    }
    if (!inner->error().empty() && head.empty()) {
      r.error = "'" + path + "' stream " + std::to_string(range.first) + ": " + inner->error();
      return part;
    }
    // The closing stream (</mediawiki> alone) may be a part of its own.
    if (head.compare(lead, 5, "<page") != 0 && head.compare(lead, 12, "</mediawiki>") != 0) {
      r.error = "'" + path + "' stream " + std::to_string(range.first) +
                " does not start with a <page>: the dump is not cut at pages as Wikimedia's "
                "multistream dumps are";
      return part;
    }
  }
  part.to_end = to_end;
  std::string suffix = to_end ? "" : kClose;
  part.added_bytes = header.size() + suffix.size();
  r.stream = std::make_unique<PartStream>(std::move(header), std::move(head), std::move(inner),
                                          std::move(suffix), begin);
  return part;
}

}  // namespace wikivet
