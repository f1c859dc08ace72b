#pragma once
// The text of rules/data/countries.tsv, compiled into the binary: the generated source comes
// from cmake/embed_text.cmake (see the end of CMakeLists.txt). Read by entity.cpp.
#include <string_view>

namespace wikivet::data {
extern const std::string_view kCountriesTsv;
}  // namespace wikivet::data
