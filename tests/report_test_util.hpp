#pragma once
// Helpers for the writer tests: findings built by hand over a Source made from a string.
#include <sstream>
#include <string>
#include <vector>

#include "core/source.hpp"
#include "engine/engine.hpp"
#include "engine/finding.hpp"
#include "report/writer.hpp"

namespace wikivet::test {

// Finding of `rule` over the first occurrence of `needle` in `source` (after `from`).
inline Finding finding_at(const Source& source, const std::string& rule, Severity sev,
                          const std::string& needle, const std::string& message,
                          const std::string& key = "k", size_t from = 0) {
  const size_t at = source.text().find(needle, from);
  if (at == std::string_view::npos) throw std::runtime_error("needle not found: " + needle);
  Finding f;
  f.rule = rule;
  f.severity = sev;
  f.category = Category::Tables;
  f.message = message;
  f.location = make_location(source, at, at + needle.size());
  f.snippet = make_snippet(source, f.location);
  f.key = key;
  f.fingerprint = make_fingerprint(rule, key, 0);
  return f;
}

inline FileResult result_of(const Source& source, std::vector<Finding> findings) {
  FileResult r;
  r.source = &source;
  r.path = source.path();
  r.findings = std::move(findings);
  return r;
}

// Runs one writer over `results` and returns what it wrote.
inline std::string render(const std::string& format, const std::vector<FileResult>& results,
                          WriterOptions options = {}) {
  std::ostringstream out;
  auto w = make_writer(format, out, options);
  if (!w) throw std::runtime_error("no writer " + format);
  w->begin();
  for (const auto& r : results) w->file(r);
  w->end();
  return out.str();
}

}  // namespace wikivet::test
