// Units behind `wikivet audit`: decompression (bz2 incl. multistream, parallel chunks, xz),
// the expat dump reader and the ordered, bounded worker pipeline.
#define BOOST_TEST_MODULE audit_input
#include <bzlib.h>
#include <fcntl.h>
#include <lzma.h>
#include <unistd.h>

#include <atomic>
#include <boost/test/unit_test.hpp>
#include <chrono>
#include <cstdio>
#include <fstream>
#include <random>
#include <string>
#include <thread>
#include <vector>

#include "input/decompress_bz2.hpp"
#include "input/decompress_bz2_blocks.hpp"
#include "input/decompress_parallel_bz2.hpp"
#include "input/decompress_stream.hpp"
#include "input/dump_pipeline.hpp"
#include "input/dump_reader.hpp"
#include "input/jsonl_pages.hpp"

using namespace wikivet;

namespace {

std::string bz2(const std::string& in, int level = 9) {
  std::string out(in.size() + in.size() / 100 + 1024, '\0');
  unsigned len = static_cast<unsigned>(out.size());
  const int rc = BZ2_bzBuffToBuffCompress(out.data(), &len, const_cast<char*>(in.data()),
                                          static_cast<unsigned>(in.size()), level, 0, 0);
  BOOST_REQUIRE_EQUAL(rc, BZ_OK);
  out.resize(len);
  return out;
}

std::string xz(const std::string& in) {
  std::string out(lzma_stream_buffer_bound(in.size()), '\0');
  size_t pos = 0;
  const lzma_ret rc = lzma_easy_buffer_encode(
      6, LZMA_CHECK_CRC64, nullptr, reinterpret_cast<const uint8_t*>(in.data()), in.size(),
      reinterpret_cast<uint8_t*>(out.data()), &pos, out.size());
  BOOST_REQUIRE_EQUAL(rc, LZMA_OK);
  out.resize(pos);
  return out;
}

// Text that compresses poorly, so a few hundred KB make a few hundred KB of bz2.
std::string noise(size_t n, unsigned seed) {
  std::mt19937 rng(seed);
  std::string s(n, ' ');
  for (auto& c : s) c = static_cast<char>('a' + rng() % 26);
  return s;
}

struct TempFile {
  std::string path;
  explicit TempFile(const std::string& bytes) {
    char name[] = "/tmp/wikivet-audit-XXXXXX";
    const int fd = ::mkstemp(name);
    BOOST_REQUIRE(fd >= 0);
    BOOST_REQUIRE_EQUAL(::write(fd, bytes.data(), bytes.size()),
                        static_cast<ssize_t>(bytes.size()));
    ::close(fd);
    path = name;
  }
  ~TempFile() { std::remove(path.c_str()); }
};

struct ReadAll {
  std::string data;
  std::string error;
};

ReadAll read_all(ByteStream& s) {
  ReadAll r;
  std::vector<char> buf(7777);  // an odd size, so reads cut across everything
  for (;;) {
    const size_t got = s.read(buf.data(), buf.size());
    if (got == 0) break;
    r.data.append(buf.data(), got);
  }
  r.error = s.error();
  return r;
}

ReadAll read_file(const std::string& path, unsigned threads, const std::string& index = "",
                  size_t chunk = 0) {
  OpenOptions o;
  o.threads = threads;
  o.index_path = index;
  o.bz2_chunk_bytes = chunk;
  OpenedInput in = open_input(path, o);
  BOOST_REQUIRE_MESSAGE(in.stream, in.error);
  return read_all(*in.stream);
}

std::string page_xml(const std::string& title, int ns, const std::string& text, int id,
                     bool redirect = false) {
  return "<page><title>" + title + "</title><ns>" + std::to_string(ns) + "</ns><id>" +
         std::to_string(id) + "</id>" + (redirect ? "<redirect title=\"X\"/>" : "") +
         "<revision><id>" + std::to_string(id * 10) +
         "</id><contributor><username>u</username><id>7</id></contributor><text>" + text +
         "</text></revision></page>\n";
}

std::vector<DumpPage> read_pages(const std::string& xml, std::optional<DumpError>* err = nullptr,
                                 DumpReader::Filter f = {}) {
  TempFile file(xml);
  OpenedInput in = open_input(file.path, {});
  BOOST_REQUIRE(in.stream);
  DumpReader reader(*in.stream, std::move(f));
  std::vector<DumpPage> pages;
  DumpPage p;
  while (reader.next(p)) pages.push_back(std::move(p));
  if (err) *err = reader.error();
  return pages;
}

}  // namespace

