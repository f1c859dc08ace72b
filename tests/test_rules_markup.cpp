#define BOOST_TEST_MODULE rules_markup
#include <boost/test/unit_test.hpp>

#include "test_util.hpp"

using namespace wikivet;
using namespace wikivet::test;

BOOST_AUTO_TEST_CASE(obsolete_tags) {
  const auto f =
      run("<center>a</center> <FONT color=red>b</FONT> <big>c</big> <strike>d</strike> "
          "<tt>e</tt>",
          "markup-obsolete-tag");
  BOOST_TEST_REQUIRE(f.size() == 5u);  // opening tags only
  BOOST_TEST(f[1].key == "font");
  BOOST_TEST(f[1].location.start.column == 20u);
  BOOST_TEST(run("<s>a</s> <code>b</code> <small>c</small> <!-- <center> --> "
                 "<nowiki><big></nowiki> <pre><tt>x</tt></pre> </center>",
                 "markup-obsolete-tag")
                 .empty());
}

BOOST_AUTO_TEST_CASE(invisible_chars_at_their_column) {
  // "Bam" U+00AD "ako", "Mal" U+200B "i": columns count code points.
  const auto f = run("é Bam\u00ADako, Mal\u200Bi\n\uFEFFx", "markup-invisible-char");
  BOOST_TEST_REQUIRE(f.size() == 3u);
  BOOST_TEST(f[0].key == "U+00AD");
  BOOST_TEST(f[0].location.start.column == 6u);
  BOOST_TEST_REQUIRE(f[0].fix.has_value());
  BOOST_TEST(!f[0].fix->safe);  // a soft hyphen may be a hyphenation hint
  BOOST_TEST(f[1].key == "U+200B");
  BOOST_TEST(f[1].location.start.column == 15u);
  BOOST_TEST(f[1].fix->safe);
  BOOST_TEST(f[2].location.start.line == 2u);
}

BOOST_AUTO_TEST_CASE(invisible_chars_runs_and_needed_joiners) {
  // Two zero-width spaces are one finding.
  BOOST_TEST(run("a \u200B\u200Bword", "markup-invisible-char").size() == 1u);
  // ZWJ/ZWNJ between letters of scripts that join: needed (Bengali, Marathi, Persian, emoji).
  BOOST_TEST(run("র\u200C\u09CDযাব জন\u200D্য क\u200D्ष می\u200Cخواهم \U0001F468\u200D\U0001F469",
                 "markup-invisible-char")
                 .empty());
  // Between ASCII it joins nothing.
  BOOST_TEST(run("(1938)\u200C\n", "markup-invisible-char").size() == 1u);
  // Zero-width space in Thai or Japanese marks a word break.
  BOOST_TEST(run("ภาษา\u200Bไทย 日本\u200B語", "markup-invisible-char").empty());
  // Soft hyphen in a table cell (narrow columns), comments, nowiki: silent.
  BOOST_TEST(run("{|\n| Donau\u00ADdampf\n|}\n<!-- a\u200Bb --><nowiki>a\u200Bb</nowiki>",
                 "markup-invisible-char")
                 .empty());
}

BOOST_AUTO_TEST_CASE(bidi_controls) {
  auto f = run("| 12 May 1961\u200E\u200E || [[Bamako]]\nx\u202Ay\u202C", "markup-bidi-control");
  BOOST_TEST_REQUIRE(f.size() == 3u);  // the run of two LRMs is one
  BOOST_TEST(f[0].key == "U+200E");
  BOOST_TEST(f[0].location.start.column == 14u);
  BOOST_TEST_REQUIRE(f[0].fix.has_value());
  BOOST_TEST(!f[0].fix->safe);
  // A line with Hebrew or Arabic text may need its marks.
  BOOST_TEST(run("The name שלום\u200E (Hebrew)\nالعربية\u200F 2", "markup-bidi-control").empty());
  BOOST_TEST(run("<!-- \u200E --> <syntaxhighlight>\u200F</syntaxhighlight>", "markup-bidi-control")
                 .empty());
}

BOOST_AUTO_TEST_CASE(replacement_char) {
  const auto f =
      run("south\xEF\xBF\xBD\xEF\xBF\xBDwest and \xEF\xBF\xBD", "markup-replacement-char");
  BOOST_TEST_REQUIRE(f.size() == 2u);  // a run is one finding
  BOOST_TEST(f[0].location.start.column == 6u);
  // Malformed bytes are not U+FFFD written in the page.
  BOOST_TEST(run("caf\xE9 \xFF", "markup-replacement-char").empty());
  BOOST_TEST(run("<nowiki>\xEF\xBF\xBD</nowiki>", "markup-replacement-char").empty());
}

BOOST_AUTO_TEST_CASE(control_chars) {
  const auto f =
      run("1892\xC2\x96"
          "1960 a\x01"
          "b\tc\r\nd",
          "markup-control-char");
  BOOST_TEST_REQUIRE(f.size() == 2u);
  BOOST_TEST(f[0].key == "U+0096");
  BOOST_TEST(f[0].location.start.column == 5u);
  BOOST_TEST(f[1].key == "U+0001");
  BOOST_TEST(run("tab\there\r\n<!-- \x01 -->", "markup-control-char").empty());
}

BOOST_AUTO_TEST_CASE(special_char_scan_keeps_only_what_the_markup_rules_read) {
  // Every code point the scan must keep, each after other non-ASCII text (é, Cyrillic, CJK,
  // Arabic, an emoji) that shares a lead byte with none or some of them: C2 (U+00A0 is not
  // special, U+00AD is), D8 (U+0627 is not, U+061C is), E2 (U+2013 is not, U+200B is),
  // EF (U+FF01 is not, U+FEFF and U+FFFD are).
  const std::string text =
      "é\xC2\xA0\u00AD д\u0627\u061C 中\u2013\u200B\u202E\u2069 \uFF01\uFEFF\uFFFD 😀\x01\x7F\u0085"
      "<!-- \u200B --><nowiki>\u200B</nowiki>"  // comments and raw tags are not read
      "\xF0\u200C \xD5\u202C "                  // after a broken lead byte: found
      "\xC0\x80 \xE2\x80 \xEF\xBF";             // overlong, truncated: malformed, skipped
  const Source source("t.wiki", text);
  const Article article(source);
  std::vector<uint32_t> got;
  std::vector<uint32_t> lengths;
  for (const SpecialChar& c : article.special_chars()) {
    got.push_back(static_cast<uint32_t>(c.cp));
    lengths.push_back(c.length);
    BOOST_TEST(is_special_char(c.cp));
    BOOST_TEST(static_cast<uint32_t>(code_point_at(article.text(), c.offset)) == got.back());
  }
  const std::vector<uint32_t> want{0xAD,   0x61C, 0x200B, 0x202E, 0x2069, 0xFEFF,
                                   0xFFFD, 0x01,  0x7F,   0x85,   0x200C, 0x202C};
  BOOST_TEST(got == want, boost::test_tools::per_element());
  const std::vector<uint32_t> want_lengths{2, 2, 3, 3, 3, 3, 3, 1, 1, 2, 3, 3};
  BOOST_TEST(lengths == want_lengths, boost::test_tools::per_element());
  // Near misses: tab, newline, carriage return and the characters beside the special ones.
  for (char32_t cp : {U'\t', U'\n', U'\r', U'\u00A0', U'\u0627', U'\u2013', U'\uFF01', U'\u2070'})
    BOOST_TEST(!is_special_char(cp));
}
