// Our bzip2 block decoder against libbz2: the same bytes on files the `bzip2` command wrote
// (and on the shared dumps), an error on every corruption.
#define BOOST_TEST_MODULE bz2_block_decoder
#include <sys/wait.h>
#include <unistd.h>

#include <boost/test/unit_test.hpp>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <random>
#include <sstream>
#include <string>
#include <vector>

#include "input/bz2_block_decoder.hpp"
#include "input/decompress_bz2.hpp"
#include "input/decompress_bz2_blocks.hpp"

using namespace wikivet;
namespace fs = std::filesystem;

namespace {

constexpr size_t kMaxOut = 48 << 20;

uint32_t bits_at(const std::string& d, uint64_t bit, unsigned n) {
  uint64_t v = 0;
  for (unsigned k = 0; k < n; ++k) {
    const uint64_t b = bit + k;
    v = (v << 1) | ((static_cast<unsigned char>(d[b / 8]) >> (7 - b % 8)) & 1);
  }
  return static_cast<uint32_t>(v);
}

void set_bits(std::string& d, uint64_t bit, unsigned n, uint32_t v) {
  for (unsigned k = 0; k < n; ++k) {
    const uint64_t b = bit + k;
    const unsigned char m = static_cast<unsigned char>(0x80 >> (b % 8));
    if ((v >> (n - 1 - k)) & 1)
      d[b / 8] = static_cast<char>(d[b / 8] | m);
    else
      d[b / 8] = static_cast<char>(d[b / 8] & ~m);
  }
}

struct Block {
  uint64_t begin, end;
  unsigned level;
};

// The blocks of every stream in `d`, by their magics (as the block-parallel reader finds
// them), with the streams' combined CRCs checked against the blocks' own.
std::vector<Block> blocks_of(const std::string& d) {
  std::vector<Block> out;
  size_t pos = 0;
  while (pos < d.size()) {
    BOOST_REQUIRE(d.compare(pos, 3, "BZh") == 0);
    const unsigned level = static_cast<unsigned>(d[pos + 3] - '0');
    uint64_t bit = (pos + 4) * 8;
    uint32_t combined = 0;
    bool is_end = false;
    // The first magic sits right after the header.
    BOOST_REQUIRE_EQUAL(find_bz2_block_magic(d, bit, is_end), bit);
    while (!is_end) {
      bool next_is_end = false;
      const uint64_t next = find_bz2_block_magic(d, bit + 80, next_is_end);
      BOOST_REQUIRE(next != UINT64_MAX);
      out.push_back({bit, next, level});
      combined = ((combined << 1) | (combined >> 31)) ^ bits_at(d, bit + 48, 32);
      bit = next;
      is_end = next_is_end;
    }
    BOOST_CHECK_EQUAL(bits_at(d, bit + 48, 32), combined);
    pos = static_cast<size_t>((bit + 80 + 7) / 8);
  }
  return out;
}

// Every block through our decoder, concatenated.
std::string decode_all(const std::string& d) {
  std::string out;
  for (const Block& b : blocks_of(d)) {
    const Bz2BlockResult r = decode_bz2_block(d, b.begin, b.end, b.level, out, kMaxOut);
    BOOST_REQUIRE_MESSAGE(r.status == Bz2BlockResult::Ok,
                          "block at bit " << b.begin << ": " << r.error);
  }
  return out;
}

std::string libbz2(const std::string& d) {
  std::string out;
  BOOST_REQUIRE_EQUAL(bz2_decompress_buffer(d, out, 1u << 30), "");
  return out;
}

std::string slurp(const fs::path& p) {
  std::ifstream f(p, std::ios::binary);
  std::ostringstream s;
  s << f.rdbuf();
  return s.str();
}

// Compresses with the `bzip2` command, as users' files are made.
std::string bzip2_cli(const std::string& in, int level) {
  char name[] = "/tmp/wikivet-bz2dec-XXXXXX";
  const int fd = mkstemp(name);
  BOOST_REQUIRE(fd >= 0);
  ::close(fd);
  {
    std::ofstream f(name, std::ios::binary);
    f << in;
  }
  const std::string cmd = "bzip2 -c -" + std::to_string(level) + " " + name + " > " + name + ".bz2";
  const int rc = std::system(cmd.c_str());
  BOOST_REQUIRE_MESSAGE(rc == 0, "bzip2 failed: " << cmd);
  std::string out = slurp(std::string(name) + ".bz2");
  fs::remove(name);
  fs::remove(std::string(name) + ".bz2");
  return out;
}

std::string random_bytes(size_t n, unsigned seed) {
  std::mt19937 rng(seed);
  std::string s(n, '\0');
  for (auto& c : s) c = static_cast<char>(rng());
  return s;
}

std::string text(size_t n, unsigned seed) {
  static const char* words[] = {"the ",      "cat ", "[[link]] ", "{{cite|x=1}} ", "\n",
                                "== h ==\n", "of ",  "wiki ",     "1999 ",         "|-\n"};
  std::mt19937 rng(seed);
  std::string s;
  while (s.size() < n) s += words[rng() % 10];
  s.resize(n);
  return s;
}

std::vector<std::pair<std::string, std::string>> inputs() {
  std::vector<std::pair<std::string, std::string>> v;
  v.emplace_back("empty", "");
  v.emplace_back("one byte", "x");
  std::string all;
  for (int i = 0; i < 256; ++i) all.push_back(static_cast<char>(i));
  v.emplace_back("256 distinct bytes", all);
  v.emplace_back("256 distinct bytes, reversed, twice",
                 std::string(all.rbegin(), all.rend()) + all);
  for (size_t n : {3, 4, 5, 255, 256, 259, 260, 1000, 100000})
    v.emplace_back("run of " + std::to_string(n), std::string(n, 'a'));
  // Runs across the 100 kB block boundary of -1, and a run ending a block exactly.
  v.emplace_back("long runs", text(99990, 1) + std::string(300000, 'z') + text(5000, 2) +
                                  std::string(4, 'q') + std::string(1, 'q') + "end");
  std::string runs;
  for (int i = 0; i < 5000; ++i)
    runs += std::string(static_cast<size_t>(i % 300), char('a' + i % 7));
  v.emplace_back("runs of every length", runs);
  v.emplace_back("random bytes", random_bytes(350000, 3));
  v.emplace_back("text, several blocks", text(2500000, 4));
  v.emplace_back("two byte values", [] {
    std::string s = random_bytes(200000, 5);
    for (auto& c : s) c = (c & 1) ? 'a' : 'b';
    return s;
  }());
  return v;
}

}  // namespace

