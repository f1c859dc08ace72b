#include "core/display_text.hpp"

#include "core/source.hpp"

namespace wikivet {

namespace {

const char* const kReplacement = "\xEF\xBF\xBD";

char32_t decode(std::string_view s, size_t i, size_t len) {
  const auto b = [&](size_t k) {
    return static_cast<char32_t>(static_cast<unsigned char>(s[i + k]));
  };
  switch (len) {
    case 2:
      return (b(0) & 0x1F) << 6 | (b(1) & 0x3F);
    case 3:
      return (b(0) & 0x0F) << 12 | (b(1) & 0x3F) << 6 | (b(2) & 0x3F);
    default:
      return (b(0) & 0x07) << 18 | (b(1) & 0x3F) << 12 | (b(2) & 0x3F) << 6 | (b(3) & 0x3F);
  }
}

bool unsafe_code_point(char32_t cp) {
  return (cp >= 0x80 && cp <= 0x9F) || cp == 0x061C || cp == 0x200E || cp == 0x200F ||
         (cp >= 0x202A && cp <= 0x202E) || (cp >= 0x2066 && cp <= 0x2069);
}

bool printable_ascii(unsigned char b) {
  return (b >= 0x20 && b < 0x7F) || b == '\t';
}

}  // namespace

size_t unsafe_display_length(std::string_view s, size_t i) {
  const auto b0 = static_cast<unsigned char>(s[i]);
  if (b0 < 0x80) return (b0 < 0x20 && b0 != '\t') || b0 == 0x7F ? 1 : 0;
  const size_t len = utf8_sequence_length(s, i);
  if (len == 1) return 1;  // ill-formed
  return unsafe_code_point(decode(s, i, len)) ? len : 0;
}

std::string display_safe(std::string_view s) {
  std::string out;
  out.reserve(s.size());
  for (size_t i = 0; i < s.size();) {
    // Printable ASCII (and tab) is safe: copied a run at a time, as paths and messages are
    // mostly that and a character-by-character copy was most of the text reporter's cost.
    size_t run = i;
    while (run < s.size() && printable_ascii(static_cast<unsigned char>(s[run]))) ++run;
    if (run > i) {
      out.append(s.substr(i, run - i));
      i = run;
      continue;
    }
    if (const size_t bad = unsafe_display_length(s, i)) {
      out += kReplacement;
      i += bad;
      continue;
    }
    const auto b = static_cast<unsigned char>(s[i]);
    const size_t len = b < 0x80 ? 1 : utf8_sequence_length(s, i);
    out.append(s.substr(i, len));
    i += len;
  }
  return out;
}

std::string quote_short(std::string_view s, size_t max_chars) {
  size_t end = 0;
  for (size_t n = 0; end < s.size() && n < max_chars; ++n) {
    const auto b = static_cast<unsigned char>(s[end]);
    end += b < 0x80 ? 1 : utf8_sequence_length(s, end);
  }
  std::string out = "'" + display_safe(s.substr(0, end));
  if (end < s.size()) return out + "\xE2\x80\xA6' (" + std::to_string(s.size()) + " bytes)";
  return out + "'";
}

}  // namespace wikivet
