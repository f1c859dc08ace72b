#pragma once
// Dates as articles write them: "20 August 1960", "August 20, 1960", "1960-08-20", "April 1979",
// "1962", {{dts|...}}, {{start date|...}}, "Unknown". A date has a value, a precision and the
// format it was written in; two dates agree by meaning, not by text.
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace wikivet {

enum class DatePrecision : uint8_t { None, Year, Month, Day };
// How a date was written. Year-only and month-year dates have no dmy/mdy order of their own.
// For a date template this is the order the reader sees ({{dts|1960|8|20}} shows "August 20,
// 1960": Mdy; {{start date|1960|8|20|df=y}} shows "20 August 1960": Dmy), since that is what
// {{Use dmy dates}} is about.
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
// allowed). Month names in English, full or abbreviated ("Aug", "Sept."), any letter case;
// ordinal days ("20th August 1960") keep their order. "c. 1965", "ca. 1965", "circa 1965" set
// `approximate`. Returns nullopt for anything else, including text with extra words
// ("5 November 1992 severed in 2024"), ranges ("1960–1962", "20–22 August 1960", "1960s": see
// parse_date_range) and day-month without a year. Years in text have 3 or 4 digits (a bare
// year 4), so a sequence number like "124" is no date; the Gregorian calendar is used for all
// years (29 February 1900 does not exist).
std::optional<Date> parse_date(std::string_view text);

// A span of time written as one cell: "1960–1962", "1960-62", "1960s", "20–22 August 1960",
// "20 August – 5 September 1960", "August–September 1960", "1 May 1963 – 5 May 1964".
// Separators: '-', en dash, em dash (or &ndash; &mdash;). `first`/`last` are the two ends at the
// precision written (a decade is its first and last year). nullopt when the text is no range;
// a single date is no range either (use parse_date).
struct DateRange {
  Date first;
  Date last;
  bool decade = false;  // "1960s"
};
std::optional<DateRange> parse_date_range(std::string_view text);

// The date a date template says, from its normalised name ("Dts", "Start date", "Start date
// and age", "Date", "Birth date", ...) and parameters (positional ones under "1", "2", ...).
// Returns nullopt when the template is not a date template or its parameters are no date.
// "{{dts|20 August 1960}}", "{{dts|1960|8|20}}", "{{dts|format=dmy|1960|8|20}}",
// "{{start date|1960|08|20|df=y}}". Years here may have 1 to 4 digits (1..9999, and 0 as a
// date that does not exist); BC dates ({{dts|44|3|15|BC}}) give nullopt.
using TemplateParams = std::vector<std::pair<std::string, std::string>>;
bool is_date_template(std::string_view normalized_name);
std::optional<Date> date_from_template(std::string_view normalized_name,
                                       const TemplateParams& params);

// A date template whose date lies before AD 1, which Date does not hold: {{dts|44|3|15|BC}},
// and {{dts}}'s astronomical years ({{dts|0|1|1}} is 1 January 1 BC, {{dts|-43|3|15}}). Such
// a template is a date, not a broken one; date_from_template gives nullopt for it. A year 0
// in the other templates ({{start date|0|1|1}}) is a date that does not exist.
bool date_template_before_year_one(std::string_view normalized_name, const TemplateParams& params);

// Words that mean "no date known": Unknown, unknown, N/A, n/a, ?, TBD, TBA, "—", "-", empty.
// Case-insensitive; surrounding spaces, a trailing full stop and parentheses are allowed.
bool is_unknown_date_text(std::string_view text);
// Templates that say the same: {{N/A}}, {{n/a}}, {{Unknown}}, {{dunno}}, {{TBA}}, {{TBD}}.
bool is_unknown_date_template(std::string_view normalized_name);

// Among the words is_unknown_date_text accepts, those that may mean "not applicable" rather
// than "not known": N/A, n/a, n.a., NA and the dashes.
bool is_not_applicable_text(std::string_view text);

// Text shaped like a date written with numbers only, or with a numeric month, in no format an
// article should use: "1949-2-7", "7/1/1972", "1991 09 06", "06.10.2012", "1869-10",
// "1966-Nov-30". Returns nullopt for anything else (proper dates included). When the text can
// be read one way only (year first, or a day above 12), `date` holds that reading and
// `readable` is true.
struct MalformedDate {
  Date date;
  bool readable = false;
};
std::optional<MalformedDate> parse_malformed_date(std::string_view text);

// How many dates a text holds: full and month-year dates (as find_dates_in_prose finds them,
// but month names in any case) plus years standing alone (3 or 4 digits, 4 when a number
// could be a quantity); a range counts as one.
int count_dates(std::string_view text);

// One date with a few words that bound or qualify it, and nothing else with a digit: "Before
// 1982", "after 1975", "22 January 1993 or before", "preliminary 2020", "1921 (before the
// population exchange)", "(relations severed in May 2018)". The words may be in any language;
// at most `max_words` of them. nullopt for a plain date, for two dates and for prose.
std::optional<Date> parse_qualified_date(std::string_view text, int max_words = 8);

// True when the two dates can name the same day: equal where both are precise, and a coarser
// date agrees with any finer date inside it (1962 agrees with 24 January 1962). A date without
// precision agrees with nothing. `approximate` is not taken into account.
bool dates_agree(const Date& a, const Date& b);
// True when a is strictly before b at the precision both share (for ordering checks);
// dates that agree are not before each other.
bool date_before(const Date& a, const Date& b);

// "20 August 1960", "August 20, 1960", "1960-08-20", "April 1979", "1962"; "c. " first when
// approximate. A format never adds precision: a year-only date prints as its year in any
// format, and DateFormat::Year prints only the year of any date.
std::string format_date(const Date& d, DateFormat f);
// The date as written in its own format (for messages).
std::string to_string(const Date& d);
const char* to_string(DateFormat f);  // "dmy", "mdy", "iso", "month-year", "year", "none"

// Finds every date written in running prose ("established diplomatic relations on 1 August
// 1963"): returns each with its byte range in `text`. Only full dates and month-year dates;
// bare years are too ambiguous in prose to count. In prose a year has 4 digits and a month
// name starts with a capital ("may 2000" is no date). The ends of ranges written short
// ("20–22 August 1960", "1979–80") are not reported; both ends of "1 May 1963 – 5 May 1964"
// are. Pass plain text: a citation template's "|date=2024-08-05" would be found too.
struct DateMention {
  Date date;
  size_t begin = 0;
  size_t end = 0;
};
std::vector<DateMention> find_dates_in_prose(std::string_view text);

}  // namespace wikivet