BOOST_AUTO_TEST_CASE(detects_compression_by_magic) {
  BOOST_TEST((detect_compression("BZh91AY&SY") == Compression::Bz2));
  BOOST_TEST((detect_compression(std::string("\xFD"
                                             "7zXZ\0",
                                             6)) == Compression::Xz));
  BOOST_TEST((detect_compression("\x1F\x8B\x08") == Compression::Gzip));
  BOOST_TEST((detect_compression("<mediawiki") == Compression::None));
  BOOST_TEST((detect_compression("BZh0") == Compression::None));
  BOOST_TEST((detect_compression("") == Compression::None));
}

BOOST_AUTO_TEST_CASE(bz2_multistream_serial_and_parallel_agree) {
  std::string plain, file;
  std::vector<uint64_t> offsets;
  for (int i = 0; i < 12; ++i) {
    const std::string part = noise(60000 + i * 1000, i);
    offsets.push_back(file.size());
    plain += part;
    file += bz2(part, 1 + i % 9);
  }
  TempFile f(file);
  const ReadAll serial = read_file(f.path, 1);
  BOOST_TEST(serial.error == "");
  BOOST_TEST((serial.data == plain));
  // Small chunks: many chunks in flight on two threads, found by scanning.
  const ReadAll parallel = read_file(f.path, 2, "", 1);
  BOOST_TEST(parallel.error == "");
  BOOST_TEST((parallel.data == plain));
  // The same with an index.
  std::string index;
  for (auto o : offsets) index += std::to_string(o) + ":1:T\n";
  TempFile idx(index);
  const ReadAll indexed = read_file(f.path, 3, idx.path, 1);
  BOOST_TEST(indexed.error == "");
  BOOST_TEST((indexed.data == plain));
}

BOOST_AUTO_TEST_CASE(scan_finds_only_stream_starts) {
  const std::string a = bz2(noise(5000, 1)), b = bz2(noise(5000, 2));
  const std::string both = a + b;
  BOOST_TEST(find_bz2_stream_start(both, 0) == 0u);
  BOOST_TEST(find_bz2_stream_start(both, 1) == a.size());
  BOOST_TEST(find_bz2_stream_start(both, a.size() + 1) == std::string::npos);
  BOOST_TEST(find_bz2_stream_start("BZh9 not a block", 0) == std::string::npos);
}

BOOST_AUTO_TEST_CASE(false_boundary_is_verified_by_decoding) {
  // Garbage holding a fake stream header between two streams: the scan takes it for a
  // boundary; decoding shows it is not, and the serial decoder reports the garbage at its
  // offset (the fake header starts a "stream" that fails its checks), after delivering the
  // first stream whole.
  const std::string p1 = noise(200000, 3), p2 = noise(200000, 4);
  const std::string s1 = bz2(p1);
  const std::string file = s1 + std::string("BZh91AY&SY") + noise(3000, 5) + bz2(p2);
  TempFile f(file);
  const ReadAll serial = read_file(f.path, 1);
  const ReadAll parallel = read_file(f.path, 2, "", 1);
  BOOST_TEST(serial.error.find("corrupt bz2 data") != std::string::npos);
  BOOST_TEST(parallel.error == serial.error);
  BOOST_TEST((parallel.data == serial.data));
  BOOST_TEST((serial.data == p1));
}

