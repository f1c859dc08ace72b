#include "model/month_names.hpp"

#include <array>
#include <cstddef>

namespace wikivet {
namespace {

// Views, so that comparing with a month never measures its name again.
constexpr std::array<std::string_view, 12> kMonths = {
    "January", "February", "March",     "April",   "May",      "June",
    "July",    "August",   "September", "October", "November", "December"};

char lower(char c) {
  return (c >= 'A' && c <= 'Z') ? static_cast<char>(c - 'A' + 'a') : c;
}

bool equals_ignore_case(std::string_view a, std::string_view b) {
  if (a.size() != b.size()) return false;
  for (size_t i = 0; i < a.size(); ++i) {
    if (lower(a[i]) != lower(b[i])) return false;
  }
  return true;
}

}  // namespace

MonthWord month_from_word(std::string_view word) {
  if (word.size() < 3 || word.size() > 9) return {};
  // Most words in prose are no month: the first letter rules them out, and picks the one to
  // three months a word may be, so that a word is compared with those alone (every word of
  // every date text passes through here).
  std::array<int, 3> months{};
  size_t count = 1;
  switch (lower(word[0])) {
    case 'j':
      months = {1, 6, 7};
      count = 3;
      break;
    case 'f':
      months[0] = 2;
      break;
    case 'm':
      months = {3, 5, 0};
      count = 2;
      break;
    case 'a':
      months = {4, 8, 0};
      count = 2;
      break;
    case 's':
      months[0] = 9;
      break;
    case 'o':
      months[0] = 10;
      break;
    case 'n':
      months[0] = 11;
      break;
    case 'd':
      months[0] = 12;
      break;
    default:
      return {};
  }
  for (size_t k = 0; k < count; ++k) {
    const int m = months[k];
    std::string_view full = kMonths[static_cast<size_t>(m - 1)];
    if (equals_ignore_case(word, full)) return {m, false};
    if (equals_ignore_case(word, full.substr(0, 3))) return {m, true};
  }
  // "Sept" is the one common four-letter abbreviation.
  if (equals_ignore_case(word, "sept")) return {9, true};
  return {};
}

const char* month_name(int month) {
  if (month < 1 || month > 12) return "";
  return kMonths[static_cast<size_t>(month - 1)].data();  // a literal: NUL-terminated
}

int days_in_month(int year, int month) {
  static constexpr std::array<int, 12> kDays = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  if (month < 1 || month > 12) return 0;
  if (month == 2) {
    bool leap = (year % 4 == 0 && year % 100 != 0) || year % 400 == 0;
    return leap ? 29 : 28;
  }
  return kDays[static_cast<size_t>(month - 1)];
}

}  // namespace wikivet
