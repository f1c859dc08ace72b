// Pass 2, inline tokens that MediaWiki's main parser recognises after preprocessing: external
// links, free URLs, HTML tags, entities, behaviour switches, bold/italic quotes, stray closers.
#include <algorithm>

#include "parse/attributes.hpp"
#include "parse/parser_impl.hpp"
#include "parse/tags.hpp"

namespace wikivet::parse_detail {
namespace {

bool is_word_byte(char c) {
  return is_alnum(c) || c == '_' || static_cast<unsigned char>(c) >= 0x80;
}

// The bytes at which scan_url has something to decide (a superset of where it stops).
struct UrlSpecial {
  bool in[256] = {};
  constexpr UrlSpecial() {
    for (int c = 0; c <= 0x20; ++c) in[c] = true;
    for (unsigned char c : std::string_view("\x7F[]<>\"{}|='&\xC2")) in[c] = true;
  }
};
constexpr UrlSpecial kUrlSpecial;

}  // namespace

// MediaWiki's URL characters: anything but whitespace, controls and []<>". We also stop at
// what the preprocessor may own here ("{{", '|' and, in a template part awaiting its name, '='),
// at '' (bold/italic), at a no-break space and at the escaped &lt; &gt;.
uint32_t Parser::scan_url(uint32_t from, uint32_t lim) const {
  const bool eq = equals_active();
  uint32_t p = from;
  while (p < lim) {
    // Most URL bytes are none of the above: one table look-up each.
    while (p < lim && !kUrlSpecial.in[static_cast<unsigned char>(t_[p])]) ++p;
    if (p >= lim) break;
    const unsigned char c = static_cast<unsigned char>(t_[p]);
    if (c <= 0x20 || c == 0x7F || c == '[' || c == ']' || c == '<' || c == '>' || c == '"' ||
        c == '|')
      break;
    // "{{" may start a template (its output is part of the URL, or ends it). A lone '{', and
    // any '}' before `lim` (every closer of an open construct is at or after it), is text for
    // the preprocessor and a URL character for MediaWiki: "#{%22a%22:{}}" stays in the URL.
    if (c == '{' && p + 1 < lim && t_[p + 1] == '{') break;
    if (c == '=' && eq) break;
    if (c == '\'' && p + 1 < lim && t_[p + 1] == '\'') break;
    if (c == 0xC2 && p + 1 < lim && static_cast<unsigned char>(t_[p + 1]) == 0xA0) break;
    if (c == '&' && p + 4 <= lim &&
        (iequals(t_.substr(p, 4), "&lt;") || iequals(t_.substr(p, 4), "&gt;")))
      break;
    ++p;
  }
  return p;
}

bool Parser::try_ext_link(uint32_t b) {
  const uint32_t lim = top().eff_stop;
  const uint32_t scheme = url_scheme_length(t_, b + 1, true);
  if (scheme == 0 || b + 1 + scheme >= lim) return false;
  const uint32_t url_end = scan_url(b + 1 + scheme, lim);
  if (url_end == b + 1 + scheme) return false;
  flush(b);
  Frame f;
  f.kind = FrameKind::ExtLink;
  f.parent = top().container;
  f.prev = b_.last_child(f.parent);
  f.node = b_.add_child(f.parent, NodeKind::ExternalLink, b, b);
  b_.set_name(f.node, {b + 1, url_end});
  b_.add_child(f.node, NodeKind::Syntax, b, b + 1);
  const NodeId target = b_.add_child(f.node, NodeKind::LinkTarget, b + 1, url_end);
  b_.add_child(target, NodeKind::Text, b + 1, url_end);
  uint32_t p = url_end;
  while (p < lim && is_space_tab(t_[p])) ++p;
  if (p > url_end) b_.add_child(f.node, NodeKind::Text, url_end, p);
  f.before_label = b_.last_child(f.node);
  f.label = f.container = open_in(f.node, NodeKind::LinkLabel, p);
  push(f);
  pos_ = txt_ = p;
  return true;
}

void Parser::close_ext_link() {
  Frame& f = top();
  flush(pos_);
  Node& label = b_[f.label];
  label.end = pos_;
  if (b_.first_child(f.label) == kNoNode && label.begin == pos_) {
    // "[http://x]": no label. The empty LinkLabel becomes the closing Syntax (no orphan node).
    label.kind = NodeKind::Syntax;
    label.end = pos_ + 1;
  } else {
    b_.add_child(f.node, NodeKind::Syntax, pos_, pos_ + 1);
  }
  b_[f.node].end = pos_ + 1;
  pos_ = txt_ = pos_ + 1;
  frames_.pop_back();
}

bool Parser::bare_url(uint32_t colon) {
  uint32_t j = colon;
  while (j > txt_ && colon - j < 16 && is_ascii_alpha(t_[j - 1])) --j;
  if (j == colon || (j > 0 && is_word_byte(t_[j - 1]))) return false;
  const uint32_t scheme = url_scheme_length(t_, j, false);
  if (scheme == 0 || j + scheme <= colon) return false;
  const uint32_t lim = top().eff_stop;
  if (j + scheme > lim) return false;
  uint32_t e = scan_url(j + scheme, lim);
  // Trailing punctuation is not part of a free URL; ')' only when the URL has no '('.
  const bool paren = t_.substr(j, e - j).find('(') != std::string_view::npos;
  while (e > j + scheme) {
    const char c = t_[e - 1];
    if (c == ',' || c == ';' || c == '.' || c == ':' || c == '!' || c == '?' ||
        (c == ')' && !paren))
      --e;
    else
      break;
  }
  if (e <= j + scheme) return false;
  emit(NodeKind::BareUrl, j, e);
  pos_ = e;
  return true;
}

void Parser::on_close_bracket() {
  if (top().kind == FrameKind::ExtLink) {
    close_ext_link();
    return;
  }
  const uint32_t n = run_length(t_, pos_, top().eff_stop, ']');
  // "]]" that closes two lone '[' of the line ("[''a'' [''b'']]", a linguist's nesting) is
  // meant as text; "[a]]" (one lone '[') is a link opened with one bracket: reported.
  const uint32_t balanced = std::min(n, lone_brackets_);
  lone_brackets_ -= balanced;
  if (n >= 2 && balanced < 2 && !closes_in_output(pos_))
    problem(ProblemKind::StrayClose, pos_, pos_ + n, "]]");
  pos_ += n;
}

void Parser::on_close_brace() {
  const uint32_t n = run_length(t_, pos_, top().eff_stop, '}');
  if (n >= 2) problem(ProblemKind::StrayClose, pos_, pos_ + n, "}}");
  pos_ += n;
}

bool Parser::html_tag() {
  const uint32_t lim = top().eff_stop;
  const uint32_t b = pos_;
  uint32_t p = b + 1;
  const bool closing = p < lim && t_[p] == '/';
  if (closing) ++p;
  const uint32_t name_begin = p;
  if (p >= lim || !is_ascii_alpha(t_[p])) return false;
  while (p < lim && is_alnum(t_[p])) ++p;
  const uint32_t name_end = p;
  if (p >= lim || !(is_pcre_space(t_[p]) || t_[p] == '/' || t_[p] == '>')) return false;
  const std::string_view name = t_.substr(name_begin, name_end - name_begin);
  if (closing && find_ext_tag(name).id >= 0) {  // "</ref>" with no open tag
    uint32_t q = p;
    while (q < lim && is_pcre_space(t_[q])) ++q;
    if (q < lim && t_[q] == '>') {
      problem(ProblemKind::StrayClose, b, q + 1, std::string(t_.substr(b, q + 1 - b)));
      pos_ = q + 1;
      return true;
    }
    return false;
  }
  if (!is_html_tag(name)) return false;
  // The tag must end before anything the preprocessor or a table may own.
  const bool eq = equals_active();
  uint32_t gt = p;
  while (gt < lim) {
    const char c = t_[gt];
    if (c == '>' || c == '<' || c == '\n' || c == '{' || c == '[' || c == '|' || (c == '=' && eq))
      break;
    ++gt;
  }
  if (gt >= lim || t_[gt] != '>') return false;
  const bool self = !closing && gt > name_end && t_[gt - 1] == '/';
  const uint32_t attr_end = self ? gt - 1 : gt;
  flush(b);
  const NodeId tag = b_.add_child(top().container, NodeKind::HtmlTag, b, gt + 1);
  b_.set_name(tag, {name_begin, name_end});
  if (closing) b_[tag].flags |= kClosing;
  if (self) b_[tag].flags |= kSelfClosing;
  b_.add_child(tag, NodeKind::Syntax, b, name_end);
  add_attributes(b_, t_, tag, name_end, attr_end);
  b_.add_child(tag, NodeKind::Syntax, attr_end, gt + 1);
  pos_ = txt_ = gt + 1;
  return true;
}

void Parser::on_entity() {
  const uint32_t lim = top().eff_stop;
  uint32_t p = pos_ + 1;
  if (p < lim && t_[p] == '#') {
    ++p;
    const bool hex = p < lim && (t_[p] == 'x' || t_[p] == 'X');
    if (hex) ++p;
    const uint32_t digits = p;
    while (p < lim && p - digits < 10 && (hex ? is_hex(t_[p]) : is_digit(t_[p]))) ++p;
    if (p == digits) p = kNpos;
  } else {
    const uint32_t start = p;
    if (p < lim && is_ascii_alpha(t_[p]))
      while (p < lim && p - start < 32 && is_alnum(t_[p])) ++p;
    if (p == start) p = kNpos;
  }
  if (p != kNpos && p < lim && t_[p] == ';') {
    emit(NodeKind::Entity, pos_, p + 1);
    pos_ = p + 1;
    return;
  }
  ++pos_;
}

void Parser::on_underscore() {
  const uint32_t lim = top().eff_stop;
  if (pos_ + 1 < lim && t_[pos_ + 1] == '_') {
    uint32_t p = pos_ + 2;
    while (p < lim && p - pos_ < 34 && is_ascii_alpha(t_[p])) ++p;
    if (p > pos_ + 2 && p + 1 < lim && t_[p] == '_' && t_[p + 1] == '_' &&
        is_behavior_switch(t_.substr(pos_ + 2, p - pos_ - 2))) {
      emit(NodeKind::BehaviorSwitch, pos_, p + 2);
      pos_ = p + 2;
      return;
    }
  }
  ++pos_;
}

void Parser::on_apostrophe() {
  const uint32_t n = run_length(t_, pos_, top().eff_stop, '\'');
  if (n >= 2) emit(NodeKind::Syntax, pos_, pos_ + n);
  pos_ += n;
}

void Parser::on_bang() {
  const uint32_t lim = top().eff_stop;
  if (pos_ + 1 < lim && t_[pos_ + 1] == '!') {
    const size_t i = top().base;
    const Frame& f = frames_[i];
    if (f.kind == FrameKind::Table && f.cell_line && f.header_line && !f.attr_line) {
      pop_above(i);
      new_cell(pos_, 2, true, true);
      return;
    }
  }
  ++pos_;
}

}  // namespace wikivet::parse_detail
