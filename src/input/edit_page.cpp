// PLACEHOLDER: replaced by the edit-page adapter.
#include "input/edit_page.hpp"

namespace wikivet {
std::optional<EditPageText> extract_edit_page(std::string_view) { return std::nullopt; }
}  // namespace wikivet
