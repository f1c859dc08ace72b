// Parser: hostile input. No crash, the tree tiles the input, and time grows linearly (compared
// between N and 4N inside the test, with a generous factor: machines and load differ).
#define BOOST_TEST_MODULE parser_hostile
#include <malloc.h>

#include <boost/test/unit_test.hpp>

#include <functional>
#include <random>

#include "parse_util.hpp"
#include "timing_util.hpp"

using namespace wikivet;
using namespace wikivet::testing;

namespace {

double seconds_to_parse(const std::string& text) {
  // Both sizes start from a heap handed back to the system: otherwise the small input reuses
  // warm pages while the large one faults fresh ones in, and the ratio measures the allocator.
  malloc_trim(0);
  const double start = thread_cpu_seconds();
  const Tree t = parse(text);
  const double s = thread_cpu_seconds() - start;
  const std::string err = check_tree(t, text);
  BOOST_REQUIRE_MESSAGE(err.empty(), err);
  return s;
}

// Parses make(n) and make(4n); the larger must not take more than 12x the CPU time (linear: ~4x;
// quadratic: ~16x). The best of five runs limits noise from other processes, and n doubles
// until the small input takes at least 10 ms, so that timer and allocator noise on a
// millisecond run cannot decide the outcome.
void check_linear(const std::function<std::string(size_t)>& make, size_t n) {
  std::string small, large;
  double ts = 1e9, tl = 1e9;
  for (size_t grow = 0;; ++grow) {
    small = make(n);
    ts = 1e9;
    for (int i = 0; i < 5; ++i) ts = std::min(ts, seconds_to_parse(small));
    if (ts >= 0.01 || grow == 5) break;
    n *= 2;
  }
  large = make(4 * n);
  for (int i = 0; i < 5; ++i) {
    ts = std::min(ts, seconds_to_parse(small));
    tl = std::min(tl, seconds_to_parse(large));
  }
  BOOST_TEST_MESSAGE(small.size() << " bytes: " << ts << " s; " << large.size() << " bytes: " << tl
                                  << " s");
  BOOST_TEST(tl < 12 * std::max(ts, 1e-3));
}

// Fixed thresholds: glibc's adaptive mmap threshold would otherwise move between runs.
struct FixedMallocThresholds {
  FixedMallocThresholds() {
    mallopt(M_MMAP_THRESHOLD, 256 * 1024);
    mallopt(M_TRIM_THRESHOLD, 256 * 1024);
  }
};

}  // namespace

BOOST_TEST_GLOBAL_FIXTURE(FixedMallocThresholds);

BOOST_AUTO_TEST_CASE(unclosed_braces_in_a_row) {
  check_linear([](size_t n) { return repeat("{{", n); }, 25000);
  const std::string text = repeat("{{", 100000);
  Tree t = parse(text);
  BOOST_TEST(check_tree(t, text).empty());
  BOOST_TEST(t.problems().size() == 1u);  // one run of braces
}

BOOST_AUTO_TEST_CASE(unclosed_templates_with_names) {
  check_linear([](size_t n) { return repeat("{{a|", n); }, 25000);
  Tree t = parse(repeat("{{a|", 100000));
  BOOST_TEST(count_problems(t, ProblemKind::UnclosedTemplate) == 100000u);
}

BOOST_AUTO_TEST_CASE(deeply_nested_closed_templates_and_links) {
  check_linear([](size_t n) { return repeat("{{a|", n) + repeat("}}", n); }, 25000);
  check_linear([](size_t n) { return repeat("[[a|", n) + repeat("]]", n); }, 25000);
  const std::string text = repeat("{{a|[[b|<ref>", 30000) + "x" + repeat("</ref>]]}}", 30000);
  Tree t = parse(text);
  BOOST_TEST(check_tree(t, text).empty());
}

BOOST_AUTO_TEST_CASE(unclosed_links_and_external_links) {
  check_linear([](size_t n) { return repeat("[[", n); }, 25000);
  check_linear([](size_t n) { return repeat("[[a ", n); }, 25000);
  check_linear([](size_t n) { return repeat("[http://x.org a ", n) + "\n"; }, 25000);
}

BOOST_AUTO_TEST_CASE(unclosed_refs) {
  check_linear([](size_t n) { return repeat("<ref name=x>", n); }, 7500);
  check_linear([](size_t n) { return repeat("<ref name=\"x\">a ", n); }, 7500);
  check_linear([](size_t n) { return repeat("<ref>", n) + "</ref>"; }, 7500);
  const std::string text = repeat("<ref name=x>", 30000);
  Tree t = parse(text);
  BOOST_TEST(check_tree(t, text).empty());
  BOOST_TEST(count_problems(t, ProblemKind::UnclosedTag) == 30000u);
}

