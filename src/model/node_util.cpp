#include "model/node_util.hpp"

#include <algorithm>

#include "model/text_util.hpp"

namespace wikivet::model_detail {

bool is_tag(const Tree& tree, NodeId id, std::string_view name) {
  const Node& n = tree[id];
  return n.kind == NodeKind::ExtensionTag && iequals(tree.name(id), name);
}

bool is_file_link(std::string_view target) {
  target = trim(target);
  if (!target.empty() && target.front() == ':') return false;  // [[:File:x]] is a plain link
  for (std::string_view ns : {"file:", "image:", "category:", "media:"})
    if (istarts_with(target, ns)) return true;
  return false;
}

namespace {

bool is_attr_space(char c) {
  return c == ' ' || c == '\t' || c == '\n' || c == '\r';
}

// One attribute of attribute text: name and value ranges within the text.
struct AttrToken {
  size_t name_begin, name_end, value_begin, value_end;
  bool has_value;
};

// Reads attribute text the way the parser's attribute leaves do (name, optional `=` and a
// quoted or bare value), calling f(token) for each; f returns false to stop.
template <class F>
void scan_attributes(std::string_view t, F&& f) {
  size_t p = 0;
  while (p < t.size()) {
    while (p < t.size() && is_attr_space(t[p])) ++p;
    if (p >= t.size()) break;
    if (t[p] == '/' || t[p] == '=' || t[p] == '>') {
      ++p;
      continue;
    }
    AttrToken a{p, p, p, p, false};
    while (p < t.size() && !is_attr_space(t[p]) && t[p] != '=' && t[p] != '>') ++p;
    a.name_end = p;
    size_t q = p;
    while (q < t.size() && is_attr_space(t[q])) ++q;
    if (q < t.size() && t[q] == '=') {
      ++q;
      while (q < t.size() && is_attr_space(t[q])) ++q;
      a.has_value = true;
      if (q < t.size() && (t[q] == '"' || t[q] == '\'')) {
        const char quote = t[q];
        size_t r = q + 1;
        while (r < t.size() && t[r] != quote) ++r;
        a.value_begin = q + 1;
        a.value_end = r;
        p = r < t.size() ? r + 1 : t.size();
      } else {
        size_t r = q;
        while (r < t.size() && !is_attr_space(t[r]) && t[r] != '>') ++r;
        a.value_begin = q;
        a.value_end = r;
        p = r;
      }
    } else {
      a.value_begin = a.value_end = p;
    }
    if (!f(a)) return;
  }
}

// Attributes a table cell may carry; text made only of these before a template is attributes.
bool is_cell_attribute(std::string_view name) {
  for (std::string_view n :
       {"rowspan", "colspan", "style", "class", "align", "valign", "bgcolor", "width", "height",
        "scope", "id", "data-sort-value", "nowrap", "title", "headers", "abbr", "lang", "dir"})
    if (iequals(name, n)) return true;
  return false;
}

}  // namespace

std::optional<std::string_view> attribute_in(std::string_view text, std::string_view name) {
  std::optional<std::string_view> found;
  scan_attributes(text, [&](const AttrToken& a) {
    if (!iequals(text.substr(a.name_begin, a.name_end - a.name_begin), name)) return true;
    found = text.substr(a.value_begin, a.value_end - a.value_begin);
    return true;  // the last one written wins, as in MediaWiki's sanitizer
  });
  return found;
}

std::optional<std::string_view> attribute(const Tree& tree, NodeId holder, std::string_view name) {
  if (holder == kNoNode) return std::nullopt;
  std::optional<std::string_view> found;
  bool opaque = false;  // a template or comment among the attributes
  tree.for_each_child(holder, [&](NodeId c) {
    const NodeKind k = tree[c].kind;
    if (k != NodeKind::Attribute && k != NodeKind::Text) opaque = true;
    // Written twice (`colspan="2" ! colspan="1"`): MediaWiki's sanitizer keeps the last.
    if (k == NodeKind::Attribute && iequals(trim(tree.name(c)), name)) found = tree.value(c);
  });
  if (found || !opaque) return found;
  // The parser keeps such attribute text as it is: read it with every non-text child masked,
  // so that a `|` or `=` inside a template says nothing. Offsets stay those of the page.
  const Node& h = tree[holder];
  const std::string_view page = tree.text();
  std::string masked(page.substr(h.begin, h.end - h.begin));
  tree.for_each_child(holder, [&](NodeId c) {
    const Node& n = tree[c];
    if (n.kind == NodeKind::Text) return;
    for (uint32_t i = n.begin; i < n.end; ++i) masked[i - h.begin] = 'x';
  });
  scan_attributes(masked, [&](const AttrToken& a) {
    if (!iequals(std::string_view(masked).substr(a.name_begin, a.name_end - a.name_begin), name))
      return true;
    found = page.substr(h.begin + a.value_begin, a.value_end - a.value_begin);
    return true;
  });
  return found;
}

Range leading_attributes(const Tree& tree, NodeId content) {
  if (content == kNoNode) return {};
  const NodeId first = tree.first_child(content);
  if (first == kNoNode || tree[first].kind != NodeKind::Text) return {};
  const NodeId next = tree.next_sibling(first);
  if (next == kNoNode || tree[next].kind != NodeKind::Template) return {};
  const std::string_view text = tree.text(first);
  bool all = true;
  int count = 0;
  scan_attributes(text, [&](const AttrToken& a) {
    if (!a.has_value || !is_cell_attribute(text.substr(a.name_begin, a.name_end - a.name_begin)))
      return all = false;
    ++count;
    return true;
  });
  if (!all || count == 0) return {};
  return tree[first].range();
}

int span_value(std::optional<std::string_view> v, int max) {
  if (!v) return 1;
  long long n = 0;
  // Browsers read the leading digits ("2;" or "2 " still mean 2).
  std::string_view s = trim(*v);
  size_t i = 0;
  while (i < s.size() && s[i] >= '0' && s[i] <= '9' && i < 9) ++i;
  if (i == 0 || !parse_uint(s.substr(0, i), n)) return 1;
  if (n == 0) return 0;  // rowspan=0: to the end of the table
  return static_cast<int>(std::min<long long>(n, max));
}

}  // namespace wikivet::model_detail
