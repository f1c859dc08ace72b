// Dates from date templates. Parameter conventions follow the templates' documentation on the
// English Wikipedia:
// - {{dts}} (Module:Dts): year|month|day[|BC], or one date as text in parameter 1. Month as a
//   number, a name or an abbreviation. format= dmy, mdy, dm, md, my, y, hide; separate
//   parameters and ISO text display month first unless format= says otherwise, other text keeps
//   its order. The old day|month|year order ({{dts|4|July|1776}}, still the order on the German
//   Wikipedia: {{dts|||1810}}) is recognised by an empty or 1-2 digit first and a 3-4 digit
//   third parameter. A date without a year ({{dts||10|17}}) is no Date.
// - {{start date}}, {{end date}}, {{birth date}}, {{death date}} and their "and age" forms:
//   year|month|day; df=y (or yes, or any value but no) displays day first, otherwise month
//   first. {{death date and age}} starts with the death date, which is the one returned.
// - {{date}}: a date as text in parameter 1, displayed day first unless parameter 2 says mdy
//   or iso/ymd.
// - {{start-date}}, {{end-date}}, {{birth-date}}, {{death-date}}: a date as text, shown as
//   written.
#include <array>

#include "model/date.hpp"
#include "model/date_scan.hpp"
#include "model/month_names.hpp"
#include "model/text_util.hpp"