BOOST_AUTO_TEST_CASE(crc_matches_the_bitwise_definition) {
  const std::string s = random_bytes(1000, 9);
  for (size_t n : {0, 1, 7, 8, 9, 1000}) {
    uint32_t slow = 0xFFFFFFFFu;
    for (size_t i = 0; i < n; ++i) {
      slow ^= static_cast<uint32_t>(static_cast<unsigned char>(s[i])) << 24;
      for (int k = 0; k < 8; ++k)
        slow = (slow & 0x80000000u) ? (slow << 1) ^ 0x04c11db7u : slow << 1;
    }
    BOOST_CHECK_EQUAL(
        bz2_crc32_update(0xFFFFFFFFu, reinterpret_cast<const unsigned char*>(s.data()), n), slow);
  }
  // The check value of CRC-32/BZIP2.
  BOOST_CHECK_EQUAL(
      ~bz2_crc32_update(0xFFFFFFFFu, reinterpret_cast<const unsigned char*>("123456789"), 9),
      0xFC891918u);
}

BOOST_AUTO_TEST_CASE(same_bytes_as_libbz2_on_bzip2_output) {
  for (const auto& [name, in] : inputs()) {
    for (int level : {1, 9}) {
      BOOST_TEST_CONTEXT(name << " at -" << level) {
        const std::string c = bzip2_cli(in, level);
        BOOST_CHECK(libbz2(c) == in);
        BOOST_CHECK(decode_all(c) == in);
      }
    }
  }
}

BOOST_AUTO_TEST_CASE(same_bytes_as_libbz2_on_the_shared_dumps) {
  const fs::path dir = fs::path(WIKIVET_CORPUS_DIR) / "dumps";
  if (!fs::is_directory(dir)) {
    BOOST_TEST_MESSAGE("skipped: no " << dir);
    return;
  }
  size_t files = 0;
  for (const auto& e : fs::directory_iterator(dir)) {
    if (e.path().extension() != ".bz2") continue;
    BOOST_TEST_CONTEXT(e.path()) {
      const std::string d = slurp(e.path());
      BOOST_CHECK(decode_all(d) == libbz2(d));
      ++files;
    }
  }
  BOOST_TEST_MESSAGE(files << " dump files compared");
}

