// ref-missing: a row without a citation in a table whose rows mostly carry one.
#include "model/text_util.hpp"
#include "rules/rule_factories.hpp"
#include "rules/rule_util.hpp"

namespace wikivet {

namespace {

constexpr RuleMeta kMeta{"ref-missing",
                         Category::Tables,
                         Severity::Warning,
                         "A table row has no citation where the other rows have one.",
                         R"md(
In a table where most rows cite a source (at least 60% of at least 5 data rows, counted per
part of the table: a full-width title row or a header row inside the body starts a new part),
a data row without any citation is probably unsourced: the editor who added it forgot the
citation, or an edit removed it.

What counts as a row's citation: a `<ref>` or `{{#tag:ref}}` in any of its cells, a reference
made by a template (`{{r}}`, `{{efn}}`, `{{refn}}`, `{{sfn}}`, list-defined refs invoked by
name), an author-date citation (`{{harvnb}}` and kin), an external link written in a cell, a
filled cell of a "Source" / "Ref." / "References" column, or a cited cell spanning into the row
from above (`rowspan`). A citation in the caption, the title row or a column header
(`! Date<ref>...</ref>`) backs every row of the table, and one in a section row the rows of its
part: such a part is not reported.

Not reported: header, section and summary rows ("Total"; a row of column labels whose row
header is an empty `!`, as under a chart's headers, is a header row); rows already tagged
`{{citation needed}}`; rows that say nothing beyond their name (every other cell blank, a dash,
an unknown date, an image alone, or only a pointer such as `See [[X–Y relations]]`; a cell made
by a template, `{{convert|12|km|disp=table}}` or `{{Version|c|1.2}}`, says something); parts
where fewer than 60% of rows cite.

Bad:

```wikitext
|-
|{{Flag|Uruguay}} || 12 March 1966
```

Good:

```wikitext
|-
|{{Flag|Uruguay}} || 12 March 1966<ref>{{Cite web |title=Relations with Mali}}</ref>
```
)md",
                         false};

// Nothing written to cite: a dash, "N/A" or nothing at all.
bool blank(std::string_view plain) {
  const std::string_view p = trim(plain);
  return p.empty() || p == "-" || p == "\xE2\x80\x94" || p == "\xE2\x80\x93" || p == "?" ||
         p == "N/A" || p == "n/a";
}

// A pointer to another article and nothing else: "See [[X–Y relations]]" ({{Main}} leaves no
// plain text). The claims are in the linked article, with its citations.
// `written` is the cell's wikitext: plain text joins its lines.
bool only_a_pointer(std::string_view plain, std::string_view written) {
  if (trim(written).find('\n') != std::string_view::npos) return false;
  std::string_view p = trim(plain);
  if (!p.empty() && p.front() == '(' && p.back() == ')') p = trim(p.substr(1, p.size() - 2));
  return p.find('\n') == std::string_view::npos && p.size() > 4 &&
         (p.substr(0, 4) == "See " || p.substr(0, 4) == "see ");
}

// A row that says nothing beyond its name: outside the numbering column, at most one cell
// (its label, or its entity) is written; the others are blank, an unknown date ("Unknown",
// "?", "TBD") or a pointer to another article. There is nothing in it a citation would back
// (an unknown date is date-unknown's finding; a record table's empty row is a record not set).
bool says_nothing(const Article& a, const Table& t, const TableRow& row) {
  int written = 0;
  for (int ci : row.cells) {
    const TableCell& cell = t.cells[static_cast<size_t>(ci)];
    if (cell.emitted) return false;
    const ColumnRole role = cell.col < static_cast<int>(t.column_info.size())
                                ? t.column_info[static_cast<size_t>(cell.col)].role
                                : ColumnRole::Other;
    if (role == ColumnRole::Sequence) continue;
    if (cell.date.kind == DateValue::Kind::Unknown) continue;
    // A cell made by a template ({{convert|...|disp=table}}, {{Version|...}}) has no plain
    // text and still says something; an image alone makes no claim to cite.
    if (cell.fill != CellFill::Content || (!trim(cell.plain).empty() && blank(cell.plain)) ||
        only_a_pointer(cell.plain, a.text().substr(cell.content.begin, cell.content.size())))
      continue;
    if (role == ColumnRole::Entity || written == 0) {
      ++written;
      if (written > 1) return false;
      continue;
    }
    return false;
  }
  return true;
}

bool cited(RowCitation c) {
  return c == RowCitation::Own || c == RowCitation::Spanned;
}

}  // namespace

std::unique_ptr<Rule> make_ref_missing_rule() {
  return make_rule(kMeta, [](const Article& article, const RuleOptions&, FindingSink& out) {
    const Tree& tree = article.tree();
    for (const Table& t : article.tables) {
      // Density is judged per segment: a section of a table may be sourced where another is
      // not, and a title or header citation over a segment backs all of its rows.
      for (const TableSegment& seg : t.segments) {
        if (seg.data_rows < 5) continue;
        int count = 0;
        bool covered = false;
        for (int r = seg.begin; r < seg.end; ++r) {
          if (!t.is_data(r)) continue;
          const RowCitation c = t.rows[static_cast<size_t>(r)].citation;
          if (c == RowCitation::Covered) covered = true;
          if (cited(c)) ++count;
        }
        if (covered || count * 10 < seg.data_rows * 6 || count == seg.data_rows) continue;
        const std::string scope = t.segments.size() > 1 ? "this part of the table" : "this table";
        for (int r = seg.begin; r < seg.end; ++r) {
          const TableRow& row = t.rows[static_cast<size_t>(r)];
          if (!t.is_data(r) || row.citation != RowCitation::None || says_nothing(article, t, row))
            continue;
          const Range where =
              row.entity ? row.entity_range
                         : trim_range(tree, t.cells[static_cast<size_t>(row.cells.front())].range);
          out.report(where,
                     row_name(t, r) + ": row has no citation (" + std::to_string(count) + " of " +
                         std::to_string(seg.data_rows) + " rows in " + scope + " have one)",
                     row_key(t, r));
        }
      }
    }
  });
}

}  // namespace wikivet
