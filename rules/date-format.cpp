// date-format: a date shown to readers in another format than the one the article declares.
#include <algorithm>
#include <array>
#include <unordered_set>

#include "model/date_parameters.hpp"
#include "model/text_util.hpp"
#include "rules/rule_factories.hpp"
#include "rules/rule_util.hpp"

namespace wikivet {

namespace {

constexpr RuleMeta kMeta{
    "date-format",
    Category::Dates,
    Severity::Warning,
    "A date is shown in another format than the {{Use dmy dates}} / {{Use mdy dates}} one.",
    R"md(
`{{Use dmy dates}}` or `{{Use mdy dates}}` at the top of an article declares how its dates
are written ("20 August 1960" or "August 20, 1960"). This rule reports a full date (day,
month and year) that a reader sees in another format: in prose, tables, captions, infobox
parameters and hand-written references, and date templates by what they display.
`{{dts|March 23, 1977}}` shows the date as written; `{{dts|1977|3|23}}` and
`{{dts|1977-03-23}}` show "March 23, 1977" unless `format=dmy`; `{{Start date|1977|3|23}}`
shows month first unless `df=y`.

Left alone, because they must stay as written or because readers never see them as written:
- dates in Citation Style 1 and 2 templates (`{{cite web}}`, `{{cite news}}`, `{{citation}}`,
  ...): the citation module displays `|date=`, `|access-date=`, `|archive-date=` in the
  declared format whatever their written form, and their other parameters (title, chapter,
  quote, work) are the cited work's own words. Set the option `citation-dates = "yes"` to
  report the written form of their date parameters too (off by default);
- the arguments of short-citation templates (`{{sfn}}`, `{{harv}}`, `{{sfnref}}` and their
  kin), which must match the cited work's date, and quotation templates (`{{quote}}`);
- yyyy-mm-dd where it is the convention: access and archive dates (MOS:DATEUNIFY), a
  table column whose full dates are mostly yyyy-mm-dd (MOS:DATEFORMAT allows it there),
  `{{webarchive|date=}}`, `{{Spoken Wikipedia}}`, and "Retrieved 2007-03-01" (or accessed,
  archived) in a hand-written reference;
- text in quotation marks or italics (quotations and titles), the labels of external links
  (titles), link targets, attributes and the contents of `<nowiki>`, `<pre>` and the like;
- month-and-year and year-only dates, which have no day order.

The template facts (which templates cite, which parameters are yyyy-mm-dd) are data:
`rules/data/date-parameters.tsv`. The fix rewrites the date in the declared format, or adds
`format=dmy` (`{{dts}}`) or `df=y` (`{{Start date}}`) to a template that shows month first.
The fix is safe (`--fix` applies it): the date stays the same day, written as the article
itself declares, and only dates read without doubt are rewritten.

Bad:

```wikitext
{{Use dmy dates|date=May 2023}}
Relations were established on August 20, 1960.
```

Good:

```wikitext
{{Use dmy dates|date=May 2023}}
Relations were established on 20 August 1960.
```
)md",
    true};

bool yes(const RuleOptions& options, std::string_view key) {
  const auto v = options.list(key, {});
  if (v.empty()) return false;
  const std::string w = to_lower(trim(v.front()));
  return w == "yes" || w == "true" || w == "on" || w == "1";
}

// How much of a date's surroundings decides whether the reader sees it as written.
enum class Context : uint8_t { Shown, Citation, Skip };

Context stricter(Context a, Context b) {
  return static_cast<uint8_t>(a) >= static_cast<uint8_t>(b) ? a : b;
}

// Where a text leaf (or a template node) stands: in a template parameter of some kind, in a
// hand-written reference, in text readers never see. Walks the ancestors (a few levels).
struct Where {
  Context context = Context::Shown;
  bool in_ref = false;  // inside <ref> content
  bool iso_ok = false;  // yyyy-mm-dd is the convention here
};

// Cells of the table columns whose full dates are mostly yyyy-mm-dd: the Manual of Style allows
// that format in tables for brevity, as long as the column keeps to it (MOS:DATEFORMAT).
using IsoCells = std::unordered_set<NodeId>;  // CellContent nodes

IsoCells iso_columns(const Article& article) {
  IsoCells out;
  const Tree& tree = article.tree();
  for (const Table& t : article.tables) {
    for (int col = 0; col < t.columns; ++col) {
      int days = 0, iso = 0;
      for_each_column_cell(t, col, [&](int, const TableCell& cell) {
        if (cell.date.kind != DateValue::Kind::Date) return;
        if (cell.date.date.precision != DatePrecision::Day || cell.date.from_template) return;
        ++days;
        if (cell.date.date.format == DateFormat::Iso) ++iso;
      });
      if (iso < 2 || iso * 2 < days) continue;
      for_each_column_cell(t, col, [&](int, const TableCell& cell) {
        const NodeId content = tree.child(cell.node, NodeKind::CellContent);
        if (content != kNoNode) out.insert(content);
      });
    }
  }
  return out;
}

// With `parameters` false, the kinds of the template parameters the node stands in are not
// looked up (the costly part): the answer is then Skip exactly when some other ancestor says
// so, which is enough to know that a leaf needs no date scan.
Where where_is(const Article& article, const IsoCells& iso_cells, NodeId id,
               bool parameters = true) {
  const Tree& tree = article.tree();
  Where w;
  for (NodeId p = tree[id].parent; p != kNoNode; p = tree[p].parent) {
    const Node& n = tree[p];
    switch (n.kind) {
      case NodeKind::LinkTarget:
      case NodeKind::TemplateName:
      case NodeKind::ParameterName:
      case NodeKind::TableAttributes:
      case NodeKind::TagOpen:
        w.context = Context::Skip;
        return w;
      case NodeKind::CellContent:
        if (iso_cells.count(p)) w.iso_ok = true;
        break;
      case NodeKind::LinkLabel:
        // The label of an external link is a title as the linked page writes it.
        if (n.parent != kNoNode && tree[n.parent].kind == NodeKind::ExternalLink) {
          w.context = Context::Skip;
          return w;
        }
        break;
      case NodeKind::TagContent: {
        const std::string_view name = tree.name(n.parent);
        if (iequals(name, "ref")) {
          w.in_ref = true;
        } else if (!iequals(name, "references") && !iequals(name, "poem")) {
          w.context = Context::Skip;  // nowiki, pre, math, syntaxhighlight, ...
          return w;
        }
        break;
      }
      case NodeKind::ParameterValue: {
        const NodeId param = n.parent;
        const NodeId tmpl = param != kNoNode ? tree[param].parent : kNoNode;
        if (tmpl == kNoNode || tree[tmpl].kind != NodeKind::Template) break;
        // A date template is judged by what it displays (below), not by its arguments.
        if (article.is_date_template_node(tmpl)) {
          w.context = Context::Skip;
          return w;
        }
        if (!parameters) break;
        const Node& pn = tree[param];
        const std::string pname =
            pn.level > 0 ? std::to_string(pn.level) : std::string(trim(tree.name(param)));
        switch (date_parameter_kind(article.date_template_class(tmpl), article.template_name(tmpl),
                                    pname)) {
          case DateParameterKind::Verbatim:
            w.context = Context::Skip;
            return w;
          case DateParameterKind::CitationDate:
            w.context = stricter(w.context, Context::Citation);
            // Access and archive dates may be yyyy-mm-dd even when their form is reported.
            if (iso_parameter_anywhere(pname)) w.iso_ok = true;
            break;
          case DateParameterKind::IsoAllowed:
            w.iso_ok = true;
            break;
          case DateParameterKind::Shown:
            break;
        }
        break;
      }
      default:
        break;
    }
  }
  return w;
}

// "Jan" .. "Dec" as three letters, capital first; decided by the first letter, as a switch.
bool starts_month_abbreviation(char a, char b, char c) {
  switch (a) {
    case 'J':
      return (b == 'a' && c == 'n') || (b == 'u' && (c == 'n' || c == 'l'));
    case 'F':
      return b == 'e' && c == 'b';
    case 'M':
      return b == 'a' && (c == 'r' || c == 'y');
    case 'A':
      return (b == 'p' && c == 'r') || (b == 'u' && c == 'g');
    case 'S':
      return b == 'e' && c == 'p';
    case 'O':
      return b == 'c' && c == 't';
    case 'N':
      return b == 'o' && c == 'v';
    case 'D':
      return b == 'e' && c == 'c';
    default:
      return false;
  }
}

// What one scan of a text leaf tells: whether it may hold a reportable date (an ISO "d-d"
// digit pair, or a capitalised English month abbreviation and a digit; URLs never), and where
// the characters the quotation and italics state follows (a straight quotation mark, a line
// break, the first byte of a curly quotation mark) stand, so that a leaf without a date is
// never read again: only what follows its last line break can change its run's state.
struct LeafLook {
  bool may_hold_date = false;
  bool has_marks = false;
  size_t first_mark = 0;                       // the first mark after the last line break
  size_t last_break = std::string_view::npos;  // the last line break
};

enum : uint8_t { kDigit = 1, kMonthInitial = 2, kMark = 4 };

// Every byte is classed by one table look-up: comparing ranges per byte mispredicted on every
// capital letter.
constexpr std::array<uint8_t, 256> kLeafClass = [] {
  std::array<uint8_t, 256> t{};
  for (int c = '0'; c <= '9'; ++c) t[static_cast<size_t>(c)] = kDigit;
  for (char c : {'J', 'F', 'M', 'A', 'S', 'O', 'N', 'D'})
    t[static_cast<unsigned char>(c)] = kMonthInitial;
  for (char c : {'"', '\n', '\xE2'}) t[static_cast<unsigned char>(c)] = kMark;
  return t;
}();

LeafLook look_at_leaf(std::string_view s) {
  bool digit = false, month = false, iso = false;
  LeafLook look;
  look.first_mark = s.size();
  const auto* p = reinterpret_cast<const unsigned char*>(s.data());
  const size_t n = s.size();
  // Most bytes are in no class: eight at a time are looked up and or-ed, and only a group
  // that holds a classed byte is read byte by byte.
  size_t i = 0;
  while (i < n) {
    if (i + 8 <= n) {
      const uint8_t any = kLeafClass[p[i]] | kLeafClass[p[i + 1]] | kLeafClass[p[i + 2]] |
                          kLeafClass[p[i + 3]] | kLeafClass[p[i + 4]] | kLeafClass[p[i + 5]] |
                          kLeafClass[p[i + 6]] | kLeafClass[p[i + 7]];
      if (any == 0) {
        i += 8;
        continue;
      }
    }
    const size_t group_end = std::min(n, i + 8);
    for (; i < group_end; ++i) {
      const uint8_t cls = kLeafClass[p[i]];
      if (cls == 0) continue;
      if (cls == kDigit) {
        digit = true;
        if (i + 2 < n && p[i + 1] == '-' && p[i + 2] >= '0' && p[i + 2] <= '9') iso = true;
      } else if (cls == kMonthInitial) {
        if (!month && i + 3 <= n) month = starts_month_abbreviation(s[i], s[i + 1], s[i + 2]);
      } else {
        look.has_marks = true;
        if (p[i] == '\n') {
          look.last_break = i;
          look.first_mark = n;
        } else if (look.first_mark == n) {
          look.first_mark = i;
        }
      }
    }
  }
  if (iso || (digit && month)) {
    const std::string_view t = trim(s);
    look.may_hold_date = t.substr(0, 4) != "http" && t.substr(0, 2) != "//";
  }
  return look;
}

// A date in format `f` may be reported in an article that declares `want`.
bool reported_format(DateFormat f, DateFormat want) {
  return f != want && (f == DateFormat::Dmy || f == DateFormat::Mdy || f == DateFormat::Iso);
}

// Quotation marks and italics of one run of text (a paragraph, a cell, a reference, a
// parameter value): a date inside them is a quotation or a title. Both end with the line.
struct Emphasis {
  int curly = 0;          // “ opened and not yet closed
  bool straight = false;  // inside "..."
  bool italic = false;    // inside ''...''
  bool inside() const { return straight || curly > 0 || italic; }
};

// The run a text leaf belongs to: wiki links are part of the text around them.
NodeId run_of(const Tree& tree, NodeId id) {
  NodeId p = tree[id].parent;
  while (p != kNoNode && (tree[p].kind == NodeKind::WikiLink ||
                          (tree[p].kind == NodeKind::LinkLabel && tree[p].parent != kNoNode &&
                           tree[tree[p].parent].kind == NodeKind::WikiLink)))
    p = tree[p].parent;
  return p;
}

// The state of the runs that hold the leaf being read, carried from leaf to leaf. Leaves are
// read in document order (pre-order ids), so the runs whose state can still be asked for are
// ancestors of the current leaf: a stack, innermost last, and a run is dropped once the
// walk leaves its subtree. A leaf's run is the top or a run below it (runs on the stack are
// its ancestors, its run is its nearest one). Memory is the nesting depth of the runs that
// hold marks or italics, not a record per node of the page.
class RunStates {
 public:
  explicit RunStates(const Tree& tree) : tree_(tree) {}
  // The state of `leaf`'s run; valid until the next call.
  Emphasis& of(NodeId leaf) {
    while (!open_.empty() && leaf >= open_.back().end) open_.pop_back();
    const NodeId run = run_of(tree_, leaf);
    if (open_.empty() || open_.back().node != run)
      open_.push_back({run, run == kNoNode ? kNoNode : tree_.subtree_end(run), {}});
    return open_.back().state;
  }

