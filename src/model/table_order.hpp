#pragma once
// Which column a table's rows are sorted by. A list may be in date order, in name order or
// ranked by points; when a date column's dates look sorted in a table sorted by names, the
// order is a coincidence (a few countries of one region, relations begun in the years they are
// listed), and a row breaking it is no defect.
#include <cstddef>

#include "model/tables.hpp"

namespace wikivet {

// Neighbouring pairs of a segment's data rows that tell an order (unequal values), and how
// many of them go up.
struct OrderPairs {
  size_t telling = 0;
  size_t up = 0;
  size_t against() const { return up * 2 >= telling ? telling - up : up; }
};

// A run of values is in order when it has at least kMinOrderPairs pairs that tell an order and
// at most one in ten of them (one at least: a row out of place breaks one pair) goes the other
// way. Shared by date-order (dates) and the sort detection below (names, numbers).
inline constexpr size_t kMinOrderPairs = 6;
bool nearly_in_order(const OrderPairs& pairs);

// The pairs of column `col`'s own cells in the data rows of `segment`, compared as numbers
// where both cells are numbers ("1,234", "12.5") and as text (letter case folded) otherwise;
// empty cells are skipped.
OrderPairs column_order(const Table& t, int col, int segment);

// True when the data rows of `segment` are nearly in order of some column other than
// `except` (and other than the table's numbering column, which counts rows in any order):
// the segment is sorted by that column.
bool segment_sorted_by_other_column(const Table& t, int segment, int except);

}  // namespace wikivet
