#include "input/decompress_stream.hpp"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <cstring>
#include <thread>

#include "input/decompress_bz2.hpp"
#include "input/decompress_bz2_blocks.hpp"
#include "input/decompress_parallel_bz2.hpp"
#include "input/decompress_readahead.hpp"
#include "input/decompress_xz.hpp"

namespace wikivet {

RawFile::RawFile(int fd, bool owned, uint64_t start_offset, uint64_t end_offset)
    : fd_(fd), owned_(owned), offset_(start_offset), end_(end_offset) {
  set_input_offset(start_offset);
}

RawFile::~RawFile() {
  if (owned_) ::close(fd_);
}

void RawFile::unread(std::string bytes) {
  pushed_back_ = std::move(bytes) + pushed_back_.substr(pushed_pos_);
  pushed_pos_ = 0;
  offset_ -= std::min<uint64_t>(offset_, pushed_back_.size());
  set_input_offset(offset_);
}

size_t RawFile::read(char* buf, size_t n) {
  if (n == 0) return 0;
  if (pushed_pos_ < pushed_back_.size()) {
    const size_t take = std::min(n, pushed_back_.size() - pushed_pos_);
    std::memcpy(buf, pushed_back_.data() + pushed_pos_, take);
    pushed_pos_ += take;
    offset_ += take;
    set_input_offset(offset_);
    return take;
  }
  if (offset_ >= end_) return 0;
  n = static_cast<size_t>(std::min<uint64_t>(n, end_ - offset_));
  for (;;) {
    // pread keeps the descriptor's own position untouched, so several readers may share one
    // file (the parallel bz2 decoder's serial fallback); pipes need plain read.
    ssize_t r = -1;
    if (!is_pipe_) {
      r = ::pread(fd_, buf, n, static_cast<off_t>(offset_));
      if (r < 0 && errno == ESPIPE) is_pipe_ = true;
    }
    if (is_pipe_) r = ::read(fd_, buf, n);
    if (r < 0 && errno == EINTR) continue;
    if (r < 0) {
      fail(std::string("read error: ") + std::strerror(errno), offset_);
      return 0;
    }
    offset_ += static_cast<uint64_t>(r);
    set_input_offset(offset_);
    return static_cast<size_t>(r);
  }
}

const char* to_string(Compression c) {
  switch (c) {
    case Compression::None:
      return "none";
    case Compression::Bz2:
      return "bz2";
    case Compression::Xz:
      return "xz";
    case Compression::Gzip:
      return "gzip";
    case Compression::Zstd:
      return "zstd";
  }
  return "none";
}

Compression detect_compression(std::string_view m) {
  if (m.size() >= 4 && m.substr(0, 3) == "BZh" && m[3] >= '1' && m[3] <= '9')
    return Compression::Bz2;
  if (m.size() >= 6 && m.substr(0, 6) == std::string_view("\xFD"
                                                          "7zXZ\0",
                                                          6))
    return Compression::Xz;
  if (m.size() >= 2 && m.substr(0, 2) == "\x1F\x8B") return Compression::Gzip;
  if (m.size() >= 4 && m.substr(0, 4) == "\x28\xB5\x2F\xFD") return Compression::Zstd;
  return Compression::None;
}

OpenedInput open_input(const std::string& path, const OpenOptions& options) {
  OpenedInput r;
  int fd = 0;
  bool owned = false;
  if (path != "-") {
    fd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC);
    if (fd < 0) {
      r.error = "cannot read '" + path + "': " + std::strerror(errno);
      return r;
    }
    owned = true;
  }
  struct stat st {};
  if (::fstat(fd, &st) == 0) {
    if (S_ISDIR(st.st_mode)) {
      if (owned) ::close(fd);
      r.error = "cannot read '" + path + "': is a directory";
      return r;
    }
    if (S_ISREG(st.st_mode)) r.file_size = static_cast<uint64_t>(st.st_size);
  }
  auto raw = std::make_unique<RawFile>(fd, owned, 0);
  // Peek at the magic bytes (a pipe delivers them in pieces, hence the loop).
  std::string magic(6, '\0');
  size_t have = 0;
  while (have < magic.size()) {
    const size_t got = raw->read(magic.data() + have, magic.size() - have);
    if (got == 0) break;
    have += got;
  }
  if (!raw->error().empty()) {
    r.error = "cannot read '" + path + "': " + raw->error();
    return r;
  }
  magic.resize(have);
  r.compression = detect_compression(magic);
  if (r.compression == Compression::Gzip || r.compression == Compression::Zstd) {
    r.error = "'" + path + "' is " + to_string(r.compression) +
              "-compressed; wikivet reads plain, .bz2 and .xz input (decompress it into a pipe: " +
              (r.compression == Compression::Gzip ? "zcat" : "zstdcat") +
              " FILE | wikivet audit -)";
    return r;
  }
  const bool seekable = r.file_size > 0;
  if (r.compression == Compression::Bz2 && options.threads <= 1 && seekable) {
    // One thread: still block by block, as our block decoder (one whole block at a time) is
    // faster than libbz2's streaming one. Blocks decode on a thread of their own, ahead of the
    // reader. An index is not needed to find blocks.
    const int dupfd = ::dup(fd);
    if (dupfd >= 0) {
      ::fcntl(dupfd, F_SETFD, FD_CLOEXEC);
      raw.reset();
      r.stream = make_block_parallel_bz2_stream(dupfd, 0, r.file_size, 1);
      return r;
    }
  }
  if (r.compression == Compression::Bz2 && options.threads > 1 && seekable) {
    std::vector<uint64_t> offsets;
    if (!options.index_path.empty() &&
        !read_multistream_index(options.index_path, offsets, r.error))
      return r;
    // The parallel decoder reads with pread; it takes over the descriptor.
    const int dupfd = ::dup(fd);
    if (dupfd >= 0) {
      ::fcntl(dupfd, F_SETFD, FD_CLOEXEC);
      raw.reset();
      // Without an index (or a chunk size, for tests) the stream boundaries are unknown: the
      // block decoder finds bz2 blocks wherever they are, inside one stream or across many.
      if (offsets.empty() && options.bz2_chunk_bytes == 0)
        r.stream = make_block_parallel_bz2_stream(dupfd, 0, r.file_size, options.threads);
      else
        r.stream = make_parallel_bz2_stream(dupfd, r.file_size, options.threads, std::move(offsets),
                                            options.bz2_chunk_bytes);
      return r;
    }
  }
  raw->unread(std::move(magic));
  switch (r.compression) {
    // Serial decompression runs on a thread of its own, ahead of the XML parser.
    case Compression::Bz2:
      r.stream = make_readahead_stream(make_bz2_stream(std::move(raw), 0));
      break;
    case Compression::Xz:
      r.stream = make_readahead_stream(make_xz_stream(std::move(raw)));
      break;
    default:
      r.stream = std::move(raw);
      break;
  }
  return r;
}

}  // namespace wikivet
