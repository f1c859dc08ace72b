#include "engine/finding.hpp"

#include <algorithm>
#include <cstdio>

namespace wikivet {

const char* to_string(Severity s) {
  switch (s) {
    case Severity::Error:
      return "error";
    case Severity::Warning:
      return "warning";
    case Severity::Info:
      return "info";
  }
  return "?";
}

const char* to_string(Category c) {
  switch (c) {
    case Category::Syntax:
      return "syntax";
    case Category::Refs:
      return "refs";
    case Category::Tables:
      return "tables";
    case Category::Dates:
      return "dates";
    case Category::Tags:
      return "tags";
    case Category::Links:
      return "links";
    case Category::Headings:
      return "headings";
    case Category::Formatting:
      return "formatting";
    case Category::Templates:
      return "templates";
    case Category::Markup:
      return "markup";
    case Category::Meta:
      return "meta";
  }
  return "?";
}

std::optional<Severity> parse_severity(std::string_view s) {
  if (s == "error") return Severity::Error;
  if (s == "warning") return Severity::Warning;
  if (s == "info") return Severity::Info;
  return std::nullopt;
}

std::optional<Category> parse_category(std::string_view s) {
  for (auto c : kAllCategories) {
    if (s == to_string(c)) return c;
  }
  return std::nullopt;
}

Location make_location(const Source& source, size_t text_begin, size_t text_end) {
  Location loc;
  loc.path = source.path();
  loc.begin = source.to_original(text_begin);
  loc.end = source.to_original(text_end);
  source.original_lines().at(loc.begin, loc.end, loc.start, loc.stop);
  return loc;
}

std::string make_snippet(const Source& source, const Location& loc) {
  constexpr size_t kMax = 200;
  std::string_view orig = source.original();
  size_t b = std::min(loc.begin, orig.size());
  size_t e = std::min(loc.end, orig.size());
  if (e - b <= kMax) return std::string(orig.substr(b, e - b));
  size_t cut = b + kMax;
  // Back off to a character boundary (never split a multi-byte sequence).
  while (cut > b && (static_cast<unsigned char>(orig[cut]) & 0xC0) == 0x80) --cut;
  return std::string(orig.substr(b, cut - b)) + "\xE2\x80\xA6";
}

std::string make_fingerprint(const std::string& rule, const std::string& key, size_t occurrence) {
  uint64_t h = 1469598103934665603ULL;
  auto mix = [&h](std::string_view s) {
    for (unsigned char c : s) {
      h ^= c;
      h *= 1099511628211ULL;
    }
    h ^= 0;
    h *= 1099511628211ULL;
  };
  mix(rule);
  mix(key);
  mix(std::to_string(occurrence));
  char buf[17];
  std::snprintf(buf, sizeof buf, "%016llx", static_cast<unsigned long long>(h));
  return buf;
}

}  // namespace wikivet
