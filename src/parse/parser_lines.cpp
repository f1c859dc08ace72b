// Pass 2, what happens at the start of a line: headings (decided by pass 1), tables, list items,
// horizontal rules; and the table machinery (rows, cells, inline cells, cell attributes).
//
// Tables follow MediaWiki's doTableStuff: a table line is recognised after leading whitespace
// (lines are trimmed), "{|" may follow ':' indentation, and "||" / "!!" split cells only on the
// line where a cell began ("!!" only on a '!' line). A cell's attributes end at its first
// single '|', unless the text before that '|' contains "[[". Table syntax counts only where a
// table can be: the page, the content of an extension tag parsed as wikitext, and a cell;
// inside a template's parameters a '|' is the template's (the preprocessor runs first).
#include "parse/attributes.hpp"
#include "parse/parser_impl.hpp"

namespace wikivet::parse_detail {
namespace {
uint16_t clamp16(uint32_t v) {
  return static_cast<uint16_t>(v > 65535 ? 65535 : v);
}
bool is_list_char(char c) {
  return c == '*' || c == '#' || c == ':' || c == ';';
}
}  // namespace

bool Parser::line_start() {
  const uint32_t lim = top().eff_stop;
  const uint32_t p = pos_;
  if (const OpenRecord* r = find_open(OpenRecord::Heading, p);
      r && r->resolved && r->line_end <= lim) {
    push_heading(*r);
    return true;
  }
  const Frame& f = top();
  const FrameKind k = f.kind;
  const bool block = k == FrameKind::Root || k == FrameKind::Ext || k == FrameKind::Table;
  const bool lists = block || (k == FrameKind::Brace && (f.part > 0 || f.pf));
  if (!lists) return false;
  // Comments vanish before MediaWiki looks at line starts.
  uint32_t q = p;
  while (q + 3 < lim && t_[q] == '<' && t_.compare(q, 4, "<!--") == 0) {
    const Angle a = angles_.match(q, lim);
    if (a.kind != Angle::Comment) break;
    emit(NodeKind::Comment, a.begin, a.end);
    q = a.end;
  }
  pos_ = q;
  if (block) {
    uint32_t r = q;
    while (r < lim && is_space_tab(t_[r])) ++r;
    if (k == FrameKind::Table && table_line(r)) return true;
    uint32_t c = r;
    while (c < lim && t_[c] == ':') ++c;
    uint32_t s = c;
    if (c > r)
      while (s < lim && is_space_tab(t_[s])) ++s;
    if (s + 1 < lim && t_[s] == '{' && t_[s + 1] == '|') {
      open_table(r, c, s);
      return true;
    }
    if (k != FrameKind::Table && r + 1 < lim && t_[r] == '|' && t_[r + 1] == '}') {
      if (!template_table_) problem(ProblemKind::StrayClose, r, r + 2, "|}");
      template_table_ = false;
      pos_ = r + 2;
      return true;
    }
    if (k != FrameKind::Table && r < lim && (t_[r] == '|' || t_[r] == '!') &&
        follows_template_line(p))
      template_table_ = true;
  }
  if (q < lim && is_list_char(t_[q])) {
    list_item(q);
    return true;
  }
  if (q + 3 < lim && t_.compare(q, 4, "----") == 0) {
    const uint32_t n = run_length(t_, q, lim, '-');
    emit(NodeKind::HorizontalRule, q, q + n);
    pos_ = q + n;
    return true;
  }
  return q != p;
}

// The line before `p` (a line start) is one template and nothing else: the text pending since
// the last node is only the newline, and that node is a template that began a line.
bool Parser::follows_template_line(uint32_t p) {
  if (p == 0 || txt_ != p - 1) return false;
  const NodeId last = b_.last_child(top().container);
  if (last == kNoNode) return false;
  const Node& n = b_[last];
  return n.kind == NodeKind::Template && n.end == p - 1 &&
         (n.begin == 0 || t_[n.begin - 1] == '\n');
}

void Parser::on_newline() {
  Frame& f = top();
  if (f.kind == FrameKind::ExtLink) {  // external links do not span lines: back to text
    dissolve_top();
    return;
  }
  if (f.kind == FrameKind::ListItem) {  // the item ends before its newline
    flush(pos_);
    b_[f.node].end = pos_;
    frames_.pop_back();
    return;
  }
  if (f.kind == FrameKind::Table) {
    if (f.attr_line) finish_attr_line(f, pos_);
    f.cell_line = false;
  }
  ++pos_;
  at_line_start_ = true;
  lone_brackets_ = 0;
}

void Parser::list_item(uint32_t begin) {
  const uint32_t lim = top().eff_stop;
  uint32_t e = begin;
  while (e < lim && is_list_char(t_[e])) ++e;
  flush(begin);
  Frame li;
  li.kind = FrameKind::ListItem;
  li.parent = top().container;
  li.prev = b_.last_child(li.parent);
  li.node = li.container = b_.add_child(li.parent, NodeKind::ListItem, begin, begin);
  b_[li.node].level = clamp16(e - begin);
  b_.add_child(li.node, NodeKind::Syntax, begin, e);
  push(li);
  pos_ = txt_ = e;
}

void Parser::open_table(uint32_t indent, uint32_t colons_end, uint32_t brace) {
  flush(indent);
  if (colons_end > indent) emit(NodeKind::Syntax, indent, colons_end);
  flush(brace);
  Frame f;
  f.kind = FrameKind::Table;
  f.parent = top().container;
  f.prev = b_.last_child(f.parent);
  f.node = b_.add_child(f.parent, NodeKind::Table, brace, brace);
  if (colons_end > indent) b_[f.node].flags |= kIndented;
  table_depth_ = table_depth_ == 65535 ? 65535 : table_depth_ + 1;
  b_[f.node].level = table_depth_;
  b_.add_child(f.node, NodeKind::Syntax, brace, brace + 2);
  f.container = open_in(f.node, NodeKind::TableAttributes, brace + 2);
  f.attr_line = true;
  push(f);
  pos_ = txt_ = brace + 2;
}

bool Parser::table_line(uint32_t r) {
  const uint32_t lim = top().eff_stop;
  if (r >= lim) return false;
  const char c = t_[r];
  const char d = r + 1 < lim ? t_[r + 1] : '\0';
  Frame& f = top();
  if (c == '|' && d == '}') {
    flush(r);
    close_row(f, r);
    b_.add_child(f.node, NodeKind::Syntax, r, r + 2);
    b_[f.node].end = r + 2;
    --table_depth_;
    frames_.pop_back();
    pos_ = txt_ = r + 2;
    return true;
  }
  if (c == '|' && d == '-') {
    const uint32_t e = r + 1 + run_length(t_, r + 1, lim, '-');
    flush(r);
    close_row(f, r);
    f.row = open_in(f.node, NodeKind::TableRow, r);
    b_.add_child(f.row, NodeKind::Syntax, r, e);
    f.container = open_in(f.row, NodeKind::TableAttributes, e);
    f.attr_line = true;
    pos_ = txt_ = e;
    return true;
  }
  if (c == '|' && d == '+') {
    flush(r);
    close_row(f, r);
    open_caption(r, 2);
    return true;
  }
  if (c == '|' || c == '!') {
    new_cell(r, 1, c == '!', false);
    return true;
  }
  return false;
}

// A caption, anywhere in the table: MediaWiki reads a line starting with `|+` as a caption even
// after rows (the row before it ends there), and each `||` on that line as one more caption,
// not as a cell.
void Parser::open_caption(uint32_t begin, uint32_t len) {
  Frame& f = top();
  f.cell = open_in(f.node, NodeKind::TableCaption, begin);
  b_.add_child(f.cell, NodeKind::Syntax, begin, begin + len);
  f.container = open_in(f.cell, NodeKind::CellContent, begin + len);
  f.cell_line = true;
  f.header_line = false;
  f.attrs_decided = false;
  f.cell_begin = begin + len;
  pos_ = txt_ = begin + len;
}

void Parser::new_cell(uint32_t begin, uint32_t len, bool header, bool inline_cell) {
  Frame& f = top();
  flush(begin);
  close_cell(f, begin);
  if (f.row == kNoNode) f.row = open_in(f.node, NodeKind::TableRow, begin);  // no "|-"
  f.cell = open_in(f.row, NodeKind::TableCell, begin);
  if (header) b_[f.cell].flags |= kHeader;
  if (inline_cell) b_[f.cell].flags |= kInline;
  b_.add_child(f.cell, NodeKind::Syntax, begin, begin + len);
  f.container = open_in(f.cell, NodeKind::CellContent, begin + len);
  f.cell_line = true;
  if (!inline_cell) f.header_line = header;
  f.attrs_decided = false;
  f.cell_begin = begin + len;
  pos_ = txt_ = begin + len;
}

void Parser::close_cell(Frame& f, uint32_t at) {
  if (f.cell == kNoNode) return;
  b_[f.container].end = at;
  b_[f.cell].end = at;
  f.cell = kNoNode;
  f.container = f.row != kNoNode ? f.row : f.node;
}

void Parser::close_row(Frame& f, uint32_t at) {
  if (f.attr_line) finish_attr_line(f, at);
  close_cell(f, at);
  if (f.row != kNoNode) b_[f.row].end = at;
  f.row = kNoNode;
  f.container = f.node;
}

void Parser::finish_attr_line(Frame& f, uint32_t at) {
  flush(at);
  finish_attributes(f.container, at);
  f.attr_line = false;
  f.container = f.row != kNoNode ? f.row : f.node;
}

// Attribute text that is plain (one Text leaf) becomes Attribute leaves; attribute text holding
// templates or comments keeps those children as they are.
void Parser::finish_attributes(NodeId a, uint32_t end) {
  b_[a].end = end;
  const NodeId first = b_.first_child(a);
  if (first != kNoNode && !(first == b_.last_child(a) && b_[first].kind == NodeKind::Text)) return;
  b_.first_child(a) = kNoNode;
  b_.last_child(a) = kNoNode;
  // The replaced Text leaf is normally the node created last: drop it so ids stay dense.
  if (first != kNoNode) {
    if (first + 1 == b_.nodes.size())
      b_.pop_back();
    else
      b_.kill(first);  // unreachable node left behind: finish() renumbers
  }
  add_attributes(b_, t_, a, b_[a].begin, end);
}

void Parser::table_pipe(bool double_pipe) {
  Frame& f = top();
  if (double_pipe) {
    if (f.cell != kNoNode && b_[f.cell].kind == NodeKind::TableCaption) {
      flush(pos_);
      close_cell(f, pos_);
      open_caption(pos_, 2);
      return;
    }
    new_cell(pos_, 2, f.header_line, true);
    return;
  }
  f.attrs_decided = true;
  // MediaWiki: if the text before the first '|' holds "[[", the whole cell is content.
  if (t_.substr(f.cell_begin, pos_ - f.cell_begin).find("[[") != std::string_view::npos) {
    ++pos_;
    return;
  }
  flush(pos_);
  b_[f.container].kind = NodeKind::TableAttributes;
  finish_attributes(f.container, pos_);
  b_.add_child(f.cell, NodeKind::Syntax, pos_, pos_ + 1);
  f.container = open_in(f.cell, NodeKind::CellContent, pos_ + 1);
  pos_ = txt_ = pos_ + 1;
}

void Parser::close_table(bool unclosed) {
  Frame& f = top();
  flush(pos_);
  close_row(f, pos_);
  b_[f.node].end = pos_;
  if (unclosed) {
    b_[f.node].flags |= kUnclosed;
    problem(ProblemKind::UnclosedTable, b_[f.node].begin, b_[f.node].begin + 2, "{|");
  }
  --table_depth_;
  frames_.pop_back();
}

}  // namespace wikivet::parse_detail
