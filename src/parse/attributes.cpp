#include "parse/attributes.hpp"

#include "parse/scan.hpp"

namespace wikivet::parse_detail {
namespace {
// Sanitizer's attribute whitespace: tab, LF, FF, CR, space.
bool is_attr_space(char c) {
  return c == ' ' || c == '\t' || c == '\n' || c == '\f' || c == '\r';
}
}  // namespace

void add_attributes(Builder& b, std::string_view t, NodeId parent, uint32_t begin, uint32_t end) {
  uint32_t junk = begin;  // start of bytes not yet covered by a leaf
  uint32_t p = begin;
  while (p < end) {
    const uint32_t ws = p;
    while (p < end && is_attr_space(t[p])) ++p;
    if (p >= end) break;
    const char c = t[p];
    if (c == '/' || c == '=' || c == '>') {
      ++p;  // not an attribute name: stays in the pending Text
      continue;
    }
    const uint32_t name_begin = p;
    while (p < end && !is_attr_space(t[p]) && t[p] != '=' && t[p] != '>') ++p;
    const uint32_t name_end = p;
    Range value{p, p};
    uint32_t q = p;
    while (q < end && is_attr_space(t[q])) ++q;
    if (q < end && t[q] == '=') {
      ++q;
      while (q < end && is_attr_space(t[q])) ++q;
      if (q < end && (t[q] == '"' || t[q] == '\'')) {
        const char quote = t[q];
        uint32_t r = q + 1;
        while (r < end && t[r] != quote) ++r;
        value = {q + 1, r};
        p = r < end ? r + 1 : end;
      } else {
        uint32_t r = q;
        while (r < end && !is_attr_space(t[r]) && t[r] != '>') ++r;
        value = {q, r};
        p = r;
      }
    }
    if (junk < ws) b.add_child(parent, NodeKind::Text, junk, ws);
    const NodeId a = b.add_child(parent, NodeKind::Attribute, ws, p);
    b.set_name(a, {name_begin, name_end});
    b.set_value(a, value);
    junk = p;
  }
  if (junk < end) b.add_child(parent, NodeKind::Text, junk, end);
}

}  // namespace wikivet::parse_detail
