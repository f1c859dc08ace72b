// The parser's stop-byte search (parse/scan.hpp) against a plain byte loop: every start and
// limit over texts around the block size (64), so full and partial blocks are both classified,
// asked in order (as the parser does) and out of order (a fresh cursor per question).
#define BOOST_TEST_MODULE parser_scan
#include <boost/test/unit_test.hpp>

#include <random>
#include <string>
#include <string_view>

#include "parse/scan.hpp"

using namespace wikivet::parse_detail;

namespace {

constexpr std::string_view kSetBytes = "{}[]<\n|!=&_:'";
constexpr ByteSet kSet{kSetBytes};

uint32_t naive(std::string_view bytes, const char* d, uint32_t i, uint32_t end) {
  while (i < end && bytes.find(d[i]) == std::string_view::npos) ++i;
  return i;
}

}  // namespace

BOOST_AUTO_TEST_CASE(membership_matches_the_bytes) {
  for (int b = 0; b < 256; ++b) {
    const bool expected = kSetBytes.find(static_cast<char>(b)) != std::string_view::npos;
    const unsigned char u = static_cast<unsigned char>(b);
    BOOST_TEST(kSet.in[u] == expected, "byte " << b);
    BOOST_TEST(((kSet.lo[u & 15] & kSet.hi[u >> 4]) != 0) == expected, "byte " << b);
  }
}

BOOST_AUTO_TEST_CASE(agrees_with_a_byte_loop) {
  std::mt19937 rng(7);
  // Mostly bytes outside the set (ASCII letters, UTF-8 lead/continuation bytes), few stops.
  const std::string filler = "abcXYZ 09\t\xC3\xA9\xE2\x80\x94-+.,\"/>";
  for (uint32_t size = 0; size <= 140; size += (size < 70 ? 1 : 7)) {
    for (int trial = 0; trial < 6; ++trial) {
      std::string buf(size, 'a');
      for (auto& c : buf) c = filler[rng() % filler.size()];
      const int stops = trial == 0 ? 0 : static_cast<int>(rng() % 3) + 1;
      for (int k = 0; k < stops && size > 0; ++k)
        buf[rng() % size] = kSetBytes[rng() % kSetBytes.size()];
      for (uint32_t end = 0; end <= size; ++end)
        for (uint32_t i = 0; i <= end; ++i) {
          StopCursor fresh(kSet, buf);
          const uint32_t got = fresh.next(i, end);
          const uint32_t want = naive(kSetBytes, buf.data(), i, end);
          if (got != want)
            BOOST_FAIL("size " << size << " i " << i << " end " << end << ": " << got
                               << " != " << want);
        }
    }
  }
}

BOOST_AUTO_TEST_CASE(walking_forward_finds_every_stop) {
  std::mt19937 rng(11);
  for (uint32_t size : {0u, 1u, 63u, 64u, 65u, 127u, 128u, 129u, 1000u}) {
    std::string buf(size, 'a');
    for (auto& c : buf) c = (rng() % 9 == 0) ? kSetBytes[rng() % kSetBytes.size()] : 'q';
    StopCursor cur(kSet, buf);
    uint32_t i = 0;
    while (true) {
      const uint32_t got = cur.next(i, size);
      BOOST_REQUIRE_EQUAL(got, naive(kSetBytes, buf.data(), i, size));
      if (got == size) break;
      i = got + 1 + static_cast<uint32_t>(rng() % 3);  // step over a stop, sometimes more
      if (i > size) break;
    }
  }
}

BOOST_AUTO_TEST_CASE(stop_at_every_position_of_a_long_run) {
  for (uint32_t size : {31u, 32u, 33u, 64u, 100u}) {
    for (uint32_t at = 0; at < size; ++at) {
      std::string buf(size, 'x');
      buf[at] = '|';
      StopCursor cur(kSet, buf);
      BOOST_TEST(cur.next(0, size) == at);
      BOOST_TEST(cur.next(0, at) == at);  // limit just before
      if (at + 1 < size) BOOST_TEST(cur.next(at + 1, size) == size);
    }
  }
}
