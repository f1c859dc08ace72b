#define BOOST_TEST_MODULE anchors
#include <boost/test/unit_test.hpp>
#include <set>
#include <string>

#include "engine/anchors.hpp"
#include "engine/config.hpp"
#include "engine/config_file.hpp"
#include "engine/rule.hpp"

using namespace wikivet;

namespace {

const RuleMeta kTagRule{"tag-example",
                        Category::Tags,
                        Severity::Warning,
                        "s",
                        "",
                        false,
                        "checkwiki:2 linter:missing-end-tag WikiLint:unmatched-tag"};
const RuleMeta kPlain{"plain-example", Category::Tags, Severity::Warning, "s", "", false};

}  // namespace

BOOST_AUTO_TEST_CASE(anchors_are_read_in_order_with_the_tool_spelled_canonically) {
  const auto a = anchors_of(kTagRule);
  BOOST_TEST_REQUIRE(a.size() == 3u);
  BOOST_TEST(a[0].tool == "checkwiki");
  BOOST_TEST(a[0].id == "2");
  BOOST_TEST(a[2].tool == "wikilint");
  BOOST_TEST(anchor_label(a[0]) == "CheckWiki #2");
  BOOST_TEST(anchor_label(a[1]) == "Linter missing-end-tag");
  BOOST_TEST(anchors_of(kPlain).empty());
}

BOOST_AUTO_TEST_CASE(select_by_another_checkers_id) {
  Config c;
  c.select = {"checkwiki:2"};
  BOOST_TEST(c.enabled(kTagRule));
  BOOST_TEST(!c.enabled(kPlain));
  c.select = {"CheckWiki:2"};
  BOOST_TEST(c.enabled(kTagRule));
  c.select = {"checkwiki:20"};  // a number that merely starts the same
  BOOST_TEST(!c.enabled(kTagRule));
  c.select = {};
  c.ignore = {"linter:missing-end-tag"};
  BOOST_TEST(!c.enabled(kTagRule));
  BOOST_TEST(c.enabled(kPlain));
}

BOOST_AUTO_TEST_CASE(selectors_naming_no_rule_are_errors) {
  BOOST_TEST(check_rule_name("checkwiki:99999", registry_rules()).find("no rule corresponds") !=
             std::string::npos);
  BOOST_TEST(check_rule_name("nosuchtool:2", registry_rules()).find("unknown rule") !=
             std::string::npos);
}

// Every registered rule's anchors are well formed: each word names a known tool and an id, no
// word is repeated, and each selects its own rule.
BOOST_AUTO_TEST_CASE(registered_rules_anchors_are_well_formed) {
  for (const auto& r : all_rules()) {
    const RuleMeta& m = r->meta();
    size_t words = 0;
    std::string_view rest = m.anchors;
    while (!rest.empty()) {
      const size_t start = rest.find_first_not_of(' ');
      if (start == std::string_view::npos) break;
      rest.remove_prefix(start);
      const size_t end = std::min(rest.find(' '), rest.size());
      const std::string word(rest.substr(0, end));
      BOOST_TEST(is_anchor_selector(word), m.id << ": bad anchor '" << word << "'");
      BOOST_TEST(selects_anchor(word, m), m.id << ": '" << word << "' does not select it");
      BOOST_TEST(check_rule_name(word, registry_rules()).empty(), word);
      rest.remove_prefix(end);
      ++words;
    }
    const auto a = anchors_of(m);
    BOOST_TEST(a.size() == words, m.id);
    std::set<std::pair<std::string_view, std::string_view>> seen;
    for (const Anchor& x : a) BOOST_TEST(seen.insert({x.tool, x.id}).second, m.id << " repeats");
  }
}
