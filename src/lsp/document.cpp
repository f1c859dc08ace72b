#include "lsp/document.hpp"

#include <algorithm>

#include "lsp/positions.hpp"

namespace wikivet::lsp {

namespace {

Position get_position(const json::object& o, std::string_view key) {
  const json::object& p = get_object(o, key);
  const int64_t line = get_int(p, "line"), character = get_int(p, "character");
  if (line < 0 || character < 0) throw InvalidParams{"negative position"};
  auto clamp = [](int64_t v) { return static_cast<uint32_t>(std::min<int64_t>(v, UINT32_MAX)); };
  return {clamp(line), clamp(character)};
}

}  // namespace

void apply_content_changes(std::string& text, const json::array& changes) {
  // Work on a copy, so that a bad entry in the middle leaves the document as it was.
  std::string out = text;
  for (const json::value& v : changes) {
    const json::object& change = get_object(v, "a content change");
    const std::string_view replacement = get_string(change, "text");
    if (const json::object* range = find_object(change, "range")) {
      size_t begin = byte_offset(out, get_position(*range, "start"));
      size_t end = byte_offset(out, get_position(*range, "end"));
      if (end < begin) std::swap(begin, end);
      out.replace(begin, end - begin, replacement);
    } else if (change.contains("range")) {
      throw InvalidParams{"range must be an object"};
    } else {
      out.assign(replacement);
    }
  }
  text = std::move(out);
}

}  // namespace wikivet::lsp
