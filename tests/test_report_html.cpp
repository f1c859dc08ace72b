// The HTML report's pieces: edit links from a wiki's site info (and refusing what is not an
// http(s) address), a dump's <siteinfo>, escaping of what pages contain, and the caps that
// keep a large audit's page usable while every finding is still counted.
#define BOOST_TEST_MODULE report_html
#include <unistd.h>

#include <boost/test/unit_test.hpp>
#include <cstdio>
#include <sstream>
#include <string>

#include "input/decompress_stream.hpp"
#include "input/dump_reader.hpp"
#include "input/site_info.hpp"
#include "report/html_report.hpp"
#include "test_util.hpp"

using namespace wikivet;

namespace {

size_t occurrences(const std::string& s, const std::string& what) {
  size_t n = 0;
  for (size_t i = s.find(what); i != std::string::npos; i = s.find(what, i + what.size())) ++n;
  return n;
}

std::string render(const report::HtmlReport& r) {
  std::ostringstream out;
  r.write(out);
  return out.str();
}

}  // namespace

BOOST_AUTO_TEST_CASE(edit_links_from_a_dump_base) {
  SiteInfo bn;
  bn.base = "https://bn.wikipedia.org/wiki/%E0%A6%AA%E0%A6%BE%E0%A6%A4%E0%A6%BE";
  BOOST_TEST(edit_url(bn, "Côte d'Ivoire & co") ==
             "https://bn.wikipedia.org/wiki/C%C3%B4te_d%27Ivoire_%26_co?action=edit");
  SiteInfo script;
  script.base = "http://wiki.example.org/index.php?title=Main_Page";
  BOOST_TEST(edit_url(script, "A?b#c") ==
             "http://wiki.example.org/index.php?title=A%3Fb%23c&action=edit");
  SiteInfo hostile;
  hostile.base = "javascript:alert(1)//wiki/Main";
  BOOST_TEST(edit_url(hostile, "X").empty());
  SiteInfo none;
  BOOST_TEST(edit_url(none, "X").empty());
  SiteInfo host_only;
  host_only.base = "https://example.org";
  BOOST_TEST(edit_url(host_only, "X").empty());
}

BOOST_AUTO_TEST_CASE(edit_links_from_the_api) {
  SiteInfo en;
  en.server = "//en.wikipedia.org";
  en.scriptpath = "/w";
  en.base = "https://en.wikipedia.org/wiki/Main_Page";
  BOOST_TEST(edit_url(en, "Foreign relations of Mali") ==
             "https://en.wikipedia.org/w/index.php?title=Foreign_relations_of_Mali&action=edit");
  en.server = "data:text/html,x";
  BOOST_TEST(edit_url(en, "X").empty());
}

BOOST_AUTO_TEST_CASE(dump_siteinfo_is_read) {
  const std::string xml =
      "<mediawiki><siteinfo><sitename>Wikipedia</sitename><dbname>elwiki</dbname>"
      "<base>https://el.wikipedia.org/wiki/Πύλη:Κύρια</base><generator>MediaWiki</generator>"
      "<namespaces><namespace key=\"-2\" case=\"first-letter\">Μέσο</namespace>"
      "<namespace key=\"0\" case=\"first-letter\" /><namespace key=\"10\">Πρότυπο</namespace>"
      "</namespaces></siteinfo>"
      "<page><title>A</title><ns>0</ns><id>1</id><revision><id>2</id><text>x</text></revision>"
      "</page></mediawiki>";
  char name[] = "/tmp/wikivet-html-XXXXXX";
  const int fd = ::mkstemp(name);
  BOOST_REQUIRE(fd >= 0);
  BOOST_REQUIRE_EQUAL(::write(fd, xml.data(), xml.size()), static_cast<ssize_t>(xml.size()));
  ::close(fd);
  OpenedInput in = open_input(name, {});
  BOOST_REQUIRE(in.stream);
  DumpReader reader(*in.stream, {});
  DumpPage p;
  BOOST_REQUIRE(reader.next(p));
  std::remove(name);
  const SiteInfo& s = reader.site_info();
  BOOST_TEST(s.sitename == "Wikipedia");
  BOOST_TEST(s.dbname == "elwiki");
  BOOST_TEST(s.base == "https://el.wikipedia.org/wiki/Πύλη:Κύρια");
  BOOST_REQUIRE_EQUAL(s.namespaces.size(), 3u);
  BOOST_TEST(s.namespaces[0].first == -2);
  BOOST_TEST(s.namespaces[0].second == "Μέσο");
  BOOST_TEST(s.namespaces[1].second == "");
  BOOST_TEST(s.namespaces[2].first == 10);
  BOOST_TEST(p.title == "A");  // the page itself is unaffected
  BOOST_TEST(p.text == "x");
}

