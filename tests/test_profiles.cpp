// Wiki profiles: the data format, the built-in profiles, siteinfo selection, and what the model
// reads through a profile (reference lists and notes, namespaces, dates in the wiki's language).
#define BOOST_TEST_MODULE profiles
#include <boost/test/unit_test.hpp>

#include "model/profile.hpp"
#include "model/text_util.hpp"
#include "test_util.hpp"

using namespace wikivet;
using namespace wikivet::test;

namespace wikivet {
inline std::ostream& operator<<(std::ostream& o, DateValue::Kind k) {
  return o << static_cast<int>(k);
}
}  // namespace wikivet

namespace {

std::shared_ptr<const WikiProfile> builtin(const char* name) {
  auto p = builtin_profile(name);
  BOOST_TEST_REQUIRE(p != nullptr, name);
  return p;
}

Config with_profile(const char* name) {
  Config c;
  c.use_profile(builtin(name));
  return c;
}

bool is_list(const WikiProfile& p, const char* name) {
  const auto* e = p.reference_templates->find(name);
  return e && e->kind == ReferenceTemplates::Kind::List;
}

// The date the model reads from the only data cell of a one-column date table.
DateValue cell_date(const std::string& cell, const char* profile) {
  const std::string text = "{|\n! Date\n|-\n| " + cell + "\n|-\n| 1960\n|-\n| 1961\n|}\n";
  Source source("t.wiki", text);
  const auto p = builtin(profile);
  const Article a(source, *p->reference_templates, *p);
  BOOST_TEST_REQUIRE(a.tables.size() == 1u);
  const Table& t = a.tables[0];
  return t.cells[static_cast<size_t>(t.at(1, 0))].date;
}

}  // namespace

BOOST_AUTO_TEST_CASE(every_required_profile_is_built_in) {
  for (const char* name : {"enwiki", "bnwiki", "elwiki", "hywiki", "mrwiki"}) {
    BOOST_TEST_CONTEXT(name) {
      const auto p = builtin(name);
      BOOST_TEST(p->name == name);
      BOOST_TEST(is_list(*p, "Reflist"));
      BOOST_TEST(!p->namespace_names(Namespace::File).empty());
      BOOST_TEST(!p->unknown_words.empty());
      BOOST_TEST(!p->retrieved_words.empty());
    }
  }
  // A language code names its Wikipedia.
  BOOST_TEST(builtin_profile("bn") == builtin_profile("bnwiki"));
  BOOST_TEST(builtin_profile("xxwiki") == nullptr);
  BOOST_TEST(unknown_profile_message("xx").find("bnwiki") != std::string::npos);
}

BOOST_AUTO_TEST_CASE(data_format_errors_name_file_and_line) {
  const std::string head = "source\ts\tsomewhere\nwiki\txwiki\n";
  BOOST_CHECK_NO_THROW(parse_profile(head + "list\tX\ts\n", "x.tsv"));
  auto fails = [&](const std::string& rows, const std::string& says) {
    try {
      parse_profile(head + rows, "x.tsv");
      BOOST_ERROR("no error for: " + rows);
    } catch (const ProfileError& e) {
      BOOST_TEST(std::string(e.what()).find(says) != std::string::npos, e.what());
    }
  };
  fails("list\tX\tnobody\n", "x.tsv:3: source 'nobody' is not declared");
  fails("list\tX\n", "needs its sources");
  fails("list\tX\tcolour=red\ts\n", "x.tsv:3: unknown option 'colour'");
  fails("colour\tX\ts\n", "unknown key 'colour'");
  fails("month\t13\tX\ts\n", "a month is 1 to 12");
  fails("date\tdmy\tD M\ts\n", "needs a year");
  fails("digits\t0123\ts\n", "ten characters");
  try {
    parse_profile("source\ts\tx\n", "y.tsv");
    BOOST_ERROR("a profile without a wiki row");
  } catch (const ProfileError& e) {
    BOOST_TEST(std::string(e.what()).find("no 'wiki' row") != std::string::npos);
  }
}

