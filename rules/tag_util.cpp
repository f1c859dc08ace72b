#include "rules/tag_util.hpp"

#include <algorithm>

#include "model/text_util.hpp"

namespace wikivet {

std::string tag_key(const Article& article, Range range) {
  const std::string_view text = article.text();
  const size_t end =
      std::max<size_t>(range.end, range.begin + utf8_prefix(text.substr(range.begin), 40).size());
  return std::string(text.substr(range.begin, end - range.begin));
}

std::string angle(std::string_view name) {
  return "<" + std::string(name) + ">";
}

}  // namespace wikivet
