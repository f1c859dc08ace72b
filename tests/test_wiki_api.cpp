// The pieces of `check --wiki` that need no server: where api.php is, how values are encoded in
// a query string, and the file names --save gives titles. (The conversation with a wiki is
// tested against a local Action API in tests/cli/wiki_fetch.sh.)
#define BOOST_TEST_MODULE wiki_api
#include <boost/test/unit_test.hpp>
#include <string>

#include "cli/wiki_inputs.hpp"
#include "wiki/action_api.hpp"
#include "wiki/http_client.hpp"

using namespace wikivet;

BOOST_AUTO_TEST_CASE(endpoint_from_the_wiki_address) {
  std::string e;
  BOOST_TEST(wiki::ActionApi::endpoint_of("https://en.wikipedia.org", e) ==
             "https://en.wikipedia.org/w/api.php");
  BOOST_TEST(wiki::ActionApi::endpoint_of("https://en.wikipedia.org/", e) ==
             "https://en.wikipedia.org/w/api.php");
  BOOST_TEST(wiki::ActionApi::endpoint_of("https://en.wikipedia.org/wiki", e) ==
             "https://en.wikipedia.org/w/api.php");
  BOOST_TEST(wiki::ActionApi::endpoint_of("https://en.wikipedia.org/w", e) ==
             "https://en.wikipedia.org/w/api.php");
  BOOST_TEST(wiki::ActionApi::endpoint_of("http://wiki.example.org/mw/api.php", e) ==
             "http://wiki.example.org/mw/api.php");
  BOOST_TEST(e.empty());
  BOOST_TEST(wiki::ActionApi::endpoint_of("en.wikipedia.org", e).empty());
  BOOST_TEST(!e.empty());
  e.clear();
  BOOST_TEST(wiki::ActionApi::endpoint_of("file:///etc/passwd", e).empty());
  BOOST_TEST(wiki::ActionApi::endpoint_of("https://x.org/w/api.php?action=edit", e).empty());
}

BOOST_AUTO_TEST_CASE(query_values_are_percent_encoded) {
  BOOST_TEST(wiki::url_encode("Foreign relations of Mali|Côte d'Ivoire") ==
             "Foreign%20relations%20of%20Mali%7CC%C3%B4te%20d%27Ivoire");
  BOOST_TEST(wiki::url_encode("a&b=c#d") == "a%26b%3Dc%23d");
  BOOST_TEST(wiki::url_encode("safe-_.~") == "safe-_.~");
}

BOOST_AUTO_TEST_CASE(user_agent_names_wikivet_and_where_to_find_it) {
  const std::string ua = wiki::default_user_agent();
  BOOST_TEST(ua.rfind("wikivet/", 0) == 0u);
  BOOST_TEST(ua.find("https://") != std::string::npos);
  BOOST_TEST(ua.find("libcurl/") != std::string::npos);
}

BOOST_AUTO_TEST_CASE(saved_names_stay_inside_the_folder) {
  BOOST_TEST(cli::saved_name("Foreign relations of Mali", 5, false) ==
             "Foreign_relations_of_Mali.wiki");
  BOOST_TEST(cli::saved_name("AC/DC", 7, true) == "AC%2FDC@7.wiki");
  BOOST_TEST(cli::saved_name("../etc/passwd", 0, false) == "%2E.%2Fetc%2Fpasswd.wiki");
  BOOST_TEST(cli::saved_name("100% Pure", 0, false) == "100%25_Pure.wiki");
  // A long multibyte title is cut on a character boundary, below NAME_MAX.
  std::string long_title;
  for (int i = 0; i < 120; ++i) long_title += "অ";  // 3 bytes each
  const std::string name = cli::saved_name(long_title, 0, false);
  BOOST_TEST(name.size() <= 205u);
  BOOST_TEST((name.size() - 5) % 3 == 0u);
}