BOOST_AUTO_TEST_CASE(wrong_index_still_decodes_correctly) {
  std::string plain, file, index;
  for (int i = 0; i < 6; ++i) {
    const std::string part = noise(100000, 10 + i);
    // Offsets in the middle of streams: every chunk fails verification.
    index += std::to_string(file.size() + 1000) + ":1:T\n";
    plain += part;
    file += bz2(part);
  }
  TempFile f(file), idx(index);
  const ReadAll r = read_file(f.path, 2, idx.path, 1);
  BOOST_TEST(r.error == "");
  BOOST_TEST((r.data == plain));
}

BOOST_AUTO_TEST_CASE(truncated_bz2_reports_offset_and_keeps_earlier_streams) {
  const std::string p1 = noise(300000, 20), p2 = noise(300000, 21);
  const std::string s1 = bz2(p1), s2 = bz2(p2);
  const std::string file = s1 + s2.substr(0, s2.size() / 2);
  TempFile f(file);
  for (unsigned threads : {1u, 2u}) {
    OpenOptions o;
    o.threads = threads;
    o.bz2_chunk_bytes = 1;
    OpenedInput in = open_input(f.path, o);
    BOOST_REQUIRE(in.stream);
    const ReadAll r = read_all(*in.stream);
    BOOST_TEST(r.error.find("truncated bz2 stream") != std::string::npos);
    BOOST_TEST(r.data.substr(0, p1.size()) == p1);
    BOOST_TEST(r.data.size() < p1.size() + p2.size());
    BOOST_REQUIRE(in.stream->error_input_offset().has_value());
    BOOST_TEST(*in.stream->error_input_offset() == file.size());
  }
}

// ---- the block decoder: bzip2 blocks decoded in parallel, also inside one stream ------------

// Words and markup, compressible like a dump's text (noise() is letters only).
std::string wikiish(size_t n, unsigned seed) {
  static const char* words[] = {"the ",  "[[Mali]] ",   "{{cite web|url=x}} ", "\n== History ==\n",
                                "1960 ", "'''bold''' ", "<ref>a</ref> ",       "| cell || cell\n"};
  std::mt19937 rng(seed);
  std::string s;
  while (s.size() < n) s += words[rng() % 8];
  s.resize(n);
  return s;
}

// Decodes `path` with the block decoder; `kind` gets the stream's kind after the last read
// ("bz2-blocks", or "bz2" once it fell back to the serial decoder).
ReadAll read_blocks(const std::string& path, unsigned threads, std::string* kind = nullptr,
                    std::vector<uint64_t> false_magics = {}) {
  const int fd = ::open(path.c_str(), O_RDONLY);
  BOOST_REQUIRE(fd >= 0);
  const off_t size = ::lseek(fd, 0, SEEK_END);
  auto s = make_block_parallel_bz2_stream(fd, 0, static_cast<uint64_t>(size), threads,
                                          std::move(false_magics));
  ReadAll r = read_all(*s);
  if (kind) *kind = s->kind();
  return r;
}

BOOST_AUTO_TEST_CASE(block_magic_found_at_every_bit_offset) {
  for (unsigned shift = 0; shift < 8; ++shift) {
    for (bool end : {false, true}) {
      const uint64_t magic = end ? 0x177245385090ULL : 0x314159265359ULL;
      std::string d(20, '\0');
      // The magic at bit 40 + shift, most significant bit first.
      for (unsigned b = 0; b < 48; ++b)
        if ((magic >> (47 - b)) & 1)
          d[(40 + shift + b) / 8] |= static_cast<char>(0x80 >> ((40 + shift + b) % 8));
      bool is_end = !end;
      BOOST_TEST(find_bz2_block_magic(d, 0, is_end) == 40u + shift);
      BOOST_TEST(is_end == end);
      BOOST_TEST(find_bz2_block_magic(d, 41 + shift, is_end) == UINT64_MAX);
      // Cut inside the magic: not found.
      BOOST_TEST(find_bz2_block_magic(std::string_view(d).substr(0, 10), 0, is_end) == UINT64_MAX);
    }
  }
  bool is_end = false;
  BOOST_TEST(find_bz2_block_magic(std::string(1000, '\0'), 0, is_end) == UINT64_MAX);
}

