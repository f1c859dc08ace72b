#pragma once
// Helpers the rules share: naming rows in messages, walking a column's own cells, visiting
// the nodes of a few kinds.
#include <array>
#include <initializer_list>
#include <memory>
#include <span>
#include <string>
#include <string_view>

#include "engine/rule.hpp"
#include "model/article.hpp"

namespace wikivet {

// A rule defined by its metadata and a check function; most rules need nothing more.
template <class Check>
class BasicRule final : public Rule {
 public:
  BasicRule(const RuleMeta& meta, Check check, std::vector<std::string_view> option_keys = {})
      : meta_(meta), check_(std::move(check)), option_keys_(std::move(option_keys)) {}
  const RuleMeta& meta() const override { return meta_; }
  void check(const Article& a, const RuleOptions& o, FindingSink& out) const override {
    check_(a, o, out);
  }
  std::vector<std::string_view> option_keys() const override { return option_keys_; }

 private:
  const RuleMeta& meta_;
  Check check_;
  std::vector<std::string_view> option_keys_;
};

template <class Check>
std::unique_ptr<Rule> make_rule(const RuleMeta& meta, Check check,
                                std::vector<std::string_view> option_keys = {}) {
  return std::make_unique<BasicRule<Check>>(meta, std::move(check), std::move(option_keys));
}

// Calls f(id) for every node of the given kinds (at most eight), in document order: the
// kinds' lists of Article::nodes_of merged by node id, so findings come out as a walk of the
// tree would give them.
template <class F>
void for_each_node_of(const Article& a, std::initializer_list<NodeKind> kinds, F&& f) {
  std::array<std::span<const NodeId>, 8> lists;
  size_t n = 0;
  for (const NodeKind k : kinds) lists.at(n++) = a.nodes_of(k);
  for (;;) {
    size_t best = n;
    for (size_t i = 0; i < n; ++i)
      if (!lists[i].empty() && (best == n || lists[i].front() < lists[best].front())) best = i;
    if (best == n) return;
    const NodeId id = lists[best].front();
    lists[best] = lists[best].subspan(1);
    f(id);
  }
}

// "Uruguay" when the row has an entity, else "row 12" (1-based among data rows).
std::string row_name(const Table& t, int row);
// Stable key of a row: the entity key, else the first cell's text, else "row N".
std::string row_key(const Table& t, int row);
// Calls f(row, cell) for every data row's own cell in column `col` (not cells spanned into
// it from another row or column). Data rows only: header rows, section titles and summary
// rows ("Total") are skipped; a row-header cell (`! scope="row" | 1960`) of a data row is a
// cell of its column like any other.
template <class F>
void for_each_column_cell(const Table& t, int col, F&& f) {
  for (int ci : t.cells_starting_in(col)) {
    const TableCell& cell = t.cells[static_cast<size_t>(ci)];
    if (!t.is_data(cell.row) || cell.emitted) continue;
    f(cell.row, cell);
  }
}
// `r` without the white space at its ends (for ranges of cell content).
Range trim_range(const Tree& tree, Range r);
// Text for messages: at most 60 characters (on a UTF-8 boundary), quoted.
std::string quoted(std::string_view s);
// "the table under 'Diplomatic relations'" (or "the table at the top").
std::string table_label(const Article& a, const Table& t);

}  // namespace wikivet

namespace wikivet {

// Calls f(table, row, cell) for every data cell of every date column of the article.
template <class F>
void for_each_date_cell(const Article& a, F&& f) {
  for (const Table& t : a.tables) {
    for (int col = 0; col < t.columns; ++col) {
      if (t.column_info[static_cast<size_t>(col)].role != ColumnRole::Date) continue;
      for_each_column_cell(t, col, [&](int row, const TableCell& cell) { f(t, row, cell); });
    }
  }
}

}  // namespace wikivet
