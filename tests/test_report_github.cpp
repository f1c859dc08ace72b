#define BOOST_TEST_MODULE report_github
#include <boost/test/unit_test.hpp>

#include "report_test_util.hpp"

using namespace wikivet;
using test::finding_at;
using test::render;
using test::result_of;

BOOST_AUTO_TEST_CASE(one_annotation_per_finding_with_severity_commands) {
  Source src("a.wiki", "one two three\n");
  std::vector<Finding> fs = {finding_at(src, "r-err", Severity::Error, "one", "first"),
                             finding_at(src, "r-warn", Severity::Warning, "two", "second"),
                             finding_at(src, "r-info", Severity::Info, "three", "third")};
  BOOST_TEST(render("github", {result_of(src, fs)}) ==
             "::error file=a.wiki,line=1,col=1,endLine=1,endColumn=4,title=r-err::first\n"
             "::warning file=a.wiki,line=1,col=5,endLine=1,endColumn=8,title=r-warn::second\n"
             "::notice file=a.wiki,line=1,col=9,endLine=1,endColumn=14,title=r-info::third\n"
             "wikivet: 1 error, 1 warning, 1 info in 1 file\n");
}

BOOST_AUTO_TEST_CASE(escaping_of_message_and_properties) {
  Source src("dir,x/a:b%.wiki", "x\n");
  Finding f = finding_at(src, "r", Severity::Error, "x", "100% sure:\r\nline two, too");
  BOOST_TEST(render("github", {result_of(src, {f})}) ==
             "::error file=dir%2Cx/a%3Ab%25.wiki,line=1,col=1,endLine=1,endColumn=2,title=r::"
             "100%25 sure:\xEF\xBF\xBD\xEF\xBF\xBDline two, too\n"
             "wikivet: 1 error in 1 file\n");
}

BOOST_AUTO_TEST_CASE(related_locations_follow_the_message_and_suppressed_are_skipped) {
  Source src("a.wiki", "124\n124\n");
  Finding f = finding_at(src, "seq", Severity::Warning, "124", "124 twice", "124", 1);
  Finding first = finding_at(src, "seq", Severity::Warning, "124", "");
  f.related.push_back({first.location, "the other row"});
  Finding s = first;
  s.suppressed = true;
  WriterOptions o;
  o.show_suppressed = true;
  BOOST_TEST(render("github", {result_of(src, {s, f})}, o) ==
             "::warning file=a.wiki,line=2,col=1,endLine=2,endColumn=4,title=seq::"
             "124 twice%0Aa.wiki:1:1: the other row\n"
             "wikivet: 1 warning, 1 suppressed in 1 file\n");
}
