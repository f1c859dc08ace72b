// The edit-page adapter: detection (edit_page_detect), then line-structure restoration
// (edit_page_restore) of the one flattened wikitext line.
#include "input/edit_page.hpp"

#include "input/edit_page_detect.hpp"
#include "input/edit_page_restore.hpp"

namespace wikivet {

std::optional<EditPageText> extract_edit_page(std::string_view bytes) {
  const auto range = find_edit_page_wikitext(bytes);
  if (!range) return std::nullopt;
  EditPageText page;
  page.begin = range->begin;
  page.text.assign(bytes.substr(range->begin, range->end - range->begin));
  restore_line_breaks(page.text);
  return page;
}

}  // namespace wikivet