BOOST_AUTO_TEST_CASE(page_content_is_escaped) {
  Source src("<b>.wiki", "== H ==\n{{Cite web|url=x <script>alert(1)</script>\n");
  src.title = "<img src=x onerror=alert(1)>";
  FileResult r = check_source(src, Config{});
  BOOST_REQUIRE(!r.findings.empty());
  report::HtmlReport html("page");
  SiteInfo site;
  site.base = "https://en.wikipedia.org/wiki/Main_Page";
  html.set_site(site);
  html.add(r);
  const std::string page = render(html);
  BOOST_TEST(page.find("<img") == std::string::npos);
  BOOST_TEST(page.find("<script>alert") == std::string::npos);
  BOOST_TEST(page.find("&lt;img src=x onerror=alert(1)&gt;") != std::string::npos);
  BOOST_TEST(page.find("href=\"https://en.wikipedia.org/wiki/%3Cimg_src%3Dx_onerror%3Dalert(1)%3E"
                       "?action=edit\"") != std::string::npos);
  BOOST_TEST(occurrences(page, "<script>") == 1u);  // the page's own filter script only
}

BOOST_AUTO_TEST_CASE(caps_keep_the_page_small_but_count_everything) {
  report::HtmlLimits limits;
  limits.pages_per_rule = 5;
  limits.frames_per_page = 2;
  limits.top_pages = 3;
  report::HtmlReport html("page", limits);
  // Each page has three unknown dates: three findings of one rule.
  const std::string text =
      "{| class=\"wikitable\"\n! Country !! Date\n|-\n| [[France]] || Unknown\n|-\n"
      "| [[Spain]] || Unknown\n|-\n| [[Italy]] || Unknown\n|}\n";
  std::vector<std::unique_ptr<Source>> sources;
  size_t total = 0;
  for (int i = 0; i < 12; ++i) {
    sources.push_back(std::make_unique<Source>("p" + std::to_string(i), text));
    sources.back()->title = "Page " + std::to_string(i);
    Config c;
    c.select = {"date-unknown"};
    FileResult r = check_source(*sources.back(), c);
    total += r.findings.size();
    html.add(r);
  }
  BOOST_REQUIRE_EQUAL(total, 36u);
  BOOST_TEST(html.findings() == 36u);
  const std::string page = render(html);
  BOOST_TEST(page.find("id=\"total-findings\" data-count=\"36\"") != std::string::npos);
  BOOST_TEST(occurrences(page, "<article class=\"page\">") == 5u);
  BOOST_TEST(occurrences(page, "<pre class=\"frame\">") == 10u);
  BOOST_TEST(occurrences(page, "and 1 more on this page") == 5u);
  BOOST_TEST(page.find("Showing the first 5 of 12 pages") != std::string::npos);
  BOOST_TEST(page.find("The 3 of 12 pages with findings") != std::string::npos);
  BOOST_TEST(page.find("Page 5") == std::string::npos);  // neither listed nor in the top 3
}
