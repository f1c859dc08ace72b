#include "rules/markup_chars.hpp"

#include <cstdio>

namespace wikivet {

std::string code_point_name(char32_t cp) {
  char buf[16];
  std::snprintf(buf, sizeof buf, "U+%04X", static_cast<unsigned>(cp));
  return buf;
}

}  // namespace wikivet
