#include "input/decompress_bz2_blocks.hpp"

#include <unistd.h>

#include <algorithm>
#include <cstring>
#include <string>
#include <vector>

#include "input/bz2_block_decoder.hpp"
#include "input/decompress_bz2.hpp"
#include "input/ordered_worker_pool.hpp"

namespace wikivet {

namespace {

constexpr uint64_t kBlockMagic = 0x314159265359ULL;
constexpr uint64_t kEndMagic = 0x177245385090ULL;
constexpr uint64_t kMask48 = (1ULL << 48) - 1;
constexpr uint64_t kNone = UINT64_MAX;
// A block holds at most 900 kB before compression and bzip2 barely expands incompressible
// data: a "block" longer than this is corrupt data or no bzip2 at all.
constexpr size_t kMaxBlockBytes = 4 << 20;
// One block decodes to at most about 46 MB (runs of a byte expand); a block that would exceed
// this goes to the serial decoder, which streams, so a bomb cannot exhaust memory.
constexpr size_t kMaxBlockOutput = 48 << 20;
constexpr size_t kReadBlock = 1 << 20;
// Blocks found ahead of the reader, decoded or queued: at least this many whatever the thread
// count. With one decoding thread a window of two left the decoder idle whenever the reader
// took a run of small pages; eight blocks (about 8 MB of output) keep it busy.
constexpr size_t kMinWindow = 8;

// The values byte i+1 takes when a magic starts in byte i, at any of the 8 bit offsets: a
// cheap filter before the full 48-bit comparison.
struct SecondByteTable {
  bool may[256] = {};
  SecondByteTable() {
    for (uint64_t m : {kBlockMagic, kEndMagic})
      for (unsigned s = 0; s < 8; ++s) may[(m >> (32 + s)) & 0xFF] = true;
  }
};

// `n` bits (n <= 32) at bit offset `bit` of p, most significant first (bzip2's bit order).
uint32_t read_bits(const unsigned char* p, uint64_t bit, unsigned n) {
  uint64_t v = 0;
  const uint64_t first = bit / 8;
  const unsigned skip = static_cast<unsigned>(bit % 8);
  const unsigned bytes = (skip + n + 7) / 8;
  for (unsigned k = 0; k < bytes; ++k) v = (v << 8) | p[first + k];
  return static_cast<uint32_t>((v >> (bytes * 8 - skip - n)) & ((1ULL << n) - 1));
}

class BitWriter {
 public:
  explicit BitWriter(std::string& out) : out_(out) {}
  void put(uint64_t v, unsigned bits) {  // bits <= 32
    acc_ = (acc_ << bits) | (v & ((1ULL << bits) - 1));
    n_ += bits;
    while (n_ >= 8) {
      n_ -= 8;
      out_.push_back(static_cast<char>((acc_ >> n_) & 0xFF));
    }
  }
  void flush() {
    if (n_ > 0) out_.push_back(static_cast<char>((acc_ << (8 - n_)) & 0xFF));
    n_ = 0;
  }

