#define BOOST_TEST_MODULE rules_dates
#include <boost/test/unit_test.hpp>

#include "test_util.hpp"

using namespace wikivet;
using namespace wikivet::test;

namespace {

std::string dated(const std::vector<std::pair<std::string, std::string>>& rows) {
  std::vector<std::string> out;
  int n = 0;
  for (const auto& [country, date] : rows)
    out.push_back("|" + std::to_string(++n) + "\n|{{Flag|" + country + "}}\n|" + date);
  return list_table(out);
}

}  // namespace

BOOST_AUTO_TEST_CASE(date_unknown_fires_on_unknown_and_empty) {
  const auto t = dated({{"France", "20 August 1960"},
                        {"Ireland", "Unknown"},
                        {"Uruguay", ""},
                        {"Chile", "N/A<ref>x</ref>"},
                        {"Peru", "1961"}});
  const auto f = run(t, "date-unknown");
  BOOST_TEST_REQUIRE(f.size() == 3u);
  BOOST_TEST(f[0].message == "Ireland: date is Unknown");
  BOOST_TEST(f[1].message == "Uruguay: date is empty");
  BOOST_TEST(f[2].message == "Chile: date is N/A");
}

BOOST_AUTO_TEST_CASE(date_unknown_parameter) {
  const auto f =
      run("{{Infobox embassy |opened=1960 |closing_date=Unknown |date=}}", "date-unknown");
  BOOST_TEST_REQUIRE(f.size() == 1u);
  BOOST_TEST(f[0].snippet == "Unknown");
}

BOOST_AUTO_TEST_CASE(date_imprecise_is_info_for_year_and_month) {
  const auto t = dated({{"France", "20 August 1960"},
                        {"Saudi Arabia", "1962"},
                        {"Yemen", "April 1979"},
                        {"Chile", "{{dts|1965|3|4}}"},
                        {"Peru", "{{dts|1966}}"},
                        {"Togo", "4 May 1967"},
                        {"Niger", "5 June 1968"}});
  const auto f = run(t, "date-imprecise");
  BOOST_TEST_REQUIRE(f.size() == 3u);
  BOOST_TEST(f[0].message == "Saudi Arabia: date 1962 gives only the year");
  BOOST_TEST(f[1].message == "Yemen: date April 1979 gives only the month and year");
  BOOST_TEST(f[0].severity == Severity::Info);
  BOOST_TEST(f[2].key == "Peru");
}

BOOST_AUTO_TEST_CASE(date_imprecise_quiet_in_a_column_of_years) {
  const auto t = dated({{"France", "1960"},
                        {"Saudi Arabia", "1962"},
                        {"Yemen", "April 1979"},
                        {"Chile", "1965"},
                        {"Peru", "4 May 1967"}});
  BOOST_TEST(run(t, "date-imprecise").empty());
}

BOOST_AUTO_TEST_CASE(date_invalid_nonexistent_and_mixed) {
  const auto t = dated({{"France", "20 August 1960"},
                        {"Chile", "31 February 2003"},
                        {"Ukraine", "5 November 1992 Diplomatic Severed in 4 August 2024"},
                        {"Peru", "1961"},
                        {"Togo", "2 May 1962"},
                        {"Mali",
                         "1977\xE2\x80\x93"
                         "79"},
                        {"Iran", "1960s"}});
  // Periods (1977–79, 1960s) are dates of their own kind, not invalid ones.

  const auto f = run(t, "date-invalid");
  BOOST_TEST_REQUIRE(f.size() == 2u);
  BOOST_TEST(f[0].key == "Chile");
  BOOST_TEST(f[1].key == "Ukraine");
  BOOST_TEST(f[1].snippet == "5 November 1992 Diplomatic Severed in 4 August 2024");
}

