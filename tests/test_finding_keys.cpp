#define BOOST_TEST_MODULE finding_keys
#include <boost/test/unit_test.hpp>

#include <set>

#include "model/text_util.hpp"
#include "rules/rule_util.hpp"
#include "test_util.hpp"

using namespace wikivet;
using namespace wikivet::test;

namespace {

bool valid_utf8(std::string_view s) {
  for (size_t i = 0; i < s.size();) {
    const size_t n = utf8_sequence_length(s, i);
    if (n == 1 && static_cast<unsigned char>(s[i]) >= 0x80) return false;
    i += n;
  }
  return true;
}

std::string repeat(std::string_view s, int n) {
  std::string out;
  for (int i = 0; i < n; ++i) out += s;
  return out;
}

}  // namespace

BOOST_AUTO_TEST_CASE(utf8_prefix_counts_characters_and_never_splits_one) {
  BOOST_TEST(utf8_prefix("abc", 2) == "ab");
  BOOST_TEST(utf8_prefix("abc", 9) == "abc");
  BOOST_TEST(utf8_prefix("", 3) == "");
  BOOST_TEST(utf8_prefix("मराठी", 2) == "मर");    // 3 bytes each
  BOOST_TEST(utf8_prefix("Ελλάδα", 3) == "Ελλ");  // 2 bytes each
  BOOST_TEST(utf8_prefix("a𝄞b", 2) == "a𝄞");      // 4 bytes
  BOOST_TEST(utf8_prefix(repeat("ক", 100), 40).size() == 120u);
  // A stray byte counts as one character, as columns count it; a cut sequence likewise.
  BOOST_TEST(utf8_prefix("\xFF\xFEz", 2) == "\xFF\xFE");
  BOOST_TEST(utf8_prefix("\xE0\xA4z", 2) == "\xE0\xA4");
}

// Keys (and messages) of every rule stay valid UTF-8 on pages in scripts of two, three and four
// bytes a letter, wherever the cut falls: the ASCII prefix shifts the text by 0..3 bytes.
BOOST_AUTO_TEST_CASE(keys_on_multibyte_pages_are_valid_utf8) {
  std::set<std::string> fired;
  for (const std::string letter : {"λ", "म", "ক", "ա", "𝄞"}) {
    const std::string words = repeat(letter + letter + letter + " ", 40);
    for (int shift = 0; shift < 4; ++shift) {
      const std::string pad(static_cast<size_t>(shift), 'x');
      const std::string page =
          "Intro.\n\n== H ==\n" + pad + "a<ref>" + words + "\n\n" + pad + "b [[" + words + "\n\n" +
          pad + "c </small>" + words + "\n\n" + pad + "d [http://example.org " + words + "\n\n" +
          pad + "e [[" + words + "]]]\n\n" + pad + "f {{{" + words + "}}}\n\n" + pad +
          "g {{Cite web|title=" + words + "\n\n{| class=wikitable\n! A !! B\n|-\n| " + pad + words +
          " || 1 || 2\n|-\n| y || 3\n|}\n";
      for (const Finding& f : run(page)) {
        BOOST_TEST(valid_utf8(f.key), f.rule << " key on " << letter << " shift " << shift);
        BOOST_TEST(valid_utf8(f.message), f.rule << " message on " << letter);
        fired.insert(f.rule);
      }
    }
  }
  // The cases above reach every place that cuts a key.
  for (const char* rule :
       {"syntax-unclosed-tag", "syntax-unclosed-link", "tag-stray-close", "link-unclosed-external",
        "link-lonely-bracket", "template-programming", "syntax-unclosed-template", "table-columns"})
    BOOST_TEST(fired.count(rule) == 1u, rule << " did not fire");
}

// A key holds as many letters on a Bengali page as on an English one.
BOOST_AUTO_TEST_CASE(keys_are_cut_at_a_character_count) {
  const auto ascii = run("a<ref>" + repeat("x", 100) + "\n\nb", "syntax-unclosed-tag");
  const auto bengali = run("a<ref>" + repeat("ক", 100) + "\n\nb", "syntax-unclosed-tag");
  BOOST_TEST_REQUIRE(ascii.size() == 1u);
  BOOST_TEST_REQUIRE(bengali.size() == 1u);
  BOOST_TEST(count_code_points(ascii[0].key) == 40u);
  BOOST_TEST(count_code_points(bengali[0].key) == 40u);
  BOOST_TEST(bengali[0].key == "<ref>" + repeat("ক", 35));
}

// Excerpts in messages are cut at 60 characters too, with an ellipsis only when text was left out.
BOOST_AUTO_TEST_CASE(message_excerpts_are_cut_at_a_character_count) {
  BOOST_TEST(wikivet::quoted(repeat("x", 60)) == "'" + repeat("x", 60) + "'");
  BOOST_TEST(wikivet::quoted(repeat("x", 61)) == "'" + repeat("x", 60) + "\u2026'");
  BOOST_TEST(wikivet::quoted(repeat("ক", 60)) == "'" + repeat("ক", 60) + "'");
  BOOST_TEST(wikivet::quoted(repeat("ক", 100)) == "'" + repeat("ক", 60) + "\u2026'");
  BOOST_TEST(wikivet::quoted(repeat("𝄞", 61)) == "'" + repeat("𝄞", 60) + "\u2026'");
  BOOST_TEST(wikivet::quoted("") == "''");
}
