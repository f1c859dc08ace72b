#include "input/edit_page_restore.hpp"

#include <string_view>
#include <vector>

#include "input/edit_page_scan.hpp"

namespace wikivet {

namespace {

bool is_alpha(char c) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
}
bool is_digit(char c) {
  return c >= '0' && c <= '9';
}
bool is_gap(char c) {
  return c == ' ' || c == '\n';
}
bool is_list_char(char c) {
  return c == '*' || c == '#' || c == ':' || c == ';';
}

// Does the text of a table cell, from just after its '|' or '!' up to a " |", read as HTML
// attributes (so that this '|' separates attributes from content, as in `! colspan="3" |x`)?
// Fed byte by byte and span by span while the cell is scanned, so it costs nothing extra.
class AttributeReader {
 public:
  void feed(char c) {
    if (++length_ > kMaxLength) state_ = kBad;
    switch (state_) {
      case kStart:
        if (c == ' ') break;
        state_ = (is_alpha(c) || c == '_') ? kName : kBad;
        break;
      case kName:
        if (is_alpha(c) || is_digit(c) || c == '_' || c == '-' || c == ':' || c == '.') break;
        if (c == ' ') {
          state_ = kAfterName;
        } else if (c == '=') {
          state_ = kAfterEquals;
          equals_ = true;
        } else {
          state_ = kBad;
        }
        break;
      case kAfterName:
        if (c == ' ') break;
        if (c == '=') {
          state_ = kAfterEquals;
          equals_ = true;
        } else {
          state_ = is_alpha(c) ? kName : kBad;
        }
        break;
      case kAfterEquals:
        if (c == ' ') break;
        state_ = c == '"' ? kDouble : c == '\'' ? kSingle : (c == '<' || c == '>') ? kBad : kBare;
        break;
      case kBare:
        if (c == ' ') state_ = kStart;
        if (c == '"' || c == '\'' || c == '<' || c == '>') state_ = kBad;
        break;
      case kDouble:
        if (c == '"') state_ = kStart;
        break;
      case kSingle:
        if (c == '\'') state_ = kStart;
        break;
      case kBad:
        break;
    }
  }
  // A template may stand for (part of) a value: style="{{Party color|X}}"; nothing else may.
  void feed_span(SpanKind kind) {
    if (kind == SpanKind::Comment) return;
    if (kind == SpanKind::Template &&
        (state_ == kAfterEquals || state_ == kBare || state_ == kDouble || state_ == kSingle)) {
      if (state_ == kAfterEquals) state_ = kBare;
      return;
    }
    state_ = kBad;
  }
  bool complete() const {
    return equals_ &&
           (state_ == kStart || state_ == kName || state_ == kAfterName || state_ == kBare);
  }

 private:
  enum State { kStart, kName, kAfterName, kAfterEquals, kBare, kDouble, kSingle, kBad };
  static constexpr size_t kMaxLength = 1000;
  State state_ = kStart;
  bool equals_ = false;
  size_t length_ = 0;
};

// The restoration pass. One left-to-right walk over the text; outermost spans are stepped
// over whole.
class Restorer {
 public:
  explicit Restorer(std::string& text) : t_(text), n_(text.size()), spans_(outer_spans(text)) {}

  size_t run() {
    mark_trailing_block_run();
    size_t i = 0;
    while (i < n_) {
      // Spans a rule stepped over (a heading's title) are behind us.
      while (k_ < spans_.size() && spans_[k_].begin < i) ++k_;
      if (k_ < spans_.size() && spans_[k_].begin == i) {
        i = on_span(spans_[k_]);
        ++k_;
        continue;
      }
      const char c = t_[i];
      if (is_gap(c)) {
        if (reading_attributes()) cell_attrs_.feed(' ');
        ++i;
        continue;
      }
      i = on_char(i);
    }
    return breaks_;
  }

 private:
  char at(size_t i) const { return i < n_ ? t_[i] : '\0'; }
  bool gap_before(size_t i) const { return i == 0 || is_gap(t_[i - 1]); }
  // Every break but a list item's ends the list line; list_marker_end sets it again.
  void break_at(size_t p) {
    in_list_line_ = false;
    open_parens_ = 0;
    if (p < n_ && t_[p] == ' ') {
      t_[p] = '\n';
      ++breaks_;
    }
  }
  // A break after a construct goes on the last space of the run that follows it: the newline
  // ended the line, and spaces before it were trailing spaces of the line.
  void break_after(size_t p) {
    size_t last = p;
    for (; p < n_ && is_gap(t_[p]); ++p) {
      if (t_[p] == '\n') return;  // already broken (the trailing run of block items)
      last = p;
    }
    break_at(last);
  }
  void break_before(size_t i) {
    if (i > 0) break_at(i - 1);
  }
  bool reading_attributes() const { return in_cell_ && !cell_separated_; }
  void start_cell() {
    in_cell_ = true;
    cell_separated_ = false;
    cell_attrs_ = AttributeReader();
  }
  void end_cell() { in_cell_ = false; }

