#include "input/decompress_xz.hpp"

#include <lzma.h>

#include <vector>

namespace wikivet {

namespace {

// Enough for any preset of xz (-9 needs 65 MiB to decode); a header asking for more is
// refused rather than allowed to blow the memory budget.
constexpr uint64_t kMemLimit = 128ull << 20;

const char* xz_error_text(lzma_ret rc) {
  switch (rc) {
    case LZMA_MEMLIMIT_ERROR:
      return "xz stream needs more than 128 MiB of memory to decode";
    case LZMA_FORMAT_ERROR:
      return "not an xz stream";
    case LZMA_OPTIONS_ERROR:
      return "unsupported xz options";
    case LZMA_DATA_ERROR:
      return "corrupt xz data";
    case LZMA_BUF_ERROR:
      return "truncated xz stream (the file ends inside a stream)";
    case LZMA_MEM_ERROR:
      return "out of memory in xz decoder";
    default:
      return "xz decoder error";
  }
}

class XzStream : public ByteStream {
 public:
  explicit XzStream(std::unique_ptr<ByteStream> in) : in_(std::move(in)), inbuf_(1 << 18) {
    const lzma_ret rc = lzma_stream_decoder(&strm_, kMemLimit, LZMA_CONCATENATED);
    if (rc != LZMA_OK) {
      fail(xz_error_text(rc), 0);
      done_ = true;
    }
  }
  ~XzStream() override { lzma_end(&strm_); }
  const char* kind() const override { return "xz"; }

  size_t read(char* buf, size_t n) override {
    if (done_ || n == 0) return 0;
    strm_.next_out = reinterpret_cast<uint8_t*>(buf);
    strm_.avail_out = n;
    for (;;) {
      if (strm_.avail_in == 0 && !in_eof_) {
        const size_t got = in_->read(reinterpret_cast<char*>(inbuf_.data()), inbuf_.size());
        if (got == 0) {
          in_eof_ = true;
          if (!in_->error().empty()) fail(in_->error(), consumed());
        }
        read_total_ += got;
        strm_.next_in = inbuf_.data();
        strm_.avail_in = got;
      }
      const size_t before_out = strm_.avail_out;
      const size_t before_in = strm_.avail_in;
      const lzma_ret rc = lzma_code(&strm_, in_eof_ ? LZMA_FINISH : LZMA_RUN);
      set_input_offset(consumed());
      const size_t produced = n - strm_.avail_out;
      if (rc == LZMA_STREAM_END) {
        done_ = true;
        return produced;
      }
      if (rc != LZMA_OK ||
          (in_eof_ && before_in == strm_.avail_in && before_out == strm_.avail_out)) {
        if (!error().empty()) {
          // the read error from below is the real cause
        } else if (rc == LZMA_OK || rc == LZMA_BUF_ERROR) {
          fail(xz_error_text(LZMA_BUF_ERROR), consumed());
        } else {
          fail(xz_error_text(rc), consumed());
        }
        done_ = true;
        return produced;  // the bytes decoded before the error are still good
      }
      if (strm_.avail_out == 0) return produced;
      if (produced > 0 && strm_.avail_in == 0 && !in_eof_) return produced;
    }
  }

 private:
  uint64_t consumed() const { return read_total_ - strm_.avail_in; }

  std::unique_ptr<ByteStream> in_;
  std::vector<uint8_t> inbuf_;
  lzma_stream strm_ = LZMA_STREAM_INIT;
  bool in_eof_ = false;
  bool done_ = false;
  uint64_t read_total_ = 0;
};

}  // namespace

std::unique_ptr<ByteStream> make_xz_stream(std::unique_ptr<ByteStream> in) {
  return std::make_unique<XzStream>(std::move(in));
}

}  // namespace wikivet
