// The date a table cell holds: a date template or plain text, with trailing refs, notes, <br>
// and comments ignored.

#include <algorithm>
#include <cctype>
#include <optional>
#include <span>
#include <vector>

#include "model/article.hpp"
#include "model/date_scan.hpp"
#include "model/node_util.hpp"
#include "model/text_util.hpp"

namespace wikivet {

using namespace model_detail;

namespace {

// The date a text is before a final parenthesis in the language's words: "D M Y (...)".
std::optional<Date> date_before_parentheses(const DateLanguage& language, std::string_view text) {
  text = trim(text);
  if (text.size() < 3 || text.back() != ')') return std::nullopt;
  const size_t open = text.rfind('(');
  if (open == std::string_view::npos || open == 0) return std::nullopt;
  return language.parse(trim(text.substr(0, open)));
}

// What a cell's plain text says as a date, read in the wiki's language; dv.text holds it.
void classify_date_text(DateValue& dv, const WikiProfile& profile) {
  const std::string& text = dv.text;
  const DateLanguage& language = profile.dates;
  // The readings below each cut the text into the date scanner's tokens: it is cut once for
  // all of them. The text is plain and its spaces folded, so it holds no blank at its ends
  // that a reading would trim first (each reads the same tokens as from its own trimmed text);
  // English has no digits of its own to turn into ASCII ones first.
  const bool trimmed = trim(text).size() == text.size();
  const bool english = language.english_only() && trimmed;
  std::vector<date_scan::Token> tokens;
  bool cut = false;
  auto cut_tokens = [&]() -> std::span<const date_scan::Token> {
    if (!cut) tokens = date_scan::tokenize(text);
    cut = true;
    return tokens;
  };
  auto one_date = [&]() {
    return english ? date_scan::one_date(cut_tokens()) : language.parse(text);
  };
  auto range = [&]() {
    return english ? date_scan::date_range(text, cut_tokens()) : language.parse_range(text);
  };
  auto malformed = [&]() {
    return trimmed ? date_scan::malformed_date(text, cut_tokens()) : parse_malformed_date(text);
  };
  auto qualified = [&]() {
    return trimmed ? date_scan::qualified_date(text, cut_tokens(), 8) : parse_qualified_date(text);
  };
  if (text.empty()) {
    dv.kind = DateValue::Kind::Empty;
  } else if (is_unknown_date_text(text)) {
    dv.kind = DateValue::Kind::Unknown;
    if (is_not_applicable_text(text)) dv.missing = DateValue::Missing::NotApplicable;
  } else if (profile.is_unknown_word(text)) {
    dv.kind = DateValue::Kind::Unknown;
    if (profile.is_not_applicable_word(text)) dv.missing = DateValue::Missing::NotApplicable;
  } else if (auto d = one_date()) {
    dv.kind = DateValue::Kind::Date;
    dv.date = *d;
    // A bare four-digit number far in the future is a quantity (a population, a height), not
    // a year, in a table cell.
    if (d->precision == DatePrecision::Year && d->format == DateFormat::Year && d->year > 2100)
      dv.kind = DateValue::Kind::NotDate;
  } else if (auto period = text.size() <= 64 ? range() : std::nullopt) {
    dv.kind = DateValue::Kind::Range;
    dv.date = period->first;
    dv.period_end = period->last;
  } else if (auto head = language.english_only() || text.size() > 200
                             ? std::nullopt
                             : date_before_parentheses(language, text)) {
    // "1878 փետրվարի 19 (մարտի 13)": a date with a note in parentheses (the other calendar's
    // day, a place), one date qualified as "1921 (before the exchange)" is in English.
    dv.kind = DateValue::Kind::Qualified;
    dv.date = *head;
  } else if (!language.understands(text)) {
    // Words of a language the profile does not read as dates ("১৯৬১ সালে" where the profile
    // knows only month names, Cyrillic on a page read as English): wikivet cannot tell whether
    // this is a date at all, so for the rules it is none.
    dv.kind = DateValue::Kind::NotDate;
  } else if (text.size() <= 64 && malformed()) {
    dv.kind = DateValue::Kind::Invalid;
    dv.fault = DateValue::Fault::Malformed;
  } else if (auto q = text.size() <= 200 ? qualified() : std::nullopt) {
    dv.kind = DateValue::Kind::Qualified;
    dv.date = *q;
  } else {
    dv.kind = DateValue::Kind::Invalid;
    dv.fault = DateValue::Fault::Uncounted;
  }
}

// A note template of the wiki ({{efn}}'s kin in the profile): a note after the date.
bool is_note(const ReferenceTemplates::Entry* e) {
  return e && e->kind == ReferenceTemplates::Kind::Note;
}

}  // namespace

DateValue::Fault DateValue::fault_of_invalid() const {
  if (fault != Fault::Uncounted) return fault;
  return count_dates(text) >= 2 ? Fault::Several : Fault::NotOneDate;
}

DateValue Article::cell_date(const Table&, const TableCell& cell) const {
  DateValue dv;
  const NodeId content = tree_.child(cell.node, NodeKind::CellContent);
  if (content == kNoNode) {
    dv.range = cell.content;
    return dv;
  }
  // Fast path for the many cells that are no date at all (names, prose, flags): every date
  // and every failed attempt at one has a digit (ASCII or the wiki's own), and every date
  // template renders one.
  const DateLanguage& language = profile_->dates;
  const bool has_digit = language.has_digit(cell.plain);
  if (!has_digit && !cell.plain.empty() && !is_unknown_date_text(cell.plain) &&
      !profile_->is_unknown_word(cell.plain)) {
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
  NodeId unknown_template = kNoNode;
  std::vector<NodeId> breaks_at;  // every line break after the first content
  bool something = false;         // an image, a check mark or another template that shows something
  tree_.for_each_child(content, [&](NodeId c) {
    const Node& n = tree_[c];
    const std::string lname = n.kind == NodeKind::Template ? to_lower(template_name(c)) : "";
    const bool ignorable =
        (n.kind == NodeKind::Text && trim(tree_.text(c)).empty()) || n.kind == NodeKind::Comment ||
        (n.kind == NodeKind::ExtensionTag && is_tag(tree_, c, "ref")) ||
        (n.kind == NodeKind::Template &&
         (lname.rfind("efn", 0) == 0 || lname == "refn" || is_note(reference_template(c))));
    // <br> and the templates that stand for it ({{pb}}, {{break}}) end the date's line.
    const bool breaks = (n.kind == NodeKind::HtmlTag && iequals(tree_.name(c), "br")) ||
                        (n.kind == NodeKind::Template &&
                         (lname == "pb" || lname == "break" || lname == "br" || lname == "clear"));
    if (breaks && first != kNoNode) {
      if (line_break == kNoNode) line_break = c;
      breaks_at.push_back(c);
    }
    if (ignorable) return;
    if (n.kind == NodeKind::Template && !breaks) {
      if (date_template == kNoNode && is_date_template_node(c)) {
        date_template = c;
      } else if (is_unknown_date_template(template_name(c))) {
        if (unknown_template == kNoNode) unknown_template = c;
      } else {
        something = true;
      }
    }
    if (n.kind == NodeKind::WikiLink && profile_->is_file_link(tree_.name(c))) something = true;
    if (first == kNoNode) first = c;
    last = c;
  });
  if (first == kNoNode) {
    dv.range = {tree_[content].begin, tree_[content].begin};
    return dv;
  }
  auto trim_range = [&](Range r) {
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
  // The written text from node b to node e, without white space at its ends.
  auto trimmed = [&](NodeId b, NodeId e) { return trim_range({tree_[b].begin, tree_[e].end}); };
  dv.range = trimmed(first, last);
  // One node holds the date's words in most cells (a text, a template, a link, with refs or
  // notes beside it): its text is what plain_text_within would give, read without walking
  // the content again. A text node's part in the range is its text, folded; a node the range
  // covers whole is its plain text.
  if (first == last && tree_[first].kind == NodeKind::Text)
    dv.text = fold_spaces(tree_.slice(dv.range));
  else if (first == last && dv.range == tree_[first].range())
    dv.text = plain_text(first);
  else
    dv.text = plain_text_within(content, dv.range);
  if (date_template != kNoNode) {
    const Range tr = tree_[date_template].range();
    const std::string before = plain_text_within(content, {dv.range.begin, tr.begin});
    const std::string after = plain_text_within(content, {tr.end, dv.range.end});
    auto date = template_date(date_template);
    dv.from_template = true;
    if (date && before.empty() && (after.empty() || after == "." || after == ",")) {
      dv.kind = DateValue::Kind::Date;
      dv.date = *date;
      dv.range = tr;
      return dv;
    }
    // Copied only now: most date templates hold their date, and return above.
    const auto params = template_params(date_template);
    if (!date && date_template_before_year_one(template_name(date_template), params)) {
      // {{dts|44|3|15|BC}}, {{dts|0|1|1}}: a date, but before AD 1, which no date rule
      // compares; neither a broken date nor an empty one.
      dv.kind = DateValue::Kind::NotDate;
      dv.text = std::string(tree_.text(date_template));
      dv.range = tr;
      return dv;
    }
    if (!date) {
      // {{dts|}}: nothing to show, an empty date. Arguments that are no date: a broken one.
      const bool blank = std::all_of(params.begin(), params.end(), [](const auto& p) {
        return p.first.empty() || !std::isdigit(static_cast<unsigned char>(p.first[0])) ||
               trim(p.second).empty();
      });
      dv.kind = blank && before.empty() && after.empty() && !something ? DateValue::Kind::Empty
                                                                       : DateValue::Kind::Invalid;
      if (dv.kind == DateValue::Kind::Invalid) {
        // "{{dts|1993-5-19}}": the argument as the message shows it.
        std::string_view arg;
        for (const auto& [k, v] : params)
          if (k == "1") arg = trim(v);
        if (!arg.empty() && parse_malformed_date(arg)) {
          dv.text = std::string(arg);
          dv.fault = DateValue::Fault::Malformed;
        } else {
          dv.text = std::string(tree_.text(date_template));
        }
        dv.range = tr;
      }
      return dv;
    }
    // Words around the template ("Before {{dts|1984}}", "19 October {{dts|1929}}",
    // "{{dts|1920}}s"): the cell reads as its text with the template's date in it, below.
  }
  if (dv.text.empty() && unknown_template != kNoNode) {
    // {{N/A}}, {{Unknown}}, {{TBA}}.
    const std::string name = to_lower(template_name(unknown_template));
    dv.kind = DateValue::Kind::Unknown;
    dv.missing = name == "n/a" || name == "na" ? DateValue::Missing::NotApplicable
                                               : DateValue::Missing::Unknown;
    dv.text = "{{" + template_name(unknown_template) + "}}";
    return dv;
  }
  classify_date_text(dv, *profile_);
  if (dv.kind == DateValue::Kind::Empty && something) dv.kind = DateValue::Kind::NotDate;
  if (dv.kind == DateValue::Kind::Invalid && line_break != kNoNode) {
    // A date followed by a note on its own line ("1962<br>(re-established 2001)"); a second
    // date alone on the next line is a second date, not a note.
    const Range head = {dv.range.begin, tree_[line_break].begin};
    const Range tail = {tree_[line_break].end, dv.range.end};
    const std::string head_text = plain_text_within(content, head);
    const std::string tail_text = plain_text_within(content, tail);
    if (auto hd = language.parse(head_text); hd && !language.parse(tail_text)) {
      dv.kind = DateValue::Kind::Date;
      dv.note = true;
      dv.date = *hd;
      dv.text = head_text;
      dv.range = trim_range(head);
    }
  }
  if (dv.kind == DateValue::Kind::Invalid && !breaks_at.empty()) {
    // One labelled date a line ("1949 (East Germany)<br>March 1, 2001 (United Germany)"): the
    // cell says what each date is.
    bool labelled = true;
    std::optional<Date> top;
    uint32_t from = dv.range.begin;
    for (size_t k = 0; k <= breaks_at.size() && labelled; ++k) {
      const uint32_t to = k < breaks_at.size() ? tree_[breaks_at[k]].begin : dv.range.end;
      if (to < from) break;
      const std::string line = plain_text_within(content, {from, to});
      const auto q = parse_qualified_date(line);
      labelled = q.has_value();
      if (q && !top) top = q;
      if (k < breaks_at.size()) from = tree_[breaks_at[k]].end;
    }
    if (labelled && top) {
      dv.kind = DateValue::Kind::Qualified;
      dv.date = *top;
    }
  }
  return dv;
}

}  // namespace wikivet
