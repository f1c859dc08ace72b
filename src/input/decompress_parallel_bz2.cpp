#include "input/decompress_parallel_bz2.hpp"

#include <unistd.h>

#include <algorithm>
#include <cstring>

#include "input/decompress_bz2.hpp"
#include "input/ordered_worker_pool.hpp"

namespace wikivet {

namespace {

// A chunk is at least this much compressed input (several of Wikimedia's streams), so the
// per-chunk overhead stays small and the boundary scan touches each byte about once.
constexpr size_t kDefaultChunk = 1 << 20;
// Without a boundary within this many bytes the file is not (usefully) multistream: decode it
// serially.
constexpr size_t kMaxChunkInput = 32 << 20;
// A chunk that decompresses to more than this is handed to the serial decoder, which streams
// it, so a decompression bomb cannot exhaust memory.
constexpr size_t kMaxChunkOutput = 48 << 20;
constexpr size_t kReadBlock = 1 << 20;

struct Chunk {
  uint64_t begin = 0;
  uint64_t end = 0;
  std::string compressed;
  std::string output;
  std::string error;
};

// On a worker thread: decodes the chunk's streams and frees its input.
void decode_chunk(Chunk& c) {
  c.output.reserve(c.compressed.size() * 5);
  c.error = bz2_decompress_buffer(c.compressed, c.output, kMaxChunkOutput);
  // Growth by doubling may leave half the buffer unused; the copy costs far less than the
  // decoding did, and keeps the chunks in flight at their real size.
  c.output.shrink_to_fit();
  std::string().swap(c.compressed);
  if (!c.error.empty()) std::string().swap(c.output);
}

class ParallelBz2Stream : public ByteStream {
 public:
  // Decodes the file's bytes [begin, end): whole streams.
  ParallelBz2Stream(int fd, uint64_t begin, uint64_t end, unsigned threads,
                    std::vector<uint64_t> offsets, size_t chunk)
      : fd_(fd),
        size_(end),
        next_begin_(begin),
        offsets_(std::move(offsets)),
        window_(2 * std::max(1u, threads)),
        target_(chunk ? std::min(chunk, kMaxChunkInput / 2) : kDefaultChunk),
        pool_(threads, decode_chunk) {}

  // The workers (pool_, destroyed after this) touch only their chunks, not fd_.
  ~ParallelBz2Stream() override {
    serial_.reset();
    ::close(fd_);
  }

  const char* kind() const override { return serial_ ? "bz2" : "bz2-parallel"; }

  size_t read(char* buf, size_t n) override {
    if (finished_ || n == 0) return 0;
    for (;;) {
      if (serial_) return read_serial(buf, n);
      if (current_ && pos_ < current_->output.size()) {
        const size_t take = std::min(n, current_->output.size() - pos_);
        std::memcpy(buf, current_->output.data() + pos_, take);
        pos_ += take;
        return take;
      }
      current_.reset();
      pos_ = 0;
      top_up();
      if (serial_) continue;
      if (pool_.empty()) {
        finished_ = true;
        return 0;
      }
      std::shared_ptr<Chunk> c = pool_.pop();
      if (!c->error.empty()) {
        // Not a clean run of streams: decode from this verified boundary on, serially.
        switch_to_serial(c->begin);
        continue;
      }
      set_input_offset(c->end);
      current_ = std::move(c);
    }
  }

 private:
  size_t read_serial(char* buf, size_t n) {
    const size_t got = serial_->read(buf, n);
    set_input_offset(serial_->input_offset());
    if (got == 0) {
      if (!serial_->error().empty()) fail(serial_->error(), serial_->error_input_offset());
      finished_ = true;
    }
    return got;
  }

  void switch_to_serial(uint64_t from) {
    pool_.clear();
    carry_.clear();
    auto raw = std::make_unique<RawFile>(fd_, false, from, size_);
    serial_ = make_bz2_stream(std::move(raw), from);
  }

  // Keeps `window_` chunks queued or decoding ahead of the reader.
  void top_up() {
    while (pool_.size() < window_ && next_begin_ < size_) {
      auto c = std::make_shared<Chunk>();
      c->begin = next_begin_;
      if (!cut_next_chunk(*c)) {
        if (pool_.empty()) {
          switch_to_serial(c->begin);
        } else {
          stop_dispatch_at_ = c->begin;  // serial takes over when the reader gets here
          next_begin_ = size_;
        }
        return;
      }
      next_begin_ = c->end;
      pool_.push(std::move(c));
    }
    if (pool_.empty() && stop_dispatch_at_ < size_) switch_to_serial(stop_dispatch_at_);
  }

  bool pread_all(char* out, size_t n, uint64_t at) {
    size_t got = 0;
    while (got < n) {
      const ssize_t r = ::pread(fd_, out + got, n - got, static_cast<off_t>(at + got));
      if (r <= 0) return false;
      got += static_cast<size_t>(r);
    }
    return true;
  }

