#pragma once
// The date scanner shared by parse_date (a whole cell is one date) and find_dates_in_prose
// (dates inside running text). Text is cut once into tokens (numbers, words, dashes, commas,
// full stops); date patterns are then matched over a bounded number of tokens from a start
// token, so scanning a text is linear in its length. Internal to the date code.
#include <cstddef>
#include <cstdint>
#include <optional>
#include <span>
#include <string_view>
#include <vector>

#include "model/date.hpp"

namespace wikivet::date_scan {

enum class Kind : uint8_t { Number, Word, Dash, Comma, Dot, Newline, Other };

struct Token {
  Kind kind = Kind::Other;
  size_t begin = 0;
  size_t end = 0;
  bool space_before = false;  // spaces, tabs or non-breaking spaces separate it from the previous
  bool hyphen = false;        // Dash: an ASCII '-' (ISO dates need it), not an en or em dash
  bool ordinal = false;       // Number: "20th"
  bool capitalized = false;   // Word: first letter upper case
  uint8_t digits = 0;         // Number: digit count (capped at 9)
  int value = 0;              // Number: its value when digits <= 6; Word: month 1..12 or 0
  bool month_abbrev = false;  // Word: an abbreviated month name ("Aug")
  std::string_view word;      // Word: its text (letters only)
};

std::vector<Token> tokenize(std::string_view text);

struct MatchOptions {
  bool prose = false;  // years need 4 digits and month names a capital letter
};

struct Match {
  Date date;
  size_t end_token = 0;  // one past the last token of the date
};

// The date that starts at token i (dmy, mdy, ISO, month-year; a bare 4-digit year only when
// allow_year), or nullopt.
std::optional<Match> match_at(std::span<const Token> tokens, size_t i, const MatchOptions& options,
                              bool allow_year);

// The readings of date.hpp over a text already cut into tokens: parse_date, parse_date_range,
// parse_malformed_date and parse_qualified_date each cut their (trimmed) text and call one of
// these, and a table cell's text, plain and space-folded, is cut once for all of them
// (cell_date.cpp): cutting it again for each reading cost more than the readings. `text` is
// what the tokens' offsets point into.
std::optional<Date> one_date(std::span<const Token> tokens);
std::optional<DateRange> date_range(std::string_view text, std::span<const Token> tokens);
std::optional<MalformedDate> malformed_date(std::string_view text, std::span<const Token> tokens);
std::optional<Date> qualified_date(std::string_view text, std::span<const Token> tokens,
                                   int max_words);

// Sets day/month/year validity: exists is false for 31 February and the like.
void set_exists(Date& d);

}  // namespace wikivet::date_scan
