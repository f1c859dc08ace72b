#pragma once
// Dates in a wiki's own language: "12 травня 1961", "1961年5月12日", "ngày 12 tháng 5 năm 1961",
// "১২ মে ১৯৬১". A language is data (a wiki profile's `month`, `digits` and `date` rows): its
// month words, its own digits, and the patterns its dates follow. English needs none of it: the
// English date code (date.hpp) reads English dates, and every language falls back on it (ISO
// dates, bare years, ranges of years, English month names).
#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "model/date.hpp"

namespace wikivet {

class DateLanguage {
 public:
  // True when the language adds nothing to English (the English profile).
  bool english_only() const { return patterns_.empty() && digits_.empty() && months_.empty(); }

  // A month word (any letter case; abbreviations may then take a full stop).
  void add_month(int month, std::string_view word);
  // Ten digits, zero first, as UTF-8 text ("০১২৩৪৫৬৭৮৯"). Throws std::invalid_argument.
  void set_digits(std::string_view ten_digits);
  // A date pattern: items separated by spaces. D a day (1-31), N a month number, M a month word,
  // Y a year (3 or 4 digits); anything else is literal text, optional when it ends in '?'
  // ("D M Y г.?", "Y年N月D日", "ngày? D tháng N năm Y"). Items may stand without spaces between
  // them in the text. `format` is what the date counts as (dmy, mdy; iso for year-first
  // patterns). Throws std::invalid_argument for a pattern without a year.
  void add_pattern(DateFormat format, std::string_view pattern);

  // Text with the language's digits turned into ASCII digits (nothing else changes).
  std::string ascii_digits(std::string_view text) const;
  // Whether text has a digit, ASCII or the language's own.
  bool has_digit(std::string_view text) const;
  // The one date that text is (surrounding blanks and a final full stop allowed): the
  // language's patterns first, then the English reading of the text with ASCII digits.
  std::optional<Date> parse(std::string_view text) const;
  // A period ("১৯৬০–১৯৬২"): English ranges over the text with ASCII digits.
  std::optional<DateRange> parse_range(std::string_view text) const;
  // Whether every word of text is one the language's dates use (month words, pattern words)
  // or an English date word. Text with other words is in a language wikivet does not read as
  // dates: no date rule should judge it.
  bool understands(std::string_view text) const;

  size_t pattern_count() const { return patterns_.size(); }
  const std::map<std::string, int>& months() const { return months_; }

 private:
  struct Item {
    enum class Kind : uint8_t { Day, MonthNumber, MonthWord, Year, Literal } kind;
    std::string text;  // Literal: one token's folded text
    bool optional = false;
  };
  struct Pattern {
    DateFormat format;
    std::vector<Item> items;
  };
  std::vector<Pattern> patterns_;
  std::map<std::string, int> months_;  // folded word -> month
  std::vector<std::string> digits_;    // UTF-8 sequence of 0..9
  // The digit (0..9) whose UTF-8 sequence starts at text[i], its length in `length`; -1 for none.
  int digit_at(std::string_view text, size_t i, size_t& length) const;
  // When the ten digits share every byte but the last, which counts up by one (the digits of
  // every script in Unicode do), a digit is told by one comparison instead of ten.
  std::string digit_prefix_;  // the shared bytes
  unsigned char digit_last_zero_ = 0;
  bool digits_counted_ = false;
  std::vector<std::string> literals_;  // folded pattern words (for understands())
};

}  // namespace wikivet
