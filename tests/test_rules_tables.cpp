#define BOOST_TEST_MODULE rules_tables
#include <algorithm>
#include <boost/test/unit_test.hpp>

#include "test_util.hpp"

using namespace wikivet;
using namespace wikivet::test;

namespace {

std::string row(int n, const std::string& country, const std::string& date,
                const std::string& ref = "<ref>src</ref>") {
  return "|" + std::to_string(n) + "\n|{{Flag|" + country + "}}\n|" + date + ref;
}
std::string row(const std::string& n, const std::string& country, const std::string& date) {
  return "|" + n + "\n|{{Flag|" + country + "}}\n|" + date + "<ref>src</ref>";
}

}  // namespace

BOOST_AUTO_TEST_SUITE(table_sequence)

BOOST_AUTO_TEST_CASE(reports_duplicate_and_gap) {
  const auto t =
      list_table({row(1, "France", "1960"), row(2, "Germany", "1961"), row(3, "Angola", "1962"),
                  row(3, "Philippines", "1963"), row(5, "Chile", "1964"), row(6, "Peru", "1965")});
  const auto f = run(t, "table-sequence");
  BOOST_TEST_REQUIRE(f.size() == 2u);
  BOOST_TEST(f[0].key == "3");
  BOOST_TEST(f[0].message == "Philippines: number 3 is used twice (also Angola)");
  BOOST_TEST_REQUIRE(f[0].related.size() == 1u);
  BOOST_TEST(f[0].related[0].location.start.line < f[0].location.start.line);
  BOOST_TEST(f[1].key == "gap:4");
  BOOST_TEST(f[1].message == "number 4 is missing (3 is followed by 5)");
}

BOOST_AUTO_TEST_CASE(reports_out_of_order) {
  const auto t =
      list_table({row(1, "France", "1960"), row(2, "Germany", "1961"), row(4, "Angola", "1962"),
                  row(3, "Chile", "1963"), row(5, "Peru", "1965"), row(6, "Togo", "1966")});
  const auto f = run(t, "table-sequence");
  BOOST_TEST_REQUIRE(f.size() == 1u);
  BOOST_TEST(f[0].key == "order:3");
}

BOOST_AUTO_TEST_CASE(unnumbered_rows_are_skipped) {
  const auto t = list_table({row(1, "France", "1960"), row(2, "Germany", "1961"),
                             row("\xE2\x80\x94", "Holy See", "1962"), row(" -", "Kosovo", "1963"),
                             row(3, "Chile", "1964"), row(4, "Peru", "1965")});
  BOOST_TEST(run(t, "table-sequence").empty());
}

BOOST_AUTO_TEST_CASE(counting_down_is_a_sequence) {
  const auto t = list_table({row(5, "France", "1960"), row(4, "Germany", "1961"),
                             row(3, "Chile", "1962"), row(1, "Peru", "1963")});
  const auto f = run(t, "table-sequence");
  BOOST_TEST_REQUIRE(f.size() == 1u);
  BOOST_TEST(f[0].key == "gap:2");
}

BOOST_AUTO_TEST_CASE(racing_numbers_under_no_are_not_a_sequence) {
  std::string t = "{| class=\"wikitable\"\n!Pos\n!No.\n!Rider\n";
  const int numbers[] = {46, 2, 27, 4, 14, 33, 5, 65};
  for (int i = 0; i < 8; ++i)
    t += "|-\n|" + std::to_string(i + 1) + "\n|" + std::to_string(numbers[i]) + "\n|Rider\n";
  t += "|}\n";
  BOOST_TEST(run(t, "table-sequence").empty());
}

BOOST_AUTO_TEST_SUITE_END()

BOOST_AUTO_TEST_SUITE(table_columns)

BOOST_AUTO_TEST_CASE(short_and_long_rows) {
  const std::string t =
      "{| class=\"wikitable\"\n! Country !! Date !! Notes\n|-\n| {{Flag|Chile}} || 1978\n"
      "|-\n| {{Flag|Peru}} || 1979 || ok || extra\n|-\n| {{Flag|Togo}} || 1980 || fine\n|}\n";
  const auto f = run(t, "table-columns");
  BOOST_TEST_REQUIRE(f.size() == 2u);
  BOOST_TEST(f[0].message == "Chile: row covers 2 columns, the header has 3");
  BOOST_TEST(f[1].message == "Peru: row covers 4 columns, the header has 3");
}

