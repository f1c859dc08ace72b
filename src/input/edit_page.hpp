#pragma once
// The edit-page scrape: the text of a MediaWiki edit page as a browser shows it, with the page
// chrome around the wikitext and every newline of the wikitext turned into a space. This
// adapter finds the wikitext and restores its line structure by turning back into '\n' the
// spaces that stood for line breaks (one byte for one byte), so that every offset of the
// restored text is an offset of the original file plus a constant.
#include <optional>
#include <string>
#include <string_view>

namespace wikivet {

struct EditPageText {
  size_t begin = 0;  // where the wikitext starts in the original bytes
  std::string text;  // original[begin, begin + text.size()) with some ' ' turned into '\n'
};

// Returns nullopt when `bytes` does not look like an edit-page scrape.
std::optional<EditPageText> extract_edit_page(std::string_view bytes);

}  // namespace wikivet
