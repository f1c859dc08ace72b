#pragma once
// Runs the rules over one source: parse -> model -> rules -> findings -> filters.
#include <string>
#include <vector>

#include "core/source.hpp"
#include "engine/config.hpp"
#include "engine/finding.hpp"

namespace wikivet {

struct FileResult {
  const Source* source = nullptr;  // valid while the caller keeps the Source
  std::string path;
  std::vector<Finding> findings;  // in document order
};

// Checks one source with every enabled rule. Findings are sorted by position; inline
// suppressions are applied (suppressed findings are dropped unless config.show_suppressed, in
// which case they are kept with suppressed = true). Never throws on any input.
FileResult check_source(const Source& source, const Config& config);

}  // namespace wikivet