BOOST_AUTO_TEST_CASE(other_unclosed_openers) {
  check_linear([](size_t n) { return repeat("<!--", n); }, 25000);
  check_linear([](size_t n) { return repeat("<span ", n); }, 25000);
  check_linear([](size_t n) { return repeat("<nowiki>", n); }, 25000);
  check_linear([](size_t n) { return repeat("\n{|", n); }, 10000);
  check_linear([](size_t n) { return repeat("\n== a", n); }, 10000);
  check_linear([](size_t n) { return repeat("{{#if:", n); }, 10000);
  check_linear([](size_t n) { return repeat("&#", n); }, 25000);
}

BOOST_AUTO_TEST_CASE(ten_megabyte_line) {
  std::string line;
  line.reserve(10 << 20);
  while (line.size() < (10u << 20)) line += "word [[link|x]] {{t|a=b}} <b>x</b> http://e.org/p ";
  const double s = seconds_to_parse(line);
  BOOST_TEST_MESSAGE("10 MB line: " << s << " s");
  check_linear([](size_t n) { return repeat("a [[b]] {{c|d}} ", n); }, 50000);
}

BOOST_AUTO_TEST_CASE(big_table) {
  auto make = [](size_t n) { return "{|\n" + repeat("|-\n| a || {{b|c}} || [[d]]\n", n) + "|}\n"; };
  check_linear(make, 12500);
  const std::string text = make(50000);
  Tree t = parse(text);
  BOOST_TEST(check_tree(t, text).empty());
  BOOST_TEST(all_of(t, NodeKind::TableRow).size() == 50000u);
}

BOOST_AUTO_TEST_CASE(nested_tables_deep) {
  check_linear([](size_t n) { return repeat("{|\n|\n", n); }, 5000);
}

BOOST_AUTO_TEST_CASE(random_bytes_nul_and_invalid_utf8) {
  std::mt19937 rng(12345);
  const std::string alphabet = "{}[]|=<>!-:;*#'&_/ \n\t\0\xff\xc3refnowikihttp";
  for (int round = 0; round < 300; ++round) {
    std::string text(static_cast<size_t>(rng() % 2000), '\0');
    for (char& c : text)
      c = (rng() % 4 == 0) ? static_cast<char>(rng() % 256) : alphabet[rng() % alphabet.size()];
    Tree t = parse(text);
    const std::string err = check_tree(t, text);
    BOOST_REQUIRE_MESSAGE(err.empty(), err);
  }
  const std::string nul("a\0{{b\0|c}}\0[[d\0]]\0<ref>\0</ref>", 31);
  BOOST_TEST(check_tree(parse(nul), nul).empty());
  const std::string bad = "\xff\xfe{{\xc3|\xa9=\x80}}[[\xed\xa0\x80]]\xf4\x90\x80\x80";
  Tree t = parse(bad);
  BOOST_TEST(check_tree(t, bad).empty());
  BOOST_TEST(first_of(t, NodeKind::Template) != kNoNode);
  BOOST_TEST(check_tree(parse(""), "").empty());
}

BOOST_AUTO_TEST_CASE(random_wikitext_fragments) {
  std::mt19937 rng(777);
  const char* pieces[] = {"{{",
                          "}}",
                          "{{{",
                          "}}}",
                          "[[",
                          "]]",
                          "[http://x.org ",
                          "]",
                          "|",
                          "||",
                          "!!",
                          "=",
                          "==",
                          "\n",
                          "\n{|",
                          "\n|-",
                          "\n|",
                          "\n!",
                          "\n|}",
                          "\n* ",
                          "<ref>",
                          "</ref>",
                          "<ref name=a/>",
                          "<!--",
                          "-->",
                          "<nowiki>",
                          "</nowiki>",
                          "<b>",
                          "</b>",
                          "&nbsp;",
                          "__NOTOC__",
                          "''",
                          "x",
                          " ",
                          "#if:",
                          "http://e.org/a",
                          "<references>",
                          "</references>",
                          ":{|"};
  for (int round = 0; round < 2000; ++round) {
    std::string text;
    const size_t n = rng() % 60;
    for (size_t i = 0; i < n; ++i) text += pieces[rng() % std::size(pieces)];
    Tree t = parse(text);
    const std::string err = check_tree(t, text);
    BOOST_REQUIRE_MESSAGE(err.empty(), err << " in: " << text);
  }
}
