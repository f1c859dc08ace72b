// prose-date-mismatch: a row's prose states the date of its event differently from its date cell.
#include "model/text_util.hpp"
#include "rules/rule_factories.hpp"
#include "rules/rule_util.hpp"

namespace wikivet {

namespace {

constexpr RuleMeta kMeta{"prose-date-mismatch",
                         Category::Tables,
                         Severity::Warning,
                         "A row's prose gives its event a different date than its date cell.",
                         R"md(
Rows of tables often repeat their date in a notes cell ("Both countries established
diplomatic relations on 1 August 1963"). When the prose names the event of the date column
(established, began, opened, founded, ...) with a date that disagrees with the row's date
cell, one of them is wrong. Dates agree by meaning, and a coarser date agrees with any day
inside it. When the prose gives several such dates and one of them agrees, nothing is
reported.

Options (`[rules.prose-date-mismatch]`): `event-words`, the words that, standing before a date
in the same sentence, mark it as the date of the row's event.

Bad:

```wikitext
|{{Flag|Benin}} || 27 August 1965 || Both countries established diplomatic relations on 27 August 1963.
```

Good:

```wikitext
|{{Flag|Benin}} || 27 August 1965 || Both countries established diplomatic relations on 27 August 1965.
```
)md",
                         false};

// True when one of `words` stands in the same sentence before offset `at` of `text`.
bool event_word_before(std::string_view text, size_t at, const std::vector<std::string>& words) {
  size_t from = at > 160 ? at - 160 : 0;
  // Stay in the sentence: after the last ". " before the date.
  for (size_t i = at; i > from + 1; --i) {
    if (text[i - 2] == '.' && text[i - 1] == ' ') {
      from = i;
      break;
    }
  }
  const std::string window = to_lower(text.substr(from, at - from));
  for (const auto& w : words)
    if (window.find(w) != std::string::npos) return true;
  return false;
}

}  // namespace

std::unique_ptr<Rule> make_prose_date_mismatch_rule() {
  return make_rule(
      kMeta,
      [](const Article& article, const RuleOptions& options, FindingSink& out) {
        std::vector<std::string> words =
            options.list("event-words", {"establish", "began", "begun", "opened", "founded",
                                         "started", "inaugurat", "commenced"});
        for (auto& w : words) w = to_lower(w);
        const Tree& tree = article.tree();
        for (const Table& t : article.tables) {
          const int dcol = t.column_with_role(ColumnRole::Date);
          if (dcol < 0) continue;
          for_each_column_cell(t, dcol, [&](int row, const TableCell& date_cell) {
            if (date_cell.date.kind != DateValue::Kind::Date) return;
            const TableRow& r = t.rows[static_cast<size_t>(row)];
            bool agrees = false;
            std::optional<DateMention> first_mismatch;
            uint32_t mismatch_base = 0;
            for (int ci : r.cells) {
              const TableCell& cell = t.cells[static_cast<size_t>(ci)];
              if (&cell == &date_cell) continue;
              tree.walk(cell.node, [&](NodeId id) {
                const Node& n = tree[id];
                if (n.kind == NodeKind::ExtensionTag || n.kind == NodeKind::Template ||
                    n.kind == NodeKind::Table)
                  return false;  // citations, templates and nested tables are not the prose
                if (n.kind != NodeKind::Text) return true;
                const std::string_view text = tree.text(id);
                for (const DateMention& m : find_dates_in_prose(text)) {
                  if (!event_word_before(text, m.begin, words)) continue;
                  if (dates_agree(m.date, date_cell.date.date)) {
                    agrees = true;
                  } else if (!first_mismatch) {
                    first_mismatch = m;
                    mismatch_base = n.begin;
                  }
                }
                return false;
              });
            }
            if (agrees || !first_mismatch) return;
            const Range where{mismatch_base + static_cast<uint32_t>(first_mismatch->begin),
                              mismatch_base + static_cast<uint32_t>(first_mismatch->end)};
            out.report(where,
                       row_name(t, row) + ": the prose says " + to_string(first_mismatch->date) +
                           ", the date cell says " + to_string(date_cell.date.date),
                       row_key(t, row), {{date_cell.date.range, "the row's date cell"}});
          });
        }
      },
      {"event-words"});
}

}  // namespace wikivet
