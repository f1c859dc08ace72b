#pragma once
// Helpers for tests: run the engine over a string, pick findings, read fixtures.
#include <fstream>
#include <iterator>
#include <sstream>
#include <string>
#include <vector>

#include "core/source.hpp"
#include "engine/config.hpp"
#include "engine/engine.hpp"
#include "input/load.hpp"

#include "model/article.hpp"

namespace wikivet {
// Printable enums for Boost.Test messages.
inline std::ostream& operator<<(std::ostream& o, ColumnRole r) {
  return o << to_string(r);
}
inline std::ostream& operator<<(std::ostream& o, DateFormat f) {
  return o << to_string(f);
}
inline std::ostream& operator<<(std::ostream& o, Severity s) {
  return o << to_string(s);
}
}  // namespace wikivet

namespace wikivet::test {

// Findings of one rule (or of all rules when rule is empty) on `text`.
inline std::vector<Finding> run(const std::string& text, const std::string& rule = "",
                                Config config = {}) {
  if (!rule.empty()) config.select = {rule};
  Source source("test.wiki", text);
  FileResult r = check_source(source, config);
  return r.findings;
}

inline std::vector<std::string> keys(const std::vector<Finding>& findings) {
  std::vector<std::string> out;
  for (const auto& f : findings) out.push_back(f.key);
  return out;
}

inline std::string read_file(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  return std::string(std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>());
}

inline std::string repo_path(const std::string& rel) {
  return std::string(WIKIVET_SOURCE_DIR) + "/" + rel;
}

// A table in the shape of a "Foreign relations of X" list: "#", "Country", "Date".
inline std::string list_table(const std::vector<std::string>& rows) {
  std::string t = "{| class=\"wikitable sortable\"\n!#\n!Country\n!Date\n";
  for (const auto& r : rows) t += "|-\n" + r + "\n";
  return t + "|}\n";
}

}  // namespace wikivet::test