BOOST_AUTO_TEST_CASE(case_folding_covers_the_scripts_of_the_profiles) {
  BOOST_TEST(fold_case("ÀÉÎ Ł Ż Ệ") == "àéî ł ż ệ");
  BOOST_TEST(fold_case("ΜΑΐΟΥ Άγνωστο") == "μαΐου άγνωστο");
  BOOST_TEST(fold_case("ПРИМЕЧАНИЯ Її Ґ") == "примечания її ґ");
  BOOST_TEST(fold_case("Ծանցանկ") == "ծանցանկ");
  BOOST_TEST(fold_case("সূত্র তালিকা") == "সূত্র তালিকা");
  BOOST_TEST(fold_case(std::string("a\xFF\xC3")) == std::string("a\xFF\xC3"));  // bad UTF-8
}

BOOST_AUTO_TEST_CASE(siteinfo_chooses_the_profile_and_adds_its_namespaces) {
  SiteInfo bn;
  bn.dbname = "bnwiki";
  bn.namespaces = {{6, "চিত্র"}, {14, "বিষয়শ্রেণী"}, {10, "টেমপ্লেট"}};
  const auto p = profile_from_siteinfo(bn);
  BOOST_TEST(p->name == "bnwiki");
  BOOST_TEST(p->origin.find("siteinfo") != std::string::npos);
  BOOST_TEST(p->is_file_link("চিত্র:Flag.svg|20px"));
  BOOST_TEST(p->is_file_link(" বিষয়শ্রেণী : দেশ"));
  BOOST_TEST(p->is_file_link("File:Flag.svg"));  // canonical names always work
  BOOST_TEST(!p->is_file_link(":চিত্র:Flag.svg"));
  BOOST_TEST(!p->is_file_link("চিত্রকলা"));

  // A wiki without a built-in profile: English names, the dump's namespaces.
  SiteInfo fo;
  fo.dbname = "fowiki";
  fo.namespaces = {{6, "Mynd"}, {14, "Bólkur"}};
  const auto q = profile_from_siteinfo(fo);
  BOOST_TEST(q->name == "fowiki");
  BOOST_TEST(q->is_file_link("Mynd:X.jpg"));
  BOOST_TEST(q->is_file_link("bólkur:Y"));  // case-insensitive, non-ASCII too
  BOOST_TEST(is_list(*q, "Reflist"));
  BOOST_TEST(!english_profile().is_file_link("Mynd:X.jpg"));

  // A chosen profile wins; the dump still names its namespaces.
  const auto r = profile_from_siteinfo(fo, builtin("elwiki"));
  BOOST_TEST(r->name == "elwiki");
  BOOST_TEST(r->is_file_link("Mynd:X.jpg"));
}

BOOST_AUTO_TEST_CASE(reference_lists_by_profile) {
  const std::string page = "Text.<ref>Source</ref>\n\n== তথ্যসূত্র ==\n{{সূত্র তালিকা}}\n";
  BOOST_TEST(run(page, "ref-no-list", with_profile("bnwiki")).empty());
  // Near miss: the same page read as English Wikipedia's has no list it knows.
  BOOST_TEST(run(page, "ref-no-list").size() == 1u);
  // A template that is no list on its wiki ({{Πηγές}} asks for sources on elwiki) stays none.
  const std::string el = "Κείμενο.<ref>Πηγή</ref>\n{{Πηγές|24|07|2017}}\n";
  BOOST_TEST(run(el, "ref-no-list", with_profile("elwiki")).size() == 1u);
  BOOST_TEST(run("Κείμενο.<ref>Πηγή</ref>\n{{παραπομπές}}\n", "ref-no-list", with_profile("elwiki"))
                 .empty());
  // Note lists show their note group: {{টীকা তালিকা}} lists bnwiki's {{efn}} notes.
  const std::string notes = "Text.{{efn|A note}}\n{{টীকা তালিকা}}\n";
  BOOST_TEST(run(notes, "ref-no-list", with_profile("bnwiki")).empty());
  BOOST_TEST(
      run("Text.{{efn|A note}}\n{{সূত্র তালিকা}}\n", "ref-no-list", with_profile("bnwiki")).size() ==
      1u);
}

BOOST_AUTO_TEST_CASE(use_dmy_templates_by_profile) {
  Source source("t.wiki", "{{Use dmy dates}}\nText.");
  BOOST_TEST(Article(source).declared_date_format == DateFormat::Dmy);
  // Pages of other wikis copy the English declaration with the article: it holds there too.
  const auto mr = builtin("mrwiki");
  BOOST_TEST(Article(source, *mr->reference_templates, *mr).declared_date_format ==
             DateFormat::Dmy);
  // Near miss: a template that declares nothing.
  Source other("t.wiki", "{{Use British English}}\nText.");
  BOOST_TEST(Article(other, *mr->reference_templates, *mr).declared_date_format ==
             DateFormat::None);
}

