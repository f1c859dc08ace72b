// Wiki profiles: the data format, the built-in profiles, siteinfo selection, and what the model
// reads through a profile (reference lists and notes, namespaces, dates in the wiki's language).
#define BOOST_TEST_MODULE profiles
#include <boost/test/unit_test.hpp>

#include "engine/config_file.hpp"
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

// WikiProfile::is_unknown_word rules a text out by its length before folding its case: that
// holds only while folding keeps every character's length in bytes.
BOOST_AUTO_TEST_CASE(case_folding_keeps_every_characters_length) {
  int changed = 0;
  for (char32_t c = 0; c < 0x110000; ++c) {
    if (c >= 0xD800 && c <= 0xDFFF) continue;
    std::string s;
    append_utf8(s, c);
    if (utf8_length(static_cast<unsigned char>(s[0])) != s.size() ||
        utf8_decode(s, 0, s.size()) != c)
      BOOST_ERROR("append_utf8 and utf8_decode disagree on U+" << std::hex
                                                               << static_cast<uint32_t>(c));
    const std::string f = fold_case(s);
    if (f.size() != s.size())
      BOOST_ERROR("fold_case changes the length of U+" << std::hex << static_cast<uint32_t>(c));
    changed += f != s;
  }
  BOOST_TEST(changed > 300);  // the table is in use: Latin, Greek, Cyrillic, Armenian capitals
}

BOOST_AUTO_TEST_CASE(unknown_words_in_any_case_and_spacing) {
  const auto el = builtin_profile("elwiki");
  BOOST_REQUIRE(el);
  BOOST_TEST(el->is_unknown_word("Άγνωστο"));
  BOOST_TEST(el->is_unknown_word(" ΆΓΝΩΣΤΟ. "));
  BOOST_TEST(el->is_not_applicable_word("Δεν  εφαρμόζεται"));  // two spaces fold to one
  BOOST_TEST(el->is_unknown_word("(δεν\xC2\xA0εφαρμόζεται)"));
  BOOST_TEST(!el->is_unknown_word("Άγνωστος"));  // another length
  BOOST_TEST(!el->is_unknown_word("Άγνωστα"));   // the same length, another word
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
  // elwiki's {{efn}} and {{notelist}} are lower-greek: a lower-greek list shows its notes.
  const std::string greek = "Κείμενο.{{efn|Σημείωση}}\n<references group=\"lower-greek\"/>\n";
  BOOST_TEST(run(greek, "ref-no-list", with_profile("elwiki")).empty());
  BOOST_TEST(run("Κείμενο.{{efn|Σημείωση}}\n{{notelist}}\n", "ref-no-list", with_profile("elwiki"))
                 .empty());
  // Near misses: English Wikipedia's {{efn}} is lower-alpha; a lower-alpha list on elwiki.
  BOOST_TEST(run(greek, "ref-no-list").size() == 1u);
  BOOST_TEST(run("Κείμενο.{{efn|Σημείωση}}\n<references group=\"lower-alpha\"/>\n", "ref-no-list",
                 with_profile("elwiki"))
                 .size() == 1u);
}

