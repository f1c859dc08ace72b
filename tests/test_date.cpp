#define BOOST_TEST_MODULE date
#include <boost/test/unit_test.hpp>
#include <chrono>
#include <ostream>
#include <string>

#include "model/date.hpp"

using namespace wikivet;

namespace wikivet {
// For Boost.Test's messages.
std::ostream& operator<<(std::ostream& os, DatePrecision p) {
  return os << static_cast<int>(p);
}
std::ostream& operator<<(std::ostream& os, DateFormat f) {
  return os << to_string(f);
}
std::ostream& operator<<(std::ostream& os, const Date& d) {
  return os << d.year << '-' << d.month << '-' << d.day << " p" << d.precision << ' ' << d.format
            << (d.exists ? "" : " nonexistent") << (d.approximate ? " approx" : "");
}
}  // namespace wikivet

namespace {

Date day(int y, int m, int d, DateFormat f) {
  Date x;
  x.year = y;
  x.month = m;
  x.day = d;
  x.precision = DatePrecision::Day;
  x.format = f;
  return x;
}

void check_day(std::string_view text, int y, int m, int d, DateFormat f) {
  BOOST_TEST_CONTEXT(text) {
    auto got = parse_date(text);
    BOOST_REQUIRE(got.has_value());
    BOOST_TEST(got->year == y);
    BOOST_TEST(got->month == m);
    BOOST_TEST(got->day == d);
    BOOST_TEST(got->precision == DatePrecision::Day);
    BOOST_TEST(got->format == f);
    BOOST_TEST(got->exists);
    BOOST_TEST(!got->approximate);
  }
}

TemplateParams params(std::initializer_list<std::pair<std::string, std::string>> list) {
  return TemplateParams(list);
}

TemplateParams positional(std::initializer_list<std::string> values) {
  TemplateParams p;
  int i = 1;
  for (const auto& v : values) p.emplace_back(std::to_string(i++), v);
  return p;
}

}  // namespace

BOOST_AUTO_TEST_SUITE(parse)

BOOST_AUTO_TEST_CASE(full_dates_in_every_format) {
  check_day("20 August 1960", 1960, 8, 20, DateFormat::Dmy);
  check_day("20 Aug 1960", 1960, 8, 20, DateFormat::Dmy);
  check_day("20 Aug. 1960", 1960, 8, 20, DateFormat::Dmy);
  check_day("20th August 1960", 1960, 8, 20, DateFormat::Dmy);
  check_day("1st Sept. 1939", 1939, 9, 1, DateFormat::Dmy);
  check_day("20 august 1960", 1960, 8, 20, DateFormat::Dmy);
  check_day("August 20, 1960", 1960, 8, 20, DateFormat::Mdy);
  check_day("Aug. 20, 1960", 1960, 8, 20, DateFormat::Mdy);
  check_day("August 20 1960", 1960, 8, 20, DateFormat::Mdy);
  check_day("August 20th, 1960", 1960, 8, 20, DateFormat::Mdy);
  check_day("1960-08-20", 1960, 8, 20, DateFormat::Iso);
}

BOOST_AUTO_TEST_CASE(spaces_and_full_stops) {
  check_day("  20 August 1960 ", 1960, 8, 20, DateFormat::Dmy);
  check_day("\n20 August 1960\n", 1960, 8, 20, DateFormat::Dmy);
  check_day(
      "20\xC2\xA0"
      "August\xC2\xA0"
      "1960",
      1960, 8, 20, DateFormat::Dmy);
  check_day("20&nbsp;August&nbsp;1960", 1960, 8, 20, DateFormat::Dmy);
  check_day("August&nbsp;20, 1960", 1960, 8, 20, DateFormat::Mdy);
  check_day("20 August 1960.", 1960, 8, 20, DateFormat::Dmy);
  check_day("&nbsp;1960-08-20&nbsp;", 1960, 8, 20, DateFormat::Iso);
  BOOST_TEST(!parse_date("20 August 1960..").has_value());
}