 private:
  std::string& out_;
  uint64_t acc_ = 0;
  unsigned n_ = 0;
};

struct Unit {
  enum Kind { Block, StreamEnd, Bad } kind = Block;
  uint64_t begin_bit = 0, end_bit = 0;  // Block: its bits in the file, [begin, end)
  char level = '9';
  uint32_t crc = 0;        // Block: its CRC (read when decoded); StreamEnd: the combined CRC
  uint64_t next_byte = 0;  // StreamEnd: where the next stream starts
  bool at_header = false;  // Bad: found where a stream header should be
  std::string src;         // Block: the file's bytes holding it, from begin_bit / 8 on
  std::string out, error;
};

// The libbz2 way, for randomised blocks (which our decoder leaves aside): a one-block stream of
// header, the block's bits re-aligned, end-of-stream magic and the block's CRC as the combined
// CRC. libbz2 checks both CRCs.
void decode_block_with_libbz2(Unit& u) {
  const auto* p = reinterpret_cast<const unsigned char*>(u.src.data());
  const unsigned sh = static_cast<unsigned>(u.begin_bit % 8);
  const uint64_t nbits = u.end_bit - u.begin_bit;
  std::string s;
  s.reserve(nbits / 8 + 16);
  s += "BZh";
  s += u.level;
  const size_t full = nbits / 8;
  for (size_t k = 0; k < full; ++k) {
    unsigned v = static_cast<unsigned>(p[k]) << sh;
    if (sh != 0) v |= p[k + 1] >> (8 - sh);
    s.push_back(static_cast<char>(v & 0xFF));
  }
  BitWriter w(s);
  if (const unsigned rest = static_cast<unsigned>(nbits % 8); rest != 0)
    w.put(read_bits(p, sh + full * 8, rest), rest);
  w.put(kEndMagic >> 24, 24);
  w.put(kEndMagic & 0xFFFFFF, 24);
  w.put(u.crc, 32);
  w.flush();
  u.out.clear();
  u.error = bz2_decompress_buffer(s, u.out, kMaxBlockOutput);
}

// On a worker thread: decodes one block with our block decoder (libbz2 for a randomised one).
void decode_block(Unit& u) {
  const auto* p = reinterpret_cast<const unsigned char*>(u.src.data());
  const unsigned sh = static_cast<unsigned>(u.begin_bit % 8);
  const uint64_t nbits = u.end_bit - u.begin_bit;
  if (nbits < 80 || (sh + nbits + 7) / 8 > u.src.size()) {
    u.error = "bz2 block too short";
    return;
  }
  u.crc = read_bits(p, sh + 48, 32);
  u.out.clear();
  const Bz2BlockResult r = decode_bz2_block(
      u.src, sh, sh + nbits, static_cast<unsigned>(u.level - '0'), u.out, kMaxBlockOutput);
  if (r.status == Bz2BlockResult::Randomised)
    decode_block_with_libbz2(u);
  else
    u.error = r.error;
  if (!u.error.empty()) std::string().swap(u.out);
}

uint32_t rotl1(uint32_t v) {
  return (v << 1) | (v >> 31);
}

class BlockParallelBz2Stream : public ByteStream {
 public:
  BlockParallelBz2Stream(int fd, uint64_t begin, uint64_t end, unsigned threads,
                         std::vector<uint64_t> false_magics)
      : fd_(fd),
        begin_(begin),
        end_(end),
        window_(std::max<size_t>(kMinWindow, 2 * size_t{std::max(1u, threads)})),
        header_byte_(begin),
        stream_start_(begin),
        buf_off_(begin),
        false_magics_(std::move(false_magics)),
        pool_(threads, decode_block) {}

  // The workers (pool_, destroyed after this) touch only their blocks, not fd_.
  ~BlockParallelBz2Stream() override {
    serial_.reset();
    ::close(fd_);
  }

  const char* kind() const override { return serial_ ? "bz2" : "bz2-blocks"; }

  size_t read(char* buf, size_t n) override {
    if (finished_ || n == 0) return 0;
    for (;;) {
      if (serial_) return read_serial(buf, n);
      if (current_ && pos_ < current_->out.size()) {
        const size_t take = std::min(n, current_->out.size() - pos_);
        std::memcpy(buf, current_->out.data() + pos_, take);
        pos_ += take;
        stream_emitted_ += take;
        return take;
      }
      current_.reset();
      pos_ = 0;
      top_up();
      if (pool_.empty()) {
        finished_ = true;
        return 0;
      }
      std::shared_ptr<Unit> u = pool_.pop();
      if (u->kind == Unit::Bad) {
        if (u->at_header && has_previous_stream_)
          fall_back(previous_start_, previous_bytes_);  // the serial decoder names the garbage
        else
          fall_back(stream_start_, stream_emitted_);
        continue;
      }
      if (u->kind == Unit::StreamEnd) {
        if (u->crc != stream_crc_) {
          fall_back(stream_start_, stream_emitted_);
          continue;
        }
        has_previous_stream_ = true;
        previous_start_ = stream_start_;
        previous_bytes_ = stream_emitted_;
        stream_start_ = u->next_byte;
        stream_emitted_ = 0;
        stream_crc_ = 0;
        set_input_offset(u->next_byte);
        continue;
      }
      while (!u->error.empty() && merge_next(*u)) {
      }
      if (!u->error.empty()) {
        fall_back(stream_start_, stream_emitted_);
        continue;
      }
      stream_crc_ = rotl1(stream_crc_) ^ u->crc;
      set_input_offset(u->end_bit / 8);
      std::string().swap(u->src);
      current_ = std::move(u);
    }
  }

 private:
  // ---- the reader's side -----------------------------------------------------------------