 private:
  struct Open {
    NodeId node;
    NodeId end;  // one past the run's subtree
    Emphasis state;
  };
  const Tree& tree_;
  std::vector<Open> open_;
};

// Advances `e` over text[from, to).
void scan_emphasis(std::string_view text, size_t from, size_t to, Emphasis& e) {
  for (size_t i = from; i < to; ++i) {
    const char c = text[i];
    if (c == '\n') {
      e = {};
    } else if (c == '"') {
      e.straight = !e.straight;
    } else if (c == '\xE2' && i + 2 < text.size() && text[i + 1] == '\x80') {
      if (text[i + 2] == '\x9C') ++e.curly;                 // “
      if (text[i + 2] == '\x9D' && e.curly > 0) --e.curly;  // ”
    }
  }
}

// "Retrieved 2007-03-01", "accessed 2007-03-01", "Archived from the original on 2007-03-01":
// the Manual of Style allows yyyy-mm-dd for access and archive dates.
// The wiki's own word ("abgerufen am", "consulté le", profile.retrieved_words) counts too.
bool access_words_before(const WikiProfile& profile, std::string_view text, size_t at) {
  const size_t from = at > 48 ? at - 48 : 0;
  const std::string window = fold_case(text.substr(from, at - from));
  for (std::string_view w : {"retriev", "access", "archiv", "consulted", "viewed"})
    if (window.find(w) != std::string::npos) return true;
  for (const std::string& w : profile.retrieved_words)
    if (window.find(w) != std::string::npos) return true;
  return false;
}

void report_date_templates(const Article& article, const IsoCells& iso_cells, DateFormat want,
                           const char* want_name, FindingSink& out) {
  const Tree& tree = article.tree();
  for (size_t i = 0; i < article.templates.size(); ++i) {
    const std::string& name = article.template_names[i];
    if (!article.is_date_template_node(article.templates[i])) continue;
    const NodeId id = article.templates[i];
    const auto d = article.template_date(id);
    if (!d || d->precision != DatePrecision::Day) continue;
    if (d->format != DateFormat::Dmy && d->format != DateFormat::Mdy) continue;
    if (d->format == want) continue;
    const Where w = where_is(article, iso_cells, id);
    if (w.context == Context::Skip || w.context == Context::Citation) continue;
    const Node& n = tree[id];
    const std::string written(tree.text(id));
    const std::string wanted = format_date(*d, want);
    // The fix: a date given as text is rewritten; separate parameters get the parameter that
    // shows them day first. Other shapes (format=mdy in a dmy article) are left to the editor.
    std::optional<Fix> fix;
    const std::string lname = to_lower(name);
    bool has_format = false, text_date = false;
    NodeId first = kNoNode;
    int positional = 0;
    tree.for_each_child(id, [&](NodeId c) {
      if (tree[c].kind != NodeKind::Parameter) return;
      const std::string pn = to_lower(trim(tree.name(c)));
      if (tree[c].level == 0 && (pn == "format" || pn == "df")) has_format = true;
      if (tree[c].level > 0) ++positional;
      if (tree[c].level == 1) first = c;
    });
    // One positional argument holding a whole date: {{dts|March 23, 1977}}.
    if (first != kNoNode && positional == 1) text_date = parse_date(tree.value(first)).has_value();
    const bool dts = lname == "dts" || lname == "dtsh" || lname == "date table sorting";
    const bool closed = tree.text(id).ends_with("}}");
    if (!has_format && text_date && (dts || lname == "date")) {
      const Range r = tree.value_range(first);
      fix = Fix{"write the date as " + quoted(wanted), {{r.begin, r.end, wanted}}, true};
    } else if (!has_format && !text_date && want == DateFormat::Dmy && closed) {
      const std::string add = dts ? "|format=dmy" : (lname == "date" ? "" : "|df=y");
      if (!add.empty())
        fix = Fix{"add " + add.substr(1) + " so the date shows day first",
                  {{n.end - 2, n.end - 2, add}},
                  true};
    }
    out.report(n.range(),
               "{{" + name + "}} shows the date as " + quoted(to_string(*d)) +
                   ", but the article uses " + want_name + " dates (" + wanted + ")",
               written, {{tree[article.date_format_template].range(), "the declaration"}},
               std::move(fix));
  }
}

}  // namespace