BOOST_AUTO_TEST_CASE(month_year_and_year) {
  auto m = parse_date("April 1979");
  BOOST_REQUIRE(m.has_value());
  BOOST_TEST(m->year == 1979);
  BOOST_TEST(m->month == 4);
  BOOST_TEST(m->precision == DatePrecision::Month);
  BOOST_TEST(m->format == DateFormat::MonthYear);
  auto a = parse_date("Apr 1979");
  BOOST_REQUIRE(a.has_value());
  BOOST_TEST(a->month == 4);
  BOOST_TEST(a->precision == DatePrecision::Month);
  auto y = parse_date("1962");
  BOOST_REQUIRE(y.has_value());
  BOOST_TEST(y->year == 1962);
  BOOST_TEST(y->precision == DatePrecision::Year);
  BOOST_TEST(y->format == DateFormat::Year);
}

BOOST_AUTO_TEST_CASE(approximate) {
  for (std::string_view text : {"c. 1965", "circa 1965", "c.1965", "ca. 1965", "C. 1965"}) {
    BOOST_TEST_CONTEXT(text) {
      auto d = parse_date(text);
      BOOST_REQUIRE(d.has_value());
      BOOST_TEST(d->approximate);
      BOOST_TEST(d->year == 1965);
      BOOST_TEST(d->precision == DatePrecision::Year);
    }
  }
  auto d = parse_date("c. March 1965");
  BOOST_REQUIRE(d.has_value());
  BOOST_TEST(d->approximate);
  BOOST_TEST(d->month == 3);
  BOOST_TEST(!parse_date("c. ").has_value());
  BOOST_TEST(!parse_date("c 1965").has_value());  // no full stop: not the abbreviation
}

BOOST_AUTO_TEST_CASE(not_one_date) {
  for (std::string_view text : {"5 November 1992 Diplomatic Severed in 4 August 2024",
                                "",
                                "   ",
                                "Unknown",
                                "20 August",
                                "August 20",
                                "August",
                                "124",
                                "62",
                                "20 August 1960 and 1961",
                                "1960–1962",
                                "1960-1962",
                                "1960s",
                                "20–22 August 1960",
                                "1960-08",
                                "08/20/1960",
                                "20/08/1960",
                                "1960-8-20",
                                "1960-13-01",
                                "1960-08-32",
                                "32 August 1960",
                                "0 August 1960",
                                "20 Augusts 1960",
                                "x20 August 1960",
                                "20 August 1960x",
                                "0000",
                                "12345",
                                "15 March 44 BC",
                                "Monday 20 August 1960",
                                "20 August 19600",
                                "May 5",
                                "May 12 people"}) {
    BOOST_TEST_CONTEXT(text) {
      BOOST_TEST(!parse_date(text).has_value());
    }
  }
}

BOOST_AUTO_TEST_CASE(days_that_do_not_exist) {
  for (std::string_view text : {"31 February 2003", "29 February 1900", "31 April 2001",
                                "2003-02-29", "February 30, 2000", "31 June 1990"}) {
    BOOST_TEST_CONTEXT(text) {
      auto d = parse_date(text);
      BOOST_REQUIRE(d.has_value());
      BOOST_TEST(!d->exists);
    }
  }
  for (std::string_view text :
       {"29 February 2000", "29 February 2004", "28 February 1900", "31 March 2001",
        "30 April 2001", "2024-02-29", "31 December 9999", "1 January 100"}) {
    BOOST_TEST_CONTEXT(text) {
      auto d = parse_date(text);
      BOOST_REQUIRE(d.has_value());
      BOOST_TEST(d->exists);
    }
  }
}

