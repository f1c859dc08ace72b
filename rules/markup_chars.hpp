#pragma once
// What the markup-* character rules share: naming a code point in a message and a key.
#include <string>

namespace wikivet {

// "U+00AD".
std::string code_point_name(char32_t cp);

}  // namespace wikivet
