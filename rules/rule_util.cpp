#include "rules/rule_util.hpp"

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
  // Characters, not bytes (as keys, model/text_util.hpp): a Bengali excerpt shows as many
  // letters as an English one.
  const std::string_view shown = utf8_prefix(s, 60);
  // Built by appending: `"'" + std::string(...)` trips GCC 12's -Wrestrict false positive.
  std::string out;
  out.reserve(shown.size() + 5);
  out.push_back('\'');
  out.append(shown);
  if (shown.size() < s.size()) out.append("\xE2\x80\xA6");
  out.push_back('\'');
  return out;
}

std::string table_label(const Article& a, const Table& t) {
  if (t.section <= 0 || static_cast<size_t>(t.section) >= a.sections.size())
    return "the table in the lead";
  return "the table under " + quoted(a.sections[static_cast<size_t>(t.section)].title);
}

}  // namespace wikivet