BOOST_AUTO_TEST_CASE(every_corruption_is_an_error) {
  const std::string in = text(60000, 7) + random_bytes(3000, 8) + std::string(700, 'r');
  const std::string c = bzip2_cli(in, 9);
  const std::vector<Block> b = blocks_of(c);
  BOOST_REQUIRE_EQUAL(b.size(), 1u);
  const Block blk = b[0];
  std::string out;
  BOOST_REQUIRE(decode_bz2_block(c, blk.begin, blk.end, 9, out, kMaxOut).status ==
                Bz2BlockResult::Ok);
  BOOST_REQUIRE(out == in);

  // A flipped bit anywhere after the magic: the header, the tables, the Huffman data.
  size_t tried = 0;
  for (uint64_t bit = blk.begin + 48; bit < blk.end; bit += 97) {
    std::string bad = c;
    bad[bit / 8] = static_cast<char>(bad[bit / 8] ^ (0x80 >> (bit % 8)));
    std::string o;
    const Bz2BlockResult r = decode_bz2_block(bad, blk.begin, blk.end, 9, o, kMaxOut);
    if (bit == blk.begin + 80) {  // the randomised bit
      BOOST_CHECK(r.status == Bz2BlockResult::Randomised);
      continue;
    }
    BOOST_CHECK_MESSAGE(r.status == Bz2BlockResult::Error, "flipped bit " << bit);
    ++tried;
  }
  BOOST_CHECK_GT(tried, 100u);

  // A bad stored CRC.
  {
    std::string bad = c;
    set_bits(bad, blk.begin + 48, 32, bits_at(c, blk.begin + 48, 32) ^ 1);
    std::string o;
    const Bz2BlockResult r = decode_bz2_block(bad, blk.begin, blk.end, 9, o, kMaxOut);
    BOOST_CHECK(r.status == Bz2BlockResult::Error);
    BOOST_CHECK_NE(r.error.find("CRC"), std::string::npos);
  }
  // origPtr out of range.
  for (uint32_t ptr : {static_cast<uint32_t>(in.size()), 0xFFFFFFu}) {
    std::string bad = c;
    set_bits(bad, blk.begin + 81, 24, ptr);
    std::string o;
    const Bz2BlockResult r = decode_bz2_block(bad, blk.begin, blk.end, 9, o, kMaxOut);
    BOOST_CHECK(r.status == Bz2BlockResult::Error);
    BOOST_CHECK_NE(r.error.find("origPtr"), std::string::npos);
  }
  // Truncated: the block ends early (or the data itself does), or runs on past its end.
  for (uint64_t end : {blk.end - 1, blk.end - 9, (blk.begin + blk.end) / 2, blk.begin + 200}) {
    std::string o;
    BOOST_CHECK(decode_bz2_block(c, blk.begin, end, 9, o, kMaxOut).status == Bz2BlockResult::Error);
    const std::string cut = c.substr(0, static_cast<size_t>((end + 7) / 8));
    BOOST_CHECK(decode_bz2_block(cut, blk.begin, end, 9, o, kMaxOut).status ==
                Bz2BlockResult::Error);
  }
  {
    std::string o;
    BOOST_CHECK(decode_bz2_block(c, blk.begin, blk.end + 8, 9, o, kMaxOut).status ==
                Bz2BlockResult::Error);
    BOOST_CHECK(decode_bz2_block(c, blk.begin + 1, blk.end, 9, o, kMaxOut).status ==
                Bz2BlockResult::Error);
  }
  // A block larger than its stream's level allows.
  {
    std::string o;
    BOOST_CHECK(decode_bz2_block(c, blk.begin, blk.end, 0, o, kMaxOut).status ==
                Bz2BlockResult::Error);
  }
}

BOOST_AUTO_TEST_CASE(output_is_bounded) {
  // 100 kB of one byte is a tiny block that decodes to 100 kB: over a 50 kB bound, an error.
  const std::string c = bzip2_cli(std::string(900000, 'b'), 9);
  const std::vector<Block> b = blocks_of(c);
  BOOST_REQUIRE_EQUAL(b.size(), 1u);
  std::string o;
  BOOST_CHECK(decode_bz2_block(c, b[0].begin, b[0].end, 9, o, 50000).status ==
              Bz2BlockResult::Error);
  BOOST_CHECK_LE(o.size(), 50000u);
  o.clear();
  BOOST_CHECK(decode_bz2_block(c, b[0].begin, b[0].end, 9, o, kMaxOut).status ==
              Bz2BlockResult::Ok);
  BOOST_CHECK_EQUAL(o.size(), 900000u);
}

// Random garbage after a real block header: never a crash, always an error.
BOOST_AUTO_TEST_CASE(garbage_blocks_are_errors) {
  std::mt19937 rng(11);
  for (int i = 0; i < 2000; ++i) {
    std::string d = random_bytes(16 + rng() % 2000, static_cast<unsigned>(i));
    set_bits(d, 3, 24, 0x314159);
    set_bits(d, 27, 24, 0x265359);
    set_bits(d, 3 + 80, 1, 0);
    std::string o;
    const uint64_t end = 3 + rng() % (d.size() * 8 - 3);
    const Bz2BlockResult r = decode_bz2_block(d, 3, end, 1 + rng() % 9, o, 1 << 20);
    BOOST_CHECK(r.status == Bz2BlockResult::Error);
  }
}