BOOST_AUTO_TEST_CASE(rowspan_and_colspan_count) {
  const std::string t =
      "{| class=\"wikitable\"\n! Country !! Date !! Notes\n|-\n| rowspan=\"2\" | {{Flag|Chile}}"
      " || 1978 || a\n|-\n| 1979 || b\n|-\n| colspan=\"2\" | {{Flag|Peru}} || c\n"
      "|-\n| colspan=\"3\" | separator\n|}\n";
  BOOST_TEST(run(t, "table-columns").empty());
}

// Issue 9: a table whose spans reach far beyond its text is not modelled, and says so.
BOOST_AUTO_TEST_CASE(spans_wider_than_the_table_are_reported) {
  const std::string t = "{|\n! A !! B\n|-\n| colspan=1000 | x\n|}\n";
  const auto f = run(t, "table-columns");
  BOOST_TEST_REQUIRE(f.size() == 1u);
  BOOST_TEST(f[0].key == "too-wide");
  BOOST_TEST(f[0].location.start.line == 1u);
  BOOST_TEST(f[0].message ==
             "cells span more than 64 columns, more than the table has bytes: its columns are "
             "not checked");
}

BOOST_AUTO_TEST_CASE(wide_spans_within_the_cap_are_checked_as_rows) {
  // 60 columns in a small table: under the 64-column floor, so an ordinary long row. (One cell
  // alone across the table would be a section title, which is not judged.)
  const std::string t = "{| class=\"wikitable\"\n! A !! B\n|-\n| colspan=59 | x || y\n|}\n";
  const auto f = run(t, "table-columns");
  BOOST_TEST_REQUIRE(f.size() == 1u);
  BOOST_TEST(f[0].message == "row 1: row covers 60 columns, the header has 2");
}

BOOST_AUTO_TEST_SUITE_END()

BOOST_AUTO_TEST_SUITE(ref_missing)

BOOST_AUTO_TEST_CASE(row_without_citation) {
  std::vector<std::string> rows;
  const char* countries[] = {"France", "Germany", "Chile", "Peru", "Togo", "Niger"};
  for (int i = 0; i < 6; ++i) rows.push_back(row(i + 1, countries[i], "1960"));
  rows.push_back(row(7, "Uruguay", "1961", ""));
  const auto f = run(list_table(rows), "ref-missing");
  BOOST_TEST_REQUIRE(f.size() == 1u);
  BOOST_TEST(f[0].key == "Uruguay");
  BOOST_TEST(f[0].message.find("Uruguay: row has no citation") == 0u);
}

BOOST_AUTO_TEST_CASE(sfn_counts_and_sparse_tables_are_quiet) {
  std::vector<std::string> rows;
  const char* countries[] = {"France", "Germany", "Chile", "Peru", "Togo", "Niger"};
  for (int i = 0; i < 6; ++i) rows.push_back(row(i + 1, countries[i], "1960"));
  rows.push_back(row(7, "Uruguay", "1961", "{{sfn|Smith|2001|p=4}}"));
  BOOST_TEST(run(list_table(rows), "ref-missing").empty());
  // Most rows uncited: not a cited table, nothing to report.
  std::vector<std::string> bare;
  for (int i = 0; i < 6; ++i) bare.push_back(row(i + 1, countries[i], "1960", ""));
  bare.push_back(row(7, "Uruguay", "1961"));
  BOOST_TEST(run(list_table(bare), "ref-missing").empty());
}

namespace {

const char* kCountries[] = {"France", "Germany", "Chile", "Peru", "Togo", "Niger", "Mali", "Chad"};

// A table of `n` cited rows of list_table's shape, then `tail` rows as written.
std::string cited_rows(int n, const std::vector<std::string>& tail, const std::string& head = "",
                       const std::string& ref = "<ref>src</ref>") {
  std::string t = "{| class=\"wikitable\"\n" + head + "!#\n!Country\n!Date\n";
  for (int i = 0; i < n; ++i) t += "|-\n" + row(i + 1, kCountries[i % 8], "1960", ref) + "\n";
  for (const auto& r : tail) t += "|-\n" + r + "\n";
  return t + "|}\n";
}

}  // namespace