BOOST_AUTO_TEST_CASE(date_invalid_ignores_cells_with_nothing_of_a_date) {
  // A number or a word in another language is no failed attempt at a date.
  const auto t = dated({{"France", "20 August 1960"},
                        {"Chile", "0.698"},
                        {"Peru", "1961"},
                        {"Togo", "\xCE\xAC\xCE\xB3\xCE\xBD\xCF\x89\xCF\x83\xCF\x84\xCE\xB7"},
                        {"Niger", "2 May 1962"}});
  BOOST_TEST(run(t, "date-invalid").empty());
}

BOOST_AUTO_TEST_CASE(date_invalid_accepts_trailing_refs_and_notes) {
  const auto t = dated({{"France", "20 August 1960<ref name=a>x</ref>"},
                        {"Chile", "{{dts|1961|2|3}}<ref name=\"b\" />"},
                        {"Peru", "1962{{efn|approximate}}"},
                        {"Togo", "2 May 1962<br>(renewed 1990)"},
                        {"Niger", "3&nbsp;June 1963"}});
  BOOST_TEST(run(t, "date-invalid").empty());
}

BOOST_AUTO_TEST_CASE(date_format_follows_declaration) {
  const std::string text =
      "{{Use dmy dates|date=May 2023}}\nRelations began on August 20, 1960 and again on "
      "1 May 1970, in 1980-02-03, and in April 1979.<ref>{{Cite web |date=2023-03-07 "
      "|access-date=2023-12-16 |title=x}}</ref>\n";
  const auto f = run(text, "date-format");
  BOOST_TEST_REQUIRE(f.size() == 3u);
  BOOST_TEST(f[0].snippet == "August 20, 1960");
  BOOST_TEST_REQUIRE(f[0].fix.has_value());
  BOOST_TEST(f[0].fix->edits.at(0).replacement == "20 August 1960");
  BOOST_TEST_REQUIRE(f[0].related.size() == 1u);  // the {{Use dmy dates}} declaration
  BOOST_TEST(f[0].related[0].location.start.line == 1u);
  BOOST_TEST(f[1].snippet == "1980-02-03");
  BOOST_TEST(f[2].snippet == "2023-03-07");
  // Without a declaration nothing is reported.
  BOOST_TEST(run("Relations began on August 20, 1960.", "date-format").empty());
}

BOOST_AUTO_TEST_CASE(date_order_reports_the_row_out_of_place) {
  const auto t = dated({{"France", "20 August 1960"},
                        {"Chile", "1 May 1961"},
                        {"Peru", "3 June 1959"},
                        {"Togo", "1962"},
                        {"Niger", "2 March 1962"},
                        {"Mali", "5 May 1963"},
                        {"Iran", "6 June 1964"}});
  const auto f = run(t, "date-order");
  BOOST_TEST_REQUIRE(f.size() == 1u);
  BOOST_TEST(f[0].key == "Peru");
}

BOOST_AUTO_TEST_CASE(date_order_newest_first_and_unsorted_are_quiet) {
  const auto newest = dated({{"France", "2020"},
                             {"Chile", "1 May 2019"},
                             {"Peru", "2019"},
                             {"Togo", "3 March 2018"},
                             {"Niger", "1 January 2001"}});
  BOOST_TEST(run(newest, "date-order").empty());
  const auto unsorted = dated({{"France", "2001"},
                               {"Chile", "1990"},
                               {"Peru", "2010"},
                               {"Togo", "1985"},
                               {"Niger", "2005"},
                               {"Mali", "1970"}});
  BOOST_TEST(run(unsorted, "date-order").empty());
}

BOOST_AUTO_TEST_CASE(date_order_ignores_quantities_that_look_like_years) {
  // Four-digit numbers beyond 2100 are quantities (heights, populations), not years.
  // Sorted newest-first but for one row: as years, date-order would report Togo.
  const auto t = dated({{"France", "4720"},
                        {"Chile", "4215"},
                        {"Peru", "3705"},
                        {"Togo", "3800"},
                        {"Niger", "3695"},
                        {"Mali", "2800"}});
  BOOST_TEST(run(t, "date-order").empty());
  BOOST_TEST(run(t, "date-imprecise").empty());
}
