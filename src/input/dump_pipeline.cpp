#include "input/dump_pipeline.hpp"

#include <condition_variable>
#include <deque>
#include <map>
#include <mutex>
#include <thread>
#include <vector>

namespace wikivet {

namespace {

struct Shared {
  std::mutex mu;
  std::condition_variable space_cv, work_cv, done_cv;
  std::deque<std::unique_ptr<PageWork>> todo;
  std::vector<std::unique_ptr<PageWork>> completed;
  size_t inflight_pages = 0;
  size_t inflight_bytes = 0;
  uint64_t produced = 0;
  bool producer_done = false;
  bool cancel = false;
};

}  // namespace

uint64_t run_page_pipeline(const PipelineOptions& options, const PageProducer& produce,
                           const PageProcessor& process, const PageEmitter& emit) {
  const unsigned threads = std::max(1u, options.threads);
  const size_t max_pages = options.max_pages ? options.max_pages : 8 * threads + 16;
  const size_t max_bytes = options.max_bytes;
  Shared s;

  std::thread producer([&] {
    for (;;) {
      {
        std::lock_guard lock(s.mu);
        if (s.cancel) break;
      }
      auto w = std::make_unique<PageWork>();
      bool more = false;
      try {
        more = produce(w->page);
      } catch (...) {
        more = false;
      }
      if (!more) break;
      w->cost = w->page.text.size() + w->page.title.size() + 256;
      std::unique_lock lock(s.mu);
      s.space_cv.wait(lock, [&] {
        return s.cancel || s.inflight_pages == 0 ||
               (s.inflight_pages < max_pages && s.inflight_bytes + w->cost <= max_bytes);
      });
      if (s.cancel) break;
      s.inflight_pages += 1;
      s.inflight_bytes += w->cost;
      w->seq = s.produced++;
      s.todo.push_back(std::move(w));
      lock.unlock();
      s.work_cv.notify_one();
    }
    {
      std::lock_guard lock(s.mu);
      s.producer_done = true;
    }
    s.work_cv.notify_all();
    s.done_cv.notify_all();
  });

  std::vector<std::thread> workers;
  for (unsigned i = 0; i < threads; ++i) {
    workers.emplace_back([&] {
      for (;;) {
        std::unique_ptr<PageWork> w;
        {
          std::unique_lock lock(s.mu);
          s.work_cv.wait(lock, [&] { return s.cancel || !s.todo.empty() || s.producer_done; });
          if (s.cancel || s.todo.empty()) return;
          w = std::move(s.todo.front());
          s.todo.pop_front();
        }
        try {
          process(*w);
        } catch (...) {
          w->rendered.clear();
          w->result.findings.clear();
        }
        {
          std::lock_guard lock(s.mu);
          s.completed.push_back(std::move(w));
        }
        s.done_cv.notify_one();
      }
    });
  }

  uint64_t emitted = 0;    // handed to emit or dropped after a stop: leaves the budget
  uint64_t delivered = 0;  // accepted by emit
  std::map<uint64_t, std::unique_ptr<PageWork>> reorder;
  std::vector<std::unique_ptr<PageWork>> batch;
  bool stopped = false;
  while (!stopped) {
    {
      std::unique_lock lock(s.mu);
      s.done_cv.wait(
          lock, [&] { return !s.completed.empty() || (s.producer_done && emitted == s.produced); });
      if (s.completed.empty() && s.producer_done && emitted == s.produced) break;
      batch.swap(s.completed);
    }
    std::vector<std::unique_ptr<PageWork>> ready;
    if (options.ordered) {
      for (auto& w : batch) reorder.emplace(w->seq, std::move(w));
      while (!reorder.empty() && reorder.begin()->first == emitted + ready.size()) {
        ready.push_back(std::move(reorder.begin()->second));
        reorder.erase(reorder.begin());
      }
    } else {
      for (auto& w : batch) ready.push_back(std::move(w));
    }
    batch.clear();
    size_t freed_pages = 0, freed_bytes = 0;
    for (auto& w : ready) {
      if (!stopped) {
        if (emit(*w)) {
          ++delivered;
        } else {
          stopped = true;
        }
      }
      ++freed_pages;
      freed_bytes += w->cost;
      w.reset();
    }
    emitted += freed_pages;
    {
      std::lock_guard lock(s.mu);
      s.inflight_pages -= freed_pages;
      s.inflight_bytes -= freed_bytes;
      if (stopped) s.cancel = true;
    }
    s.space_cv.notify_one();
    if (stopped) {
      s.work_cv.notify_all();
      s.space_cv.notify_all();
    }
  }
  producer.join();
  for (auto& t : workers) t.join();
  return delivered;
}

}  // namespace wikivet