std::unique_ptr<Rule> make_date_format_rule() {
  return make_rule(
      kMeta,
      [](const Article& article, const RuleOptions& options, FindingSink& out) {
        const DateFormat want = article.declared_date_format;
        if (want != DateFormat::Dmy && want != DateFormat::Mdy) return;
        const bool citation_dates = yes(options, "citation-dates");
        const Tree& tree = article.tree();
        const char* want_name = want == DateFormat::Dmy ? "day month year" : "month day, year";
        RunStates runs(tree);
        const IsoCells iso_cells = iso_columns(article);
        for_each_node_of(article, {NodeKind::Text, NodeKind::Syntax}, [&](NodeId id) {
          const Node& n = tree[id];
          if (n.kind == NodeKind::Syntax) {
            const std::string_view s = tree.text(id);
            if (s == "''" || s == "'''''") {
              Emphasis& e = runs.of(id);
              e.italic = !e.italic;
            }
            return;
          }
          const std::string_view leaf = tree.text(id);
          const LeafLook look = look_at_leaf(leaf);
          // Only runs that ever hold a quotation mark or a line break need their state kept.
          if (!look.may_hold_date && !look.has_marks) return;
          Emphasis& e = runs.of(id);
          if (!look.may_hold_date) {
            if (look.last_break != std::string_view::npos) e = {};
            scan_emphasis(leaf, look.first_mark, leaf.size(), e);
            return;
          }
          // Where the leaf stands is asked in two steps: the walk over its ancestors first,
          // then the kinds of the template parameters it stands in, only for a leaf with a
          // date in a format that could be reported (a few in a hundred).
          const Where quick = where_is(article, iso_cells, id, /*parameters=*/false);
          auto mentions = quick.context == Context::Skip ? std::vector<DateMention>{}
                                                         : find_dates_in_prose(leaf);
          const bool reportable = std::any_of(mentions.begin(), mentions.end(), [&](const auto& m) {
            return reported_format(m.date.format, want);
          });
          const Where w = reportable ? where_is(article, iso_cells, id) : quick;
          if (w.context == Context::Skip) mentions.clear();
          size_t scanned = 0;
          for (const DateMention& m : mentions) {
            scan_emphasis(leaf, scanned, m.begin, e);
            scanned = m.begin;
            const DateFormat f = m.date.format;
            if (!reported_format(f, want)) continue;
            if (e.inside()) continue;  // a quotation or a title
            if (w.context == Context::Citation && !citation_dates) continue;
            if (f == DateFormat::Iso &&
                (w.iso_ok || (w.in_ref && w.context == Context::Shown &&
                              access_words_before(article.profile(), leaf, m.begin))))
              continue;
            const Range r{static_cast<uint32_t>(n.begin + m.begin),
                          static_cast<uint32_t>(n.begin + m.end)};
            const std::string written(tree.slice(r));
            const std::string wanted = format_date(m.date, want);
            Fix fix{"write " + quoted(written) + " as " + quoted(wanted),
                    {{r.begin, r.end, wanted}},
                    true};
            out.report(r,
                       "date " + quoted(written) + " is written " + to_string(f) +
                           ", but the article uses " + want_name + " dates (" + wanted + ")",
                       written, {{tree[article.date_format_template].range(), "the declaration"}},
                       std::move(fix));
          }
          scan_emphasis(leaf, scanned, leaf.size(), e);
        });
        report_date_templates(article, iso_cells, want, want_name, out);
      },
      {"citation-dates"});
}

}  // namespace wikivet
