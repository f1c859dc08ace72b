#include "input/decompress_readahead.hpp"

#include <condition_variable>
#include <cstring>
#include <deque>
#include <mutex>
#include <string>
#include <thread>

namespace wikivet {

namespace {

class ReadAheadStream : public ByteStream {
 public:
  ReadAheadStream(std::unique_ptr<ByteStream> inner, size_t blocks, size_t block_size)
      : inner_(std::move(inner)),
        max_blocks_(std::max<size_t>(1, blocks)),
        block_size_(block_size) {
    thread_ = std::thread([this] { fill(); });
  }
  ~ReadAheadStream() override {
    {
      std::lock_guard lock(mu_);
      stop_ = true;
    }
    space_cv_.notify_all();
    thread_.join();
  }
  const char* kind() const override { return inner_->kind(); }

  size_t read(char* buf, size_t n) override {
    if (n == 0) return 0;
    if (pos_ == current_.data.size()) {
      std::unique_lock lock(mu_);
      data_cv_.wait(lock, [&] { return !queue_.empty() || done_; });
      if (queue_.empty()) {
        if (!error_.empty()) fail(error_, error_offset_);
        set_input_offset(final_offset_);
        return 0;
      }
      current_ = std::move(queue_.front());
      queue_.pop_front();
      pos_ = 0;
      lock.unlock();
      space_cv_.notify_one();
      set_input_offset(current_.input_offset);
    }
    const size_t take = std::min(n, current_.data.size() - pos_);
    std::memcpy(buf, current_.data.data() + pos_, take);
    pos_ += take;
    return take;
  }

 private:
  struct Block {
    std::string data;
    uint64_t input_offset = 0;  // the inner stream's input offset after this block
  };

  void fill() {
    for (;;) {
      Block b;
      b.data.resize(block_size_);
      size_t have = 0;
      while (have < block_size_) {
        const size_t got = inner_->read(b.data.data() + have, block_size_ - have);
        if (got == 0) break;
        have += got;
      }
      b.data.resize(have);
      b.input_offset = inner_->input_offset();
      std::unique_lock lock(mu_);
      if (have > 0) {
        space_cv_.wait(lock, [&] { return stop_ || queue_.size() < max_blocks_; });
        if (stop_) return;
        queue_.push_back(std::move(b));
      }
      if (have < block_size_) {
        done_ = true;
        error_ = inner_->error();
        error_offset_ = inner_->error_input_offset();
        final_offset_ = inner_->input_offset();
        lock.unlock();
        data_cv_.notify_all();
        return;
      }
      lock.unlock();
      data_cv_.notify_one();
    }
  }

  std::unique_ptr<ByteStream> inner_;
  size_t max_blocks_;
  size_t block_size_;
  Block current_;
  size_t pos_ = 0;

  std::mutex mu_;
  std::condition_variable data_cv_, space_cv_;
  std::deque<Block> queue_;
  bool done_ = false, stop_ = false;
  std::string error_;
  std::optional<uint64_t> error_offset_;
  uint64_t final_offset_ = 0;
  std::thread thread_;
};

}  // namespace

std::unique_ptr<ByteStream> make_readahead_stream(std::unique_ptr<ByteStream> inner, size_t blocks,
                                                  size_t block_size) {
  return std::make_unique<ReadAheadStream>(std::move(inner), blocks, block_size);
}

}  // namespace wikivet
