#pragma once
// Recognising an edit-page scrape and finding the line that holds the flattened wikitext.
#include <cstddef>
#include <optional>
#include <string_view>

namespace wikivet {

struct ByteRange {
  size_t begin = 0;
  size_t end = 0;
};

// The rule (all must hold; see edit_page_detect.cpp for the marker lists):
// 1. Page chrome: at least 3 distinct lines that, trimmed, equal a known edit-page chrome
//    label ("Jump to content", "Editing", "View history", "Summary:", "Cancel", "Templates used
//    on this page:", ...; English, German and French), at least one of them specific to the
//    edit form ("Editing", "Editing <title>", "Summary:", "Cancel", "Templates used on this
//    page:", "Editing help", "Show preview", ...), and at least one before the wikitext line.
// 2. The wikitext line: the line with the most wikitext markers ("{{", "[[", "<ref", "{|",
//    "==", "'''"), ties going to the longer line; it must show at least 2 different kinds of
//    marker and be at least 40 bytes long.
// 3. It is the only wikitext: at most 2 other lines contain "{{", "[[", "<ref" or "{|". A real
//    wikitext file has its markup spread over many lines, so it never passes this test.
// Returns the wikitext line's bytes: the whole line without its '\n' and without a trailing
// '\r'; trailing spaces are kept, so every text offset maps to one file offset.
std::optional<ByteRange> find_edit_page_wikitext(std::string_view bytes);

}  // namespace wikivet