BOOST_AUTO_TEST_CASE(year_zero_does_not_exist) {
  // Articles count 1 BC, then AD 1: a day in year 0 is a date meant and written wrong.
  for (std::string_view text : {"1 January 0", "January 1, 0", "1 January 0000", "15 May 00"}) {
    BOOST_TEST_CONTEXT(text) {
      auto d = parse_date(text);
      BOOST_REQUIRE(d.has_value());
      BOOST_TEST(d->year == 0);
      BOOST_TEST(d->precision == DatePrecision::Day);
      BOOST_TEST(!d->exists);
    }
  }
  // Near misses: a month and year 0, a bare 0, a day of year 1 or 100, a year 0 in prose.
  for (std::string_view text : {"January 0", "0", "0000", "1 January 00000"}) {
    BOOST_TEST_CONTEXT(text) {
      BOOST_TEST(!parse_date(text).has_value());
    }
  }
  for (std::string_view text : {"1 January 100", "1 January 999"}) {
    BOOST_TEST_CONTEXT(text) {
      auto d = parse_date(text);
      BOOST_REQUIRE(d.has_value());
      BOOST_TEST(d->exists);
    }
  }
  BOOST_TEST(find_dates_in_prose("founded on 1 January 0000 by").empty());
}

BOOST_AUTO_TEST_SUITE_END()

BOOST_AUTO_TEST_SUITE(ranges)

BOOST_AUTO_TEST_CASE(ranges_with_days_that_do_not_exist) {
  // Each end is judged as the date it stands for, the short start borrowing the end's month.
  auto r = parse_date_range(
      "29\xE2\x80\x93"
      "30 February 2001");
  BOOST_REQUIRE(r.has_value());
  BOOST_TEST(!r->first.exists);
  BOOST_TEST(!r->last.exists);
  r = parse_date_range(
      "27\xE2\x80\x93"
      "29 February 2001");
  BOOST_REQUIRE(r.has_value());
  BOOST_TEST(r->first.exists);
  BOOST_TEST(!r->last.exists);
  r = parse_date_range(
      "February 27\xE2\x80\x93"
      "30, 2001");
  BOOST_REQUIRE(r.has_value());
  BOOST_TEST(!r->last.exists);
  // Leap years: both ends exist.
  for (std::string_view text : {"28\xE2\x80\x93"
                                "29 February 2000",
                                "28\xE2\x80\x93"
                                "29 February 2004",
                                "29 February \xE2\x80\x93 1 March 2024"}) {
    BOOST_TEST_CONTEXT(text) {
      r = parse_date_range(text);
      BOOST_REQUIRE(r.has_value());
      BOOST_TEST(r->first.exists);
      BOOST_TEST(r->last.exists);
    }
  }
}

BOOST_AUTO_TEST_CASE(written_ranges) {
  auto r = parse_date_range("1960–1962");
  BOOST_REQUIRE(r.has_value());
  BOOST_TEST(r->first.year == 1960);
  BOOST_TEST(r->last.year == 1962);
  BOOST_TEST(!r->decade);

  r = parse_date_range("1960-62");
  BOOST_REQUIRE(r.has_value());
  BOOST_TEST(r->last.year == 1962);

  r = parse_date_range("1960s");
  BOOST_REQUIRE(r.has_value());
  BOOST_TEST(r->decade);
  BOOST_TEST(r->first.year == 1960);
  BOOST_TEST(r->last.year == 1969);

  r = parse_date_range("20–22 August 1960");
  BOOST_REQUIRE(r.has_value());
  BOOST_TEST(r->first == day(1960, 8, 20, DateFormat::Dmy));
  BOOST_TEST(r->last == day(1960, 8, 22, DateFormat::Dmy));

  r = parse_date_range("20 August – 5 September 1960");
  BOOST_REQUIRE(r.has_value());
  BOOST_TEST(r->first == day(1960, 8, 20, DateFormat::Dmy));
  BOOST_TEST(r->last == day(1960, 9, 5, DateFormat::Dmy));

  r = parse_date_range("August 20 &ndash; September 5, 1960");
  BOOST_REQUIRE(r.has_value());
  BOOST_TEST(r->first == day(1960, 8, 20, DateFormat::Mdy));

  r = parse_date_range("August–September 1960");
  BOOST_REQUIRE(r.has_value());
  BOOST_TEST(r->first.month == 8);
  BOOST_TEST(r->last.month == 9);
  BOOST_TEST(r->first.precision == DatePrecision::Month);

  r = parse_date_range("1 May 1963 – 5 May 1964");
  BOOST_REQUIRE(r.has_value());
  BOOST_TEST(r->first == day(1963, 5, 1, DateFormat::Dmy));
  BOOST_TEST(r->last == day(1964, 5, 5, DateFormat::Dmy));
}

