#pragma once
// Decoding in parallel, reading in order (the parallel bz2 decoders: chunks of streams, single
// blocks). One reader thread queues items in the order their output must come out; worker
// threads decode them, several at once; the reader takes them from the front, each once it is
// decoded, so the output keeps the input's order whatever order the workers finish in. How far
// ahead the reader queues (and so how much memory is in flight) is the reader's choice.
#include <algorithm>
#include <condition_variable>
#include <deque>
#include <functional>
#include <memory>
#include <mutex>
#include <thread>
#include <vector>

namespace wikivet {

template <class Item>
class OrderedWorkerPool {
 public:
  // `decode` runs on a worker thread, once for each item queued to be decoded, and may touch
  // only that item: what it writes there, the reader sees once front() or pop() returns it.
  OrderedWorkerPool(unsigned threads, std::function<void(Item&)> decode)
      : decode_(std::move(decode)) {
    for (unsigned i = 0; i < std::max(1u, threads); ++i) workers_.emplace_back([this] { work(); });
  }

  // Waits for the items being decoded; those not yet started are dropped.
  ~OrderedWorkerPool() {
    {
      std::lock_guard lock(mu_);
      stop_ = true;
    }
    work_cv_.notify_all();
    for (auto& t : workers_) t.join();
  }

  OrderedWorkerPool(const OrderedWorkerPool&) = delete;
  OrderedWorkerPool& operator=(const OrderedWorkerPool&) = delete;

  // Queues `item` last. With `decode` false it is ready as it is (a marker the reader acts on
  // in its place in the order, such as the end of a stream).
  void push(std::shared_ptr<Item> item, bool decode = true) {
    auto e = std::make_shared<Entry>();
    e->item = std::move(item);
    e->done = !decode;
    order_.push_back(e);
    if (!decode) return;
    {
      std::lock_guard lock(mu_);
      tasks_.push_back(std::move(e));
    }
    work_cv_.notify_one();
  }

  size_t size() const { return order_.size(); }
  bool empty() const { return order_.empty(); }

  // The first item, once decoded; it stays first. Not on an empty queue.
  Item& front() {
    wait(*order_.front());
    return *order_.front()->item;
  }

  // The first item, once decoded, taken out of the queue. Not on an empty queue.
  std::shared_ptr<Item> pop() {
    std::shared_ptr<Entry> e = std::move(order_.front());
    order_.pop_front();
    wait(*e);
    return std::move(e->item);
  }

  // Drops every queued item (the reader goes another way from here); a worker finishes the
  // item it holds and then drops it.
  void clear() {
    {
      std::lock_guard lock(mu_);
      tasks_.clear();
    }
    order_.clear();
  }

 private:
  struct Entry {
    std::shared_ptr<Item> item;
    bool done = false;  // under mu_ once queued to be decoded
  };

  void wait(const Entry& e) {
    std::unique_lock lock(mu_);
    done_cv_.wait(lock, [&] { return e.done; });
  }

  void work() {
    for (;;) {
      std::shared_ptr<Entry> e;
      {
        std::unique_lock lock(mu_);
        work_cv_.wait(lock, [&] { return stop_ || !tasks_.empty(); });
        if (stop_) return;
        e = std::move(tasks_.front());
        tasks_.pop_front();
      }
      decode_(*e->item);
      {
        std::lock_guard lock(mu_);
        e->done = true;
      }
      done_cv_.notify_all();
    }
  }

  const std::function<void(Item&)> decode_;
  std::deque<std::shared_ptr<Entry>> order_;  // the reader's, in output order
  std::mutex mu_;
  std::condition_variable work_cv_, done_cv_;
  std::deque<std::shared_ptr<Entry>> tasks_;  // queued, not yet taken by a worker
  bool stop_ = false;
  std::vector<std::thread> workers_;
};

}  // namespace wikivet