BOOST_AUTO_TEST_CASE(dates_in_the_language_of_the_profile) {
  struct Case {
    const char* profile;
    const char* text;
    int year, month, day;
  } cases[] = {
      {"bnwiki", "১২ মে ১৯৬১", 1961, 5, 12},
      {"bnwiki", "মে ১২, ১৯৬১", 1961, 5, 12},
      {"bnwiki", "মে ১৯৬১", 1961, 5, 0},
      {"mrwiki", "१२ मे १९६१", 1961, 5, 12},
      {"elwiki", "12 Μαΐου 1961", 1961, 5, 12},
      {"elwiki", "12 μαΐου 1961", 1961, 5, 12},
      {"elwiki", "Μάιος 1961", 1961, 5, 0},
      {"hywiki", "1961 թվականի մայիսի 12", 1961, 5, 12},
      {"hywiki", "1961 թ. մայիսի 12", 1961, 5, 12},
      {"hywiki", "մայիսի 12, 1961", 1961, 5, 12},
      {"hywiki", "1293 հունիս", 1293, 6, 0},
      {"bnwiki", "12 May 1961", 1961, 5, 12},  // English dates are read on every wiki
      {"bnwiki", "১৯৬১-০৫-১২", 1961, 5, 12},
  };
  for (const Case& c : cases) {
    BOOST_TEST_CONTEXT(c.profile << ": " << c.text) {
      const DateValue dv = cell_date(c.text, c.profile);
      BOOST_TEST_REQUIRE(dv.kind == DateValue::Kind::Date);
      BOOST_TEST(dv.date.year == c.year);
      BOOST_TEST(dv.date.month == c.month);
      BOOST_TEST(dv.date.day == c.day);
      BOOST_TEST((dv.date.precision == DatePrecision::Day) == (c.day != 0));
    }
  }
  // Near misses: a day that does not exist is still a date (date-invalid says so); a month
  // word of another language is not read as this one's.
  const DateValue feb = cell_date("31 Φεβρουαρίου 2003", "elwiki");
  BOOST_TEST((feb.kind == DateValue::Kind::Date && !feb.date.exists));
  BOOST_TEST(cell_date("১২ Μαΐου ১৯৬১", "bnwiki").kind != DateValue::Kind::Date);
  // Read as English, the Bengali date is no date.
  BOOST_TEST(cell_date("১২ মে ১৯৬১", "enwiki").kind != DateValue::Kind::Date);
}

BOOST_AUTO_TEST_CASE(text_the_profile_cannot_read_is_no_date) {
  // "in 1961" in Bengali: words the profile does not know. Silence, not "invalid".
  BOOST_TEST(cell_date("১৯৬১ সালে", "bnwiki").kind == DateValue::Kind::NotDate);
  BOOST_TEST(run("{|\n! Date\n|-\n| ১৯৬১ সালে\n|-\n| ১৯৬০\n|-\n| ১৯৬২\n|-\n| ১৯৬৩\n|}\n",
                 "date-invalid", with_profile("bnwiki"))
                 .empty());
  // Near miss: words the profile knows, in no date's order, are a failed date.
  BOOST_TEST(cell_date("মে মে ১৯৬১", "bnwiki").kind == DateValue::Kind::Invalid);
  // The wiki's word for "unknown" is an unknown date.
  BOOST_TEST(cell_date("অজানা", "bnwiki").kind == DateValue::Kind::Unknown);
  BOOST_TEST(cell_date("অজানা", "enwiki").kind != DateValue::Kind::Unknown);
}

BOOST_AUTO_TEST_CASE(periods_in_the_language_of_the_profile) {
  const DateValue r = cell_date("1918 մայիսի 26-28", "hywiki");
  BOOST_TEST_REQUIRE(r.kind == DateValue::Kind::Range);
  BOOST_TEST(r.date.year == 1918);
  BOOST_TEST(r.date.day == 26);
  const DateValue b = cell_date("১৯৬০–১৯৬২", "bnwiki");
  BOOST_TEST(b.kind == DateValue::Kind::Range);
  BOOST_TEST(b.date.year == 1960);
}
