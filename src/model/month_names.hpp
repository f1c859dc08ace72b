#pragma once
// English month names as dates in articles spell them: full ("August") or abbreviated ("Aug",
// "Sept"), in any letter case. Internal to the date code.
#include <string_view>

namespace wikivet {

struct MonthWord {
  int month = 0;             // 1..12, 0 when the word is no month
  bool abbreviated = false;  // "Aug", "Sept" (may take a full stop); "May" counts as full
};

// The month a word names, without any trailing full stop ("aug" -> 8, "Sept" -> 9).
MonthWord month_from_word(std::string_view word);
// "January" .. "December"; "" outside 1..12.
const char* month_name(int month);
// Days in a month of the proleptic Gregorian calendar (29 for February 1900 is wrong: 28).
int days_in_month(int year, int month);

}  // namespace wikivet