  // "{{harvtxt|Smith|2010}} has noted": a sentence goes on after the template, so the
  // template is inline even at a line start.
  bool sentence_continues(size_t p) const {
    while (p < n_ && t_[p] == ' ') ++p;
    return p < n_ && t_[p] >= 'a' && t_[p] <= 'z';
  }

  bool is_block_link(const Span& s) const {
    // [[Category:X]], [[Kategorie:X]], [[de:X]]: a namespace-like prefix with no space, but not
    // a file or image (which stands inline in text).
    size_t j = s.begin + 2;
    const size_t start = j;
    while (j < s.end && j - start < 40 && (is_alpha(t_[j]) || t_[j] == '-')) ++j;
    if (j == start || j >= s.end || t_[j] != ':') return false;
    const std::string_view ns = std::string_view(t_).substr(start, j - start);
    for (std::string_view f : {"file", "image", "datei", "bild", "fichier", "media"}) {
      if (ns.size() == f.size() && starts_with_icase(ns, 0, f)) return false;
    }
    return true;
  }

  bool is_block_span(const Span& s) const {
    switch (s.kind) {
      case SpanKind::Template:
      case SpanKind::Comment:
        return true;
      case SpanKind::Link:
        return is_block_link(s);
      case SpanKind::ExtTag:
        return starts_with_icase(t_, s.begin, "<references");
    }
    return false;
  }

  // The article usually ends with {{Reflist}}-like templates, navboxes, {{DEFAULTSORT:}},
  // categories and interlanguage links, each on its own line.
  void mark_trailing_block_run() {
    size_t j = n_;
    size_t s = spans_.size();
    while (true) {
      while (j > 0 && t_[j - 1] == ' ') --j;
      if (s == 0 || spans_[s - 1].end != j || !is_block_span(spans_[s - 1])) break;
      const size_t b = spans_[s - 1].begin;
      if (b == 0 || t_[b - 1] != ' ') break;
      // "* {{Official website|...}}": the template is a list item's content.
      size_t q = b - 1;
      while (q > 0 && t_[q - 1] == ' ') --q;
      if (q > 0 && is_list_char(t_[q - 1])) break;
      break_at(b - 1);
      j = b - 1;
      --s;
    }
  }

  size_t on_span(const Span& s) {
    const bool line_start = s.begin == 0 || t_[s.begin - 1] == '\n';
    if (reading_attributes()) cell_attrs_.feed_span(s.kind);
    if (s.kind == SpanKind::Comment) return s.end;  // comments stand anywhere, change nothing
    const bool block_here =
        (s.kind == SpanKind::Template || (s.kind == SpanKind::ExtTag && is_block_span(s))) &&
        block_context_ && (line_start || last_block_end_ == s.begin) && !sentence_continues(s.end);
    if (block_here) {
      break_after(s.end);
      last_block_end_ = s.end;
      end_cell();
      return s.end;  // block_context_ stays on: the next template may be a block too
    }
    block_context_ = false;
    return s.end;
  }

  size_t on_char(size_t i) {
    const char c = t_[i];
    const char d = at(i + 1);
    if (gap_before(i)) {
      size_t colons = i;  // ":{|" is an indented table
      while (colons < n_ && colons - i < 16 && t_[colons] == ':') ++colons;
      if (at(colons) == '{' && at(colons + 1) == '|') {
        break_before(i);
        ++table_depth_;
        end_cell();
        block_context_ = false;
        return colons + 2;
      }
      if (table_depth_ > 0 && c == '|') {
        if (d == '}') {
          break_before(i);
          --table_depth_;
          end_cell();
          break_after(i + 2);
          block_context_ = true;
          return i + 2;
        }
        if (d == '-') {
          break_before(i);
          end_cell();
          block_context_ = false;
          size_t j = i + 2;
          while (j < n_ && t_[j] == '-') ++j;
          return j;
        }
        if (d == '+') {
          break_before(i);
          start_cell();
          block_context_ = false;
          return i + 2;
        }
        if (d == '|') {
          start_cell();
          return i + 2;
        }
        if (reading_attributes() && cell_attrs_.complete()) {
          cell_separated_ = true;
          return i + 1;
        }
        break_before(i);
        start_cell();
        block_context_ = false;
        return i + 1;
      }
      if (table_depth_ > 0 && c == '!') {
        if (d == '!') {
          start_cell();
          return i + 2;
        }
        break_before(i);
        start_cell();
        block_context_ = false;
        return i + 1;
      }
      if (c == '=' && d == '=') {
        if (const size_t e = heading_end(i)) {
          break_before(i);
          break_after(e);
          end_cell();
          block_context_ = true;
          last_block_end_ = kNoBlock;
          return e;
        }
      }
      if (c == '*' || c == '#' || c == ':' || c == ';') {
        if (const size_t e = list_marker_end(i)) {
          break_before(i);
          end_cell();
          block_context_ = false;
          in_list_line_ = true;
          list_item_spaced_ = at(e) == ' ';
          return e;
        }
      }
    } else if (table_depth_ > 0 && in_cell_) {
      if ((c == '|' && d == '|') || (c == '!' && d == '!')) {
        start_cell();
        return i + 2;
      }
      if (c == '|') {  // `|rowspan=2|x`: attributes end here
        cell_separated_ = true;
        return i + 1;
      }
    }
    if (reading_attributes()) cell_attrs_.feed(c);
    if (c == '(') ++open_parens_;
    if (c == ')' && open_parens_ > 0) --open_parens_;
    block_context_ = false;
    return i + 1;
  }

