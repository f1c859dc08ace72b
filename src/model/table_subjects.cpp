#include "model/table_subjects.hpp"

#include <algorithm>
#include <cstdint>
#include <string>
#include <unordered_map>

#include "model/text_util.hpp"

namespace wikivet {

namespace {

constexpr size_t kMaxTablesPerSubject = 8;

struct Dated {
  uint32_t table;
  int row;
  const Date* date;
};

}  // namespace

std::vector<SameSubjectTables> tables_describing_the_same(const Article& article) {
  // Entity key -> its first dated row in each table (tables in order, at most 8).
  std::unordered_map<std::string, std::vector<Dated>> by_subject;
  for (size_t ti = 0; ti < article.tables.size(); ++ti) {
    const Table& t = article.tables[ti];
    const int dcol = t.column_with_role(ColumnRole::Date);
    if (dcol < 0 || t.column_with_role(ColumnRole::Entity) < 0) continue;
    for (int ci : t.cells_starting_in(dcol)) {
      const TableCell& cell = t.cells[static_cast<size_t>(ci)];
      if (!t.is_data(cell.row) || cell.emitted || cell.date.kind != DateValue::Kind::Date) continue;
      const TableRow& r = t.rows[static_cast<size_t>(cell.row)];
      if (!r.entity) continue;
      auto& list = by_subject[r.entity->key];
      if (list.size() >= kMaxTablesPerSubject || (!list.empty() && list.back().table == ti))
        continue;
      list.push_back({static_cast<uint32_t>(ti), cell.row, &cell.date.date});
    }
  }
  std::unordered_map<uint64_t, size_t> pair_index;
  std::vector<SameSubjectTables> pairs;
  for (const auto& [key, list] : by_subject) {
    for (size_t i = 0; i < list.size(); ++i) {
      for (size_t j = i + 1; j < list.size(); ++j) {
        const uint64_t id = (static_cast<uint64_t>(list[i].table) << 32) | list[j].table;
        auto [it, fresh] = pair_index.try_emplace(id, pairs.size());
        if (fresh) {
          pairs.emplace_back();
          pairs.back().a = list[i].table;
          pairs.back().b = list[j].table;
        }
        SameSubjectTables& p = pairs[it->second];
        const bool agree = dates_agree(*list[i].date, *list[j].date);
        p.shared.push_back({list[i].row, list[j].row, agree});
        if (agree) ++p.agreeing;
      }
    }
  }
  std::vector<SameSubjectTables> out;
  for (auto& p : pairs) {
    if (p.shared.size() < kMinSharedSubjects) continue;
    if (p.agreeing * 3 < p.shared.size() * 2) continue;
    // Hash order is no order: rows in the order of the second table, for stable reports.
    std::sort(p.shared.begin(), p.shared.end(),
              [](const SharedSubject& x, const SharedSubject& y) { return x.row_b < y.row_b; });
    out.push_back(std::move(p));
  }
  std::sort(out.begin(), out.end(), [](const SameSubjectTables& x, const SameSubjectTables& y) {
    return x.b != y.b ? x.b < y.b : x.a < y.a;
  });
  return out;
}

bool row_tells_of_restoration(const Table& t, int row) {
  static constexpr std::string_view kWords[] = {
      "re-establish", "reestablish", "re-estabilish", "restored",
      "restoration",  "resumed",     "resumption",    "re-recogni",
      "rerecogni",    "renewed",     "broke off",     "broken off",
      "severed",      "suspended",   "interrupted",   "re-opened relations",
      "restablish"};
  for (int ci : t.rows[static_cast<size_t>(row)].cells) {
    const std::string text = to_lower(t.cells[static_cast<size_t>(ci)].plain);
    for (std::string_view w : kWords)
      if (text.find(w) != std::string::npos) return true;
  }
  return false;
}

}  // namespace wikivet