BOOST_AUTO_TEST_CASE(rowspan_citation_covers_every_row_it_spans) {
  // One notes cell with its citation spans the last two rows: both dates are sourced.
  auto table = [](const std::string& last_two) {
    std::string t = "{| class=\"wikitable\"\n!Country !! Date !! Notes\n";
    for (int i = 0; i < 5; ++i)
      t += "|-\n|{{Flag|" + std::string(kCountries[i]) + "}} || 1960 || x<ref>a</ref>\n";
    return t + last_two + "|}\n";
  };
  BOOST_TEST(run(table("|-\n|{{Flag|Mali}} || 1961 || rowspan=\"2\" | Joint treaty<ref>t</ref>\n"
                       "|-\n|{{Flag|Uruguay}} || 1961\n"),
                 "ref-missing")
                 .empty());
  // Near miss: without the span the last row's own cells are uncited.
  const auto f = run(table("|-\n|{{Flag|Mali}} || 1961 || Joint treaty<ref>t</ref>\n"
                           "|-\n|{{Flag|Uruguay}} || 1961 || Treaty\n"),
                     "ref-missing");
  BOOST_TEST_REQUIRE(f.size() == 1u);
  BOOST_TEST(f[0].key == "Uruguay");
}

BOOST_AUTO_TEST_CASE(header_caption_or_title_citation_covers_the_table) {
  const std::vector<std::string> tail = {"|7\n|{{Flag|Uruguay}}\n|1962"};
  // "Date<ref>" in the column header: one source for every date of the table.
  std::string header_cited = cited_rows(6, tail);
  header_cited.replace(header_cited.find("!Date\n"), 6, "!Date<ref>list</ref>\n");
  BOOST_TEST(run(header_cited, "ref-missing").empty());
  // A title row over the columns, and a caption, do the same.
  BOOST_TEST(
      run(cited_rows(6, tail, "! colspan=\"3\" | Relations<ref>list</ref>\n|-\n"), "ref-missing")
          .empty());
  BOOST_TEST(run(cited_rows(6, tail, "|+ Relations{{sfn|Smith|2001}}\n"), "ref-missing").empty());
  // Near miss: a title row without a citation covers nothing.
  BOOST_TEST(run(cited_rows(6, tail, "! colspan=\"3\" | Relations\n|-\n"), "ref-missing").size() ==
             1u);
}

BOOST_AUTO_TEST_CASE(density_is_judged_per_segment) {
  // A second section, none of it cited: not a cited section, nothing to report, although most
  // rows of the whole table cite.
  std::vector<std::string> tail = {"! colspan=\"3\" | Observers"};
  for (int i = 0; i < 5; ++i) tail.push_back(row(20 + i, kCountries[i], "1970", ""));
  BOOST_TEST(run(cited_rows(8, tail), "ref-missing").empty());
  // A section row's citation covers its section.
  tail[0] = "! colspan=\"3\" | Observers<ref>list</ref>";
  tail.back() = row(24, "Niger", "1971", "");
  BOOST_TEST(run(cited_rows(8, tail), "ref-missing").empty());
  // Near miss: four of the section's five rows cite; the fifth is reported, counted in its part.
  std::vector<std::string> near = {"! colspan=\"3\" | Observers"};
  for (int i = 0; i < 4; ++i) near.push_back(row(20 + i, kCountries[i], "1970"));
  near.push_back(row(24, "Uruguay", "1971", ""));
  const auto f = run(cited_rows(2, near), "ref-missing");
  BOOST_TEST_REQUIRE(f.size() == 1u);
  BOOST_TEST(f[0].key == "Uruguay");
  BOOST_TEST(f[0].message.find("(4 of 5 rows in this part of the table have one)") !=
             std::string::npos);
}