BOOST_AUTO_TEST_CASE(no_ranges) {
  for (std::string_view text :
       {"1960", "20 August 1960", "1960-08-20", "1960-08", "1965s", "1960 - ", "– 1960",
        "5 November 1992 Severed in 4 August 2024", "40–42 August 1960", "Unknown"}) {
    BOOST_TEST_CONTEXT(text) {
      BOOST_TEST(!parse_date_range(text).has_value());
    }
  }
}

BOOST_AUTO_TEST_SUITE_END()

BOOST_AUTO_TEST_SUITE(templates)

BOOST_AUTO_TEST_CASE(dts_forms_agree) {
  const Date want = day(1960, 8, 20, DateFormat::Dmy);
  auto a = date_from_template("Dts", positional({"20 August 1960"}));
  auto b = date_from_template("Dts", positional({"1960", "8", "20"}));
  auto c = date_from_template("Dts", positional({"1960", "August", "20"}));
  auto d = date_from_template("Dts",
                              params({{"format", "dmy"}, {"1", "1960"}, {"2", "8"}, {"3", "20"}}));
  auto e = date_from_template("Dts", positional({" 1960 ", " 08 ", " 20 "}));
  auto f = date_from_template("Dts", positional({"1960-08-20"}));
  auto g = date_from_template("Dts", positional({"20", "Aug", "1960"}));  // old d|m|y order
  for (const auto* x : {&a, &b, &c, &d, &e, &f, &g}) {
    BOOST_REQUIRE(x->has_value());
    BOOST_TEST(dates_agree(**x, want));
    BOOST_TEST((*x)->precision == DatePrecision::Day);
  }
  BOOST_TEST(a->format == DateFormat::Dmy);  // text keeps its order
  BOOST_TEST(b->format == DateFormat::Mdy);  // separate parameters show month first
  BOOST_TEST(d->format == DateFormat::Dmy);  // unless format= says otherwise
  BOOST_TEST(f->format == DateFormat::Mdy);  // ISO text is shown month first
}

BOOST_AUTO_TEST_CASE(dts_precision) {
  auto y = date_from_template("Dts", positional({"1960"}));
  BOOST_REQUIRE(y.has_value());
  BOOST_TEST(y->precision == DatePrecision::Year);
  BOOST_TEST(y->format == DateFormat::Year);
  auto m = date_from_template("Dts", positional({"1960", "8"}));
  BOOST_REQUIRE(m.has_value());
  BOOST_TEST(m->precision == DatePrecision::Month);
  BOOST_TEST(m->month == 8);
  BOOST_TEST(m->format == DateFormat::MonthYear);
  auto t = date_from_template("Dts", positional({"April 1979"}));
  BOOST_REQUIRE(t.has_value());
  BOOST_TEST(t->precision == DatePrecision::Month);
  auto h = date_from_template("Dtsh", positional({"1962"}));
  BOOST_REQUIRE(h.has_value());
  BOOST_TEST(h->year == 1962);
}

BOOST_AUTO_TEST_CASE(dts_not_dates) {
  BOOST_TEST(!date_from_template("Dts", positional({"Unknown"})).has_value());
  BOOST_TEST(!date_from_template("Dts", positional({})).has_value());
  BOOST_TEST(!date_from_template("Dts", positional({"1960", "13", "1"})).has_value());
  BOOST_TEST(!date_from_template("Dts", positional({"1960", "8", "40"})).has_value());
  BOOST_TEST(!date_from_template("Dts", positional({"44", "3", "15", "BC"})).has_value());
  BOOST_TEST(!date_from_template("Dts", positional({"1960", "", "20"})).has_value());
  BOOST_TEST(!date_from_template("Dts", positional({"", "10", "17"})).has_value());  // no year
  auto old_order = date_from_template("Dts", positional({"", "", "1810"}));
  BOOST_REQUIRE(old_order.has_value());
  BOOST_TEST(old_order->year == 1810);
  BOOST_TEST(old_order->precision == DatePrecision::Year);
  auto x = date_from_template("Dts", positional({"2003", "2", "31"}));
  BOOST_REQUIRE(x.has_value());
  BOOST_TEST(!x->exists);
}

