#pragma once
// Which tables of an article describe the same things. A "Foreign relations" article lists the
// countries with the date relations began, then describes them one by one in a bilateral table
// with that date again: those two tables agree on nearly every country, and the few countries
// where they disagree are defects. A statistics table by year, a list of judges' terms or of
// partnership agreements also names countries beside dates, but its dates say something else:
// it shares few of the entities, or its dates mostly disagree. Comparing only tables that agree
// on most of what they share keeps those apart.
#include <cstddef>
#include <vector>

#include "model/article.hpp"

namespace wikivet {

// One entity (the row's subject, read from the entity column) dated in both tables.
struct SharedSubject {
  int row_a = 0;  // data row of the first table
  int row_b = 0;  // data row of the second
  bool agree = false;
};

struct SameSubjectTables {
  size_t a = 0, b = 0;  // indexes into Article::tables, a < b
  std::vector<SharedSubject> shared;
  size_t agreeing = 0;
};

// Entities two tables must share before they are taken to describe the same thing; of those,
// at least two in three must carry agreeing dates. On the "Foreign relations" pages of the
// corpus, pairs below that are lists built on another event (partnership agreements, the
// restored state's dates beside the first state's), where a disagreement is no defect.
inline constexpr size_t kMinSharedSubjects = 3;

// Pairs of tables, each with an entity column and a date column, that share at least
// kMinSharedSubjects entities (by entity key, one row per entity and table: its first dated
// data row) of which at least two in three carry agreeing dates. Linear in the rows:
// entities are hashed by key, and an entity is paired across its first 8 tables only (a page
// of a hundred tables naming the same countries stays linear).
std::vector<SameSubjectTables> tables_describing_the_same(const Article& article);

// True when the row's text says that its relation has a history of its own: relations broken
// off and restored, re-established, resumed, re-recognised. Such a row may rightly give the
// original date where another table gives the restored one.
bool row_tells_of_restoration(const Table& t, int row);

}  // namespace wikivet
