// date-format: a date written in another format than the one the article declares.
#include <algorithm>

#include "model/text_util.hpp"
#include "rules/rule_factories.hpp"
#include "rules/rule_util.hpp"

namespace wikivet {

namespace {

constexpr RuleMeta kMeta{
    "date-format",
    Category::Dates,
    Severity::Warning,
    "A date is written in another format than the {{Use dmy dates}} / {{Use mdy dates}} one.",
    R"md(
`{{Use dmy dates}}` or `{{Use mdy dates}}` at the top of an article declares how its dates
are written ("20 August 1960" or "August 20, 1960"). Dates in prose, tables and citation
parameters should follow it. ISO dates (1960-08-20) are allowed in citations' access-date
and archive-date parameters, as the Manual of Style allows them there. Month-and-year and
year-only dates have no day order and are never reported. The fix rewrites the date in the
declared format.

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

bool iso_allowed_parameter(std::string_view name) {
  const std::string n = to_lower(trim(name));
  return n == "access-date" || n == "accessdate" || n == "archive-date" || n == "archivedate";
}

// Text leaves whose dates are not prose: link targets, URLs, names, attributes, raw tags.
bool skip_leaf(const Tree& tree, NodeId id) {
  const NodeId parent = tree[id].parent;
  if (parent == kNoNode) return false;
  switch (tree[parent].kind) {
    case NodeKind::LinkTarget:
    case NodeKind::TemplateName:
    case NodeKind::ParameterName:
    case NodeKind::TableAttributes:
    case NodeKind::TagOpen:
      return true;
    case NodeKind::TagContent: {
      const NodeId tag = tree[parent].parent;
      const std::string_view name = tree.name(tag);
      return !(iequals(name, "ref") || iequals(name, "references") || iequals(name, "poem"));
    }
    default:
      return false;
  }
}

// A cheap look for what every reportable date has: an ISO "d-d" or "d–d" digit pair, or
// a capitalised English month name next to a digit somewhere in the leaf. URLs are skipped.
bool may_hold_full_date(std::string_view s) {
  const std::string_view t = trim(s);
  if (t.substr(0, 4) == "http" || t.substr(0, 2) == "//") return false;
  static constexpr std::string_view kMonths[] = {"Jan", "Feb", "Mar", "Apr", "May", "Jun",
                                                 "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"};
  bool digit = false, month = false;
  for (size_t i = 0; i < s.size(); ++i) {
    const char c = s[i];
    if (c >= '0' && c <= '9') {
      digit = true;
      if (i + 2 < s.size() && s[i + 1] == '-' && s[i + 2] >= '0' && s[i + 2] <= '9') return true;
    } else if (!month && c >= 'A' && c <= 'S' && i + 3 <= s.size()) {
      const std::string_view w = s.substr(i, 3);
      for (auto m : kMonths) month = month || w == m;
    }
    if (digit && month) return true;
  }
  return false;
}

}  // namespace

std::unique_ptr<Rule> make_date_format_rule() {
  return make_rule(kMeta, [](const Article& article, const RuleOptions&, FindingSink& out) {
    const DateFormat want = article.declared_date_format;
    if (want != DateFormat::Dmy && want != DateFormat::Mdy) return;
    const Tree& tree = article.tree();
    const char* want_name = want == DateFormat::Dmy ? "day month year" : "month day, year";
    for (NodeId id = 0; id < tree.size(); ++id) {
      const Node& n = tree[id];
      if (n.kind != NodeKind::Text) continue;
      // Most text leaves hold no date this rule could report: look before tokenizing.
      const std::string_view leaf = tree.text(id);
      if (!may_hold_full_date(leaf)) continue;
      if (skip_leaf(tree, id)) continue;
      // ISO dates are allowed in access-date and archive-date parameters.
      bool iso_ok = false;
      const NodeId value = n.parent;
      if (value != kNoNode && tree[value].kind == NodeKind::ParameterValue) {
        const NodeId param = tree[value].parent;
        iso_ok = param != kNoNode && iso_allowed_parameter(tree.name(param));
        // A date template renders its parameters in its own format: not what is written.
        const NodeId tmpl = param != kNoNode ? tree[param].parent : kNoNode;
        if (tmpl != kNoNode && tree[tmpl].kind == NodeKind::Template &&
            is_date_template(article.template_name(tmpl)))
          continue;
      }
      for (const DateMention& m : find_dates_in_prose(tree.text(id))) {
        const DateFormat f = m.date.format;
        if (f == want || f == DateFormat::MonthYear || f == DateFormat::Year) continue;
        if (f == DateFormat::Iso && iso_ok) continue;
        if (f != DateFormat::Dmy && f != DateFormat::Mdy && f != DateFormat::Iso) continue;
        const Range r{static_cast<uint32_t>(n.begin + m.begin),
                      static_cast<uint32_t>(n.begin + m.end)};
        const std::string written(tree.slice(r));
        const std::string wanted = format_date(m.date, want);
        Fix fix{"write " + quoted(written) + " as " + quoted(wanted), {{r.begin, r.end, wanted}}};
        out.report(r,
                   "date " + quoted(written) + " is written " + to_string(f) +
                       ", but the article uses " + want_name + " dates (" + wanted + ")",
                   written, {{tree[article.date_format_template].range(), "the declaration"}},
                   std::move(fix));
      }
    }
  });
}

}  // namespace wikivet