BOOST_AUTO_TEST_CASE(dates_before_year_one) {
  // {{dts}} documents years -9999..0 as astronomical years (0 is 1 BC) and a BC parameter:
  // real dates that Date does not hold, not broken ones.
  for (const auto& p : {positional({"0", "1", "1"}), positional({"-43", "3", "15"}),
                        positional({"44", "3", "15", "BC"}), positional({"44", "3", "15", "bce"}),
                        positional({"0"}), positional({"1 January 0"})}) {
    BOOST_TEST(!date_from_template("Dts", p).has_value());
    BOOST_TEST(date_template_before_year_one("Dts", p));
  }
  // Near misses: no date in any era, an era word the module does not take, AD dates, and
  // the other templates (a year 0 there is a date that does not exist).
  for (const auto& p : {positional({"0", "13", "1"}), positional({"0", "2", "30"}),
                        positional({"44", "3", "15", "XY"}), positional({"1960", "8", "20"}),
                        positional({"Unknown"}), positional({"-x", "1", "1"})}) {
    BOOST_TEST(!date_template_before_year_one("Dts", p));
  }
  BOOST_TEST(!date_template_before_year_one("Start date", positional({"0", "1", "1"})));
  auto s = date_from_template("Start date", positional({"0", "1", "1"}));
  BOOST_REQUIRE(s.has_value());
  BOOST_TEST(s->year == 0);
  BOOST_TEST(!s->exists);
}

BOOST_AUTO_TEST_CASE(start_date_family) {
  auto a = date_from_template("Start date",
                              params({{"1", "1960"}, {"2", "08"}, {"3", "20"}, {"df", "y"}}));
  BOOST_REQUIRE(a.has_value());
  BOOST_TEST(*a == day(1960, 8, 20, DateFormat::Dmy));
  auto b = date_from_template("Start date and age", positional({"1960", "8", "20"}));
  BOOST_REQUIRE(b.has_value());
  BOOST_TEST(*b == day(1960, 8, 20, DateFormat::Mdy));
  auto c = date_from_template("End date", params({{"1", "1993"}, {"2", "2"}, {"df", "no"}}));
  BOOST_REQUIRE(c.has_value());
  BOOST_TEST(c->precision == DatePrecision::Month);
  for (std::string_view name : {"Birth date", "Death date", "Birth date and age",
                                "Death date and age", "End date and age"}) {
    BOOST_TEST_CONTEXT(name) {
      auto d =
          date_from_template(name, params({{"1", "1901"}, {"2", "12"}, {"3", "5"}, {"df", "yes"}}));
      BOOST_REQUIRE(d.has_value());
      BOOST_TEST(*d == day(1901, 12, 5, DateFormat::Dmy));
    }
  }
  BOOST_TEST(!date_from_template("Start date", positional({"20 August 1960"})).has_value());
}

BOOST_AUTO_TEST_CASE(text_date_templates) {
  auto a = date_from_template("Date", positional({"1960-08-20"}));
  BOOST_REQUIRE(a.has_value());
  BOOST_TEST(*a == day(1960, 8, 20, DateFormat::Dmy));
  auto b = date_from_template("Date", positional({"20 August 1960", "mdy"}));
  BOOST_REQUIRE(b.has_value());
  BOOST_TEST(b->format == DateFormat::Mdy);
  auto c = date_from_template("Birth-date", positional({"August 20, 1960"}));
  BOOST_REQUIRE(c.has_value());
  BOOST_TEST(*c == day(1960, 8, 20, DateFormat::Mdy));
}

