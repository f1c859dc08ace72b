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
In a table where most rows cite a source (at least 60% of at least 5 data rows), a row
without any reference is probably unsourced: the editor who added it forgot the citation, or
an edit removed it. References made by `{{sfn}}`, `{{harvnb}}`, `{{r}}` and similar
templates count as citations.

Bad:

```wikitext
|-
|{{Flag|Uruguay}} || Unknown
```

Good:

```wikitext
|-
|{{Flag|Uruguay}} || 12 March 1966<ref>{{Cite web |title=Relations with Mali}}</ref>
```
)md",
                         false};

bool is_citation_template(std::string_view lname) {
  return lname == "sfn" || lname == "sfnp" || lname == "sfnm" || lname == "harvnb" ||
         lname == "harvp" || lname == "r" || lname == "rp" || lname == "efn" || lname == "refn" ||
         lname == "citation needed" || lname == "cn";
}

}  // namespace

std::unique_ptr<Rule> make_ref_missing_rule() {
  return make_rule(kMeta, [](const Article& article, const RuleOptions&, FindingSink& out) {
    const Tree& tree = article.tree();
    for (const Table& t : article.tables) {
      const int data_rows = static_cast<int>(t.rows.size()) - t.header_rows;
      if (data_rows < 5) continue;
      std::vector<bool> cited(t.rows.size(), false);
      int count = 0;
      for (int r = t.header_rows; r < static_cast<int>(t.rows.size()); ++r) {
        const TableRow& row = t.rows[static_cast<size_t>(r)];
        bool c = !row.refs.empty();
        if (!c) {
          tree.walk(row.node, [&](NodeId id) {
            if (c) return false;
            const Node& n = tree[id];
            if (n.kind == NodeKind::Template) {
              if (is_citation_template(to_lower(article.template_name(id)))) c = true;
              return false;
            }
            // A nested table's rows are that table's business.
            return n.kind != NodeKind::Table || id == t.node;
          });
        }
        cited[static_cast<size_t>(r)] = c;
        if (c) ++count;
      }
      if (count * 10 < data_rows * 6 || count == data_rows) continue;
      for (int r = t.header_rows; r < static_cast<int>(t.rows.size()); ++r) {
        if (cited[static_cast<size_t>(r)]) continue;
        const TableRow& row = t.rows[static_cast<size_t>(r)];
        // A single cell spanning the whole table is a separator, not a data row.
        if (row.cells.size() == 1 &&
            t.cells[static_cast<size_t>(row.cells[0])].colspan >= t.columns && t.columns > 1)
          continue;
        const Range where =
            row.entity ? row.entity_range
                       : trim_range(tree, t.cells[static_cast<size_t>(row.cells.front())].range);
        out.report(where,
                   row_name(t, r) + ": row has no citation (" + std::to_string(count) + " of " +
                       std::to_string(data_rows) + " rows in this table have one)",
                   row_key(t, r));
      }
    }
  });
}

}  // namespace wikivet