  // Fills c.end and c.compressed. False when no boundary is found within kMaxChunkInput (or the
  // file cannot be read): the caller falls back to the serial decoder.
  bool cut_next_chunk(Chunk& c) {
    if (!offsets_.empty()) {
      auto it = std::lower_bound(offsets_.begin(), offsets_.end(), c.begin + target_);
      c.end = it == offsets_.end() ? size_ : std::min(*it, size_);
      if (c.end - c.begin > kMaxChunkInput) return false;
      c.compressed.resize(c.end - c.begin);
      return pread_all(c.compressed.data(), c.compressed.size(), c.begin);
    }
    // Scan: carry_ holds file bytes from c.begin on, already read.
    std::string& buf = carry_;
    size_t searched = 0;
    for (;;) {
      if (buf.size() > target_) {
        const size_t from = std::max(target_, searched);
        const size_t at = find_bz2_stream_start(buf, from);
        if (at != std::string::npos) {
          c.end = c.begin + at;
          c.compressed.assign(buf, 0, at);
          buf.erase(0, at);
          return true;
        }
        // A header may straddle the block edge: search its last 9 bytes again next time.
        searched = buf.size() > 9 ? buf.size() - 9 : 0;
      }
      const uint64_t file_pos = c.begin + buf.size();
      if (file_pos >= size_) {
        c.end = size_;
        c.compressed = std::move(buf);
        buf.clear();
        return true;
      }
      if (buf.size() >= kMaxChunkInput) return false;
      const size_t want = static_cast<size_t>(std::min<uint64_t>(kReadBlock, size_ - file_pos));
      const size_t old = buf.size();
      buf.resize(old + want);
      if (!pread_all(buf.data() + old, want, file_pos)) return false;
    }
  }

  int fd_;
  uint64_t size_;  // the end of the bytes decoded (the file's size unless a range)
  uint64_t next_begin_;
  std::vector<uint64_t> offsets_;
  size_t window_;
  size_t target_;  // compressed bytes per chunk, at least
  uint64_t stop_dispatch_at_ = UINT64_MAX;
  std::string carry_;
  std::shared_ptr<Chunk> current_;
  size_t pos_ = 0;
  std::unique_ptr<ByteStream> serial_;
  bool finished_ = false;
  OrderedWorkerPool<Chunk> pool_;  // chunks in file order, decoding ahead of the reader
};

}  // namespace

size_t find_bz2_stream_start(std::string_view d, size_t from) {
  static constexpr unsigned char kBlock[6] = {0x31, 0x41, 0x59, 0x26, 0x53, 0x59};
  static constexpr unsigned char kEnd[6] = {0x17, 0x72, 0x45, 0x38, 0x50, 0x90};
  while (from < d.size()) {
    const size_t at = d.find("BZh", from);
    if (at == std::string_view::npos || at + 10 > d.size()) return std::string_view::npos;
    const char level = d[at + 3];
    if (level >= '1' && level <= '9' &&
        (std::memcmp(d.data() + at + 4, kBlock, 6) == 0 ||
         std::memcmp(d.data() + at + 4, kEnd, 6) == 0))
      return at;
    from = at + 1;
  }
  return std::string_view::npos;
}

std::unique_ptr<ByteStream> make_parallel_bz2_stream(int fd, uint64_t file_size, unsigned threads,
                                                     std::vector<uint64_t> stream_offsets,
                                                     size_t chunk_bytes) {
  return std::make_unique<ParallelBz2Stream>(fd, 0, file_size, threads, std::move(stream_offsets),
                                             chunk_bytes);
}

std::unique_ptr<ByteStream> make_parallel_bz2_range(int fd, uint64_t begin, uint64_t end,
                                                    unsigned threads,
                                                    std::vector<uint64_t> stream_offsets) {
  return std::make_unique<ParallelBz2Stream>(fd, begin, end, threads, std::move(stream_offsets), 0);
}

bool read_multistream_index(const std::string& path, std::vector<uint64_t>& offsets,
                            std::string& error) {
  OpenedInput in = open_input(path, OpenOptions{});
  if (!in.stream) {
    error = in.error;
    return false;
  }
  offsets.clear();
  std::string line;
  std::vector<char> buf(1 << 16);
  size_t line_no = 0;
  auto take_line = [&]() -> bool {
    ++line_no;
    if (line.empty()) return true;
    uint64_t v = 0;
    size_t i = 0;
    for (; i < line.size() && line[i] >= '0' && line[i] <= '9'; ++i) {
      if (v > (UINT64_MAX - 9) / 10) break;
      v = v * 10 + static_cast<uint64_t>(line[i] - '0');
    }
    if (i == 0 || i >= line.size() || line[i] != ':') {
      error = "index '" + path + "' line " + std::to_string(line_no) +
              ": expected offset:page_id:title";
      return false;
    }
    if (offsets.empty() || offsets.back() != v) offsets.push_back(v);
    return true;
  };
  for (;;) {
    const size_t got = in.stream->read(buf.data(), buf.size());
    if (got == 0) break;
    for (size_t i = 0; i < got; ++i) {
      if (buf[i] == '\n') {
        if (!take_line()) return false;
        line.clear();
      } else if (line.size() < 4096) {
        line.push_back(buf[i]);
      }
    }
  }
  if (!in.stream->error().empty()) {
    error = "index '" + path + "': " + in.stream->error();
    return false;
  }
  if (!line.empty() && !take_line()) return false;
  std::sort(offsets.begin(), offsets.end());
  offsets.erase(std::unique(offsets.begin(), offsets.end()), offsets.end());
  return true;
}

}  // namespace wikivet