BOOST_AUTO_TEST_CASE(which_templates_are_dates) {
  for (std::string_view name : {"Dts", "Dtsh", "Start date", "Start date and age", "End date",
                                "Birth date", "Death date", "Date", "Date table sorting"}) {
    BOOST_TEST_CONTEXT(name) {
      BOOST_TEST(is_date_template(name));
    }
  }
  for (std::string_view name : {"Flag", "Cite web", "Dts2", "Use dmy dates", "Reflist", ""}) {
    BOOST_TEST_CONTEXT(name) {
      BOOST_TEST(!is_date_template(name));
      BOOST_TEST(!date_from_template(name, positional({"1960", "8", "20"})).has_value());
    }
  }
}

BOOST_AUTO_TEST_SUITE_END()

BOOST_AUTO_TEST_SUITE(meaning)

BOOST_AUTO_TEST_CASE(unknown_words) {
  for (std::string_view text :
       {"Unknown", "unknown", " Unknown ", "N/A", "n/a", "?", "TBD", "TBA", "\xE2\x80\x94",
        "\xE2\x80\x93", "-", "", "  ", "(unknown)", "Unknown.", "&mdash;"}) {
    BOOST_TEST_CONTEXT(text) {
      BOOST_TEST(is_unknown_date_text(text));
    }
  }
  for (std::string_view text :
       {"1962", "20 August 1960", "Unknown date in 1960", "None", "Known", "No"}) {
    BOOST_TEST_CONTEXT(text) {
      BOOST_TEST(!is_unknown_date_text(text));
    }
  }
  BOOST_TEST(is_unknown_date_template("N/A"));
  BOOST_TEST(is_unknown_date_template("Unknown"));
  BOOST_TEST(is_unknown_date_template("TBA"));
  BOOST_TEST(!is_unknown_date_template("Dts"));
}

BOOST_AUTO_TEST_CASE(agreement) {
  auto full = *parse_date("24 January 1962");
  auto year = *parse_date("1962");
  auto month = *parse_date("January 1962");
  BOOST_TEST(dates_agree(year, full));  // a year-only date agrees with any day in it
  BOOST_TEST(dates_agree(full, year));
  BOOST_TEST(dates_agree(month, full));
  BOOST_TEST(dates_agree(year, month));
  BOOST_TEST(!dates_agree(*parse_date("1962"), *parse_date("24 January 1963")));
  BOOST_TEST(!dates_agree(*parse_date("February 1962"), full));
  BOOST_TEST(!dates_agree(*parse_date("25 January 1962"), full));
  BOOST_TEST(dates_agree(*parse_date("1962-01-24"), *parse_date("January 24, 1962")));
  BOOST_TEST(!dates_agree(Date{}, Date{}));
  BOOST_TEST(!dates_agree(Date{}, full));
}

BOOST_AUTO_TEST_CASE(order) {
  auto a = *parse_date("24 January 1962");
  auto b = *parse_date("25 January 1962");
  BOOST_TEST(date_before(a, b));
  BOOST_TEST(!date_before(b, a));
  BOOST_TEST(!date_before(a, a));
  BOOST_TEST(!date_before(*parse_date("1962"), a));  // they agree
  BOOST_TEST(!date_before(a, *parse_date("1962")));
  BOOST_TEST(date_before(*parse_date("1961"), a));
  BOOST_TEST(date_before(*parse_date("December 1961"), a));
  BOOST_TEST(date_before(a, *parse_date("February 1962")));
}