BOOST_AUTO_TEST_CASE(reference_lists_of_the_dump_wikis) {
  // hywiki: {{Ծանցանկ}} and {{ծանոթագրություններ}} (the first letter either case) list the
  // default group; read as English Wikipedia's page, neither is a list.
  for (const char* list : {"{{Ծանցանկ}}", "{{ծանոթագրություններ}}", "{{Ծանոթագրություններ}}"}) {
    const std::string hy = std::string("Տեքստ.<ref>Աղբյուր</ref>\n") + list + "\n";
    BOOST_TEST(run(hy, "ref-no-list", with_profile("hywiki")).empty(), list);
    BOOST_TEST(run(hy, "ref-no-list").size() == 1u, list);
  }
  // mrwiki: {{संदर्भयादी}} lists the default group only; refs given group="web" need a list of
  // that group, as Cite asks (the mrwiki page with group="web" refs and only <references />).
  const std::string mr = "मजकूर.<ref group=\"web\">स्रोत</ref>\n{{संदर्भयादी}}\n";
  const auto f = run(mr, "ref-no-list", with_profile("mrwiki"));
  BOOST_TEST_REQUIRE(f.size() == 1u);
  BOOST_TEST(f[0].key == "web");
  BOOST_TEST(run("मजकूर.<ref group=\"web\">स्रोत</ref>\n{{संदर्भयादी|group=web}}\n", "ref-no-list",
                 with_profile("mrwiki"))
                 .empty());
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

BOOST_AUTO_TEST_CASE(every_shipped_profile_reads_and_names_its_wiki) {
  const std::vector<std::string> names = builtin_profile_names();
  for (const char* code : {"en", "de", "fr", "es", "it", "nl", "pl", "pt", "ru", "sv", "uk", "vi",
                           "ja", "zh", "bn", "el", "hy", "mr"}) {
    BOOST_TEST_CONTEXT(code) {
      const auto p = builtin(code);
      BOOST_TEST(p->name == std::string(code) + "wiki");
      BOOST_TEST(p->language == code);
      BOOST_TEST(is_list(*p, "Reflist"));  // the English names hold everywhere
      BOOST_TEST(!p->namespace_names(Namespace::File).empty());
      BOOST_TEST(!p->namespace_names(Namespace::Category).empty());
      BOOST_TEST(!p->namespace_names(Namespace::Template).empty());
      BOOST_TEST(!p->retrieved_words.empty());
      BOOST_TEST((code == std::string("en") || p->dates.pattern_count() > 0));
    }
  }
  BOOST_TEST(names.size() == 18u);
  // Did you mean: a typo of a wiki name or of a language code.
  BOOST_TEST(unknown_profile_message("viwik").find("did you mean 'viwiki'") != std::string::npos);
  BOOST_TEST(unknown_profile_message("qqqqqq").find("did you mean") == std::string::npos);
}

namespace {

// A date column of four cells, the last one `cell`; the rule's findings on it as `profile`
// reads it.
size_t date_findings(const std::string& cell, const char* profile, const char* rule,
                     const std::string& good) {
  const std::string text = "{|\n! Date\n|-\n| " + good + "\n|-\n| " + good + "\n|-\n| " + good +
                           "\n|-\n| " + cell + "\n|}\n";
  return run(text, rule, with_profile(profile)).size();
}

}  // namespace

BOOST_AUTO_TEST_CASE(dates_of_every_shipped_language) {
  struct Case {
    const char* profile;
    const char* good;     // a date the profile reads
    const char* missing;  // a day that does not exist, written the same way
    int year, month, day;
  } cases[] = {
      {"dewiki", "12. Mai 1961", "30. Februar 1961", 1961, 5, 12},
      {"frwiki", "12 mai 1961", "30 février 1961", 1961, 5, 12},
      {"frwiki", "1er mai 1961", "30 février 1961", 1961, 5, 1},
      {"eswiki", "12 de mayo de 1961", "30 de febrero de 1961", 1961, 5, 12},
      {"itwiki", "12 maggio 1961", "30 febbraio 1961", 1961, 5, 12},
      {"itwiki", "1º maggio 1961", "30 febbraio 1961", 1961, 5, 1},
      {"nlwiki", "12 mei 1961", "30 februari 1961", 1961, 5, 12},
      {"plwiki", "12 maja 1961", "30 lutego 1961", 1961, 5, 12},
      {"ptwiki", "12 de maio de 1961", "30 de fevereiro de 1961", 1961, 5, 12},
      {"ruwiki", "12 мая 1961 года", "30 февраля 1961 года", 1961, 5, 12},
      {"ruwiki", "12 мая 1961 г.", "30 февраля 1961 г.", 1961, 5, 12},
      {"svwiki", "12 maj 1961", "30 februari 1961", 1961, 5, 12},
      {"ukwiki", "12 травня 1961", "30 лютого 1961", 1961, 5, 12},
      {"ukwiki", "12 травня 1961 року", "30 лютого 1961 року", 1961, 5, 12},
      {"viwiki", "ngày 12 tháng 5 năm 1961", "ngày 30 tháng 2 năm 1961", 1961, 5, 12},
      {"viwiki", "12/5/1961", "30/2/1961", 1961, 5, 12},
      {"jawiki", "1961年5月12日", "1961年2月30日", 1961, 5, 12},
      {"zhwiki", "1961年5月12日", "1961年2月30日", 1961, 5, 12},
      {"bnwiki", "১২ মে ১৯৬১", "৩০ ফেব্রুয়ারি ১৯৬১", 1961, 5, 12},
      {"elwiki", "12 Μαΐου 1961", "30 Φεβρουαρίου 1961", 1961, 5, 12},
      {"hywiki", "1961 թվականի մայիսի 12", "1961 թվականի փետրվարի 30", 1961, 5, 12},
      {"mrwiki", "१२ मे १९६१", "३० फेब्रुवारी १९६१", 1961, 5, 12},
  };
  for (const Case& c : cases) {
    BOOST_TEST_CONTEXT(c.profile << ": " << c.good) {
      const DateValue dv = cell_date(c.good, c.profile);
      BOOST_TEST_REQUIRE(dv.kind == DateValue::Kind::Date);
      BOOST_TEST(dv.date.year == c.year);
      BOOST_TEST(dv.date.month == c.month);
      BOOST_TEST(dv.date.day == c.day);
      // Silent on the date, and a near miss (a day that does not exist) fires.
      BOOST_TEST(date_findings(c.good, c.profile, "date-invalid", c.good) == 0u);
      BOOST_TEST(date_findings(c.missing, c.profile, "date-invalid", c.good) == 1u);
      // Text around the date in words the profile does not know: silence, not "invalid".
      BOOST_TEST(date_findings(std::string(c.good) + " ℵℶℷ", c.profile, "date-invalid", c.good) ==
                 0u);
    }
  }
  // Read as English, dates of another script are no dates, and no rule judges them.
  BOOST_TEST(cell_date("12 травня 1961", "enwiki").kind == DateValue::Kind::NotDate);
  BOOST_TEST(cell_date("1961年5月12日", "enwiki").kind == DateValue::Kind::NotDate);
  BOOST_TEST(date_findings("12 травня 1961", "enwiki", "date-invalid", "12 May 1961") == 0u);
  // ... while English text with a date keeps the English reading.
  BOOST_TEST(cell_date("5 November 1992 severed in 2024", "enwiki").kind ==
             DateValue::Kind::Invalid);
}

BOOST_AUTO_TEST_CASE(namespaces_and_lists_of_the_new_profiles) {
  BOOST_TEST(builtin("dewiki")->is_file_link("Datei:Karte.png|mini"));
  BOOST_TEST(builtin("ruwiki")->is_file_link("файл:Карта.png"));
  BOOST_TEST(builtin("viwiki")->is_file_link("Hình:Bản đồ.png"));
  BOOST_TEST(!builtin("dewiki")->is_file_link("Dateiformat"));
  const std::string ru = "Текст.<ref>Источник</ref>\n== Примечания ==\n{{Примечания}}\n";
  BOOST_TEST(run(ru, "ref-no-list", with_profile("ruwiki")).empty());
  BOOST_TEST(run(ru, "ref-no-list").size() == 1u);  // near miss: read as enwiki's page
  const std::string vi = "Văn bản.<ref>Nguồn</ref>\n== Tham khảo ==\n{{tham khảo}}\n";
  BOOST_TEST(run(vi, "ref-no-list", with_profile("viwiki")).empty());
  BOOST_TEST(run(vi, "ref-no-list", with_profile("jawiki")).size() == 1u);
  // frwiki's {{Notes}} lists the default group, not enwiki's notes.
  const std::string fr = "Texte.<ref>Source</ref>\n{{Notes}}\n";
  BOOST_TEST(run(fr, "ref-no-list", with_profile("frwiki")).empty());
  BOOST_TEST(run(fr, "ref-no-list").size() == 1u);
  // {{Références|groupe=note}} lists the group note: French names the parameter.
  const std::string fr_note = "Texte.<ref group=\"note\">N</ref>\n{{Références|groupe=note}}\n";
  BOOST_TEST(run(fr_note, "ref-no-list", with_profile("frwiki")).empty());
  // Near misses: another group, or the default list (no groupe=) for a named group.
  BOOST_TEST(run("Texte.<ref group=\"note\">N</ref>\n{{Références|groupe=autre}}\n", "ref-no-list",
                 with_profile("frwiki"))
                 .size() == 1u);
  BOOST_TEST(run("Texte.<ref group=\"note\">N</ref>\n{{Références}}\n", "ref-no-list",
                 with_profile("frwiki"))
                 .size() == 1u);
}

BOOST_AUTO_TEST_CASE(config_file_profile_and_additions) {
  const ConfigFile f = parse_config(R"(profile = "vi"
[profiles.viwiki]
list = ["Chú thích"]
file-namespace = ["Ảnh"]
)",
                                    "/proj/wikivet.toml");
  BOOST_TEST(f.profile == "viwiki");
  const Config c = effective_config(&f, "/proj/a.wiki", {});
  BOOST_TEST(c.wiki_profile().name == "viwiki");
  BOOST_TEST(c.wiki_profile().is_file_link("Ảnh:X.png"));
  BOOST_TEST(is_list(c.wiki_profile(), "Chú thích"));
  BOOST_TEST(c.reference_templates == c.wiki_profile().reference_templates);
  // --profile wins over the file's; the file's additions to that profile apply.
  CommandLineConfig cli;
  cli.profile = builtin("dewiki");
  BOOST_TEST(effective_config(&f, "/proj/a.wiki", cli).wiki_profile().name == "dewiki");
  auto fails = [](const std::string& toml, const std::string& says) {
    try {
      parse_config(toml, "/p/wikivet.toml");
      BOOST_ERROR("no error for: " + toml);
    } catch (const ConfigError& e) {
      BOOST_TEST(std::string(e.what()).find(says) != std::string::npos, e.what());
    }
  };
  fails("profile = \"viwik\"\n", "did you mean 'viwiki'");
  fails("profile = 3\n", "must be a string");
  fails("[profiles.viwiki]\nlist = [\"X|colour=red\"]\n", "unknown option 'colour'");
  fails("[profiles.viwiki]\nlists = [\"X\"]\n", "did you mean 'list'");
}

