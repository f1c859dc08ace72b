#include "model/table_order.hpp"

#include <algorithm>
#include <optional>
#include <string>

#include "model/text_util.hpp"

namespace wikivet {

namespace {

// "1,234", "12.5", "−3": a number, else nullopt. Thousands separators are dropped.
std::optional<double> as_number(std::string_view s) {
  s = trim(s);
  if (s.empty()) return std::nullopt;
  double v = 0, scale = 0;
  bool digits = false;
  for (char c : s) {
    if (c >= '0' && c <= '9') {
      digits = true;
      if (scale > 0) {
        v += (c - '0') * scale;
        scale /= 10;
      } else {
        v = v * 10 + (c - '0');
      }
    } else if (c == ',' && scale == 0) {
      continue;
    } else if (c == '.' && scale == 0) {
      scale = 0.1;
    } else {
      return std::nullopt;
    }
  }
  if (!digits) return std::nullopt;
  return v;
}

}  // namespace

bool nearly_in_order(const OrderPairs& pairs) {
  return pairs.telling >= kMinOrderPairs &&
         pairs.against() <= std::max<size_t>(1, pairs.telling / 10);
}

OrderPairs column_order(const Table& t, int col, int segment) {
  OrderPairs out;
  if (segment < 0 || static_cast<size_t>(segment) >= t.segments.size()) return out;
  const TableSegment& seg = t.segments[static_cast<size_t>(segment)];
  const std::span<const int> own = t.cells_starting_in(col);
  auto it = std::lower_bound(own.begin(), own.end(), seg.begin, [&](int ci, int row) {
    return t.cells[static_cast<size_t>(ci)].row < row;
  });
  const TableCell* prev = nullptr;
  std::string prev_text;
  for (; it != own.end(); ++it) {
    const TableCell& cell = t.cells[static_cast<size_t>(*it)];
    if (cell.row >= seg.end) break;
    if (!t.is_data(cell.row) || cell.emitted) continue;
    std::string text = fold_case(trim(cell.plain));
    if (text.empty()) continue;
    if (prev) {
      const auto a = as_number(prev_text), b = as_number(text);
      int cmp = 0;
      if (a && b)
        cmp = *a < *b ? -1 : (*b < *a ? 1 : 0);
      else
        cmp = prev_text < text ? -1 : (text < prev_text ? 1 : 0);
      if (cmp != 0) {
        ++out.telling;
        if (cmp < 0) ++out.up;
      }
    }
    prev = &cell;
    prev_text = std::move(text);
  }
  return out;
}

bool segment_sorted_by_other_column(const Table& t, int segment, int except) {
  for (int col = 0; col < t.columns; ++col) {
    if (col == except) continue;
    if (t.column_info[static_cast<size_t>(col)].role == ColumnRole::Sequence) continue;
    if (nearly_in_order(column_order(t, col, segment))) return true;
  }
  return false;
}

}  // namespace wikivet