namespace wikivet {
namespace {

enum class Family : uint8_t { None, Dts, Ymd, DateText, PlainText };

Family family(std::string_view normalized_name) {
  std::string name = to_lower(trim(normalized_name));
  for (char& c : name) {
    if (c == '_') c = ' ';
  }
  static constexpr std::array<std::string_view, 3> kDts = {"dts", "dtsh", "date table sorting"};
  static constexpr std::array<std::string_view, 10> kYmd = {
      "start date",         "start date and age", "end date",
      "end date and age",   "birth date",         "birth date and age",
      "death date",         "death date and age", "start date and years ago",
      "birth date and age2"};
  static constexpr std::array<std::string_view, 4> kPlain = {"start-date", "end-date", "birth-date",
                                                             "death-date"};
  for (auto n : kDts) {
    if (name == n) return Family::Dts;
  }
  for (auto n : kYmd) {
    if (name == n) return Family::Ymd;
  }
  for (auto n : kPlain) {
    if (name == n) return Family::PlainText;
  }
  if (name == "date") return Family::DateText;
  return Family::None;
}

// A parameter's value, trimmed; the last one wins when a name repeats, as in MediaWiki.
std::string_view param(const TemplateParams& params, std::string_view name) {
  std::string_view value;
  bool found = false;
  for (const auto& [n, v] : params) {
    if (trim(n) == name) {
      value = v;
      found = true;
    }
  }
  return found ? trim(value) : std::string_view{};
}

// A whole unsigned number of 1..max_digits digits, or -1.
int number(std::string_view s, size_t max_digits) {
  if (s.empty() || s.size() > max_digits) return -1;
  int v = 0;
  for (char c : s) {
    if (c < '0' || c > '9') return -1;
    v = v * 10 + (c - '0');
  }
  return v;
}

// A month parameter: 1..12 (leading zero allowed) or a name or abbreviation; 0 when none.
int month_param(std::string_view s) {
  int m = number(s, 2);
  if (m >= 1 && m <= 12) return m;
  if (m >= 0) return -1;
  if (s.ends_with(".")) s.remove_suffix(1);
  MonthWord w = month_from_word(s);
  return w.month != 0 ? w.month : -1;
}

// Year, month, day from separate parameters; nullopt when they are no date.
std::optional<Date> from_parts(std::string_view y, std::string_view m, std::string_view d) {
  Date date;
  date.year = number(y, 4);
  // Year 0 is kept: a date that does not exist (set_exists), unless the template reads it as
  // an astronomical year ({{dts}}, see from_dts).
  if (date.year < 0) return std::nullopt;
  date.precision = DatePrecision::Year;
  if (!m.empty()) {
    date.month = month_param(m);
    if (date.month < 1) return std::nullopt;
    date.precision = DatePrecision::Month;
    if (!d.empty()) {
      date.day = number(d, 2);
      if (date.day < 1 || date.day > 31) return std::nullopt;
      date.precision = DatePrecision::Day;
    }
  } else if (!d.empty()) {
    return std::nullopt;  // a day without a month
  }
  date_scan::set_exists(date);
  return date;
}

// The format a reader sees for a date of this precision, given the day-month order.
DateFormat shown(const Date& d, DateFormat day_order) {
  switch (d.precision) {
    case DatePrecision::Year:
      return DateFormat::Year;
    case DatePrecision::Month:
      return day_order == DateFormat::Iso ? DateFormat::Iso : DateFormat::MonthYear;
    case DatePrecision::Day:
      return day_order;
    case DatePrecision::None:
      break;
  }
  return DateFormat::None;
}

bool yes(std::string_view v) {
  std::string w = to_lower(v);
  return !w.empty() && w != "no" && w != "n" && w != "0" && w != "false";
}

std::optional<Date> from_dts(const TemplateParams& params) {
  std::string_view p1 = param(params, "1"), p2 = param(params, "2"), p3 = param(params, "3");
  std::string_view p4 = param(params, "4");
  if (!p4.empty()) return std::nullopt;  // BC/AD era: outside what Date holds
  std::optional<Date> d;
  bool separate = !p2.empty() || !p3.empty() || number(p1, 4) >= 0;
  if (separate) {
    if ((p1.empty() || number(p1, 2) >= 1) && number(p3, 4) >= 100) {
      d = from_parts(p3, p2, p1);  // the old day|month|year order
    } else {
      d = from_parts(p1, p2, p3);
    }
    if (d) d->format = DateFormat::Mdy;
  } else {
    d = parse_date(p1);
    if (d && d->approximate) return std::nullopt;  // the module takes no "c."
    if (!d) {
      // "1940-04": a year and a month, ISO order, as the module reads it.
      auto m = parse_malformed_date(p1);
      if (m && m->readable && m->date.precision == DatePrecision::Month && p1.size() == 7 &&
          p1[4] == '-') {
        d = m->date;
        d->format = DateFormat::Iso;
      }
    }
    if (d && d->format == DateFormat::Iso) d->format = DateFormat::Mdy;
  }
  // Module:Dts reads year 0 as the astronomical year 0 (1 BC): outside what Date holds.
  if (!d || d->year < 1) return std::nullopt;
  std::string f = to_lower(param(params, "format"));
  DateFormat order = d->format;
  if (f == "dmy" || f == "dm") order = DateFormat::Dmy;
  if (f == "mdy" || f == "md") order = DateFormat::Mdy;
  if (order != DateFormat::Dmy && order != DateFormat::Mdy) order = DateFormat::Mdy;
  d->format = shown(*d, order);
  return d;
}

std::optional<Date> from_ymd(const TemplateParams& params) {
  auto d = from_parts(param(params, "1"), param(params, "2"), param(params, "3"));
  if (!d) return std::nullopt;
  DateFormat order = yes(param(params, "df")) ? DateFormat::Dmy : DateFormat::Mdy;
  d->format = shown(*d, order);
  return d;
}

std::optional<Date> from_date_text(const TemplateParams& params) {
  auto d = parse_date(param(params, "1"));
  if (!d) return std::nullopt;
  std::string f = to_lower(param(params, "2"));
  DateFormat order = DateFormat::Dmy;
  if (f == "mdy") order = DateFormat::Mdy;
  if (f == "iso" || f == "ymd") order = DateFormat::Iso;
  d->format = shown(*d, order);
  return d;
}

// A {{dts}} date before AD 1: year|month|day|BC, or an astronomical year 0 or below
// ({{dts|0|1|1}}, {{dts|-44|3|15}}), which the module documents as valid.
bool dts_before_year_one(const TemplateParams& params) {
  const std::string_view p1 = param(params, "1");
  const std::string era = to_lower(param(params, "4"));
  if (!era.empty() && era != "bc" && era != "bce") return false;
  std::string_view digits = p1;
  const bool negative = era.empty() && digits.starts_with("-");
  if (negative) digits.remove_prefix(1);
  const int year = number(digits, 4);
  if (year < 0) {
    // One date as text in parameter 1 ("1 January 0"): year 0 as the module reads it.
    if (!era.empty() || !param(params, "2").empty() || !param(params, "3").empty()) return false;
    const auto d = parse_date(p1);
    return d && d->year == 0 && !d->approximate;
  }
  if (era.empty() && !negative && year != 0) return false;  // AD: date_from_template's
  if (!era.empty() && year == 0) return false;              // there is no year 0 BC
  // The same day in a year AD with the same place in the 400-year cycle must exist:
  // {{dts|0|13|1}} is no date in any era, {{dts|0|2|29}} is one (1 BC was a leap year).
  const int astronomical = era.empty() ? -year : 1 - year;
  const int cycle = ((astronomical % 400) + 400) % 400;
  TemplateParams moved;
  for (const auto& [k, v] : params) {
    if (trim(k) == "4") continue;
    moved.emplace_back(k, trim(k) == "1" ? std::to_string(cycle == 0 ? 400 : cycle) : v);
  }
  const auto d = from_dts(moved);
  return d && d->exists;
}

}  // namespace

bool date_template_before_year_one(std::string_view normalized_name, const TemplateParams& params) {
  return family(normalized_name) == Family::Dts && dts_before_year_one(params);
}

bool is_date_template(std::string_view normalized_name) {
  return family(normalized_name) != Family::None;
}

std::optional<Date> date_from_template(std::string_view normalized_name,
                                       const TemplateParams& params) {
  switch (family(normalized_name)) {
    case Family::Dts:
      return from_dts(params);
    case Family::Ymd:
      return from_ymd(params);
    case Family::DateText:
      return from_date_text(params);
    case Family::PlainText:
      return parse_date(param(params, "1"));
    case Family::None:
      break;
  }
  return std::nullopt;
}

}  // namespace wikivet
