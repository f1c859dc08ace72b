#pragma once
// Tag and table-line attributes, split the way MediaWiki's Sanitizer reads them: a name
// (anything but whitespace, '/', '=', '>'), then optionally '=' and a value in double quotes,
// single quotes, or bare up to whitespace. An unterminated quote runs to the end. Whatever is
// not an attribute (a stray '/', '=', ...) stays Text.
#include <string_view>

#include "parse/builder.hpp"

namespace wikivet::parse_detail {

// Appends Attribute leaves (and Text leaves for the rest) covering [begin, end) to `parent`.
void add_attributes(Builder& b, std::string_view text, NodeId parent, uint32_t begin, uint32_t end);

}  // namespace wikivet::parse_detail