BOOST_AUTO_TEST_CASE(retrieved_in_the_wikis_language) {
  // An ISO access date after the wiki's word for "Retrieved" is what citations write.
  const std::string page =
      "{{Use dmy dates}}\nText.<ref>Web page, abgerufen am 2007-03-01.</ref>\n\n"
      "== Einzelnachweise ==\n{{reflist}}\n";
  BOOST_TEST(run(page, "date-format", with_profile("dewiki")).empty());
  // Near miss: read as enwiki's page, the German word says nothing.
  BOOST_TEST(run(page, "date-format").size() == 1u);
}

BOOST_AUTO_TEST_CASE(a_date_with_a_note_in_parentheses_is_one_date) {
  // The Julian date with the Gregorian day in parentheses: one date, qualified.
  const DateValue q = cell_date("1878 փետրվարի 19 (մարտի 13)", "hywiki");
  BOOST_TEST_REQUIRE(q.kind == DateValue::Kind::Qualified);
  BOOST_TEST(q.date.year == 1878);
  BOOST_TEST(q.date.day == 19);
  BOOST_TEST(date_findings("1878 փետրվարի 19 (մարտի 13)", "hywiki", "date-invalid",
                           "1961 թվականի մայիսի 12") == 0u);
  // Near miss: the same words without the parentheses are two dates run together.
  BOOST_TEST(cell_date("1878 փետրվարի 19 մարտի 13", "hywiki").kind == DateValue::Kind::Invalid);
}
