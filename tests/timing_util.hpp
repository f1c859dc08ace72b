#pragma once
// What the linearity tests (test_hostile_linear, test_parser_hostile, test_edit_page) share:
// hostile inputs made of a repeated unit, and a clock that other processes do not move.
#include <time.h>

#include <string>
#include <string_view>

namespace wikivet::testing {

inline std::string repeat(std::string_view unit, size_t times) {
  std::string out;
  out.reserve(unit.size() * times);
  for (size_t i = 0; i < times; ++i) out += unit;
  return out;
}

// CPU time of this thread, not wall time: on a loaded machine (ctest -j, other builds on the
// same 2 cores) the wall clock also counts the time other processes hold the core, which once
// made a 3 ms run look like 135 ms and a linearity check fail.
inline double thread_cpu_seconds() {
  timespec ts{};
  clock_gettime(CLOCK_THREAD_CPUTIME_ID, &ts);
  return static_cast<double>(ts.tv_sec) + static_cast<double>(ts.tv_nsec) * 1e-9;
}

}  // namespace wikivet::testing