BOOST_AUTO_TEST_CASE(label_rows_with_an_empty_row_header_are_headers) {
  // A chart whose rows under the column headers label the columns ("voiceless", "voiced"),
  // their corner cell an empty `!`, as in the consonant chart of bnwiki's Bengali script page:
  // column labels, no claim to cite, and not counted among the rows.
  auto chart = [](const std::string& label_header) {
    std::string t = "{| class=\"wikitable\"\n! !! colspan=2 | Stops\n|-\n";
    t += "!" + label_header + "\n| voiceless\n| voiced\n";
    const char* rows[] = {"Velar", "Palatal", "Retroflex", "Dental", "Labial"};
    for (const char* r : rows) t += "|-\n! " + std::string(r) + "<ref>n</ref>\n| k || g\n";
    return t + "|}\n";
  };
  BOOST_TEST(run(chart(""), "ref-missing").empty());
  // Near miss: a row header that names the row makes it an entry, and an uncited one.
  const auto f = run(chart(" Glottal"), "ref-missing");
  BOOST_TEST_REQUIRE(f.size() == 1u);
  BOOST_TEST(f[0].message.find("row has no citation (5 of 6 rows") != std::string::npos);
}

BOOST_AUTO_TEST_CASE(summary_and_empty_rows_need_no_citation) {
  // "Total" sums the rows above; a row with no date (blank, a dash or "Unknown") says nothing
  // a citation would back.
  const std::string quiet =
      cited_rows(6, {"|\n|Total\n|6", "|7\n|{{Flag|Uruguay}}\n|",
                     "|8\n|{{Flag|Chad}}\n|\xE2\x80\x94", "|9\n|{{Flag|Mali}}\n|Unknown"});
  BOOST_TEST(run(quiet, "ref-missing").empty());
  // A record table's row with its event alone (no record set yet).
  const std::string records =
      "{| class=\"wikitable\"\n!Event !! Record !! Athlete\n"
      "|-\n|Sprint || 9.8<ref>a</ref> || A\n|-\n|Keirin || 10.1<ref>a</ref> || B\n"
      "|-\n|Omnium || 12<ref>a</ref> || C\n|-\n|Madison || 13<ref>a</ref> || D\n"
      "|-\n|Scratch || 14<ref>a</ref> || E\n|-\n|Team pursuit || || \n|}\n";
  BOOST_TEST(run(records, "ref-missing").empty());
  std::string set = records;
  set.replace(set.find("Team pursuit || ||"), 18, "Team pursuit || 3:50 ||");
  BOOST_TEST(run(set, "ref-missing").size() == 1u);
  // Near miss: a row that gives a date, or says more than where to look.
  BOOST_TEST(run(cited_rows(6, {"|7\n|{{Flag|Uruguay}}\n|1966"}), "ref-missing").size() == 1u);
  BOOST_TEST(run(cited_rows(6, {"|7\n|{{Flag|Togo}}\n|See [[Togo relations]]\n* An embassy."}),
                 "ref-missing")
                 .size() == 1u);
}

BOOST_AUTO_TEST_CASE(cells_made_by_templates_say_something) {
  // A cell whose content is only a template ({{convert|...|disp=table}}, {{Version|...}}) has
  // no plain text, yet it shows a value: the row says something and needs its citation.
  auto records = [](const std::string& last) {
    return "{| class=\"wikitable\"\n!Event !! Record !! Athlete\n"
           "|-\n|Sprint || 9.8<ref>a</ref> || A\n|-\n|Keirin || 10.1<ref>a</ref> || B\n"
           "|-\n|Omnium || 12<ref>a</ref> || C\n|-\n|Madison || 13<ref>a</ref> || D\n"
           "|-\n|Scratch || 14<ref>a</ref> || E\n|-\n|Team pursuit || " +
           last + " || \n|}\n";
  };
  for (const std::string fired :
       {"{{convert|3|km|disp=table}}", "{{Version|o|1.2}}", "{{formatnum:1234}}", "{{Yes}}"})
    BOOST_TEST(run(records(fired), "ref-missing").size() == 1u, fired);
  // Silent: what shows nothing, or stands for nothing, or an image alone.
  for (const std::string quiet :
       {"{{anchor|tp}}", "{{—}}", "{{N/A}}", "<!-- none -->", "{{hs|z}}", "[[File:Track.svg|20px]]",
        "{{dts|}}", "{{Main|Team pursuit}}", "<templatestyles src=\"x.css\" />"})
    BOOST_TEST(run(records(quiet), "ref-missing").empty(), quiet);
}

