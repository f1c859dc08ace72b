#pragma once
// Helpers for tests: run the engine over a string, pick findings, read fixtures.
#include <stdlib.h>

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <sstream>
#include <stdexcept>
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

// A fresh folder per test, removed afterwards.
struct TempDir {
  std::filesystem::path dir;
  TempDir() {
    std::string t = (std::filesystem::temp_directory_path() / "wikivet-test-XXXXXX").string();
    if (::mkdtemp(t.data()) == nullptr) throw std::runtime_error("mkdtemp failed");
    dir = t;
  }
  TempDir(const TempDir&) = delete;
  TempDir& operator=(const TempDir&) = delete;
  ~TempDir() {
    std::error_code ec;
    std::filesystem::remove_all(dir, ec);
  }
  std::string path(const std::string& name) const { return (dir / name).string(); }
  // Writes `text` to `name` (creating folders) and returns its path.
  std::string file(const std::string& name, const std::string& text) const {
    std::filesystem::create_directories((dir / name).parent_path());
    const std::string p = path(name);
    std::ofstream(p, std::ios::binary) << text;
    return p;
  }
  // Runs a shell command inside the folder, quietly; returns its status.
  int sh(const std::string& cmd) const {
    const std::string full = "cd '" + dir.string() + "' && " + cmd + " >/dev/null 2>&1";
    return std::system(full.c_str());
  }
};

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
