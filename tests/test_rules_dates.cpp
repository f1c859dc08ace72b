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
  BOOST_TEST(f[2].message == "Chile: date is 'N/A' (not applicable, or not known?)");
  // Each kind has its own key, so that one can be kept and another dropped.
  BOOST_TEST(f[0].key == "Ireland (unknown)");
  BOOST_TEST(f[1].key == "Uruguay (empty)");
  BOOST_TEST(f[2].key == "Chile (n/a)");
}

BOOST_AUTO_TEST_CASE(date_unknown_kinds_images_and_reasons) {
  // {{N/A}} is "not applicable"; an image or a check mark is something, not an empty cell.
  const auto t = dated({{"France", "20 August 1960"},
                        {"Chile", "{{N/A}}"},
                        {"Peru", "[[File:Yes check.svg|20px]]"},
                        {"Togo", "{{tick}}"},
                        {"Niger", "2 May 1962"}});
  const auto f = run(t, "date-unknown");
  BOOST_TEST_REQUIRE(f.size() == 1u);
  BOOST_TEST(f[0].key == "Chile (n/a)");
  // The option keeps the kinds a project wants.
  Config only_unknown;
  only_unknown.options["date-unknown"].values.push_back({"report", {"unknown"}});
  BOOST_TEST(run(t, "date-unknown", only_unknown).empty());
  // Rows that say why they have no date, and organisations, are quiet; a near miss fires.
  const std::string rows = list_table(
      {"|1\n|{{Flag|France}}\n|20 August 1960\n|x",
       "|2\n|{{Flag|Bhutan}}\n|\n|No diplomatic relations.", "|3\n|{{Flag|European Union}}\n|\n|y",
       "|4\n|{{Flag|Peru}}\n|\n|Relations are friendly.", "|5\n|{{Flag|Togo}}\n|2 May 1962\n|z"});
  const auto g = run(rows, "date-unknown");
  BOOST_TEST_REQUIRE(g.size() == 1u);
  BOOST_TEST(g[0].key == "Peru (empty)");
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

BOOST_AUTO_TEST_CASE(date_invalid_date_edges) {
  // A period whose end does not exist, a day of year 0 (in text and in {{start date}}).
  const auto t = dated({{"France", "20 August 1960"},
                        {"Chile",
                         "29\xE2\x80\x93"
                         "30 February 2001"},
                        {"Peru",
                         "27\xE2\x80\x93"
                         "29 February 2001"},
                        {"Togo", "1 January 0"},
                        {"Mali", "{{start date|0|1|1}}"},
                        {"Niger", "2 May 1962"},
                        {"Iran", "3 June 1963"},
                        {"Iraq", "4 June 1964"}});
  const auto f = run(t, "date-invalid");
  BOOST_TEST_REQUIRE(f.size() == 4u);
  BOOST_TEST(f[0].message ==
             "Chile: 29\xE2\x80\x93"
             "30 February 2001 does not exist");
  BOOST_TEST(f[1].key == "Peru");
  BOOST_TEST(f[2].message == "Togo: 1 January 0 does not exist");
  BOOST_TEST(f[3].message == "Mali: January 1, 0 does not exist");
  // Near misses stay silent: leap days, {{dts}}'s years before AD 1 (its year 0 is 1 BC),
  // a BC date, and the same template outside a table.
  const auto quiet = dated({{"France", "20 August 1960"},
                            {"Chile",
                             "28\xE2\x80\x93"
                             "29 February 2000"},
                            {"Peru", "29 February 2004"},
                            {"Togo", "{{dts|0|1|1}}"},
                            {"Mali", "{{dts|44|3|15|BC}}"},
                            {"Laos", "{{dts|-43|3|15}}"},
                            {"Niger", "2 May 1962"},
                            {"Iran", "3 June 1963"},
                            {"Iraq", "4 June 1964"},
                            {"Oman", "5 June 1965"}}) +
                     "\nSee {{dts|0|1|1}}.\n";
  BOOST_TEST(run(quiet, "date-invalid").empty());
  // {{dts}} with a year 0 and no such day in any era is a broken date, said plainly.
  const auto g = run(dated({{"France", "20 August 1960"},
                            {"Chile", "{{dts|0|13|1}}"},
                            {"Niger", "2 May 1962"},
                            {"Iran", "3 June 1963"}}),
                     "date-invalid");
  BOOST_TEST_REQUIRE(g.size() == 1u);
  BOOST_TEST(g[0].message == "Chile: date cell holds no date: '{{dts|0|13|1}}'");
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

BOOST_AUTO_TEST_CASE(date_invalid_says_what_is_wrong) {
  const auto t = dated({{"France", "20 August 1960"},
                        {"Chile", "1949-2-7"},
                        {"Peru", "7/1/1972"},
                        {"Togo", "1991 09 06"},
                        {"Niger", "1912, 1971"},
                        {"Mali", "{{dts|1993-5-19}}"},
                        {"Iran", "3 June 1963"},
                        {"Iraq", "4 June 1964"},
                        {"Oman", "5 June 1965"}});
  const auto f = run(t, "date-invalid");
  BOOST_TEST_REQUIRE(f.size() == 5u);
  BOOST_TEST(f[0].message == "Chile: badly written date '1949-2-7' (7 February 1949?)");
  BOOST_TEST(f[1].message ==
             "Peru: badly written date '7/1/1972' (day and month can be read either way)");
  BOOST_TEST(f[2].message == "Togo: badly written date '1991 09 06' (6 September 1991?)");
  BOOST_TEST(f[3].message == "Niger: date cell holds 2 dates: '1912, 1971'");
  BOOST_TEST(f[4].message == "Mali: badly written date '1993-5-19' (19 May 1993?)");
}

BOOST_AUTO_TEST_CASE(date_invalid_quiet_on_what_the_table_means) {
  // Bounds and qualifiers in any language, a range inside one month, a season, a date and a
  // note on its own line, words around a date template, an empty date template.
  const auto t =
      dated({{"France", "Before 1982"},
             {"Chile", "22 January 1993 or before"},
             {"Peru",
              "December 27\xE2\x80\x93"
              "29, 1988"},
             {"Togo", "1921 (\xCE\xA0\xCF\x81\xCE\xB9\xCE\xBD \xCF\x84\xCE\xB7\xCE\xBD)"},
             {"Niger", "(Diplomatic relations severed in May 2018)"},
             {"Mali", "June 1, 1973{{pb}}'''(suspended June 14, 1977)'''"},
             {"Iran", "Before {{dts|1984}}"},
             {"Iraq", "19 October {{dts|format=dmy|1929}}"},
             {"Oman", "1929/30"},
             {"Laos", "1909 (?)"},
             {"Cuba", "{{dts|1940-04}}"},
             {"Fiji", "2 May 1962"}});
  BOOST_TEST(run(t, "date-invalid").empty());
  // {{dts|}} is an empty date: date-unknown's.
  const auto e = run(dated({{"France", "20 August 1960"},
                            {"Chile", "{{dts|}}"},
                            {"Peru", "2 May 1962"},
                            {"Togo", "3 June 1963"}}),
                     "date-unknown");
  BOOST_TEST_REQUIRE(e.size() == 1u);
  BOOST_TEST(e[0].key == "Chile (empty)");
  // Near misses: two bounded dates, a second date alone on the next line.
  const auto f = run(dated({{"France", "20 August 1960"},
                            {"Chile", "Before 1982, after 1990"},
                            {"Peru", "4 March 1930<br>16 July 2011"},
                            {"Togo", "3 June 1963"}}),
                     "date-invalid");
  BOOST_TEST_REQUIRE(f.size() == 2u);
  BOOST_TEST(f[0].key == "Chile");
  BOOST_TEST(f[1].key == "Peru");
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
  BOOST_TEST_REQUIRE(f.size() == 2u);
  BOOST_TEST(f[0].snippet == "August 20, 1960");
  BOOST_TEST_REQUIRE(f[0].fix.has_value());
  BOOST_TEST(f[0].fix->edits.at(0).replacement == "20 August 1960");
  BOOST_TEST_REQUIRE(f[0].related.size() == 1u);  // the {{Use dmy dates}} declaration
  BOOST_TEST(f[0].related[0].location.start.line == 1u);
  BOOST_TEST(f[1].snippet == "1980-02-03");
  // Without a declaration nothing is reported.
  BOOST_TEST(run("Relations began on August 20, 1960.", "date-format").empty());
}

namespace {
Config citation_dates_on() {
  Config c;
  c.options["date-format"].values.push_back({"citation-dates", {"yes"}});
  return c;
}
const std::string kDmy = "{{Use dmy dates|date=May 2023}}\n";
}  // namespace

BOOST_AUTO_TEST_CASE(date_format_citation_dates_only_behind_the_option) {
  // The citation module shows |date= in the declared format: silent by default.
  const std::string text = kDmy +
                           "Text.<ref>{{Cite web |date=2023-03-07 |access-date=2023-12-16 "
                           "|archive-date=March 8, 2023 |title=x}}</ref>\n";
  BOOST_TEST(run(text, "date-format").empty());
  // Asked for: the publication date and the mdy archive date; the ISO access date is allowed.
  const auto f = run(text, "date-format", citation_dates_on());
  BOOST_TEST_REQUIRE(f.size() == 2u);
  BOOST_TEST(f[0].snippet == "2023-03-07");
  BOOST_TEST(f[1].snippet == "March 8, 2023");
}

BOOST_AUTO_TEST_CASE(date_format_leaves_titles_quotes_and_anchors_alone) {
  // Titles and quotations in citations, even with the option on.
  const std::string cite = kDmy +
                           "A.<ref>{{Cite book |title=Report of March 8, 2023 |quote=signed on "
                           "June 14, 1952 |chapter=The 1999-05-04 accord |year=2001}}</ref>\n";
  BOOST_TEST(run(cite, "date-format", citation_dates_on()).empty());
  // Short-citation anchors must match the cited work.
  BOOST_TEST(run(kDmy + "B.{{sfn|Ministry|2019-05-01|p=4}} C.{{harvnb|Ministry|May 1, 2019}}\n",
                 "date-format")
                 .empty());
  // Quotations and italic titles in prose, external link labels (titles).
  BOOST_TEST(run(kDmy + "He said \"we met on May 1, 2019\". ''Report of May 1, 2019'' came.\n",
                 "date-format")
                 .empty());
  BOOST_TEST(run(kDmy + "C.<ref>[https://example.org Talks of May 1, 2019]</ref>\n", "date-format")
                 .empty());
  // Near misses: the same date outside the quotation, the italics and the label.
  const auto f = run(kDmy +
                         "He said \"we met\" on May 1, 2019. ''Report'' of May 2, 2019.<ref>[https:"
                         "//example.org Talks], May 3, 2019</ref>\n",
                     "date-format");
  BOOST_TEST_REQUIRE(f.size() == 3u);
  BOOST_TEST(f[0].snippet == "May 1, 2019");
  BOOST_TEST(f[1].snippet == "May 2, 2019");
  BOOST_TEST(f[2].snippet == "May 3, 2019");
  // A quotation ends with its line.
  BOOST_TEST(run(kDmy + "An \"open quote\nthen May 4, 2019.\n", "date-format").size() == 1u);
}

BOOST_AUTO_TEST_CASE(date_format_iso_where_it_is_the_convention) {
  BOOST_TEST(run(kDmy + "A.<ref>Ministry page. Retrieved 2007-03-01.</ref>{{webarchive |url=x "
                        "|date=2018-03-08}}\n{{Spoken Wikipedia|En-x.ogg|2008-06-23}}\n",
                 "date-format")
                 .empty());
  // Near misses: a publication date in a hand-written reference, and another format in
  // {{webarchive}}.
  const auto f = run(kDmy +
                         "A.<ref>Ministry page, published 2007-03-01.</ref>{{webarchive |url=x "
                         "|date=March 8, 2018}}\n",
                     "date-format");
  BOOST_TEST_REQUIRE(f.size() == 2u);
  BOOST_TEST(f[0].snippet == "2007-03-01");
  BOOST_TEST(f[1].snippet == "March 8, 2018");
}

BOOST_AUTO_TEST_CASE(date_format_iso_table_columns) {
  // A column that keeps to yyyy-mm-dd is allowed (MOS:DATEFORMAT: tables, for brevity).
  const std::string iso = kDmy +
                          "{|\n!Treaty!!Signed\n|-\n|A||1997-02-24\n|-\n|B||1998-11-30\n|-\n"
                          "|C||2004-07-20\n|}\n";
  BOOST_TEST(run(iso, "date-format").empty());
  // Near miss: one ISO date in a column of dmy dates.
  const std::string mixed = kDmy +
                            "{|\n!Treaty!!Signed\n|-\n|A||24 February 1997\n|-\n"
                            "|B||1998-11-30\n|-\n|C||20 July 2004\n|}\n";
  const auto f = run(mixed, "date-format");
  BOOST_TEST_REQUIRE(f.size() == 1u);
  BOOST_TEST(f[0].snippet == "1998-11-30");
}

BOOST_AUTO_TEST_CASE(date_format_judges_date_templates_by_what_they_show) {
  // {{dts}} shows text as written, separate and ISO arguments month first unless format=dmy;
  // {{Start date}} shows month first unless df=y.
  const std::string quiet = kDmy +
                            "|{{dts|23 March 1977}} {{dts|format=dmy|1977|3|23}} "
                            "{{dts|1977}} {{dts|March 1977}} {{Start date|1977|3|23|df=y}}\n";
  BOOST_TEST(run(quiet, "date-format").empty());
  const auto f = run(kDmy +
                         "{{dts|March 23, 1977}} {{dts|1977|3|23}} {{dts|1977-03-23}} "
                         "{{Start date|1977|3|23}} {{dts|format=mdy|23 March 1977}}\n",
                     "date-format");
  BOOST_TEST_REQUIRE(f.size() == 5u);
  BOOST_TEST(f[0].message.find("shows the date as 'March 23, 1977'") != std::string::npos);
  BOOST_TEST_REQUIRE(f[0].fix.has_value());
  BOOST_TEST(f[0].fix->edits.at(0).replacement == "23 March 1977");
  BOOST_TEST_REQUIRE(f[1].fix.has_value());
  BOOST_TEST(f[1].fix->edits.at(0).replacement == "|format=dmy");
  BOOST_TEST_REQUIRE(f[2].fix.has_value());
  BOOST_TEST(f[2].fix->edits.at(0).replacement == "23 March 1977");
  BOOST_TEST_REQUIRE(f[3].fix.has_value());
  BOOST_TEST(f[3].fix->edits.at(0).replacement == "|df=y");
  BOOST_TEST(!f[4].fix.has_value());  // format=mdy: left to the editor
  // In an mdy article, {{dts}} given dmy text shows it dmy.
  const auto g = run("{{Use mdy dates|date=May 2023}}\n{{dts|23 March 1977}} {{dts|1977|3|23}}\n",
                     "date-format");
  BOOST_TEST_REQUIRE(g.size() == 1u);
  BOOST_TEST(g[0].snippet == "{{dts|23 March 1977}}");
}

BOOST_AUTO_TEST_CASE(date_order_reports_the_row_out_of_place) {
  const auto t = dated({{"France", "20 August 1960"},
                        {"Chile", "1 May 1961"},
                        {"Peru", "3 June 1959"},
                        {"Togo", "1962"},
                        {"Niger", "2 March 1962"},
                        {"Mali", "5 May 1963"},
                        {"Iran", "6 June 1964"},
                        {"Iraq", "7 July 1965"},
                        {"Oman", "8 August 1966"},
                        {"Laos", "9 September 1967"}});
  const auto f = run(t, "date-order");
  BOOST_TEST_REQUIRE(f.size() == 1u);
  BOOST_TEST(f[0].key == "Peru");
}

BOOST_AUTO_TEST_CASE(date_order_leaves_year_0_to_date_invalid) {
  // "1 January 0" would sort before every date: it is date-invalid's, not out of order.
  std::vector<std::pair<std::string, std::string>> rows = {
      {"France", "20 August 1960"}, {"Chile", "1 May 1961"},
      {"Peru", "1 January 0"},      {"Togo", "1962"},
      {"Niger", "2 March 1962"},    {"Mali", "5 May 1963"},
      {"Iran", "6 June 1964"},      {"Iraq", "7 July 1965"},
      {"Oman", "8 August 1966"}};
  BOOST_TEST(run(dated(rows), "date-order").empty());
  rows[2].second = "3 June 1959";  // the near miss: a real date out of place
  const auto f = run(dated(rows), "date-order");
  BOOST_TEST_REQUIRE(f.size() == 1u);
  BOOST_TEST(f[0].key == "Peru");
}

BOOST_AUTO_TEST_CASE(date_order_needs_nearly_every_pair_in_order) {
  // Ranked by points: the dates lean oldest-first but two pairs in nine go back: no order.
  const auto ranked = dated({{"France", "1960"},
                             {"Chile", "1962"},
                             {"Peru", "1961"},
                             {"Togo", "1963"},
                             {"Niger", "1964"},
                             {"Mali", "1966"},
                             {"Iran", "1965"},
                             {"Iraq", "1967"},
                             {"Oman", "1968"},
                             {"Laos", "1969"}});
  BOOST_TEST(run(ranked, "date-order").empty());
  // Too few pairs that tell an order: dates of one year agree with each other.
  const auto one_year = dated({{"Canada", "1975"},
                               {"Ghana", "25 November 1975"},
                               {"India", "24 November 1975"},
                               {"Mexico", "1975"},
                               {"Peru", "25 November 1975"},
                               {"Spain", "1979"},
                               {"Togo", "1976"},
                               {"Yemen", "1976"}});
  BOOST_TEST(run(one_year, "date-order").empty());
}

BOOST_AUTO_TEST_CASE(date_order_judges_each_segment_on_its_own) {
  // Two sections, each oldest-first: the second restarting at 1950 breaks no order. The
  // names are in no order, so the dates are what the rows are sorted by.
  const std::vector<std::string> names = {"Peru", "Chile", "Mali", "Togo",
                                          "Iran", "Oman",  "Laos", "Fiji"};
  auto rows = [&](int from, size_t count) {
    std::string out;
    for (size_t k = 0; k < count; ++k)
      out += "|-\n| " + names[k] + " " + std::to_string(from) + " || " +
             std::to_string(from + static_cast<int>(k)) + "\n";
    return out;
  };
  const std::string head = "{| class=\"wikitable\"\n! Country !! Date\n";
  const std::string t = head + "|-\n! colspan=\"2\" | Africa\n" + rows(1960, 8) +
                        "|-\n! colspan=\"2\" | Asia\n" + rows(1950, 8) + "|}\n";
  BOOST_TEST(run(t, "date-order").empty());
  // Near miss: without the section row, the 1950 row breaks the one table's order.
  const std::string joined =
      head + rows(1960, 8) + "|-\n| Niger || 1950\n" + rows(1970, 4) + "|}\n";
  BOOST_TEST(keys(run(joined, "date-order")) == std::vector<std::string>{"Niger"});
}

BOOST_AUTO_TEST_CASE(date_order_leaves_a_rowspan_group_together) {
  // Flybys by first date; Ulysses's second flyby sits under its rowspan: no defect.
  auto table = [](bool span, const std::string& second) {
    std::string t = "{| class=\"wikitable\"\n! Craft !! Closest\n";
    for (const auto& [craft, date] :
         std::vector<std::pair<std::string, std::string>>{{"Pioneer", "3 December 1973"},
                                                          {"Voyager", "5 March 1979"},
                                                          {"Galileo", "1990"},
                                                          {"Ulysses", "February 1992"}})
      t += "|-\n|" + std::string(span && craft == "Ulysses" ? "rowspan=\"2\"|" : "") + craft +
           "\n|" + date + "\n";
    return t + "|-\n" + second +
           "\n|-\n|Cassini\n|30 December 2000\n|-\n|Horizons\n|28 February 2007\n"
           "|-\n|Juno\n|2016\n|-\n|Europa\n|2030\n|}\n";
  };
  BOOST_TEST(run(table(true, "|February 2004"), "date-order").empty());
  // Near miss: the same date in a row of its own is out of place.
  BOOST_TEST(keys(run(table(false, "|Nova\n|February 2004"), "date-order")) ==
             std::vector<std::string>{"Nova"});
}

BOOST_AUTO_TEST_CASE(date_order_is_silent_where_rows_are_sorted_by_another_column) {
  // Sorted by country name; the dates happen to climb but for Turkey: no date order.
  const auto by_name = dated({{"India", "9 December 1961"},
                              {"Israel", "20 December 1961"},
                              {"Japan", "1962"},
                              {"Palestine", "1973"},
                              {"Qatar", "13 December 1982"},
                              {"Saudi Arabia", "11 April 1984"},
                              {"South Korea", "30 April 1992"},
                              {"Turkey", "5 July 1963"}});
  BOOST_TEST(run(by_name, "date-order").empty());
  // Near miss: the same dates beside names in no order.
  const auto by_date = dated({{"Peru", "9 December 1961"},
                              {"Chile", "20 December 1961"},
                              {"Mali", "1962"},
                              {"Togo", "1973"},
                              {"Iran", "13 December 1982"},
                              {"Oman", "11 April 1984"},
                              {"Laos", "30 April 1992"},
                              {"Fiji", "5 July 1963"}});
  BOOST_TEST(keys(run(by_date, "date-order")) == std::vector<std::string>{"Fiji"});
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

BOOST_AUTO_TEST_CASE(a_column_headed_by_a_year_holds_values_not_dates) {
  // Transposed: the years run across the header row, each column holds that year's counts.
  // Counts such as 1201 look like years; read as dates, Clinics (1220) would break an order.
  auto table = [](const std::string& header) {
    const std::vector<std::pair<std::string, int>> rows = {
        {"Schools", 1201}, {"Doctors", 1305}, {"Beds", 1410},  {"Clinics", 1502}, {"Nurses", 1220},
        {"Buses", 1630},   {"Ferries", 1750}, {"Parks", 1880}, {"Wells", 1920}};
    std::string t = "{| class=\"wikitable\"\n! Indicator !! " + header + "\n";
    for (const auto& [name, value] : rows)
      t += "|-\n! " + name + "\n| " + std::to_string(value) + "\n";
    return t + "|}\n";
  };
  BOOST_TEST(run(table("2010")).empty());
  // Near miss: under a header that is no date, the same numbers are years out of order.
  BOOST_TEST(keys(run(table("Founded"), "date-order")) == std::vector<std::string>{"Nurses"});
}

BOOST_AUTO_TEST_CASE(greek_numeral_after_a_year_is_no_invalid_date) {
  // Greek election tables name two elections of one year "1989 Ι" and "1989 ΙΙ" (Greek
  // capital iota as a numeral): a year with a label, not a failed date. Headed "Year", the
  // column is a date column whatever its other cells hold.
  std::string t = "{| class=\"wikitable\"\n! Year !! Ηγέτης !! Ψήφοι\n";
  for (const std::string year :
       {"1981", "1985", "1989 Ι", "1989 ΙΙ", "1990", "1993", "2012 Ι", "2012 ΙΙ"})
    t += "|-\n! [[Εκλογές " + year + "|" + year + "]]\n| [[Α]] || 2.551.518\n";
  t += "|}\n";
  BOOST_TEST(run(t, "date-invalid").empty());
  BOOST_TEST(run(t, "date-order").empty());
  // Near miss: a year written wrong in the same column is reported.
  std::string bad = t;
  bad.replace(bad.find("|1990]]"), 7, "|1990-2-7]]");
  BOOST_TEST(keys(run(bad, "date-invalid")).size() == 1u);
}
