#pragma once
// `check --profile-rules` / `audit --profile-rules`: CPU time each rule spends, and the model the
// rules read, summed over a run's files and threads, printed to standard error at the end. Off
// unless asked: reading the thread clock around every rule costs two system calls per rule and
// file.
#include <cstdint>
#include <ostream>
#include <string_view>

namespace wikivet {

void enable_rule_times();
bool rule_times_enabled();
// Nanoseconds of this thread's CPU time since an arbitrary start.
std::uint64_t thread_cpu_ns();
// Adds to the model's row (slot -1) or to rule slot i (all_rules() order).
void add_rule_time(long slot, std::uint64_t ns);
void count_profiled_file();
// One row per stage, the most expensive first, with its share of the total. Model parts that a
// rule builds on first use (html_tags, special_chars) are counted in that rule's row.
void print_rule_times(std::ostream& out);

}  // namespace wikivet