BOOST_AUTO_TEST_CASE(single_stream_decoded_by_blocks_equals_input) {
  // Level 1: 100 kB blocks, so a few hundred kB is several blocks in one stream.
  for (size_t n :
       {size_t(0), size_t(1), size_t(5000), size_t(99999), size_t(350000), size_t(1200000)}) {
    for (int text = 0; text < 2; ++text) {
      const std::string plain = text ? wikiish(n, 7) : noise(n, 8);
      TempFile f(bz2(plain, 1));
      for (unsigned threads : {2u, 3u}) {
        std::string kind;
        const ReadAll r = read_blocks(f.path, threads, &kind);
        BOOST_TEST(r.error == "");
        BOOST_TEST((r.data == plain), "size " << n << " text " << text << " -j" << threads);
        BOOST_TEST(kind == "bz2-blocks");
        // open_input picks the block decoder for -jN without an index.
        OpenOptions o;
        o.threads = threads;
        OpenedInput in = open_input(f.path, o);
        BOOST_REQUIRE(in.stream);
        BOOST_TEST(std::string(in.stream->kind()) == "bz2-blocks");
      }
    }
  }
}

BOOST_AUTO_TEST_CASE(blocks_of_many_streams_and_levels) {
  std::string plain, file;
  for (int i = 0; i < 9; ++i) {
    const std::string part = wikiish(50000 + i * 40000, 30 + i);
    plain += part;
    file += bz2(part, 1 + i);
  }
  file += bz2("");  // an empty stream (no blocks) is valid too
  TempFile f(file);
  std::string kind;
  const ReadAll r = read_blocks(f.path, 2, &kind);
  BOOST_TEST(r.error == "");
  BOOST_TEST((r.data == plain));
  BOOST_TEST(kind == "bz2-blocks");
}

BOOST_AUTO_TEST_CASE(false_magics_are_merged_into_their_block) {
  const std::string plain = wikiish(700000, 40);
  const std::string packed = bz2(plain, 1);
  TempFile f(packed);
  // A few false matches, as chance would put inside compressed data: merged, no fallback.
  std::vector<uint64_t> few;
  for (uint64_t at = 12345; at < packed.size() * 8; at += packed.size() * 8 / 5) few.push_back(at);
  std::string kind;
  ReadAll r = read_blocks(f.path, 2, &kind, few);
  BOOST_TEST(r.error == "");
  BOOST_TEST((r.data == plain));
  BOOST_TEST(kind == "bz2-blocks");
  // Two in a row inside one block: merged twice.
  r = read_blocks(f.path, 2, &kind, {1000, 2001});
  BOOST_TEST((r.data == plain));
  BOOST_TEST(kind == "bz2-blocks");
  // A false match every 100 bits (hostile): the merge budget runs out and the serial decoder
  // finishes the stream; still the right bytes, in bounded work.
  std::vector<uint64_t> many;
  for (uint64_t at = 100; at < packed.size() * 8; at += 100) many.push_back(at);
  const auto t0 = std::chrono::steady_clock::now();
  r = read_blocks(f.path, 2, &kind, many);
  const double secs = std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
  BOOST_TEST(r.error == "");
  BOOST_TEST((r.data == plain));
  BOOST_TEST(kind == "bz2");
  BOOST_TEST(secs < 20.0);
}

