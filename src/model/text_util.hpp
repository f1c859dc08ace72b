#pragma once
// Small text helpers shared by the model and the rules.
#include <string>
#include <string_view>

namespace wikivet {

bool is_space(char c);
std::string_view trim(std::string_view s);
// ASCII lower case (other bytes untouched).
std::string to_lower(std::string_view s);
// Lower case for the letters of ASCII, Latin-1, Latin Extended-A and Additional (Polish,
// Vietnamese), Greek, Cyrillic and Armenian: the scripts of the wikis with a profile, whose
// template names and month words are written in either case. Other bytes, and invalid UTF-8,
// are untouched; small letters take as many bytes as their capitals in these scripts.
std::string fold_case(std::string_view s);
// The length of the UTF-8 sequence that starts with byte `lead` (1 for a stray byte).
size_t utf8_length(unsigned char lead);
// Appends code point `cp` (at most U+10FFFF) to `out` in UTF-8.
void append_utf8(std::string& out, char32_t cp);
// The code point at s[i], whose length is utf8_length(s[i]); 0xFFFD when it is malformed.
char32_t utf8_decode(std::string_view s, size_t i, size_t length);
// The longest prefix of `s` with at most `max_chars` characters (code points; each byte of an
// ill-formed sequence counts as one, as columns do). It never ends inside a UTF-8 sequence,
// so a finding key or excerpt cut with it stays valid UTF-8 where the text was. Characters,
// not bytes: a key cut at N bytes holds a third of the text on a Devanagari, Bengali or
// Armenian page that it holds on an English one, and tells findings apart less well there.
std::string_view utf8_prefix(std::string_view s, size_t max_chars);
bool iequals(std::string_view a, std::string_view b);
bool istarts_with(std::string_view s, std::string_view prefix);
// Folds runs of whitespace (ASCII spaces, tabs, newlines, U+00A0) into one space and trims.
std::string fold_spaces(std::string_view s);
// fold_spaces of s[from..], written over it in place (s[..from) is left as it is): no copy, for
// text built in a buffer and folded there.
void fold_spaces_in_place(std::string& s, size_t from = 0);
// Parses a non-negative decimal integer that is the whole of `s` (after trimming).
bool parse_uint(std::string_view s, long long& out);

}  // namespace wikivet
