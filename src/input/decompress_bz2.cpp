#include "input/decompress_bz2.hpp"

#include <bzlib.h>

#include <cstring>
#include <vector>

namespace wikivet {

namespace {

bool is_bz2_magic(const char* p, size_t n) {
  return n >= 4 && p[0] == 'B' && p[1] == 'Z' && p[2] == 'h' && p[3] >= '1' && p[3] <= '9';
}

const char* bz2_error_text(int rc) {
  switch (rc) {
    case BZ_DATA_ERROR:
      return "corrupt bz2 data (checksum or format error)";
    case BZ_DATA_ERROR_MAGIC:
      return "not a bz2 stream (bad magic)";
    case BZ_MEM_ERROR:
      return "out of memory in bz2 decoder";
    default:
      return "bz2 decoder error";
  }
}

class Bz2Stream : public ByteStream {
 public:
  Bz2Stream(std::unique_ptr<ByteStream> in, uint64_t base)
      : in_(std::move(in)), base_(base), inbuf_(1 << 18) {
    std::memset(&strm_, 0, sizeof strm_);
  }
  ~Bz2Stream() override {
    if (active_) BZ2_bzDecompressEnd(&strm_);
  }
  const char* kind() const override { return "bz2"; }

  size_t read(char* buf, size_t n) override {
    if (done_ || n == 0) return 0;
    for (;;) {
      if (strm_.avail_in == 0 && !in_eof_) refill();
      if (!error().empty()) return finish_error();
      if (!active_) {
        // Between streams: the end of input is the normal end; anything else must be the
        // next stream's header.
        if (strm_.avail_in == 0 && in_eof_) {
          if (streams_ == 0) {
            fail("empty bz2 input", consumed());
            return finish_error();
          }
          done_ = true;
          return 0;
        }
        if (strm_.avail_in < 4 && !in_eof_) {
          compact_and_refill();
          continue;
        }
        if (!is_bz2_magic(strm_.next_in, strm_.avail_in)) {
          fail(streams_ == 0 ? "not a bz2 stream (bad magic)"
                             : "garbage after the end of a bz2 stream",
               consumed());
          return finish_error();
        }
        if (BZ2_bzDecompressInit(&strm_, 0, 0) != BZ_OK) {
          fail("cannot start the bz2 decoder", consumed());
          return finish_error();
        }
        active_ = true;
        ++streams_;
      }
      strm_.next_out = buf;
      strm_.avail_out = static_cast<unsigned>(std::min<size_t>(n, 1u << 30));
      const unsigned before_in = strm_.avail_in;
      const int rc = BZ2_bzDecompress(&strm_);
      const size_t produced = static_cast<size_t>(strm_.next_out - buf);
      set_input_offset(consumed());
      if (rc == BZ_STREAM_END) {
        BZ2_bzDecompressEnd(&strm_);
        active_ = false;
        if (produced > 0) return produced;
        continue;
      }
      if (rc != BZ_OK) {
        fail(bz2_error_text(rc), consumed());
        if (produced > 0) return produced;  // the error shows on the next call
        return finish_error();
      }
      if (produced > 0) return produced;
      if (strm_.avail_in == 0 && in_eof_ && before_in == strm_.avail_in) {
        fail("truncated bz2 stream (the file ends inside a stream)", consumed());
        return finish_error();
      }
    }
  }

 private:
  uint64_t consumed() const { return base_ + read_total_ - strm_.avail_in; }

  size_t finish_error() {
    done_ = true;
    return 0;
  }

  void refill() {
    const size_t got = in_->read(inbuf_.data(), inbuf_.size());
    if (got == 0) {
      in_eof_ = true;
      if (!in_->error().empty()) fail(in_->error(), consumed());
    }
    read_total_ += got;
    strm_.next_in = inbuf_.data();
    strm_.avail_in = static_cast<unsigned>(got);
  }

  // Keeps the unconsumed bytes and appends more, so a 4-byte header split across reads is seen.
  void compact_and_refill() {
    std::memmove(inbuf_.data(), strm_.next_in, strm_.avail_in);
    const size_t kept = strm_.avail_in;
    const size_t got = in_->read(inbuf_.data() + kept, inbuf_.size() - kept);
    if (got == 0) {
      in_eof_ = true;
      if (!in_->error().empty()) fail(in_->error(), consumed());
    }
    read_total_ += got;
    strm_.next_in = inbuf_.data();
    strm_.avail_in = static_cast<unsigned>(kept + got);
  }

  std::unique_ptr<ByteStream> in_;
  uint64_t base_;
  std::vector<char> inbuf_;
  bz_stream strm_;
  bool active_ = false;
  bool in_eof_ = false;
  bool done_ = false;
  uint64_t read_total_ = 0;
  size_t streams_ = 0;
};

}  // namespace

std::unique_ptr<ByteStream> make_bz2_stream(std::unique_ptr<ByteStream> in, uint64_t base_offset) {
  return std::make_unique<Bz2Stream>(std::move(in), base_offset);
}

std::string bz2_decompress_buffer(std::string_view in, std::string& out, size_t max_output) {
  size_t pos = 0;
  bool any = false;
  while (pos < in.size()) {
    if (!is_bz2_magic(in.data() + pos, in.size() - pos))
      return any ? "garbage after the end of a bz2 stream" : "not a bz2 stream (bad magic)";
    bz_stream strm;
    std::memset(&strm, 0, sizeof strm);
    if (BZ2_bzDecompressInit(&strm, 0, 0) != BZ_OK) return "cannot start the bz2 decoder";
    strm.next_in = const_cast<char*>(in.data() + pos);
    strm.avail_in = static_cast<unsigned>(in.size() - pos);
    int rc = BZ_OK;
    while (rc == BZ_OK) {
      if (out.size() >= max_output) {
        BZ2_bzDecompressEnd(&strm);
        return "chunk too large";
      }
      const size_t old = out.size();
      const size_t grow = std::min<size_t>(std::max<size_t>(old, 1 << 20), max_output - old);
      out.resize(old + grow);
      strm.next_out = out.data() + old;
      strm.avail_out = static_cast<unsigned>(grow);
      const unsigned before_in = strm.avail_in;
      rc = BZ2_bzDecompress(&strm);
      out.resize(old + grow - strm.avail_out);
      if (rc == BZ_OK && strm.avail_in == 0 && before_in == 0 && out.size() == old) break;
      if (rc == BZ_OK && strm.avail_in == 0 && strm.avail_out > 0) {
        // All input consumed without reaching the stream's end.
        BZ2_bzDecompressEnd(&strm);
        return "truncated bz2 stream (the file ends inside a stream)";
      }
    }
    BZ2_bzDecompressEnd(&strm);
    if (rc != BZ_STREAM_END) {
      if (rc == BZ_OK) return "truncated bz2 stream (the file ends inside a stream)";
      return bz2_error_text(rc);
    }
    pos = in.size() - strm.avail_in;
    any = true;
  }
  return any ? "" : "empty bz2 input";
}

}  // namespace wikivet
