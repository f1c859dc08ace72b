#include "input/edit_page_scan.hpp"

#include <array>
#include <string>

namespace wikivet {

namespace {

// Extension tags whose content MediaWiki does not read as ordinary wikitext lines, or reads
// separately (ref). Their inner bytes never carry line structure we restore.
constexpr auto kExtTags = std::to_array<std::string_view>(
    {"ref",      "references", "nowiki",          "pre",       "math",       "chem",
     "ce",       "gallery",    "syntaxhighlight", "source",    "poem",       "score",
     "timeline", "graph",      "templatedata",    "imagemap",  "hiero",      "inputbox",
     "mapframe", "maplink",    "categorytree",    "indicator", "charinsert", "code"});
// "code" is an HTML tag, not an extension tag, but program text inside it often holds "==",
// "||" or " * "; treating it as opaque only suppresses line breaks inside it.

char lower(char c) {
  return (c >= 'A' && c <= 'Z') ? static_cast<char>(c - 'A' + 'a') : c;
}

bool is_space(char c) {
  return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f';
}

constexpr size_t kNone = static_cast<size_t>(-1);

// Forward searches whose answers are cached so that repeated searches for the same needle from
// increasing positions cost linear time in total, even with thousands of unclosed tags.
struct CachedFind {
  size_t from = 0;       // the search that produced `found` started here
  size_t found = kNone;  // kNone: no occurrence at or after `from`
  bool valid = false;
};

}  // namespace

bool starts_with_icase(std::string_view text, size_t i, std::string_view word) {
  if (i > text.size() || text.size() - i < word.size()) return false;
  for (size_t k = 0; k < word.size(); ++k) {
    if (lower(text[i + k]) != lower(word[k])) return false;
  }
  return true;
}

std::vector<Span> outer_spans(std::string_view text) {
  const size_t n = text.size();
  std::vector<Span> out;
  auto record = [&](size_t b, size_t e, SpanKind kind) {
    while (!out.empty() && out.back().begin >= b) out.pop_back();  // nested in the new span
    out.push_back({b, e, kind});
  };

  struct Open {
    size_t pos;
    bool curly;
  };
  std::vector<Open> stack;
  size_t open_curly = 0, open_square = 0;

  CachedFind next_gt, next_comment_end;
  std::array<CachedFind, kExtTags.size()> next_close{};

  // First position >= i where `pred` holds, via cache `c`.
  auto find_from = [&](CachedFind& c, size_t i, auto&& at) -> size_t {
    if (c.valid && c.from <= i && (c.found == kNone || c.found >= i)) return c.found;
    c.valid = true;
    c.from = i;
    c.found = kNone;
    for (size_t j = i; j < n; ++j) {
      if (at(j)) {
        c.found = j;
        break;
      }
    }
    return c.found;
  };

  size_t i = 0;
  while (i < n) {
    const char c = text[i];
    if (c == '<') {
      if (text.substr(i, 4) == "<!--") {
        const size_t e = find_from(next_comment_end, i + 4,
                                   [&](size_t j) { return text.substr(j, 3) == "-->"; });
        const size_t end = e == kNone ? n : e + 3;
        record(i, end, SpanKind::Comment);
        i = end;
        continue;
      }
      bool matched = false;
      for (size_t t = 0; t < kExtTags.size() && !matched; ++t) {
        const std::string_view name = kExtTags[t];
        if (!starts_with_icase(text, i + 1, name)) continue;
        const size_t after = i + 1 + name.size();
        if (after < n && !is_space(text[after]) && text[after] != '>' && text[after] != '/')
          continue;
        const size_t gt = find_from(next_gt, after, [&](size_t j) { return text[j] == '>'; });
        if (gt == kNone) break;
        matched = true;
        if (text[gt - 1] == '/') {
          record(i, gt + 1, SpanKind::ExtTag);
          i = gt + 1;
          break;
        }
        // The first "</name" followed by optional spaces and '>'.
        size_t close_end = kNone;
        size_t from = gt + 1;
        while (true) {
          const size_t cl = find_from(next_close[t], from, [&](size_t j) {
            return text[j] == '<' && j + 1 < n && text[j + 1] == '/' &&
                   starts_with_icase(text, j + 2, name);
          });
          if (cl == kNone) break;
          size_t k = cl + 2 + name.size();
          while (k < n && is_space(text[k])) ++k;
          if (k < n && text[k] == '>') {
            close_end = k + 1;
            break;
          }
          from = cl + 1;
        }
        if (close_end == kNone) {
          i = after;  // no close tag: the opening tag is plain text
        } else {
          record(i, close_end, SpanKind::ExtTag);
          i = close_end;
        }
      }
      if (!matched) ++i;
      continue;
    }
    if ((c == '{' || c == '[') && i + 1 < n && text[i + 1] == c) {
      const bool curly = c == '{';
      stack.push_back({i, curly});
      ++(curly ? open_curly : open_square);
      i += 2;
      continue;
    }
    if ((c == '}' || c == ']') && i + 1 < n && text[i + 1] == c) {
      const bool curly = c == '}';
      if ((curly ? open_curly : open_square) == 0) {
        i += 2;
        continue;
      }
      while (stack.back().curly != curly) {  // drop unmatched openers of the other kind
        --(stack.back().curly ? open_curly : open_square);
        stack.pop_back();
      }
      const size_t b = stack.back().pos;
      stack.pop_back();
      --(curly ? open_curly : open_square);
      record(b, i + 2, curly ? SpanKind::Template : SpanKind::Link);
      i += 2;
      continue;
    }
    ++i;
  }
  return out;
}

}  // namespace wikivet
