// prose-date-mismatch: a row's prose states the date of its event differently from its date cell.
#include <cstdint>

#include "model/date_events.hpp"
#include "model/entity.hpp"
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
diplomatic relations on 1 August 1963"). When the prose dates the very event of the date
column differently from the row's date cell, one of them is wrong. What wikivet compares:

- The date column's header must name its event: relations ("Formal relations began",
  "Date of establishment", "Established") or recognition ("Recognised"). Under a header such
  as "Date" or "Year" nothing is compared.
- A prose date (a full or month-year date in the row's other cells, outside references and
  templates) is compared only when the words of its clause before it name the same event:
  "relations" or "ties" with a word of beginning (`event-words`: establish, began, started,
  commenced, formal, ...) for relations, "recognised" for recognition. A clause that names
  another event is never compared, whatever else it says: an embassy, a consulate, a legation
  or a mission; credentials or an ambassador; relations re-established, restored, resumed,
  normalised, upgraded, severed or suspended; a treaty, an agreement, a visit, a flight or a
  railway. Nor is a clause that links another state than the row's ("relations between
  Mongolia and [[Czechoslovakia]] commenced on ...", a predecessor state).
- When any date of the row's prose agrees with the date cell, nothing is reported: the prose
  knows the cell's date, and its other dates are of other events.

Dates agree by meaning, and a coarser date agrees with any day inside it. The first
disagreeing date of the row is reported, with the date cell as the related location.

Options (`[rules.prose-date-mismatch]`): `event-words`, the words of a beginning that, with
"relations" in the same clause before a date, mark it as the date relations began.

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

// A cell's prose as readers see it (link labels kept; templates, references and nested
// tables dropped; line breaks end a sentence), with where each piece stands in the page.
struct Prose {
  std::string text;
  struct Piece {
    size_t at;        // offset in text
    uint32_t source;  // offset in the page
    uint32_t length;
  };
  std::vector<Piece> pieces;
  // Links to known countries, by where their text begins: the states the prose names.
  std::vector<std::pair<size_t, std::string>> countries;
  // The page offset of text offset `at`, or UINT32_MAX where it is not in one piece.
  uint32_t source_of(size_t at) const {
    for (const Piece& p : pieces)
      if (at >= p.at && at < p.at + p.length) return p.source + static_cast<uint32_t>(at - p.at);
    return UINT32_MAX;
  }
};

Prose cell_prose(const Tree& tree, NodeId cell) {
  Prose out;
  tree.walk(cell, [&](NodeId id) {
    const Node& n = tree[id];
    switch (n.kind) {
      case NodeKind::Text: {
        const std::string_view t = tree.text(id);
        out.pieces.push_back({out.text.size(), n.begin, static_cast<uint32_t>(t.size())});
        out.text.append(t);
        return false;
      }
      case NodeKind::WikiLink: {
        if (auto e = entity_from_link(tree.name(id), false); e && e->known)
          out.countries.emplace_back(out.text.size(), e->key);
        // The label if there is one, else the target: what the reader sees.
        NodeId shown = tree.child(id, NodeKind::LinkTarget);
        tree.for_each_child(id, [&](NodeId c) {
          if (tree[c].kind == NodeKind::LinkLabel) shown = c;
        });
        if (shown != kNoNode) {
          tree.walk(shown, [&](NodeId c) {
            if (tree[c].kind != NodeKind::Text) return true;
            const std::string_view t = tree.text(c);
            out.pieces.push_back({out.text.size(), tree[c].begin, static_cast<uint32_t>(t.size())});
            out.text.append(t);
            return false;
          });
        }
        return false;
      }
      case NodeKind::HtmlTag:
        out.text += ".\n";
        return false;
      case NodeKind::ExtensionTag:
      case NodeKind::Template:
      case NodeKind::Table:
      case NodeKind::Comment:
      case NodeKind::ExternalLink:
        out.text.push_back(' ');
        return false;
      default:
        return true;
    }
  });
  return out;
}

// The words of the clause before offset `at` (at most 200 bytes): back to the end of the
// sentence, a semicolon or a comma before it ("relations began to thaw, and in December 2007").
std::string_view sentence_before(std::string_view text, size_t at) {
  const size_t from = at > 200 ? at - 200 : 0;
  for (size_t i = at; i > from; --i) {
    const char c = text[i - 1];
    if (c == '\n' || c == ';' || (c == ' ' && i >= 2 && (text[i - 2] == '.' || text[i - 2] == ',')))
      return text.substr(i, at - i);
  }
  return text.substr(from, at - from);
}

}  // namespace

std::unique_ptr<Rule> make_prose_date_mismatch_rule() {
  return make_rule(
      kMeta,
      [](const Article& article, const RuleOptions& options, FindingSink& out) {
        std::vector<std::string> words = options.list("event-words", default_start_words());
        for (auto& w : words) w = to_lower(w);
        const Tree& tree = article.tree();
        for (const Table& t : article.tables) {
          const int dcol = t.column_with_role(ColumnRole::Date);
          if (dcol < 0) continue;
          // The column's header says what its dates hold; an unnamed event compares nothing.
          const DateEvent event = column_event(t.column_info[static_cast<size_t>(dcol)].header);
          if (event != DateEvent::Relations && event != DateEvent::Recognition) continue;
          for_each_column_cell(t, dcol, [&](int row, const TableCell& date_cell) {
            if (date_cell.date.kind != DateValue::Kind::Date) return;
            const TableRow& r = t.rows[static_cast<size_t>(row)];
            bool agrees = false;
            std::optional<Range> first_mismatch;
            Date mismatch_date;
            for (int ci : r.cells) {
              const TableCell& cell = t.cells[static_cast<size_t>(ci)];
              if (&cell == &date_cell || cell.emitted) continue;
              const NodeId content = tree.child(cell.node, NodeKind::CellContent);
              if (content == kNoNode) continue;
              const Prose prose = cell_prose(tree, content);
              for (const DateMention& m : find_dates_in_prose(prose.text)) {
                // Any date of the prose that agrees with the cell: the prose knows the cell's
                // date, and its other dates are other events.
                if (dates_agree(m.date, date_cell.date.date)) {
                  agrees = true;
                  continue;
                }
                if (first_mismatch) continue;
                const std::string_view clause = sentence_before(prose.text, m.begin);
                if (prose_event(clause, words) != event) continue;
                // "Relations between Mongolia and [[Czechoslovakia]] commenced on ...": the
                // clause names another state than the row's, a predecessor or a third one.
                const size_t clause_at = m.begin - clause.size();
                bool other_state = false;
                for (const auto& [at, key] : prose.countries)
                  if (at >= clause_at && at < m.begin && (!r.entity || key != r.entity->key))
                    other_state = true;
                if (other_state) continue;
                const uint32_t b = prose.source_of(m.begin), e = prose.source_of(m.end - 1);
                if (b == UINT32_MAX || e == UINT32_MAX) continue;
                first_mismatch = Range{b, e + 1};
                mismatch_date = m.date;
              }
            }
            if (agrees || !first_mismatch) return;
            out.report(*first_mismatch,
                       row_name(t, row) + ": the prose says " + to_string(mismatch_date) +
                           ", the date cell says " + to_string(date_cell.date.date),
                       row_key(t, row), {{date_cell.date.range, "the row's date cell"}});
          });
        }
      },
      {"event-words"});
}

}  // namespace wikivet
