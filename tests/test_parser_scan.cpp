// The parser's stop-byte search (parse/scan.hpp) against a plain byte loop: every start, limit
// and readable size over buffers around the vector widths (16, 32), so the masked, tail and
// byte-loop paths are all taken; stop bytes placed at the edges of each block.
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
  for (uint32_t size = 0; size <= 70; ++size) {
    for (int trial = 0; trial < 6; ++trial) {
      std::string buf(size, 'a');
      for (auto& c : buf) c = filler[rng() % filler.size()];
      const int stops = trial == 0 ? 0 : static_cast<int>(rng() % 3) + 1;
      for (int k = 0; k < stops && size > 0; ++k)
        buf[rng() % size] = kSetBytes[rng() % kSetBytes.size()];
      for (uint32_t end = 0; end <= size; ++end)
        for (uint32_t i = 0; i <= end; ++i) {
          const uint32_t got = find_first_of(kSet, buf.data(), i, end, size);
          const uint32_t want = naive(kSetBytes, buf.data(), i, end);
          if (got != want)
            BOOST_FAIL("size " << size << " i " << i << " end " << end << ": " << got
                               << " != " << want);
        }
    }
  }
}

BOOST_AUTO_TEST_CASE(stop_at_every_position_of_a_long_run) {
  for (uint32_t size : {31u, 32u, 33u, 64u, 100u}) {
    for (uint32_t at = 0; at < size; ++at) {
      std::string buf(size, 'x');
      buf[at] = '|';
      BOOST_TEST(find_first_of(kSet, buf.data(), 0, size, size) == at);
      BOOST_TEST(find_first_of(kSet, buf.data(), 0, at, size) == at);  // limit just before
      if (at + 1 < size) BOOST_TEST(find_first_of(kSet, buf.data(), at + 1, size, size) == size);
    }
  }
}
