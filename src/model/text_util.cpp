#include "model/text_util.hpp"

#include <array>

#include "core/source.hpp"

namespace wikivet {

bool is_space(char c) {
  return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f';
}

std::string_view trim(std::string_view s) {
  while (!s.empty() && is_space(s.front())) s.remove_prefix(1);
  while (!s.empty() && is_space(s.back())) s.remove_suffix(1);
  return s;
}

std::string to_lower(std::string_view s) {
  std::string r(s);
  for (char& c : r)
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
  return r;
}

namespace {

// The small letter of a capital of the scripts fold_case knows, else cp.
char32_t lower_code_point(char32_t c) {
  if (c < 0x80) return (c >= 'A' && c <= 'Z') ? c + 0x20 : c;
  if (c >= 0xC0 && c <= 0xDE && c != 0xD7) return c + 0x20;  // Latin-1: À..Þ but ×
  if (c >= 0x100 && c <= 0x17F) {
    // Latin Extended-A pairs capitals and small letters even/odd, with two stretches where the
    // capital is the odd one (Ĺ..Ň, Ź..Ž) and İ, ı, ĸ, ŉ, ſ standing alone.
    if (c == 0x130 || c == 0x131 || c == 0x138 || c == 0x149 || c == 0x17F) return c;
    if (c == 0x178) return 0xFF;  // Ÿ
    if ((c >= 0x139 && c <= 0x148) || (c >= 0x179 && c <= 0x17E)) return c % 2 ? c + 1 : c;
    return c % 2 ? c : c + 1;
  }
  if (c >= 0x1E00 && c <= 0x1EFF) return c % 2 ? c : c + 1;  // Latin Extended Additional (vi)
  if (c == 0x386) return 0x3AC;                              // Greek with tonos
  if (c >= 0x388 && c <= 0x38A) return c + 0x25;
  if (c == 0x38C) return 0x3CC;
  if (c == 0x38E || c == 0x38F) return c + 0x3F;
  if (c >= 0x391 && c <= 0x3AB && c != 0x3A2) return c + 0x20;   // Greek
  if (c == 0x3C2) return 0x3C3;                                  // final sigma compares as sigma
  if (c >= 0x400 && c <= 0x40F) return c + 0x50;                 // Cyrillic Ѐ..Џ (Є, І, Ї, Ў)
  if (c >= 0x410 && c <= 0x42F) return c + 0x20;                 // Cyrillic А..Я
  if ((c >= 0x460 && c <= 0x481) || (c >= 0x48A && c <= 0x4BF))  // Ѡ..Ҿ pairs (Ґ); not ҂..҉
    return c % 2 ? c : c + 1;
  if (c >= 0x531 && c <= 0x556) return c + 0x30;  // Armenian
  return c;
}

}  // namespace

void append_utf8(std::string& out, char32_t cp) {
  if (cp < 0x80) {
    out.push_back(static_cast<char>(cp));
  } else if (cp < 0x800) {
    out.push_back(static_cast<char>(0xC0 | (cp >> 6)));
    out.push_back(static_cast<char>(0x80 | (cp & 0x3F)));
  } else if (cp < 0x10000) {
    out.push_back(static_cast<char>(0xE0 | (cp >> 12)));
    out.push_back(static_cast<char>(0x80 | ((cp >> 6) & 0x3F)));
    out.push_back(static_cast<char>(0x80 | (cp & 0x3F)));
  } else {
    out.push_back(static_cast<char>(0xF0 | (cp >> 18)));
    out.push_back(static_cast<char>(0x80 | ((cp >> 12) & 0x3F)));
    out.push_back(static_cast<char>(0x80 | ((cp >> 6) & 0x3F)));
    out.push_back(static_cast<char>(0x80 | (cp & 0x3F)));
  }
}

size_t utf8_length(unsigned char lead) {
  if (lead < 0x80) return 1;
  if ((lead & 0xE0) == 0xC0) return 2;
  if ((lead & 0xF0) == 0xE0) return 3;
  if ((lead & 0xF8) == 0xF0) return 4;
  return 1;
}

char32_t utf8_decode(std::string_view s, size_t i, size_t length) {
  if (i + length > s.size()) return 0xFFFD;
  const auto b = [&](size_t k) { return static_cast<unsigned char>(s[i + k]); };
  if (length == 1) return b(0) < 0x80 ? b(0) : 0xFFFD;
  char32_t c = b(0) & (0x7F >> length);
  for (size_t k = 1; k < length; ++k) {
    if ((b(k) & 0xC0) != 0x80) return 0xFFFD;
    c = (c << 6) | (b(k) & 0x3F);
  }
  return c;
}

std::string_view utf8_prefix(std::string_view s, size_t max_chars) {
  size_t i = 0;
  for (size_t n = 0; n < max_chars && i < s.size(); ++n) i += utf8_sequence_length(s, i);
  return s.substr(0, i);
}

std::string fold_case(std::string_view s) {
  std::string out;
  out.reserve(s.size());
  for (size_t i = 0; i < s.size();) {
    const size_t n = utf8_length(static_cast<unsigned char>(s[i]));
    const char32_t c = utf8_decode(s, i, n);
    if (c == 0xFFFD) {  // malformed bytes (and U+FFFD itself) are copied as they are
      out.push_back(s[i]);
      ++i;
      continue;
    }
    const char32_t f = lower_code_point(c);
    if (f == c)
      out.append(s.substr(i, n));
    else
      append_utf8(out, f);
    i += n;
  }
  return out;
}

bool iequals(std::string_view a, std::string_view b) {
  if (a.size() != b.size()) return false;
  for (size_t i = 0; i < a.size(); ++i) {
    char x = a[i], y = b[i];
    if (x >= 'A' && x <= 'Z') x = static_cast<char>(x - 'A' + 'a');
    if (y >= 'A' && y <= 'Z') y = static_cast<char>(y - 'A' + 'a');
    if (x != y) return false;
  }
  return true;
}

bool istarts_with(std::string_view s, std::string_view prefix) {
  return s.size() >= prefix.size() && iequals(s.substr(0, prefix.size()), prefix);
}

namespace {

// Bytes that fold_spaces looks at: white space, and 0xC2, the first byte of a no-break space.
constexpr std::array<bool, 256> kFoldSpecial = [] {
  std::array<bool, 256> t{};
  for (const unsigned char c : {' ', '\t', '\n', '\r', '\f'}) t[c] = true;
  t[0xC2] = true;
  return t;
}();

// Folds s[0, n) into out (which may be s itself: the output is never longer than what it has
// read, so writing never overtakes reading); returns the folded length. Runs of other bytes
// are stepped over as runs, and not copied at all while folding in place has changed nothing
// yet (most text is folded already): every cell's text, and every link's in it, passes here.
size_t fold_spaces_to(const char* s, size_t n, char* out) {
  char* o = out;
  bool pending_space = false;
  size_t i = 0;
  while (i < n) {
    const unsigned char c = static_cast<unsigned char>(s[i]);
    const bool nbsp = c == 0xC2 && i + 1 < n && static_cast<unsigned char>(s[i + 1]) == 0xA0;
    if (nbsp || (kFoldSpecial[c] && c != 0xC2)) {
      i += nbsp ? 2 : 1;
      pending_space = o != out;
      continue;
    }
    if (pending_space) *o++ = ' ';
    pending_space = false;
    // A run of bytes that stay as they are (a 0xC2 that starts another character is one).
    size_t j = i + 1;
    while (j < n && !kFoldSpecial[static_cast<unsigned char>(s[j])]) ++j;
    if (o == s + i) {
      o += j - i;
    } else {
      for (size_t k = i; k < j; ++k) *o++ = s[k];
    }
    i = j;
  }
  return static_cast<size_t>(o - out);
}

}  // namespace

std::string fold_spaces(std::string_view s) {
  // Written through a pointer into a buffer of the input's size (the output is never longer):
  // plain text of every table cell passes through here, and push_back per byte showed.
  std::string out(s.size(), '\0');
  out.resize(fold_spaces_to(s.data(), s.size(), out.data()));
  return out;
}

void fold_spaces_in_place(std::string& s, size_t from) {
  if (from >= s.size()) return;
  char* const begin = s.data() + from;
  s.resize(from + fold_spaces_to(begin, s.size() - from, begin));
}

bool parse_uint(std::string_view s, long long& out) {
  s = trim(s);
  if (s.empty() || s.size() > 15) return false;
  long long v = 0;
  for (char c : s) {
    if (c < '0' || c > '9') return false;
    v = v * 10 + (c - '0');
  }
  out = v;
  return true;
}

}  // namespace wikivet
