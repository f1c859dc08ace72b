// table-sequence: a column of sequence numbers with duplicates, gaps or numbers out of order.
#include <algorithm>
#include <map>
#include <optional>
#include <set>

#include "engine/engine.hpp"
#include "model/text_util.hpp"
#include "rules/rule_factories.hpp"
#include "rules/rule_util.hpp"

namespace wikivet {

namespace {

constexpr RuleMeta kMeta{"table-sequence",
                         Category::Tables,
                         Severity::Warning,
                         "A numbered column repeats a number, skips one, or goes out of order.",
                         R"md(
In a column of sequence numbers (headed `#`, `No.`, `No`, `№`, or simply a column of
consecutive integers) every number should appear once, in order, without gaps. A duplicate
usually means a row was inserted without renumbering the rows after it; a gap, that one was
deleted. Unnumbered rows (`—`, `–`, `-`, empty) are skipped. The column is recognised by its
content, not its header alone, so race or shirt numbers under `No.` are left alone. Sequences
may count down.

Options (`[rules.table-sequence]`): `headers`, the header texts that mark a sequence column
even when its numbers are too broken to be recognised by content alone.

Bad:

```wikitext
|-
|124 || {{Flag|Angola}} || 1977
|-
|124 || {{Flag|Philippines}} || 1977
|-
|126 || {{Flag|Chile}} || 1978
```

Good:

```wikitext
|-
|124 || {{Flag|Angola}} || 1977
|-
|125 || {{Flag|Philippines}} || 1977
|-
|126 || {{Flag|Chile}} || 1978
```

Fix: renumber the column consecutively from its first number (counting down when the column
does), changing only the numbers. The whole renumbering is offered once, on the column's first
finding; a cell whose number cannot be found exactly once in its text (say, another number in
a comment) makes the column's fix unavailable rather than guessed. The fix is unsafe
(`--unsafe-fixes` applies it): it changes numbers readers see, and which of two rows numbered
124 is wrong is a guess. With a baseline (`--baseline-git`), rows that carry a finding the
baseline already had keep their numbers: the renumbering restarts after them, and the fix is
withheld when it could not leave them as they were.
)md",
                         true};

std::string range_text(long long a, long long b) {
  if (a == b) return "number " + std::to_string(a) + " is";
  return "numbers " + std::to_string(a) + "\xE2\x80\x93" + std::to_string(b) + " are";
}

// The byte range of `value` written in `range` of the text: the one run of digits that reads as
// `value`. Nothing when there is none or more than one (a number in a comment, say).
std::optional<Range> number_in(std::string_view text, Range range, long long value) {
  std::optional<Range> found;
  size_t i = range.begin;
  while (i < range.end) {
    if (text[i] < '0' || text[i] > '9') {
      ++i;
      continue;
    }
    size_t j = i;
    long long v = 0;
    bool overflow = false;
    while (j < range.end && text[j] >= '0' && text[j] <= '9') {
      if (v > 100000000000LL) overflow = true;
      v = v * 10 + (text[j] - '0');
      ++j;
    }
    if (!overflow && v == value) {
      if (found) return std::nullopt;
      found = Range{static_cast<uint32_t>(i), static_cast<uint32_t>(j)};
    }
    i = j;
  }
  return found;
}

// Consecutive numbers from the first (down when the column counts down; a rank shared by the
// rows of a rowspan cell counts those rows): the edits that write them, or nothing when some
// cell's number cannot be located exactly. A `kept` number (its finding was in the baseline)
// stays as written and the count restarts from it; when the number before it would change, the
// old finding could not stay as it was, and there is no fix.
std::optional<Fix> renumbering(const Article& article, const Table& t, int col,
                               const std::vector<Article::ColumnNumber>& numbers, bool ascending,
                               const std::vector<bool>& kept) {
  Fix fix;
  long long want = numbers.front().value;
  bool changed_before = false;  // the number before this one is rewritten
  for (size_t i = 0; i < numbers.size(); ++i) {
    if (i > 0) want = ascending ? want + numbers[i - 1].span : want - 1;
    if (kept[i]) {
      if (changed_before) return std::nullopt;
      want = numbers[i].value;
      continue;
    }
    changed_before = numbers[i].value != want;
    if (numbers[i].value == want) continue;
    if (want < 0) return std::nullopt;
    const TableCell& c = t.cells[static_cast<size_t>(t.at(numbers[i].row, col))];
    const auto where = number_in(article.text(), c.content, numbers[i].value);
    if (!where) return std::nullopt;
    fix.edits.push_back({where->begin, where->end, std::to_string(want)});
  }
  if (fix.edits.empty()) return std::nullopt;
  fix.description = "renumber the column from " + std::to_string(numbers.front().value) + " (" +
                    std::to_string(fix.edits.size()) +
                    (fix.edits.size() == 1 ? " number changes)" : " numbers change)");
  return fix;
}

// The numbers of one segment's numbering column, checked: duplicates, disorder, gaps. One
// defect is one finding: a number that stands where another belongs (10, 111, 12) is reported
// once, as out of order, and not again as the duplicate of the real 111 and the gap at 11.
void check_column(const Article& article, const Table& t, int col, int segment, FindingSink& sink) {
  // Findings are gathered first so that the column's one fix rides on its first finding.
  struct Pending {
    size_t index;  // into numbers
    Range range;
    std::string message, key;
    std::vector<FindingSink::Related> related;
  };
  std::vector<Pending> pending;
  auto report = [&](size_t index, Range r, std::string m, std::string k,
                    std::vector<FindingSink::Related> rel = {}) {
    pending.push_back({index, r, std::move(m), std::move(k), std::move(rel)});
  };
  int non_numbers = 0;
  const auto numbers = article.column_numbers(t, col, &non_numbers, segment);
  if (numbers.size() < 2) return;
  size_t up = 0, down = 0;
  for (size_t i = 1; i < numbers.size(); ++i) {
    if (numbers[i].value > numbers[i - 1].value) ++up;
    if (numbers[i].value < numbers[i - 1].value) ++down;
  }
  const bool ascending = up >= down;
  auto cell_range = [&](int row) {
    const TableCell& c = t.cells[static_cast<size_t>(t.at(row, col))];
    return trim_range(article.tree(), c.content);
  };
  // The number that follows `n` in counting order.
  auto after = [&](const Article::ColumnNumber& n) {
    return ascending ? n.value + n.span : n.value - 1;
  };

  // Misplaced: its neighbours agree on the number that belongs here, and it is not that number
  // but one that breaks the order.
  std::vector<long long> belongs(numbers.size(), -1);
  for (size_t i = 1; i + 1 < numbers.size(); ++i) {
    const auto &prev = numbers[i - 1], &cur = numbers[i], &next = numbers[i + 1];
    const long long slot = after(prev);
    if (slot < 0 || cur.value == slot) continue;
    const long long next_slot = ascending ? slot + cur.span : slot - 1;
    if (next.value != next_slot) continue;
    const bool breaks = ascending ? (cur.value > next.value || cur.value < prev.value)
                                  : (cur.value < next.value || cur.value > prev.value);
    if (!breaks) continue;
    belongs[i] = slot;
    report(i, cell_range(cur.row),
           row_name(t, cur.row) + ": number " + std::to_string(cur.value) +
               " is out of order (between " + std::to_string(prev.value) + " and " +
               std::to_string(next.value) + ", where " + std::to_string(slot) + " belongs)",
           "order:" + std::to_string(cur.value),
           {{cell_range(prev.row), "the number before it"},
            {cell_range(next.row), "the number after it"}});
  }

  // Duplicates: every repeat after the first, with the first as related location; numbers
  // already reported as misplaced are left out.
  std::map<long long, size_t> first_use;  // number -> index of its first row
  std::vector<bool> repeated(numbers.size(), false);
  for (size_t i = 0; i < numbers.size(); ++i) {
    if (belongs[i] >= 0) continue;
    const auto& n = numbers[i];
    auto [it, inserted] = first_use.try_emplace(n.value, i);
    if (inserted) continue;
    repeated[i] = true;
    const int first_row = numbers[it->second].row;
    report(i, cell_range(n.row),
           row_name(t, n.row) + ": number " + std::to_string(n.value) + " is used twice (also " +
               row_name(t, first_row) + ")",
           std::to_string(n.value), {{cell_range(first_row), "first use of the number"}});
  }
  // Out of order: a number smaller (larger, counting down) than the one before it. A repeat
  // is a duplicate, not disorder, and a number reported as a repeat is not reported again as
  // out of order; a misplaced number stands for the number that belongs there.
  for (size_t i = 1; i < numbers.size(); ++i) {
    if (belongs[i] >= 0 || repeated[i]) continue;
    const long long prev = belongs[i - 1] >= 0 ? belongs[i - 1] : numbers[i - 1].value;
    const long long cur = numbers[i].value;
    const bool backwards = ascending ? cur < prev : cur > prev;
    if (!backwards) continue;
    report(i, cell_range(numbers[i].row),
           row_name(t, numbers[i].row) + ": number " + std::to_string(cur) +
               " is out of order (after " + std::to_string(prev) + ")",
           "order:" + std::to_string(cur),
           {{cell_range(numbers[i - 1].row), "the number before it"}});
  }
  // Gaps: numbers between the smallest and largest that no row carries (a rank shared by the
  // rows of a rowspan cell covers those rows' numbers). Each gap is reported at the row that
  // follows it in counting order.
  std::set<long long> present;
  for (size_t i = 0; i < numbers.size(); ++i) {
    if (belongs[i] >= 0) {
      present.insert(belongs[i]);
      continue;
    }
    const auto& n = numbers[i];
    const long long span = ascending ? n.span : 1;
    for (long long k = 0; k < span; ++k) present.insert(n.value + k);
  }
  long long prev = *present.begin();
  for (auto it = std::next(present.begin()); it != present.end(); ++it) {
    const long long cur = *it;
    if (cur > prev + 1) {
      const long long missing_from = ascending ? prev + 1 : cur - 1;
      const long long next_number = ascending ? cur : prev;  // the number after the gap
      const auto use = first_use.find(next_number);
      if (use != first_use.end())
        report(use->second, cell_range(numbers[use->second].row),
               range_text(prev + 1, cur - 1) + " missing (" +
                   std::to_string(ascending ? prev : cur) + " is followed by " +
                   std::to_string(next_number) + ")",
               "gap:" + std::to_string(missing_from));
    }
    prev = cur;
  }
  if (pending.empty()) return;
  // Under a baseline, old findings keep their numbers and the fix rides on the first new one.
  const CheckContext* context = sink.context();
  std::vector<bool> kept(numbers.size(), false), kept_finding(pending.size(), false);
  for (size_t i = 0; i < pending.size(); ++i)
    if (context && context->keeps(kMeta.id, pending[i].key))
      kept[pending[i].index] = kept_finding[i] = true;
  std::optional<size_t> first;
  for (size_t i = 0; i < pending.size(); ++i)
    if (!kept_finding[i] && (!first || pending[i].range.begin < pending[*first].range.begin))
      first = i;
  std::optional<Fix> fix;
  if (first) fix = renumbering(article, t, col, numbers, ascending, kept);
  for (size_t i = 0; i < pending.size(); ++i) {
    auto& p = pending[i];
    sink.report(p.range, std::move(p.message), std::move(p.key), std::move(p.related),
                i == first ? std::move(fix) : std::nullopt);
  }
}

}  // namespace

