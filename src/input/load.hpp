#pragma once
// Reading inputs: a path or "-" (standard input) to a Source, recognising adapted formats
// (the edit-page scrape) on the way.
#include <optional>
#include <string>

#include "core/source.hpp"

namespace wikivet {

struct LoadResult {
  std::optional<Source> source;
  std::string error;  // one line, set when source is empty: "cannot read 'x': No such file"
};

// Reads `path` ("-" is standard input) and detects its kind. Never throws.
LoadResult load_source(const std::string& path);

// Makes a Source from bytes already in memory (tests, dumps), detecting its kind.
Source make_source(std::string path, std::string bytes);

}  // namespace wikivet
