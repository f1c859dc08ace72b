#pragma once
// Small text helpers shared by the model and the rules.
#include <string>
#include <string_view>

namespace wikivet {

bool is_space(char c);
std::string_view trim(std::string_view s);
// ASCII lower case (other bytes untouched).
std::string to_lower(std::string_view s);
// Lower case for the letters of ASCII, Latin-1, Greek, Cyrillic and Armenian (the scripts whose
// template names wikis capitalise either way); other bytes, and invalid UTF-8, untouched.
std::string fold_case(std::string_view s);
bool iequals(std::string_view a, std::string_view b);
bool istarts_with(std::string_view s, std::string_view prefix);
// Folds runs of whitespace (ASCII spaces, tabs, newlines, U+00A0) into one space and trims.
std::string fold_spaces(std::string_view s);
// Parses a non-negative decimal integer that is the whole of `s` (after trimming).
bool parse_uint(std::string_view s, long long& out);

}  // namespace wikivet
