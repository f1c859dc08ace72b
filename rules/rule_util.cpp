#include "rules/rule_util.hpp"

#include <algorithm>

#include "model/text_util.hpp"

namespace wikivet {

std::string row_name(const Table& t, int row) {
  const TableRow& r = t.rows[static_cast<size_t>(row)];
  if (r.entity) return r.entity->name;
  return "row " + std::to_string(row - t.header_rows + 1);
}

std::string row_key(const Table& t, int row) {
  const TableRow& r = t.rows[static_cast<size_t>(row)];
  if (r.entity) return r.entity->key;
  if (!r.cells.empty()) {
    const std::string& first = t.cells[static_cast<size_t>(r.cells.front())].plain;
    if (!first.empty()) return std::string(utf8_prefix(first, 80));
  }
  return "row " + std::to_string(row - t.header_rows + 1);
}

Range trim_range(const Tree& tree, Range r) {
  const std::string_view t = tree.text();
  while (r.begin < r.end && is_space(t[r.begin])) ++r.begin;
  while (r.end > r.begin && is_space(t[r.end - 1])) --r.end;
  return r;
}

std::string quoted(std::string_view s) {
  constexpr size_t kMax = 60;
  // Built by appending: `"'" + std::string(...)` trips GCC 12's -Wrestrict false positive.
  std::string out;
  out.reserve(std::min(s.size(), kMax) + 5);
  out.push_back('\'');
  if (s.size() <= kMax) {
    out.append(s);
  } else {
    size_t cut = kMax;
    while (cut > 0 && (static_cast<unsigned char>(s[cut]) & 0xC0) == 0x80) --cut;
    out.append(s.substr(0, cut));
    out.append("\xE2\x80\xA6");
  }
  out.push_back('\'');
  return out;
}

std::string table_label(const Article& a, const Table& t) {
  if (t.section <= 0 || static_cast<size_t>(t.section) >= a.sections.size())
    return "the table in the lead";
  return "the table under " + quoted(a.sections[static_cast<size_t>(t.section)].title);
}

}  // namespace wikivet