BOOST_AUTO_TEST_CASE(block_decoder_errors_are_the_serial_decoders) {
  const std::string plain = wikiish(600000, 50);
  const std::string one = bz2(plain, 1);
  std::string corrupt = one;
  for (size_t i = 0; i < 16; ++i) corrupt[one.size() / 2 + i] ^= 0x55;
  std::string bad_crc = one;
  bad_crc[bad_crc.size() - 2] ^= 1;  // in the combined CRC
  const std::vector<std::string> files = {
      one.substr(0, one.size() * 6 / 10),  // truncated inside a block
      one.substr(0, one.size() - 3),       // truncated inside the end-of-stream trailer
      corrupt,
      bad_crc,
      one + "garbage after it",
      one + one.substr(0, 6),  // a second stream's header, then nothing
  };
  for (size_t i = 0; i < files.size(); ++i) {
    TempFile f(files[i]);
    OpenedInput serial_in = open_input(f.path, OpenOptions{});
    BOOST_REQUIRE(serial_in.stream);
    const ReadAll serial = read_all(*serial_in.stream);
    const int fd = ::open(f.path.c_str(), O_RDONLY);
    auto blocks = make_block_parallel_bz2_stream(fd, 0, files[i].size(), 2);
    const ReadAll r = read_all(*blocks);
    BOOST_TEST(serial.error != "", "file " << i);
    BOOST_TEST(r.error == serial.error, "file " << i);
    BOOST_TEST((blocks->error_input_offset() == serial_in.stream->error_input_offset()),
               "file " << i);
    // Every byte handed out is the input's: whole blocks before the damage.
    BOOST_TEST((plain.compare(0, r.data.size(), r.data) == 0), "file " << i);
    BOOST_TEST(r.data.size() >= serial.data.size() / 2, "file " << i);
  }
}

BOOST_AUTO_TEST_CASE(bz2_buffer_refuses_bombs) {
  const std::string zeros(20u << 20, '\0');
  const std::string packed = bz2(zeros);
  std::string out;
  BOOST_TEST(bz2_decompress_buffer(packed, out, 1u << 20) == "chunk too large");
  BOOST_TEST(out.size() <= (1u << 20));
}

BOOST_AUTO_TEST_CASE(xz_complete_and_truncated) {
  const std::string plain = noise(400000, 30);
  const std::string packed = xz(plain);
  {
    TempFile f(packed);
    const ReadAll r = read_file(f.path, 1);
    BOOST_TEST(r.error == "");
    BOOST_TEST((r.data == plain));
  }
  {
    TempFile f(packed.substr(0, packed.size() - 100));
    const ReadAll r = read_file(f.path, 1);
    BOOST_TEST(r.error.find("truncated xz stream") != std::string::npos);
    BOOST_TEST(r.data.size() > plain.size() / 2);  // what was decodable came out
    BOOST_TEST((r.data == plain.substr(0, r.data.size())));
  }
}

BOOST_AUTO_TEST_CASE(dump_reader_fields) {
  const std::string xml = "<mediawiki><siteinfo><sitename>x</sitename></siteinfo>\n" +
                          page_xml("Alpha", 0, "a &amp; b &lt;ref&gt;", 11) +
                          page_xml("Talk:Beta", 1, "talk", 12) +
                          page_xml("Gamma", 0, "#REDIRECT [[Alpha]]", 13, true) +
                          "<page><title> Spaced </title><ns>0</ns><id>14</id>"
                          "<revision><id>140</id><text>old</text></revision>"
                          "<revision><id>141</id><text>new</text></revision></page>"
                          "</mediawiki>";
  std::optional<DumpError> err;
  const auto pages = read_pages(xml, &err);
  BOOST_TEST(!err.has_value());
  BOOST_REQUIRE_EQUAL(pages.size(), 4u);
  BOOST_TEST(pages[0].title == "Alpha");
  BOOST_TEST(pages[0].text == "a & b <ref>");
  BOOST_TEST(*pages[0].id == 11u);            // the page's id, not the contributor's
  BOOST_TEST(*pages[0].revision_id == 110u);  // the revision's
  BOOST_TEST(pages[1].ns == 1);
  BOOST_TEST(pages[2].redirect);
  BOOST_TEST(!pages[0].redirect);
  BOOST_TEST(pages[3].title == "Spaced");
  BOOST_TEST(pages[3].text == "new");  // the last revision
  BOOST_TEST(*pages[3].revision_id == 141u);
}

