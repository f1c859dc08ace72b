#pragma once
// Dates as articles write them: "20 August 1960", "August 20, 1960", "1960-08-20", "April 1979",
// "1962", {{dts|...}}, {{start date|...}}, "Unknown". A date has a value, a precision and the
// format it was written in; two dates agree by meaning, not by text.
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace wikivet {

enum class DatePrecision : uint8_t { None, Year, Month, Day };
// How a date was written. Year-only and month-year dates have no dmy/mdy order of their own.
enum class DateFormat : uint8_t { None, Dmy, Mdy, Iso, MonthYear, Year };

struct Date {
  int year = 0;
  int month = 0;  // 1..12 when precision >= Month
  int day = 0;    // 1..31 when precision == Day
  DatePrecision precision = DatePrecision::None;
  DateFormat format = DateFormat::None;
  bool exists = true;        // false for 31 February 2003 and the like (still parsed)
  bool approximate = false;  // "c. 1965", "circa 1965"
  bool operator==(const Date&) const = default;
};

// Parses text that is exactly one date (surrounding spaces, &nbsp;, a trailing full stop
// allowed). Month names in English, full or abbreviated ("Aug", "Sept."). Returns nullopt for
// anything else, including text with extra words ("5 November 1992 severed in 2024").
std::optional<Date> parse_date(std::string_view text);

// The date a date template says, from its normalised name ("Dts", "Start date", "Start date
// and age", "Date", "Birth date", ...) and parameters (positional ones under "1", "2", ...).
// Returns nullopt when the template is not a date template or its parameters are no date.
// "{{dts|20 August 1960}}", "{{dts|1960|8|20}}", "{{dts|format=dmy|1960|8|20}}",
// "{{start date|1960|08|20|df=y}}".
using TemplateParams = std::vector<std::pair<std::string, std::string>>;
bool is_date_template(std::string_view normalized_name);
std::optional<Date> date_from_template(std::string_view normalized_name,
                                       const TemplateParams& params);

// Words that mean "no date known": Unknown, unknown, N/A, n/a, ?, TBD, TBA, "—", "-", empty.
bool is_unknown_date_text(std::string_view text);

// True when the two dates can name the same day: equal where both are precise, and a coarser
// date agrees with any finer date inside it (1962 agrees with 24 January 1962).
bool dates_agree(const Date& a, const Date& b);
// True when a is strictly before b at the precision both share (for ordering checks);
// dates that agree are not before each other.
bool date_before(const Date& a, const Date& b);

// "20 August 1960", "August 20, 1960", "1960-08-20", "April 1979", "1962".
std::string format_date(const Date& d, DateFormat f);
// The date as written in its own format (for messages).
std::string to_string(const Date& d);
const char* to_string(DateFormat f);  // "dmy", "mdy", "iso", "month-year", "year", "none"

// Finds every date written in running prose ("established diplomatic relations on 1 August
// 1963"): returns each with its byte range in `text`. Only full dates and month-year dates;
// bare years are too ambiguous in prose to count.
struct DateMention {
  Date date;
  size_t begin = 0;
  size_t end = 0;
};
std::vector<DateMention> find_dates_in_prose(std::string_view text);

}  // namespace wikivet
