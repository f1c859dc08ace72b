#include "engine/rule_times.hpp"

#include <algorithm>
#include <atomic>
#include <cstdio>
#include <ctime>
#include <memory>
#include <string>
#include <vector>

#include "engine/rule.hpp"

namespace wikivet {

namespace {

std::atomic<bool> g_enabled{false};
std::atomic<std::uint64_t> g_files{0};
// Slot 0 is the model; slot i + 1 is all_rules()[i]. Sized once, before any thread checks.
std::unique_ptr<std::atomic<std::uint64_t>[]> g_ns;
size_t g_slots = 0;

}  // namespace

void enable_rule_times() {
  g_slots = all_rules().size() + 1;
  g_ns = std::make_unique<std::atomic<std::uint64_t>[]>(g_slots);
  for (size_t i = 0; i < g_slots; ++i) g_ns[i] = 0;
  g_enabled = true;
}

bool rule_times_enabled() {
  return g_enabled.load(std::memory_order_relaxed);
}

std::uint64_t thread_cpu_ns() {
  timespec ts{};
  clock_gettime(CLOCK_THREAD_CPUTIME_ID, &ts);
  return static_cast<std::uint64_t>(ts.tv_sec) * 1000000000u +
         static_cast<std::uint64_t>(ts.tv_nsec);
}

void add_rule_time(long slot, std::uint64_t ns) {
  const size_t i = static_cast<size_t>(slot + 1);
  if (i < g_slots) g_ns[i].fetch_add(ns, std::memory_order_relaxed);
}

void count_profiled_file() {
  g_files.fetch_add(1, std::memory_order_relaxed);
}

void print_rule_times(std::ostream& out) {
  if (!rule_times_enabled()) return;
  std::vector<std::pair<std::uint64_t, std::string>> rows;
  std::uint64_t total = 0;
  for (size_t i = 0; i < g_slots; ++i) {
    const std::uint64_t ns = g_ns[i].load();
    total += ns;
    rows.emplace_back(
        ns, i == 0 ? std::string("(parse and model)") : std::string(all_rules()[i - 1]->meta().id));
  }
  std::stable_sort(rows.begin(), rows.end(),
                   [](const auto& a, const auto& b) { return a.first > b.first; });
  out << "wikivet: cpu time per stage, " << g_files.load() << " files (--profile-rules)\n";
  char line[160];
  for (const auto& [ns, name] : rows) {
    const double share = total ? 100.0 * static_cast<double>(ns) / static_cast<double>(total) : 0;
    std::snprintf(line, sizeof line, "%10.3f ms %5.1f%%  %s\n", static_cast<double>(ns) / 1e6,
                  share, name.c_str());
    out << line;
  }
  std::snprintf(line, sizeof line, "%10.3f ms %5.1f%%  total\n", static_cast<double>(total) / 1e6,
                100.0);
  out << line;
}

}  // namespace wikivet
