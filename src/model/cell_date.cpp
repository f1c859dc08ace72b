// The date a table cell holds: a date template or plain text, with trailing refs, notes, <br>
// and comments ignored.

#include <algorithm>

#include "model/article.hpp"
#include "model/node_util.hpp"
#include "model/text_util.hpp"

namespace wikivet {

using namespace model_detail;

DateValue Article::cell_date(const Table&, const TableCell& cell) const {
  DateValue dv;
  const NodeId content = tree_.child(cell.node, NodeKind::CellContent);
  if (content == kNoNode) {
    dv.range = cell.content;
    return dv;
  }
  // Fast path for the many cells that are no date at all (names, prose, flags): every date
  // and every failed attempt at one has a digit, and every date template renders one.
  const bool has_digit = std::any_of(cell.plain.begin(), cell.plain.end(),
                                     [](char c) { return c >= '0' && c <= '9'; });
  if (!has_digit && !cell.plain.empty() && !is_unknown_date_text(cell.plain)) {
    bool has_template = false;
    tree_.for_each_child(content, [&](NodeId c) {
      has_template = has_template || tree_[c].kind == NodeKind::Template;
    });
    if (!has_template) {
      dv.kind = DateValue::Kind::NotDate;
      dv.range = cell.content;
      dv.text = cell.plain;
      return dv;
    }
  }
  // The date's own range: the content without leading/trailing blanks, refs, notes, comments.
  NodeId first = kNoNode, last = kNoNode, date_template = kNoNode, line_break = kNoNode;
  tree_.for_each_child(content, [&](NodeId c) {
    const Node& n = tree_[c];
    const bool ignorable =
        (n.kind == NodeKind::Text && trim(tree_.text(c)).empty()) || n.kind == NodeKind::Comment ||
        (n.kind == NodeKind::ExtensionTag && is_tag(tree_, c, "ref")) ||
        (n.kind == NodeKind::Template &&
         (to_lower(template_name(c)).rfind("efn", 0) == 0 || to_lower(template_name(c)) == "refn"));
    if (n.kind == NodeKind::HtmlTag && iequals(tree_.name(c), "br") && line_break == kNoNode &&
        first != kNoNode)
      line_break = c;
    if (ignorable) return;
    if (n.kind == NodeKind::Template && date_template == kNoNode &&
        is_date_template(template_name(c)))
      date_template = c;
    if (first == kNoNode) first = c;
    last = c;
  });
  if (first == kNoNode) {
    dv.range = {tree_[content].begin, tree_[content].begin};
    return dv;
  }
  auto trimmed = [&](NodeId b, NodeId e) {
    Range r{tree_[b].begin, tree_[e].end};
    std::string_view s = tree_.slice(r);
    while (!s.empty() && is_space(s.front())) {
      s.remove_prefix(1);
      ++r.begin;
    }
    while (!s.empty() && is_space(s.back())) {
      s.remove_suffix(1);
      --r.end;
    }
    return r;
  };
  dv.range = trimmed(first, last);
  dv.text = fold_spaces(plain_text_within(content, dv.range));
  if (date_template != kNoNode) {
    const Range tr = tree_[date_template].range();
    const std::string before = plain_text_within(content, {dv.range.begin, tr.begin});
    const std::string after = plain_text_within(content, {tr.end, dv.range.end});
    auto date = date_from_template(template_name(date_template), template_params(date_template));
    dv.from_template = true;
    if (date && before.empty() && (after.empty() || after == "." || after == ",")) {
      dv.kind = DateValue::Kind::Date;
      dv.date = *date;
      dv.range = tr;
      return dv;
    }
    dv.kind = DateValue::Kind::Invalid;
    return dv;
  }
  if (dv.text.empty()) {
    dv.kind = DateValue::Kind::Empty;
  } else if (is_unknown_date_text(dv.text)) {
    dv.kind = DateValue::Kind::Unknown;
  } else if (auto d = parse_date(dv.text)) {
    dv.kind = DateValue::Kind::Date;
    dv.date = *d;
    // A bare four-digit number far in the future is a quantity (a population, a height), not
    // a year, in a table cell.
    if (d->precision == DatePrecision::Year && d->format == DateFormat::Year && d->year > 2100)
      dv.kind = DateValue::Kind::NotDate;
  } else if (auto period = dv.text.size() <= 64 ? parse_date_range(dv.text) : std::nullopt) {
    dv.kind = DateValue::Kind::Range;
    dv.date = period->first;
  } else {
    dv.kind = DateValue::Kind::Invalid;
    // A date followed by a note on its own line ("1962<br>(re-established 2001)").
    if (line_break != kNoNode) {
      const Range head = {dv.range.begin, tree_[line_break].begin};
      const std::string head_text = plain_text_within(content, head);
      if (auto hd = parse_date(head_text)) {
        dv.kind = DateValue::Kind::Date;
        dv.date = *hd;
        dv.text = head_text;
        dv.range = head;
      }
    }
  }
  return dv;
}

}  // namespace wikivet