  // If a heading opens at i ("==" run at a line start), the offset just past its closing '='
  // run, else 0. The title is looked for within a bounded distance so that a stray "==" in
  // prose costs little.
  size_t heading_end(size_t i) const {
    size_t j = i;
    while (j < n_ && t_[j] == '=') ++j;
    size_t kk = k_;
    size_t budget = kTitleBudget;
    bool has_title = false;
    while (j < n_ && budget > 0) {
      --budget;
      if (kk < spans_.size() && spans_[kk].begin == j) {
        has_title = true;
        j = spans_[kk].end;
        ++kk;
        continue;
      }
      const char c = t_[j];
      if (c == '=') {
        size_t e = j;
        while (e < n_ && t_[e] == '=') ++e;
        if (e - j >= 2 && has_title) {
          // Comments may follow the closing run: "== T ==<!-- note -->".
          size_t after = e;
          for (size_t s = kk;
               s < spans_.size() && spans_[s].begin == after && spans_[s].kind == SpanKind::Comment;
               ++s)
            after = spans_[s].end;
          if (after == n_ || is_gap(t_[after])) return after;
        }
        has_title = true;
        j = e;
        continue;
      }
      if (c == '\n') return 0;
      if (c != ' ') has_title = true;
      ++j;
    }
    return 0;
  }

  // If a list marker run at i begins a list item, the offset past the run, else 0.
  size_t list_marker_end(size_t i) const {
    size_t e = i;
    while (e < n_ && e - i < 16 && is_list_char(t_[e])) ++e;
    const char first = t_[i];
    const char next = at(e);
    // An item has content: "| # !" is a header cell holding "#", not an empty list item.
    size_t q = e;
    while (q < n_ && t_[q] == ' ') ++q;
    if (q == n_ || (table_depth_ > 0 && (t_[q] == '|' || t_[q] == '!'))) return 0;
    if (i == 0 || t_[i - 1] == '\n' || block_context_) return e;
    // "(* [[13. Mai]] [[1932]])": a star inside parentheses is prose (German "born").
    if (open_parens_ > 0) return 0;
    // Within a list, "*Next item" follows an item written the same way ("*Item", no space;
    // "#1" stays prose).
    if (in_list_line_ && !list_item_spaced_ && first != ';' && !(first == '#' && is_digit(next)) &&
        next != ' ')
      return e;
    if (first == ';') return 0;
    const bool markup = next == '[' || next == '{' || next == '\'' || next == '"' || next == '<';
    if (first == ':') return markup ? e : 0;
    if (markup) return e;
    if (next != ' ') return 0;
    // " * " between numbers is arithmetic, not a list.
    size_t p = i - 1;
    while (p > 0 && t_[p - 1] == ' ') --p;
    const bool number_before = p > 0 && (is_digit(t_[p - 1]) || t_[p - 1] == ')');
    const bool number_after = q < n_ && (is_digit(t_[q]) || t_[q] == '(');
    if (number_before && number_after) return 0;
    return e;
  }

  static constexpr size_t kNoBlock = static_cast<size_t>(-1);
  static constexpr size_t kTitleBudget = 300;

  std::string& t_;
  const size_t n_;
  const std::vector<Span> spans_;
  size_t k_ = 0;  // next span
  size_t breaks_ = 0;
  int table_depth_ = 0;
  bool in_cell_ = false;
  bool cell_separated_ = false;
  bool in_list_line_ = false;      // the current line is a list item
  bool list_item_spaced_ = false;  // ... written "* item" rather than "*item"
  int open_parens_ = 0;            // '(' minus ')' at top level on the current line
  AttributeReader cell_attrs_;
  // At the article's start, after a heading, a table end or a block template: a template here
  // is a block (hatnote, infobox, {{Reflist}}), and a list item may start with any character.
  bool block_context_ = true;
  size_t last_block_end_ = kNoBlock;
};

}  // namespace

size_t restore_line_breaks(std::string& text) {
  return Restorer(text).run();
}

}  // namespace wikivet