  // `u` failed: its end may be a false magic. Joins it with the next block and decodes the two
  // as one. False when there is no next block in this stream or the budget is spent.
  bool merge_next(Unit& u) {
    if (pool_.empty()) top_up();
    if (pool_.empty() || pool_.front().kind != Unit::Block) return false;
    Unit& next = pool_.front();
    const uint64_t merged = (next.end_bit - u.begin_bit) / 8;
    if (merged > kMaxBlockBytes) return false;
    // Never decode again more than the input read so far (plus one block): linear time.
    if (merged_bytes_ + merged > (next.end_bit / 8 - begin_) + kMaxBlockBytes) return false;
    merged_bytes_ += merged;
    const size_t keep = static_cast<size_t>(next.begin_bit / 8 - u.begin_bit / 8);
    u.src.resize(keep);
    u.src += next.src;
    u.end_bit = next.end_bit;
    pool_.pop();
    u.out.clear();
    u.error.clear();
    decode_block(u);
    return true;
  }

  // Decodes the rest serially from the stream starting at `from`, skipping `skip` bytes of it
  // (those already handed out, decoded and checked here).
  void fall_back(uint64_t from, uint64_t skip) {
    pool_.clear();
    serial_ = make_bz2_stream(std::make_unique<RawFile>(fd_, false, from, end_), from);
    skip_ = skip;
  }

  size_t read_serial(char* buf, size_t n) {
    while (skip_ > 0) {
      const size_t got = serial_->read(buf, static_cast<size_t>(std::min<uint64_t>(skip_, n)));
      if (got == 0) break;
      skip_ -= got;
    }
    const size_t got = skip_ > 0 ? 0 : serial_->read(buf, n);
    set_input_offset(serial_->input_offset());
    if (got == 0) {
      if (!serial_->error().empty()) fail(serial_->error(), serial_->error_input_offset());
      finished_ = true;
    }
    return got;
  }

  // ---- finding the blocks (on the reader's thread, ahead of it by `window_` blocks) --------

  void push(std::shared_ptr<Unit> u) {
    const bool decode = u->kind == Unit::Block;
    pool_.push(std::move(u), decode);
  }

  void push_bad(bool at_header) {
    auto u = std::make_shared<Unit>();
    u->kind = Unit::Bad;
    u->at_header = at_header;
    push(std::move(u));
    producing_ = false;
  }

  void top_up() {
    while (producing_ && pool_.size() < window_) produce();
  }

  uint64_t buf_end() const { return buf_off_ + buf_.size(); }

  // Reads until the buffer reaches file byte `want` (or the end). False on a read error.
  bool ensure(uint64_t want) {
    want = std::min(want, end_);
    while (buf_end() < want) {
      const size_t n = static_cast<size_t>(
          std::min<uint64_t>(std::max<uint64_t>(kReadBlock, want - buf_end()), end_ - buf_end()));
      const size_t old = buf_.size();
      buf_.resize(old + n);
      const ssize_t r = ::pread(fd_, buf_.data() + old, n, static_cast<off_t>(buf_end() - n));
      if (r <= 0) {
        buf_.resize(old);
        return false;
      }
      buf_.resize(old + static_cast<size_t>(r));
    }
    return true;
  }

  void drop_before(uint64_t byte) {
    if (byte <= buf_off_) return;
    buf_.erase(0, static_cast<size_t>(byte - buf_off_));
    buf_off_ = byte;
  }

  const unsigned char* bytes() const { return reinterpret_cast<const unsigned char*>(buf_.data()); }

  void produce() {
    if (in_block_) {
      produce_block();
      return;
    }
    const uint64_t p = header_byte_;
    if (p >= end_) {
      producing_ = false;
      return;
    }
    drop_before(p);
    if (!ensure(p + 10) || buf_end() < p + 10 || std::memcmp(buf_.data(), "BZh", 3) != 0 ||
        buf_[3] < '1' || buf_[3] > '9') {
      push_bad(true);
      return;
    }
    level_ = buf_[3];
    const uint64_t magic =
        (static_cast<uint64_t>(read_bits(bytes(), 32, 24)) << 24) | read_bits(bytes(), 56, 24);
    if (magic == kBlockMagic) {
      in_block_ = true;
      block_begin_ = (p + 4) * 8;
      scan_from_ = block_begin_ + 80;
    } else if (magic == kEndMagic) {  // a stream without blocks
      end_of_stream((p + 4) * 8);
    } else {
      push_bad(true);
    }
  }

