// Pass 2, the sweep: see parser_impl.hpp. This file holds the loop, the frame stack and the
// preprocessor constructs (templates, links, headings, extension tags); parser_inline.cpp the
// inline tokens; parser_lines.cpp line starts, lists and tables.
#include <algorithm>
#include <limits>

#include "parse/attributes.hpp"
#include "parse/parser_impl.hpp"
#include "parse/tags.hpp"

namespace wikivet {
namespace parse_detail {
namespace {
// Every byte the sweep may act on (see loop()).
constexpr ByteSet kStops{"{}[]<\n|!=&_:'"};
}  // namespace

Parser::Parser(std::string_view text)
    : t_(text), n_(static_cast<uint32_t>(text.size())), angles_(text), stops_(kStops, text) {}

Tree Parser::run() {
  b_.reserve(n_ / 4 + 64);  // real pages: about one node per 5 bytes
  b_.add(NodeKind::Document, 0, n_);
  levels_.emplace_back();
  preprocess(t_, 0, n_, angles_, levels_[0].pp);
  depth_ = 1;
  Frame root;
  root.kind = FrameKind::Root;
  root.node = root.container = 0;
  root.stop = root.eff_stop = n_;
  frames_.push_back(root);
  loop();
  Tree tree(t_);
  b_.finish(tree.mutable_nodes(), tree.mutable_extras());
  std::stable_sort(problems_.begin(), problems_.end(), [](const Problem& a, const Problem& b) {
    return a.range.begin < b.range.begin;
  });
  tree.mutable_problems() = std::move(problems_);
  return tree;
}

void Parser::loop() {
  const char* d = t_.data();
  while (true) {
    if (at_line_start_) {
      at_line_start_ = false;
      if (pos_ < top().eff_stop && line_start()) continue;
    }
    const uint32_t stop = top().eff_stop;
    const uint32_t p = stops_.next(pos_, stop);
    pos_ = p;
    if (p >= stop) {
      if (!at_stop()) return;
      continue;
    }
    switch (d[p]) {
      case '\n':
        on_newline();
        break;
      case '{':
        on_open_brace();
        break;
      case '[':
        on_open_bracket();
        break;
      case '}':
        on_close_brace();
        break;
      case ']':
        on_close_bracket();
        break;
      case '<':
        on_angle();
        break;
      case '|':
        on_pipe();
        break;
      case '!':
        on_bang();
        break;
      case '=':
        on_equals();
        break;
      case '&':
        on_entity();
        break;
      case '_':
        on_underscore();
        break;
      case ':':
        on_colon();
        break;
      case '\'':
        on_apostrophe();
        break;
      default:
        ++pos_;
        break;
    }
  }
}

// ---- emission ------------------------------------------------------------------------------

void Parser::flush(uint32_t upto) {
  if (txt_ < upto) b_.add_child(top().container, NodeKind::Text, txt_, upto);
  if (txt_ < upto) txt_ = upto;
}

NodeId Parser::emit(NodeKind kind, uint32_t begin, uint32_t end) {
  flush(begin);
  const NodeId id = b_.add_child(top().container, kind, begin, end);
  txt_ = end;
  return id;
}

NodeId Parser::open_in(NodeId parent, NodeKind kind, uint32_t begin) {
  return b_.add_child(parent, kind, begin, begin);
}

void Parser::problem(ProblemKind kind, uint32_t begin, uint32_t end, std::string detail) {
  problems_.push_back(Problem{kind, Range{begin, end}, std::move(detail)});
}

Range Parser::trimmed(NodeId c) const {
  const Node& n = b_.nodes[c];
  auto ws = [](char ch) { return ch == ' ' || ch == '\t' || ch == '\n' || ch == '\r'; };
  if (b_.first_child(c) == kNoNode) {
    uint32_t b = n.begin, e = n.end;
    while (b < e && ws(t_[b])) ++b;
    while (e > b && ws(t_[e - 1])) --e;
    return {b, e};
  }
  bool found = false;
  uint32_t b = n.end, e = n.end;
  for (NodeId k = b_.first_child(c); k != kNoNode; k = b_.next_sibling(k)) {
    const Node& ch = b_.nodes[k];
    if (ch.kind == NodeKind::Comment) continue;
    uint32_t cb = ch.begin, ce = ch.end;
    if (ch.kind == NodeKind::Text) {
      if (!found)
        while (cb < ce && ws(t_[cb])) ++cb;
      while (ce > cb && ws(t_[ce - 1])) --ce;
      if (cb == ce) continue;
    }
    if (!found) b = cb;
    found = true;
    e = ce;
  }
  if (!found) return {n.begin, n.begin};
  return {b, e};
}

bool Parser::closes_in_output(uint32_t pos) {
  Level& l = levels_[depth_ - 1];
  const auto& at = l.pp.closed_in_output;
  while (l.output_cursor < at.size() && at[l.output_cursor] < pos) ++l.output_cursor;
  return l.output_cursor < at.size() && at[l.output_cursor] == pos;
}

const OpenRecord* Parser::find_open(OpenRecord::Type type, uint32_t pos) {
  Level& l = levels_[depth_ - 1];
  const auto& opens = l.pp.opens;
  while (l.cursor < opens.size() && opens[l.cursor].pos < pos) ++l.cursor;
  if (l.cursor < opens.size() && opens[l.cursor].pos == pos && opens[l.cursor].type == type)
    return &opens[l.cursor];
  return nullptr;
}

// ---- frames --------------------------------------------------------------------------------

void Parser::push(const Frame& f) {
  const uint32_t eff_stop = frames_.empty() ? f.stop : std::min(f.stop, top().eff_stop);
  const bool gives_way = f.kind == FrameKind::ExtLink || f.kind == FrameKind::ListItem;
  const uint32_t base =
      gives_way && !frames_.empty() ? top().base : static_cast<uint32_t>(frames_.size());
  Frame& pushed = frames_.emplace_back(f);
  pushed.eff_stop = eff_stop;
  pushed.base = base;
}

void Parser::dissolve_top() {
  flush(pos_);
  const Frame f = top();
  frames_.pop_back();
  b_.dissolve(f.parent, f.prev, f.node);
}

void Parser::close_abruptly() {
  Frame& f = top();
  switch (f.kind) {
    case FrameKind::ListItem:
      flush(pos_);
      b_[f.node].end = pos_;
      frames_.pop_back();
      break;
    case FrameKind::Table:
      close_table(true);
      break;
    case FrameKind::Ext:  // not expected: an extension tag's end is inside its parent
      flush(pos_);
      b_[f.container].end = pos_;
      b_[f.node].end = pos_;
      b_[f.node].flags |= kUnclosed;
      --open_ext_[static_cast<size_t>(f.tag)];
      --depth_;
      frames_.pop_back();
      break;
    default:  // external links; anything else only if the passes ever disagreed
      dissolve_top();
      break;
  }
}

void Parser::pop_above(size_t index) {
  while (frames_.size() > index + 1) close_abruptly();
}

bool Parser::at_stop() {
  size_t i = frames_.size() - 1;
  while (i > 0 && frames_[i].stop != pos_) --i;
  pop_above(i);
  switch (top().kind) {
    case FrameKind::Root:
      flush(n_);
      return false;
    case FrameKind::Ext:
      close_ext();
      return true;
    case FrameKind::Brace:
      close_brace();
      return true;
    case FrameKind::Link:
      close_link();
      return true;
    case FrameKind::Heading:
      heading_stop();
      return true;
    default:  // unreachable: only the kinds above have stops
      dissolve_top();
      return true;
  }
}

// Which frame a '|' at pos_ belongs to: the innermost template or link, or a table on a cell's
// first line; external links and list items in between give way. kNpos: the '|' is text.
size_t Parser::pipe_owner(bool double_pipe) const {
  const size_t i = frames_.back().base;
  const Frame& f = frames_[i];
  switch (f.kind) {
    case FrameKind::Table:
      if (f.cell_line && !f.attr_line && (double_pipe || !f.attrs_decided)) return i;
      return kNpos;
    case FrameKind::Brace:
    case FrameKind::Link:
      return i;
    default:
      return kNpos;
  }
}

bool Parser::equals_active() const {
  const Frame& f = frames_[frames_.back().base];
  return f.kind == FrameKind::Brace && f.part > 0 && !f.has_equals;
}

// ---- templates, arguments, parser functions -------------------------------------------------

void Parser::on_open_brace() {
  const uint32_t lim = top().eff_stop;
  const uint32_t n = run_length(t_, pos_, lim, '{');
  const OpenRecord* r = n >= 2 ? find_open(OpenRecord::Brace, pos_) : nullptr;
  if (!r || r->count != n || r->first_match == kNpos) {
    if (n >= 2)
      problem(ProblemKind::UnclosedTemplate, pos_, pos_ + n, std::string(n == 2 ? "{{" : "{{{"));
    pos_ += n;
    return;
  }
  // Matches are listed innermost first; open them outermost first.
  const auto& matches = levels_[depth_ - 1].pp.matches;
  auto& opened = scratch_;
  opened.clear();
  uint32_t used = 0;
  for (uint32_t m = r->first_match; m != kNpos; m = matches[m].next) {
    opened.emplace_back(matches[m].count, matches[m].close_pos);
    used += matches[m].count;
  }
  const uint32_t leftover = n - used;
  if (leftover >= 2) problem(ProblemKind::UnclosedTemplate, pos_, pos_ + leftover, "{{");
  uint32_t at = pos_ + leftover;
  for (size_t k = opened.size(); k-- > 0;) {
    push_brace(at, opened[k].first, opened[k].second);
    at += opened[k].first;
  }
  pos_ = at;
}

void Parser::push_brace(uint32_t begin, uint8_t count, uint32_t close) {
  flush(begin);
  Frame f;
  f.kind = FrameKind::Brace;
  f.parent = top().container;
  f.prev = b_.last_child(f.parent);
  f.node = b_.add_child(f.parent, count == 3 ? NodeKind::TemplateArgument : NodeKind::Template,
                        begin, begin);
  b_.add_child(f.node, NodeKind::Syntax, begin, begin + count);
  f.container = open_in(f.node, NodeKind::TemplateName, begin + count);
  f.title_begin = begin + count;
  f.count = count;
  f.stop = close;
  push(f);
  txt_ = begin + count;
}

void Parser::end_part(Frame& f) {
  b_[f.container].end = pos_;
  if (f.param != kNoNode) {
    b_[f.param].end = pos_;
    b_.set_value(f.param, trimmed(f.container));
    f.param = kNoNode;
  }
}

void Parser::close_brace() {
  Frame& f = top();
  flush(pos_);
  end_part(f);
  b_.add_child(f.node, NodeKind::Syntax, pos_, pos_ + f.count);
  Node& node = b_[f.node];
  node.end = pos_ + f.count;
  b_.set_name(f.node, trimmed(b_.next_sibling(b_.first_child(f.node))));
  pos_ += f.count;
  txt_ = pos_;
  frames_.pop_back();
}

void Parser::brace_pipe() {
  Frame& f = top();
  flush(pos_);
  end_part(f);
  b_.add_child(f.node, NodeKind::Syntax, pos_, pos_ + 1);
  ++pos_;
  f.param = open_in(f.node, NodeKind::Parameter, pos_);
  f.positional = static_cast<uint16_t>(f.positional == 65535 ? 65535 : f.positional + 1);
  b_[f.param].level = f.positional;
  f.container = open_in(f.param, NodeKind::ParameterValue, pos_);
  ++f.part;
  f.has_equals = false;
  txt_ = pos_;
}

void Parser::on_equals() {
  if (!equals_active()) {
    ++pos_;
    return;
  }
  pop_above(top().base);
  Frame& f = top();
  flush(pos_);
  Node& v = b_[f.container];
  v.kind = NodeKind::ParameterName;
  v.end = pos_;
  b_.set_name(f.param, trimmed(f.container));
  b_[f.param].level = 0;
  if (f.positional > 0 && f.positional < 65535) --f.positional;
  b_.add_child(f.param, NodeKind::Syntax, pos_, pos_ + 1);
  ++pos_;
  f.container = open_in(f.param, NodeKind::ParameterValue, pos_);
  f.has_equals = true;
  txt_ = pos_;
}

void Parser::on_colon() {
  Frame& f = top();
  if (f.kind == FrameKind::Brace && f.part == 0 && !f.colon_seen && f.count == 2 &&
      b_.first_child(f.container) == kNoNode && txt_ == f.title_begin) {
    f.colon_seen = true;
    std::string_view name = t_.substr(f.title_begin, pos_ - f.title_begin);
    while (!name.empty() && is_pcre_space(name.front())) name.remove_prefix(1);
    while (!name.empty() && is_pcre_space(name.back())) name.remove_suffix(1);
    if (is_parser_function(name)) {
      flush(pos_);
      b_[f.container].end = pos_;
      b_[f.node].kind = NodeKind::ParserFunction;
      b_.add_child(f.node, NodeKind::Syntax, pos_, pos_ + 1);
      ++pos_;
      f.pf = true;
      f.positional = 1;
      f.param = open_in(f.node, NodeKind::Parameter, pos_);
      b_[f.param].level = 1;
      f.container = open_in(f.param, NodeKind::ParameterValue, pos_);
      txt_ = pos_;
      return;
    }
  }
  if (bare_url(pos_)) return;
  ++pos_;
}

// ---- links ---------------------------------------------------------------------------------

void Parser::on_open_bracket() {
  const uint32_t lim = top().eff_stop;
  const uint32_t n = run_length(t_, pos_, lim, '[');
  const OpenRecord* r = n >= 2 ? find_open(OpenRecord::Bracket, pos_) : nullptr;
  if (!r || r->count != n || r->first_match == kNpos) {
    // "[[a|{{nowrap|b]]}}": closed in the template's output (Preprocessed::closed_in_output).
    const bool output_closed = r && r->count == n && r->output_close != kNpos;
    if (n >= 2 && !output_closed) problem(ProblemKind::UnclosedLink, pos_, pos_ + n, "[[");
    // "[[http://x y]" with no "]]": MediaWiki still sees an external link at the last '['.
    const uint32_t last = pos_ + n - 1;
    pos_ = last;
    // In an external link's label '[' is text: MediaWiki's label runs to the first ']', so
    // "[http://a x [http://b y]" is one link to a, labelled "x [http://b y".
    if (top().kind != FrameKind::ExtLink && try_ext_link(last)) return;
    if (n == 1) ++lone_brackets_;
    pos_ = last + 1;
    return;
  }
  const auto& matches = levels_[depth_ - 1].pp.matches;
  auto& closes = scratch_;
  closes.clear();
  for (uint32_t m = r->first_match; m != kNpos; m = matches[m].next)
    closes.emplace_back(2, matches[m].close_pos);
  const uint32_t leftover = n - 2 * static_cast<uint32_t>(closes.size());
  if (leftover >= 2) problem(ProblemKind::UnclosedLink, pos_, pos_ + leftover, "[[");
  uint32_t at = pos_ + leftover;
  for (size_t k = closes.size(); k-- > 0;) {
    push_link(at, closes[k].second);
    at += 2;
  }
  pos_ = at;
}

void Parser::push_link(uint32_t begin, uint32_t close) {
  flush(begin);
  Frame f;
  f.kind = FrameKind::Link;
  f.parent = top().container;
  f.prev = b_.last_child(f.parent);
  f.node = b_.add_child(f.parent, NodeKind::WikiLink, begin, begin);
  b_.add_child(f.node, NodeKind::Syntax, begin, begin + 2);
  f.container = open_in(f.node, NodeKind::LinkTarget, begin + 2);
  f.stop = close;
  push(f);
  txt_ = begin + 2;
}

void Parser::close_link() {
  Frame& f = top();
  flush(pos_);
  b_[f.container].end = pos_;
  b_.add_child(f.node, NodeKind::Syntax, pos_, pos_ + 2);
  Node& node = b_[f.node];
  node.end = pos_ + 2;
  b_.set_name(f.node, trimmed(b_.next_sibling(b_.first_child(f.node))));
  pos_ += 2;
  txt_ = pos_;
  frames_.pop_back();
}

void Parser::on_pipe() {
  const bool dbl = pos_ + 1 < top().eff_stop && t_[pos_ + 1] == '|';
  const size_t owner = pipe_owner(dbl);
  if (owner == kNpos) {
    ++pos_;
    return;
  }
  pop_above(owner);
  Frame& f = top();
  if (f.kind == FrameKind::Brace) {
    brace_pipe();
  } else if (f.kind == FrameKind::Link) {
    flush(pos_);
    b_[f.container].end = pos_;
    b_.add_child(f.node, NodeKind::Syntax, pos_, pos_ + 1);
    ++pos_;
    f.container = open_in(f.node, NodeKind::LinkLabel, pos_);
    ++f.part;
    txt_ = pos_;
  } else {
    table_pipe(dbl);
  }
}

// ---- headings ------------------------------------------------------------------------------

void Parser::push_heading(const OpenRecord& r) {
  const uint32_t p = r.pos;
  flush(p);
  Frame f;
  f.kind = FrameKind::Heading;
  f.parent = top().container;
  f.prev = b_.last_child(f.parent);
  f.node = b_.add_child(f.parent, NodeKind::Heading, p, p);
  const uint32_t open = r.level > 0 ? r.level : r.count;
  b_[f.node].level = r.level;
  b_.add_child(f.node, NodeKind::Syntax, p, p + open);
  f.container = open_in(f.node, NodeKind::HeadingTitle, p + open);
  f.stop = r.level > 0 ? r.closer_begin : r.line_end;
  f.h_pos = r.pos;
  f.h_line_end = r.line_end;
  f.h_level = r.level;
  f.h_open = static_cast<uint16_t>(r.count);
  f.h_close = r.close_count;
  push(f);
  pos_ = txt_ = p + open;
}

void Parser::heading_stop() {
  Frame& f = top();
  const uint32_t level = f.h_level;
  flush(pos_);
  if (level > 0 && !f.after_closer) {
    b_[f.container].end = pos_;
    b_.set_name(f.node, trimmed(f.container));
    b_.add_child(f.node, NodeKind::Syntax, pos_, pos_ + level);
    f.after_closer = true;
    f.container = f.node;
    f.stop = f.h_line_end;
    f.eff_stop = std::min(f.stop, frames_[frames_.size() - 2].eff_stop);
    pos_ += level;
    txt_ = pos_;
    return;
  }
  const uint32_t open = f.h_open, close = f.h_close, start = f.h_pos;
  if (level > 0) {
    b_[f.node].end = pos_;
    // A line of '=' only ("=====") is balanced by construction.
    const uint32_t closer_begin = b_[b_.last_child(f.node)].begin;
    const bool single_run = closer_begin + level - close == start;
    if (open != close && !single_run)
      problem(ProblemKind::UnbalancedHeading, start, pos_,
              std::to_string(open) + "/" + std::to_string(close));
    frames_.pop_back();
  } else {
    if (open >= 2)
      problem(ProblemKind::UnbalancedHeading, start, pos_, std::to_string(open) + "/0");
    dissolve_top();
  }
}

// ---- extension tags and comments -----------------------------------------------------------

void Parser::on_angle() {
  const Angle a = angles_.match(pos_, top().eff_stop);
  switch (a.kind) {
    case Angle::Comment:
      emit(NodeKind::Comment, a.begin, a.end);
      pos_ = a.end;
      return;
    case Angle::CommentUnclosed:
      emit(NodeKind::Comment, a.begin, a.end);
      problem(ProblemKind::UnclosedComment, a.begin, a.begin + 4, "<!--");
      pos_ = a.end;
      return;
    case Angle::Marker:
      emit(NodeKind::Syntax, a.begin, a.end);
      pos_ = a.end;
      return;
    case Angle::None:
      if (!html_tag()) ++pos_;
      return;
    default:
      ext_tag(a);
      return;
  }
}

void Parser::ext_tag(const Angle& a) {
  flush(a.begin);
  const std::string lower(ext_tag_name(a.tag));
  if (open_ext_[static_cast<size_t>(a.tag)] > 0)
    problem(ProblemKind::NestedTag, a.begin, a.gt + 1, lower);
  Frame f;
  f.parent = top().container;
  f.prev = b_.last_child(f.parent);
  f.node = b_.add_child(f.parent, NodeKind::ExtensionTag, a.begin, a.end);
  b_.set_name(f.node, {a.name_begin, a.name_end});
  b_.set_value(f.node, {a.gt + 1, a.gt + 1});
  const NodeId open = b_.add_child(f.node, NodeKind::TagOpen, a.begin, a.gt + 1);
  b_.add_child(open, NodeKind::Syntax, a.begin, a.name_end);
  const bool self = a.kind == Angle::ExtSelfClosing;
  const uint32_t attr_end = self ? std::max(a.name_end, a.gt - 1) : a.gt;
  add_attributes(b_, t_, open, a.name_end, attr_end);
  b_.add_child(open, NodeKind::Syntax, attr_end, a.gt + 1);
  pos_ = txt_ = a.gt + 1;
  if (self) {
    b_[f.node].flags |= kSelfClosing;
    return;
  }
  if (a.kind == Angle::ExtUnclosed) {
    b_[f.node].flags |= kUnclosed;
    problem(ProblemKind::UnclosedTag, a.begin, a.gt + 1, lower);
    return;
  }
  b_.set_value(f.node, {a.gt + 1, a.close_begin});
  f.container = open_in(f.node, NodeKind::TagContent, a.gt + 1);
  b_[f.container].end = a.close_begin;
  if (a.content != ExtContent::Wikitext) {
    if (a.gt + 1 < a.close_begin)
      b_.add_child(f.container, NodeKind::Text, a.gt + 1, a.close_begin);
    b_.add_child(f.node, NodeKind::TagClose, a.close_begin, a.end);
    pos_ = txt_ = a.end;
    return;
  }
  f.kind = FrameKind::Ext;
  f.tag = a.tag;
  f.stop = a.close_begin;
  f.close_end = a.end;
  push(f);
  ++open_ext_[static_cast<size_t>(a.tag)];
  if (levels_.size() <= depth_) levels_.emplace_back();
  Level& l = levels_[depth_];
  l.pp.clear();
  l.cursor = 0;
  l.output_cursor = 0;
  preprocess(t_, a.gt + 1, a.close_begin, angles_, l.pp);
  ++depth_;
  at_line_start_ = true;
}

void Parser::close_ext() {
  Frame& f = top();
  flush(pos_);
  b_[f.container].end = pos_;
  b_.add_child(f.node, NodeKind::TagClose, pos_, f.close_end);
  pos_ = txt_ = f.close_end;
  --open_ext_[static_cast<size_t>(f.tag)];
  --depth_;
  frames_.pop_back();
}

}  // namespace parse_detail

Tree parse(std::string_view text) {
  // Offsets are 32-bit: a page of 4 GiB or more is parsed up to that size.
  if (text.size() >= std::numeric_limits<uint32_t>::max())
    text = text.substr(0, std::numeric_limits<uint32_t>::max() - 1);
  return parse_detail::Parser(text).run();
}

}  // namespace wikivet