BOOST_AUTO_TEST_CASE(citations_by_template_link_or_source_column) {
  const std::vector<std::string> forms = {
      "{{r|src}}", "{{efn|Per the ministry.}}", "{{harvnb|Smith|2001|p=4}}",
      "[https://example.org/list Ministry list]", "{{citation needed|date=May 2020}}"};
  for (const auto& form : forms)
    BOOST_TEST(run(cited_rows(6, {"|7\n|{{Flag|Uruguay}}\n|1962" + form}), "ref-missing").empty(),
               form);
  // A source column holds the row's source as text.
  const std::string source_col =
      "{| class=\"wikitable\"\n!Country !! Date !! Source\n"
      "|-\n|{{Flag|France}} || 1960 || <ref>a</ref>\n|-\n|{{Flag|Chile}} || 1960 || <ref>a</ref>\n"
      "|-\n|{{Flag|Peru}} || 1960 || <ref>a</ref>\n|-\n|{{Flag|Togo}} || 1960 || <ref>a</ref>\n"
      "|-\n|{{Flag|Niger}} || 1960 || <ref>a</ref>\n|-\n|{{Flag|Uruguay}} || 1962 || Ministry "
      "yearbook\n|}\n";
  BOOST_TEST(run(source_col, "ref-missing").empty());
  // Near miss: the same text under a Notes header is no source.
  std::string notes_col = source_col;
  notes_col.replace(notes_col.find("Source"), 6, "Notes");
  const auto f = run(notes_col, "ref-missing");
  BOOST_TEST_REQUIRE(f.size() == 1u);
  BOOST_TEST(f[0].key == "Uruguay");
}

BOOST_AUTO_TEST_SUITE_END()

BOOST_AUTO_TEST_SUITE(table_date_mismatch)

const std::string kBilateral =
    "{| class=\"wikitable\"\n! Country !! Formal Relations Began !! Notes\n"
    "|-\n|{{GER}} || 23 September 1960 || Relations established on 23 September 1960.\n"
    "|-\n|{{flag|Belgium}} || 1 August 1963 || Both established relations on 1 August 1963.\n"
    "|-\n|{{flag|Chile}} || 1965 || x\n|}\n";

BOOST_AUTO_TEST_CASE(different_dates_for_one_country) {
  const auto t =
      list_table({row(1, "Germany", "{{dts|1960|9|23}}"), row(2, "Belgium", "{{dts|11 June 1964}}"),
                  row(3, "Chile", "{{dts|4 March 1965}}")});
  const auto f = run(t + kBilateral, "table-date-mismatch");
  BOOST_TEST_REQUIRE(f.size() == 1u);
  BOOST_TEST(f[0].key == "Belgium");
  BOOST_TEST(f[0].message.find("Belgium: 1 August 1963 here, but 11 June 1964 in") == 0u);
  BOOST_TEST_REQUIRE(f[0].related.size() == 1u);
}

BOOST_AUTO_TEST_CASE(same_dates_in_other_forms_agree) {
  // {{GER}} and {{Flag|Germany}} are one country; {{dts|1960|9|23}} = 23 September 1960;
  // a year-only date agrees with a day in that year.
  const auto t = list_table({row(1, "Germany", "{{dts|1960|9|23}}"),
                             row(2, "Belgium", "1963-08-01"), row(3, "Chile", "4 March 1965")});
  BOOST_TEST(run(t + kBilateral, "table-date-mismatch").empty());
}

BOOST_AUTO_TEST_CASE(tables_sharing_two_entities_are_not_compared) {
  // Two shared countries are not "several": nothing says the tables describe one thing.
  const auto t = list_table({row(1, "Germany", "{{dts|1960|9|23}}"),
                             row(2, "Belgium", "{{dts|11 June 1964}}"), row(3, "Peru", "1970")});
  const std::string other =
      "{| class=\"wikitable\"\n! Country !! Date !! Notes\n"
      "|-\n|{{GER}} || 23 September 1960 || x\n"
      "|-\n|{{flag|Belgium}} || 1 August 1963 || x\n"
      "|-\n|{{flag|Chad}} || 1 August 1965 || x\n|}\n";
  BOOST_TEST(run(t + other, "table-date-mismatch").empty());
}

