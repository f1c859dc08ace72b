#pragma once
// The texts of rules/data/profiles/*.tsv, compiled into the binary: the generated sources come
// from cmake/embed_text.cmake and the index from the profiles block at the end of CMakeLists.txt.
// Read by profile.cpp.
#include <string_view>
#include <utility>
#include <vector>

namespace wikivet::data {
// (file name without .tsv, file text) for every profile file, sorted by name.
const std::vector<std::pair<std::string_view, std::string_view>>& profile_files();
}  // namespace wikivet::data