BOOST_AUTO_TEST_CASE(dump_reader_filter_skips_text) {
  const std::string xml = "<mediawiki>" + page_xml("A", 0, "x", 1) + page_xml("Talk:B", 1, "y", 2) +
                          page_xml("C", 0, "z", 3) + "</mediawiki>";
  TempFile file(xml);
  OpenedInput in = open_input(file.path, {});
  DumpReader reader(*in.stream, [](const DumpPage& p) { return p.ns == 0; });
  DumpPage p;
  std::vector<std::string> titles;
  while (reader.next(p)) titles.push_back(p.title);
  BOOST_TEST(titles == (std::vector<std::string>{"A", "C"}), boost::test_tools::per_element());
  BOOST_TEST(reader.pages_seen() == 3u);
  BOOST_TEST(reader.pages_skipped() == 1u);
  BOOST_TEST(!reader.error().has_value());
}

// Issue 9 row 16: an <ns> that holds no namespace number is not namespace 0.
BOOST_AUTO_TEST_CASE(odd_ns_values_are_not_namespace_0) {
  auto page = [](const std::string& title, const std::string& ns) {
    return "<page><title>" + title + "</title>" + ns +
           "<id>1</id><revision><id>2</id><text>x</text></revision></page>";
  };
  const std::string xml = "<mediawiki>" + page("Abc", "<ns>abc</ns>") +
                          page("Big", "<ns>12345678901234567890</ns>") +
                          page("Empty", "<ns></ns>") + page("Negative", "<ns>-1</ns>") +
                          page("Spaced", "<ns> 0 </ns>") + page("Old export", "") + "</mediawiki>";
  const auto pages = read_pages(xml);
  BOOST_REQUIRE_EQUAL(pages.size(), 6u);
  BOOST_TEST(!pages[0].ns_known);
  BOOST_TEST(!pages[1].ns_known);
  BOOST_TEST(!pages[2].ns_known);
  BOOST_TEST((pages[3].ns_known && pages[3].ns == -1));
  BOOST_TEST((pages[4].ns_known && pages[4].ns == 0));
  BOOST_TEST((pages[5].ns_known && pages[5].ns == 0));  // no <ns> at all: exports before 0.5
}

BOOST_AUTO_TEST_CASE(dump_reader_errors_keep_pages_before) {
  std::optional<DumpError> err;
  auto pages = read_pages("<mediawiki>" + page_xml("A", 0, "x", 1) + page_xml("B", 0, "y", 2) +
                              "<page><title>C</title><ns>0</ns><revision><text>cut off",
                          &err);
  BOOST_TEST(pages.size() == 2u);
  BOOST_REQUIRE(err.has_value());
  BOOST_TEST(err->message.find("ends early") != std::string::npos);

  pages = read_pages("<mediawiki>" + page_xml("A", 0, "x", 1) + "<page><title>B</nope>", &err);
  BOOST_TEST(pages.size() == 1u);
  BOOST_REQUIRE(err.has_value());
  BOOST_TEST(err->message.find("malformed XML: mismatched tag") != std::string::npos);
  BOOST_TEST(err->offset > 0u);

  pages = read_pages("<!DOCTYPE m [<!ENTITY e \"boom\">]><mediawiki>" + page_xml("A", 0, "&e;", 1) +
                         "</mediawiki>",
                     &err);
  BOOST_TEST(pages.empty());
  BOOST_REQUIRE(err.has_value());
  BOOST_TEST(err->message.find("entity declaration") != std::string::npos);
}