BOOST_AUTO_TEST_CASE(formatting) {
  Date d = day(1960, 8, 20, DateFormat::Dmy);
  BOOST_TEST(format_date(d, DateFormat::Dmy) == "20 August 1960");
  BOOST_TEST(format_date(d, DateFormat::Mdy) == "August 20, 1960");
  BOOST_TEST(format_date(d, DateFormat::Iso) == "1960-08-20");
  BOOST_TEST(format_date(d, DateFormat::MonthYear) == "August 1960");
  BOOST_TEST(format_date(d, DateFormat::Year) == "1960");
  BOOST_TEST(to_string(d) == "20 August 1960");
  BOOST_TEST(to_string(*parse_date("April 1979")) == "April 1979");
  BOOST_TEST(to_string(*parse_date("c. 1965")) == "c. 1965");
  BOOST_TEST(format_date(*parse_date("1962"), DateFormat::Dmy) == "1962");
  BOOST_TEST(format_date(*parse_date("April 1979"), DateFormat::Iso) == "1979-04");
  BOOST_TEST(to_string(*parse_date("Aug. 20, 1960")) == "August 20, 1960");
  BOOST_TEST(format_date(day(800, 1, 2, DateFormat::Iso), DateFormat::Iso) == "0800-01-02");
  BOOST_TEST(format_date(Date{}, DateFormat::Dmy).empty());
  BOOST_TEST(std::string(to_string(DateFormat::Dmy)) == "dmy");
  BOOST_TEST(std::string(to_string(DateFormat::Mdy)) == "mdy");
  BOOST_TEST(std::string(to_string(DateFormat::Iso)) == "iso");
  BOOST_TEST(std::string(to_string(DateFormat::MonthYear)) == "month-year");
  BOOST_TEST(std::string(to_string(DateFormat::Year)) == "year");
  BOOST_TEST(std::string(to_string(DateFormat::None)) == "none");
  // Round trip: what we print we parse back to the same date.
  for (DateFormat f : {DateFormat::Dmy, DateFormat::Mdy, DateFormat::Iso}) {
    auto back = parse_date(format_date(d, f));
    BOOST_REQUIRE(back.has_value());
    BOOST_TEST(back->format == f);
    BOOST_TEST(dates_agree(*back, d));
  }
}

BOOST_AUTO_TEST_SUITE_END()

BOOST_AUTO_TEST_SUITE(prose)

BOOST_AUTO_TEST_CASE(finds_dates_with_ranges) {
  std::string text =
      "Mali and Ghana established diplomatic relations on 1 August 1963, and "
      "on August 20, 1960 a treaty; by April 1979 an embassy (opened 1979-04-02).";
  auto found = find_dates_in_prose(text);
  BOOST_REQUIRE(found.size() == 4u);
  BOOST_TEST(text.substr(found[0].begin, found[0].end - found[0].begin) == "1 August 1963");
  BOOST_TEST(found[0].date == day(1963, 8, 1, DateFormat::Dmy));
  BOOST_TEST(text.substr(found[1].begin, found[1].end - found[1].begin) == "August 20, 1960");
  BOOST_TEST(found[1].date.format == DateFormat::Mdy);
  BOOST_TEST(text.substr(found[2].begin, found[2].end - found[2].begin) == "April 1979");
  BOOST_TEST(found[2].date.precision == DatePrecision::Month);
  BOOST_TEST(text.substr(found[3].begin, found[3].end - found[3].begin) == "1979-04-02");
}

BOOST_AUTO_TEST_CASE(nbsp_and_abbreviations) {
  std::string text =
      "Signed on 5&nbsp;Nov. 1992 and 3\xC2\xA0"
      "December 1992.";
  auto found = find_dates_in_prose(text);
  BOOST_REQUIRE(found.size() == 2u);
  BOOST_TEST(found[0].date == day(1992, 11, 5, DateFormat::Dmy));
  BOOST_TEST(text.substr(found[1].begin, found[1].end - found[1].begin) ==
             "3\xC2\xA0"
             "December 1992");
}

BOOST_AUTO_TEST_CASE(quiet_on_non_dates) {
  for (std::string_view text :
       {"In 1962 the two countries agreed.", "It may 2000 times be said.", "The 1960s were busy.",
        "On 20 August the talks began.", "Between 20–22 August 1960.",
        "From August–September 1960 nothing.", "Seasons 1979–80 and 1980–81.",
        "Page 5 May 12 readers", "x20 August 1960", "In 12 March 44 BC", "In March 12, 44"}) {
    BOOST_TEST_CONTEXT(text) {
      BOOST_TEST(find_dates_in_prose(text).empty());
    }
  }
}

BOOST_AUTO_TEST_CASE(both_ends_of_full_range) {
  std::string text = "Ambassador from 1 May 1963 – 5 May 1964 and 3 June 1970–4 July 1971.";
  auto found = find_dates_in_prose(text);
  BOOST_REQUIRE(found.size() == 4u);
  BOOST_TEST(found[0].date.year == 1963);
  BOOST_TEST(found[1].date.year == 1964);
  BOOST_TEST(found[2].date.year == 1970);
  BOOST_TEST(found[3].date.year == 1971);
}

