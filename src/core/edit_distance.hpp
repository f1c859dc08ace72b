#pragma once
// Levenshtein distance over bytes, for "did you mean" suggestions (rule ids, option names,
// profile names: all ASCII, so bytes are characters). Callers bound the length of what they
// compare; the cost is a.size() x b.size().
#include <cstddef>
#include <string_view>

namespace wikivet {

size_t edit_distance(std::string_view a, std::string_view b);

}  // namespace wikivet
