#include "rules/tag_util.hpp"

#include <algorithm>

namespace wikivet {

std::string tag_key(const Article& article, Range range) {
  const std::string_view text = article.text();
  const size_t end = std::min<size_t>(text.size(), std::max<size_t>(range.end, range.begin + 40));
  return std::string(text.substr(range.begin, end - range.begin));
}

std::string angle(std::string_view name) {
  return "<" + std::string(name) + ">";
}

}  // namespace wikivet
