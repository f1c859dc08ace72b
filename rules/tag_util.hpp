#pragma once
// What the tags-family rules share: the key of a tag finding and the tag's display form.
#include <string>

#include "model/article.hpp"

namespace wikivet {

// The tag's text plus what follows it (up to 40 characters from its start): it stays the same
// when lines move above it.
std::string tag_key(const Article& article, Range range);
// "<small>" for a tag named small.
std::string angle(std::string_view name);

}  // namespace wikivet