std::unique_ptr<Rule> make_table_sequence_rule() {
  return make_rule(
      kMeta,
      [](const Article& article, const RuleOptions& options, FindingSink& out) {
        const auto headers = options.list("headers", {"#", "no.", "no", "\xE2\x84\x96", "nr."});
        for (const Table& t : article.tables) {
          // One numbering column a table: the model's, else one named by its header.
          int col = t.column_with_role(ColumnRole::Sequence);
          for (int c = 0; col < 0 && c < t.columns; ++c) {
            const TableColumn& info = t.column_info[static_cast<size_t>(c)];
            if (info.role != ColumnRole::Other) continue;
            const std::string h = to_lower(trim(info.header));
            bool named = false;
            for (const auto& candidate : headers)
              if (!h.empty() && h == to_lower(candidate)) named = true;
            if (!named) continue;
            // A header alone is not enough (race and shirt numbers stand under "No."): most
            // cells must be numbers, and at least half of the steps between them +1 or -1.
            size_t count = 0, steps = 0, pairs = 0;
            int non_numbers = 0;
            for (size_t seg = 0; seg < t.segments.size(); ++seg) {
              int nn = 0;
              const auto numbers = article.column_numbers(t, c, &nn, static_cast<int>(seg));
              const auto st = Article::sequence_steps(numbers);
              count += numbers.size();
              steps += st.up + st.down;
              pairs += st.pairs;
              non_numbers += nn;
            }
            if (count >= 3 && static_cast<size_t>(non_numbers) * 4 <= count && steps * 2 >= pairs)
              col = c;
          }
          if (col < 0) continue;
          // Numbering restarts in each segment (a section title or a repeated header row).
          for (size_t seg = 0; seg < t.segments.size(); ++seg)
            check_column(article, t, col, static_cast<int>(seg), out);
        }
      },
      {"headers"});
}

}  // namespace wikivet