  void produce_block() {
    bool is_end = false;
    uint64_t at = kNone;
    for (;;) {
      const uint64_t rel = find_bz2_block_magic(buf_, scan_from_ - buf_off_ * 8, is_end);
      if (rel != kNone) {
        at = buf_off_ * 8 + rel;
        break;
      }
      // No end in sight: truncated, corrupt or not bzip2. The serial decoder says which.
      if (buf_end() >= end_ || buf_end() - block_begin_ / 8 > kMaxBlockBytes ||
          !ensure(buf_end() + kReadBlock)) {
        push_bad(false);
        return;
      }
      // A magic may straddle the old end of the buffer: look at its last bytes again.
      const uint64_t old_end = buf_end() - std::min<uint64_t>(buf_end(), kReadBlock);
      scan_from_ = std::max(scan_from_, old_end > 7 ? (old_end - 7) * 8 : 0);
      scan_from_ = std::max(scan_from_, buf_off_ * 8);
    }
    while (next_false_ < false_magics_.size() && false_magics_[next_false_] < scan_from_)
      ++next_false_;
    if (next_false_ < false_magics_.size() && false_magics_[next_false_] < at) {
      at = false_magics_[next_false_++];
      is_end = false;
    }
    auto u = std::make_shared<Unit>();
    u->begin_bit = block_begin_;
    u->end_bit = at;
    u->level = level_;
    const uint64_t from = block_begin_ / 8;
    u->src.assign(buf_, static_cast<size_t>(from - buf_off_),
                  static_cast<size_t>((at + 7) / 8 - from));
    push(std::move(u));
    drop_before(at / 8);
    if (is_end) {
      in_block_ = false;
      end_of_stream(at);
    } else {
      block_begin_ = at;
      scan_from_ = at + 80;
    }
  }

  // The end-of-stream magic at file bit `at`: the combined CRC follows, then padding.
  void end_of_stream(uint64_t at) {
    const uint64_t next = (at + 80 + 7) / 8;
    if (!ensure(next) || buf_end() < next) {
      push_bad(false);
      return;
    }
    auto u = std::make_shared<Unit>();
    u->kind = Unit::StreamEnd;
    u->crc = read_bits(bytes(), at + 48 - buf_off_ * 8, 32);
    u->next_byte = next;
    push(std::move(u));
    header_byte_ = next;
  }

  int fd_;
  uint64_t begin_, end_;
  size_t window_;
  // Producer state.
  bool producing_ = true;
  bool in_block_ = false;
  uint64_t header_byte_;      // where the next stream header is expected
  uint64_t block_begin_ = 0;  // bit where the open block starts
  uint64_t scan_from_ = 0;    // bit from which to look for the next magic
  char level_ = '9';
  // Reader state.
  uint64_t stream_start_;  // byte where the current stream starts
  uint64_t stream_emitted_ = 0;
  uint32_t stream_crc_ = 0;
  bool has_previous_stream_ = false;
  uint64_t previous_start_ = 0, previous_bytes_ = 0;
  uint64_t merged_bytes_ = 0;
  std::string buf_;  // file bytes from buf_off_ on
  uint64_t buf_off_;
  std::vector<uint64_t> false_magics_;
  size_t next_false_ = 0;
  std::shared_ptr<Unit> current_;
  size_t pos_ = 0;
  std::unique_ptr<ByteStream> serial_;
  uint64_t skip_ = 0;
  bool finished_ = false;
  OrderedWorkerPool<Unit> pool_;  // units in file order, blocks decoding ahead of the reader
};

}  // namespace

uint64_t find_bz2_block_magic(std::string_view data, uint64_t from_bit, bool& is_end) {
  static const SecondByteTable table;
  const auto* p = reinterpret_cast<const unsigned char*>(data.data());
  const size_t n = data.size();
  const uint64_t limit = static_cast<uint64_t>(n) * 8;
  for (size_t i = static_cast<size_t>(from_bit / 8); i + 5 < n; ++i) {
    if (!table.may[p[i + 1]]) continue;
    uint64_t w = 0;
    for (size_t k = 0; k < 8; ++k) w = (w << 8) | (i + k < n ? p[i + k] : 0);
    for (unsigned s = 0; s < 8; ++s) {
      const uint64_t bit = static_cast<uint64_t>(i) * 8 + s;
      if (bit < from_bit || bit + 48 > limit) continue;
      const uint64_t v = (w >> (16 - s)) & kMask48;
      if (v == kBlockMagic || v == kEndMagic) {
        is_end = v == kEndMagic;
        return bit;
      }
    }
  }
  return kNone;
}

std::unique_ptr<ByteStream> make_block_parallel_bz2_stream(int fd, uint64_t begin, uint64_t end,
                                                           unsigned threads,
                                                           std::vector<uint64_t> false_magics) {
  return std::make_unique<BlockParallelBz2Stream>(fd, begin, end, threads, std::move(false_magics));
}

}  // namespace wikivet