BOOST_AUTO_TEST_CASE(ten_megabyte_page_in_linear_time) {
  // One 10 MB page, once as one line and once as many short lines, with escapes: both must
  // take about as long as reading 10 MB (a quadratic path would take minutes).
  for (const char* unit : {"abc &amp; def ", "line &lt;x&gt;\n"}) {
    std::string text;
    while (text.size() < (10u << 20)) text += unit;
    const std::string xml = "<mediawiki>" + page_xml("Big", 0, text, 1) + "</mediawiki>";
    const auto t0 = std::chrono::steady_clock::now();
    std::optional<DumpError> err;
    const auto pages = read_pages(xml, &err);
    const double secs =
        std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
    BOOST_TEST(!err.has_value());
    BOOST_REQUIRE_EQUAL(pages.size(), 1u);
    BOOST_TEST(pages[0].text.size() > (5u << 20));  // entities decoded: fewer bytes
    BOOST_TEST(secs < 10.0);
  }
}

BOOST_AUTO_TEST_CASE(jsonl_lines) {
  DumpPage p;
  parse_jsonl_page(R"({"title":"T","text":"x\ny","id":"42","ns":4,"redirect":true})", p);
  BOOST_TEST(p.error == "");
  BOOST_TEST(p.title == "T");
  BOOST_TEST(p.text == "x\ny");
  BOOST_TEST(*p.id == 42u);
  BOOST_TEST(p.ns == 4);
  BOOST_TEST(p.redirect);
  DumpPage q;
  parse_jsonl_page(R"({"title":"T"})", q);
  BOOST_TEST(q.error != "");
  DumpPage r;
  parse_jsonl_page("nope", r);
  BOOST_TEST(r.error.find("not JSON") == 0u);
  for (const char* ns : {R"("abc")", "null", "1.5", "[0]"}) {
    DumpPage odd;
    parse_jsonl_page(std::string(R"({"title":"T","text":"x","ns":)") + ns + "}", odd);
    BOOST_TEST(!odd.ns_known, ns);
  }
  DumpPage plain;
  parse_jsonl_page(R"({"title":"T","text":"x"})", plain);
  BOOST_TEST((plain.ns_known && plain.ns == 0));
}

BOOST_AUTO_TEST_CASE(pipeline_orders_and_bounds_memory) {
  for (bool ordered : {true, false}) {
    PipelineOptions o;
    o.threads = 3;
    o.ordered = ordered;
    o.max_pages = 5;
    std::atomic<uint64_t> produced{0};
    uint64_t emitted_count = 0, max_gap = 0;
    std::vector<uint64_t> order;
    const uint64_t n = 200;
    const auto delivered = run_page_pipeline(
        o,
        [&](DumpPage& p) {
          if (produced == n) return false;
          p.title = std::to_string(produced.load());
          ++produced;
          return true;
        },
        [&](PageWork& w) {
          // Uneven work, so pages finish out of order.
          std::this_thread::sleep_for(std::chrono::microseconds((w.seq * 7919) % 500));
          w.rendered = w.page.title;
        },
        [&](PageWork& w) {
          order.push_back(std::stoull(w.rendered));
          ++emitted_count;
          max_gap = std::max(max_gap, produced.load() - emitted_count);
          return true;
        });
    BOOST_TEST(delivered == n);
    BOOST_REQUIRE_EQUAL(order.size(), n);
    if (ordered) {
      for (uint64_t i = 0; i < n; ++i) BOOST_TEST(order[i] == i);
    } else {
      std::sort(order.begin(), order.end());
      for (uint64_t i = 0; i < n; ++i) BOOST_TEST(order[i] == i);
    }
    // In flight: the budget, plus the one page the producer holds while it waits.
    BOOST_TEST(max_gap <= o.max_pages + 1);
  }
}

BOOST_AUTO_TEST_CASE(pipeline_stops_when_emit_refuses) {
  PipelineOptions o;
  o.threads = 2;
  uint64_t produced = 0;
  const auto delivered = run_page_pipeline(
      o,
      [&](DumpPage&) {
        ++produced;
        return produced < 1000000;
      },
      [](PageWork&) {}, [&](PageWork& w) { return w.seq < 10; });
  BOOST_TEST(delivered == 10u);
  BOOST_TEST(produced < 1000u);
}
