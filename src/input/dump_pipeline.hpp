#pragma once
// The worker pool behind `wikivet audit`: one producer thread reads pages (decompression and
// XML parsing), N workers check them, and the calling thread emits the results, in input order
// unless told otherwise.
//
// Memory is bounded by a budget of pages in flight (read but not yet emitted): the producer
// waits while the budget is spent, so the queue and the reorder buffer together never hold more
// than `max_pages` pages or `max_bytes` bytes of text (one page alone may exceed the byte
// budget: a huge page must still pass). A slow page at the head of the order stalls the reading
// but never deadlocks it: that page is already in flight and finishes on its own.
#include <cstdint>
#include <functional>
#include <memory>
#include <string>

#include "engine/engine.hpp"
#include "input/dump_page.hpp"

namespace wikivet {

struct PageWork {
  uint64_t seq = 0;  // 0-based position in the input
  DumpPage page;
  std::unique_ptr<Source> source;  // kept until emitted (FileResult points into it)
  FileResult result;
  std::string rendered;  // output prepared by the worker (e.g. one JSON line)
  size_t cost = 0;       // bytes charged against the budget
  uint8_t tag = 0;       // the caller's own marker (e.g. "skipped"), set by the processor
};

struct PipelineOptions {
  unsigned threads = 1;
  bool ordered = true;
  size_t max_pages = 0;  // 0: 8 per thread + 16
  size_t max_bytes = 64u << 20;
};

// Producer: fills the next page; false at the end (or on an error it records itself).
using PageProducer = std::function<bool(DumpPage&)>;
// Runs on a worker thread; must not throw (a throw is caught and the page's rendered output
// is left empty with result.findings empty).
using PageProcessor = std::function<void(PageWork&)>;
// Runs on the calling thread; returning false stops the pipeline early (output closed).
using PageEmitter = std::function<bool(PageWork&)>;

// Returns the number of pages emitted.
uint64_t run_page_pipeline(const PipelineOptions& options, const PageProducer& produce,
                           const PageProcessor& process, const PageEmitter& emit);

}  // namespace wikivet