BOOST_AUTO_TEST_CASE(linear_time) {
  // Hostile input: long runs of digits, dashes and month words. Doubling the size must not
  // quadruple the time.
  auto build = [](size_t n) {
    std::string s;
    for (size_t i = 0; i < n; ++i) s += "12 August-";
    s += std::string(n, '9');
    for (size_t i = 0; i < n; ++i) s += " 1 May 1963 &nbsp;";
    return s;
  };
  auto time = [](const std::string& s) {
    auto t0 = std::chrono::steady_clock::now();
    auto found = find_dates_in_prose(s);
    auto got = parse_date(s);
    auto range = parse_date_range(s);
    BOOST_TEST(!got.has_value());
    BOOST_TEST(!range.has_value());
    BOOST_TEST(!found.empty());
    return std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
  };
  double small = time(build(20000));
  double large = time(build(80000));
  BOOST_TEST(large < small * 16 + 0.05);  // 4x the input: linear gives ~4x, quadratic 16x
}

BOOST_AUTO_TEST_SUITE_END()

BOOST_AUTO_TEST_SUITE(robustness)

BOOST_AUTO_TEST_CASE(random_date_like_text_keeps_invariants) {
  // Random strings built from the pieces dates are made of, plus raw bytes. Whatever is found
  // must be a well-formed date, and every date found in prose must parse back, alone, to itself.
  const std::string_view pieces[] = {
      "1",   "20", "1960",         "08",      "124",      "August", "Aug",   ".",       ",",
      " ",   "-",  "\xE2\x80\x93", "&nbsp;",  "\xC2\xA0", "c.",     "circa", "s",       "'",
      "May", "th", "\n",           "Sept",    "x",        "\xC2",   "\xFF",  "&ndash;", "{{",
      "|",   "0",  "31",           "February"};
  uint32_t seed = 12345;
  auto next = [&seed] {
    seed = seed * 1103515245u + 12345u;
    return (seed >> 16) & 0x7fff;
  };
  size_t found_total = 0;
  for (int round = 0; round < 3000; ++round) {
    std::string text;
    size_t parts = 1 + next() % 12;
    for (size_t i = 0; i < parts; ++i) text += pieces[next() % std::size(pieces)];
    BOOST_TEST_CONTEXT(text) {
      if (auto d = parse_date(text)) {
        BOOST_TEST((d->precision != DatePrecision::None));
        BOOST_TEST((d->year >= 1 && d->year <= 9999));
        if (d->precision != DatePrecision::Year) BOOST_TEST((d->month >= 1 && d->month <= 12));
        if (d->precision == DatePrecision::Day) BOOST_TEST((d->day >= 1 && d->day <= 31));
        auto again = parse_date(to_string(*d));
        BOOST_REQUIRE(again.has_value());
        BOOST_TEST(*again == *d);
      }
      if (auto r = parse_date_range(text)) {
        BOOST_TEST((r->first.precision != DatePrecision::None));
        BOOST_TEST((r->last.precision != DatePrecision::None));
      }
      size_t last = 0;
      for (const auto& m : find_dates_in_prose(text)) {
        ++found_total;
        BOOST_TEST(m.begin >= last);
        BOOST_TEST(m.begin < m.end);
        BOOST_REQUIRE(m.end <= text.size());
        last = m.end;
        auto alone = parse_date(std::string_view(text).substr(m.begin, m.end - m.begin));
        BOOST_REQUIRE(alone.has_value());
        BOOST_TEST(*alone == m.date);
      }
      TemplateParams p = {{"1", text}, {"2", text}, {"3", text}};
      (void)date_from_template("Dts", p);
      (void)date_from_template("Start date", p);
      (void)is_unknown_date_text(text);
    }
  }
  BOOST_TEST(found_total > 0u);  // the generator does produce dates
}

BOOST_AUTO_TEST_SUITE_END()
