#pragma once
// Byte streams for dump input: a file or standard input, read as is or decompressed (bz2
// including multistream files, xz), recognised by magic bytes rather than by file name.
//
// Streams are pulled with read(); they never throw. After an error read() returns 0 and
// error() says what went wrong in one line, with offsets the user can act on.
#include <atomic>
#include <cstddef>
#include <cstdint>
#include <memory>
#include <optional>
#include <string>

namespace wikivet {

class ByteStream {
 public:
  virtual ~ByteStream() = default;
  // Reads up to n bytes into buf; 0 means the end of the data, or an error (see error()).
  virtual size_t read(char* buf, size_t n) = 0;
  // Empty unless the stream failed: "truncated bz2 stream" ... (no offsets: see below).
  const std::string& error() const { return error_; }
  // Bytes of the underlying file consumed so far (the compressed offset). Safe to read from
  // another thread (progress display).
  uint64_t input_offset() const { return input_offset_.load(std::memory_order_relaxed); }
  // Compressed offset where the error was detected, when the format knows it.
  std::optional<uint64_t> error_input_offset() const { return error_input_offset_; }
  // "plain", "bz2", "bz2-parallel", "xz".
  virtual const char* kind() const = 0;

 protected:
  void fail(std::string message, std::optional<uint64_t> input_offset) {
    if (error_.empty()) {
      error_ = std::move(message);
      error_input_offset_ = input_offset;
    }
  }
  void set_input_offset(uint64_t v) { input_offset_.store(v, std::memory_order_relaxed); }

 private:
  std::string error_;
  std::optional<uint64_t> error_input_offset_;
  std::atomic<uint64_t> input_offset_{0};
};

// A file descriptor read from a given offset to its end (or to `end_offset`, exclusive), without
// decompression. Owns the fd unless it is standard input.
class RawFile : public ByteStream {
 public:
  RawFile(int fd, bool owned, uint64_t start_offset, uint64_t end_offset = UINT64_MAX);
  ~RawFile() override;
  RawFile(const RawFile&) = delete;
  RawFile& operator=(const RawFile&) = delete;
  size_t read(char* buf, size_t n) override;
  const char* kind() const override { return "plain"; }
  // Bytes given back to the front of the stream (used to peek at magic bytes on a pipe).
  void unread(std::string bytes);

 private:
  int fd_;
  bool owned_;
  uint64_t offset_;
  uint64_t end_;
  std::string pushed_back_;
  size_t pushed_pos_ = 0;
  bool is_pipe_ = false;  // pread failed with ESPIPE: read sequentially
};

enum class Compression { None, Bz2, Xz, Gzip, Zstd };
const char* to_string(Compression c);
// Looks at the first bytes of a file.
Compression detect_compression(std::string_view magic);

struct OpenOptions {
  unsigned threads = 1;        // > 1: multistream bz2 files are decompressed in parallel
  std::string index_path;      // the multistream index (*-index.txt[.bz2]); empty: scan for streams
  size_t bz2_chunk_bytes = 0;  // parallel bz2: compressed bytes per chunk at least (0: 1 MiB)
};

struct OpenedInput {
  std::unique_ptr<ByteStream> stream;  // empty on error
  std::string error;                   // one line when stream is empty
  Compression compression = Compression::None;
  uint64_t file_size = 0;  // 0 when unknown (a pipe)
};

// Opens `path` ("-" is standard input), detects its compression and returns the decompressed
// byte stream. Never throws.
OpenedInput open_input(const std::string& path, const OpenOptions& options);

}  // namespace wikivet