BOOST_AUTO_TEST_CASE(tables_whose_dates_mostly_disagree_describe_other_things) {
  // A list of relations and a list of partnership agreements share four countries but agree
  // on one date only: the second table dates something else.
  const auto t = list_table({row(1, "Germany", "1951"), row(2, "Belgium", "1960"),
                             row(3, "Chile", "1965"), row(4, "France", "1947")});
  const std::string agreements =
      "{| class=\"wikitable\"\n! Country !! Agreement signed\n"
      "|-\n|{{GER}} || 2009\n|-\n|{{flag|Belgium}} || 2011\n"
      "|-\n|{{flag|Chile}} || 1965\n|-\n|{{flag|France}} || 2015\n|}\n";
  BOOST_TEST(run(t + agreements, "table-date-mismatch").empty());
  // Near miss: three of the four agree, and the fourth is reported.
  const std::string bilateral =
      "{| class=\"wikitable\"\n! Country !! Date\n"
      "|-\n|{{GER}} || 1951\n|-\n|{{flag|Belgium}} || 1960\n"
      "|-\n|{{flag|Chile}} || 1965\n|-\n|{{flag|France}} || 2015\n|}\n";
  BOOST_TEST(keys(run(t + bilateral, "table-date-mismatch")) == std::vector<std::string>{"France"});
}

BOOST_AUTO_TEST_CASE(a_row_that_tells_of_restored_relations_is_not_compared) {
  const auto t = list_table({row(1, "Germany", "{{dts|1960|9|23}}"),
                             row(2, "Egypt", "{{dts|2 January 1992}}"), row(3, "Chile", "1965")});
  const std::string restored =
      "{| class=\"wikitable\"\n! Country !! Formal Relations Began !! Notes\n"
      "|-\n|{{GER}} || 23 September 1960 || x\n"
      "|-\n|{{flag|Egypt}} || 1937 || Egypt first recognised Estonia in 1937 and "
      "re-recognised it on 6 September 1991.\n"
      "|-\n|{{flag|Chile}} || 1965 || x\n|}\n";
  BOOST_TEST(run(t + restored, "table-date-mismatch").empty());
  // Near miss: the same row without its history is a disagreement.
  std::string plain = restored;
  plain.replace(plain.find("Egypt first"), plain.find("1991.") + 5 - plain.find("Egypt first"),
                "Relations were established in 1937.");
  BOOST_TEST(keys(run(t + plain, "table-date-mismatch")) == std::vector<std::string>{"Egypt"});
}

BOOST_AUTO_TEST_CASE(the_row_subject_is_the_person_not_the_flag_beside_it) {
  // Two tables of office holders, each name with its nationality's flag: the flags match,
  // the people do not, so nothing is shared.
  auto judges = [](const std::vector<std::pair<std::string, std::string>>& rows) {
    std::string t = "{| class=\"wikitable\"\n! Judge !! Term began\n";
    for (const auto& [name, year] : rows)
      t += "|-\n|{{flagicon|UKR}} [[" + name + "]] || " + year + "\n";
    return t + "|}\n";
  };
  const std::string a = judges({{"Ann Smith", "1990"}, {"Bo Lind", "1994"}, {"Cy Young", "1998"}});
  const std::string b = judges({{"Di Moss", "2001"}, {"Ed Park", "2005"}, {"Flo Rye", "2009"}});
  BOOST_TEST(run(a + b, "table-date-mismatch").empty());
  // Near miss: the same people in both, one term dated differently.
  const std::string c = judges({{"Ann Smith", "1990"}, {"Bo Lind", "1994"}, {"Cy Young", "1999"}});
  BOOST_TEST(keys(run(a + c, "table-date-mismatch")) == std::vector<std::string>{"Cy Young"});
}

BOOST_AUTO_TEST_SUITE_END()

BOOST_AUTO_TEST_SUITE(prose_date_mismatch)

BOOST_AUTO_TEST_CASE(prose_disagrees_with_date_cell) {
  const std::string t =
      "{| class=\"wikitable\"\n! Country !! Formal Relations Began !! Notes\n"
      "|-\n|{{flag|Benin}} || 27 August 1965 || Both countries established diplomatic "
      "relations on 27 August 1963.\n"
      "|-\n|{{flag|Chile}} || 2 May 1970 || Relations established on 2 May 1970. An embassy "
      "opened in May 1970.\n"
      "|-\n|{{flag|Peru}} || 1971 || Relations were established on 3 March 1971; a treaty "
      "followed on 9 June 1980.\n"
      "|-\n|{{flag|Togo}} || 4 April 1972 || Ambassador visited on 1 January 1990.\n|}\n";
  const auto f = run(t, "prose-date-mismatch");
  BOOST_TEST_REQUIRE(f.size() == 1u);
  BOOST_TEST(f[0].key == "Benin");
  BOOST_TEST(f[0].message ==
             "Benin: the prose says 27 August 1963, the date cell says 27 August 1965");
}

BOOST_AUTO_TEST_CASE(prose_of_another_event_is_not_compared) {
  auto table = [](const std::string& header, const std::string& notes) {
    return "{| class=\"wikitable\"\n! Country !! " + header +
           " !! Notes\n"
           "|-\n|{{flag|Benin}} || 27 August 1965 || " +
           notes +
           "\n"
           "|-\n|{{flag|Chile}} || 2 May 1970 || x\n"
           "|-\n|{{flag|Peru}} || 3 March 1971 || x\n|}\n";
  };
  const std::string began = "Formal relations began";
  // Another event: an embassy, a re-establishment, a normalisation, a high commission.
  for (const std::string notes :
       {"Benin opened an embassy in the capital on 3 May 1970.",
        "Relations were cut off, but they were re-established on 20 August 1984.",
        "The two governments announced the normalisation of relations on 11 July 1995.",
        "A high commission was established on 1 September 1973."})
    BOOST_TEST(run(table(began, notes), "prose-date-mismatch").empty(), notes);
  // Another state: relations with the predecessor.
  BOOST_TEST(
      run(table(began,
                "Relations between Benin and [[Czechoslovakia]] commenced on 25 April 1950."),
          "prose-date-mismatch")
          .empty());
  // A date of the prose agrees with the cell: the other one dates something else.
  BOOST_TEST(run(table(began,
                       "Relations were established first on 21 January 1921. Benin recognised "
                       "it on 27 August 1965."),
                 "prose-date-mismatch")
                 .empty());
  // The header names no event.
  BOOST_TEST(run(table("Date",
                       "Both countries established diplomatic relations on 27 August "
                       "1963."),
                 "prose-date-mismatch")
                 .empty());
  // Near misses: the column's own event, in running prose with a link, disagrees.
  BOOST_TEST(keys(run(table(began,
                            "Both countries established [[Benin–Chile relations|diplomatic "
                            "relations]] on 27 August 1963."),
                      "prose-date-mismatch")) == std::vector<std::string>{"Benin"});
  BOOST_TEST(keys(run(table("{{longitem|Beginning of formal relations}}",
                            "Relations were established on 27 August 1963."),
                      "prose-date-mismatch")) == std::vector<std::string>{"Benin"});
}

BOOST_AUTO_TEST_SUITE_END()

// Issue 9, row 15: a table written with lone CRs (MediaWiki reads them as line ends) has the
// findings it has with LFs, at the same lines and columns.
BOOST_AUTO_TEST_CASE(a_table_with_cr_line_ends_reads_as_with_lf) {
  const std::string lf = read_file(repo_path("fixtures/seed/foreign-relations-of-mali.wiki"));
  BOOST_TEST_REQUIRE(lf.find('\r') == std::string::npos);
  std::string cr = lf;
  std::replace(cr.begin(), cr.end(), '\n', '\r');
  const auto a = run(lf);
  const auto b = run(cr);
  BOOST_TEST_REQUIRE(a.size() >= 10u);  // the seed's tables have many findings
  BOOST_TEST_REQUIRE(a.size() == b.size());
  size_t tables = 0;
  for (size_t i = 0; i < a.size(); ++i) {
    BOOST_TEST_CONTEXT(a[i].rule << " " << a[i].key) {
      BOOST_TEST(a[i].rule == b[i].rule);
      BOOST_TEST(a[i].key == b[i].key);
      BOOST_TEST(a[i].message == b[i].message);
      BOOST_TEST(a[i].location.start.line == b[i].location.start.line);
      BOOST_TEST(a[i].location.start.column == b[i].location.start.column);
      BOOST_TEST(a[i].location.begin == b[i].location.begin);
    }
    tables += a[i].rule == "table-sequence";
  }
  BOOST_TEST(tables >= 1u);
}
