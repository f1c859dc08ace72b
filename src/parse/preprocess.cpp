#include "parse/preprocess.hpp"

#include <algorithm>
#include <array>

namespace wikivet::parse_detail {
namespace {

struct Piece {
  uint32_t record;
  char open;          // '{', '[' or '=' (heading line)
  uint32_t count;     // unmatched opening characters left
  uint32_t part = 0;  // '{': 0 = title, then one per '|'
  bool has_equals = false;
  uint32_t comment_end = kNpos;  // heading: index of the '>' of the last comment on the line
  uint32_t visual_end = 0;       // heading: where the text before that comment run ends
  // '{': the "[[" piece below this one with only brace pieces in between (kNpos: none). A "]]"
  // in this template's arguments then ends up in the expanded text inside that link.
  uint32_t link_below = kNpos;
  // A brace piece stands below this one: its '|' protection matters to a template's arguments.
  bool in_brace = false;
};

class Pass {
 public:
  Pass(std::string_view t, uint32_t b, uint32_t e, AngleMatcher& a, Preprocessed& out)
      : t_(t),
        b_(b),
        e_(e),
        angles_(a),
        out_(out),
        always_(kAlways, t),
        in_brace_(kInBrace, t),
        in_bracket_(kInBracket, t),
        in_brace_link_(kInBraceLink, t) {}

  void run() {
    uint32_t i = b_;
    line_start(i);
    while (true) {
      i = stops().next(i, e_);
      if (i >= e_) {
        if (top_is('=')) {
          line_end(i);  // past-the-end run to finish a heading
          continue;
        }
        break;
      }
      const char c = t_[i];
      const Piece* top = stack_.empty() ? nullptr : &stack_.back();
      const bool find_pipe = top && top->open == '{';
      if (c == '|' && find_pipe) {
        ++stack_.back().part;
        stack_.back().has_equals = false;
        ++i;
      } else if (c == '|' && top && top->open == '[') {
        ++stack_.back().part;  // the link's target ends here; its label may span lines
        ++i;
      } else if (c == '=' && find_pipe && top->part > 0 && !top->has_equals) {
        stack_.back().has_equals = true;
        ++i;
      } else if (c == '<') {
        i = angle(i);
      } else if (c == '\n') {
        drop_broken_links();
        if (top_is('=')) {
          line_end(i);
        } else {
          ++i;
          line_start(i);
        }
      } else if ((c == '}' && top && top->open == '{') || (c == ']' && top && top->open == '[')) {
        i = close(i);
      } else if (c == ']') {  // only stopped at in a template's part with a "[[" below it
        i = close_in_output(i);
      } else if (c == '{' || c == '[') {
        const uint32_t n = run_length(t_, i, e_, c);
        if (n >= 2) push(c == '{' ? OpenRecord::Brace : OpenRecord::Bracket, c, i, n);
        i += n;
      } else {
        ++i;
      }
    }
    // Output-closed links count only where the preprocessor left the "[[" as text.
    for (const uint32_t rec : soft_candidates_) {
      const OpenRecord& r = out_.opens[rec];
      if (r.first_match == kNpos) out_.closed_in_output.push_back(r.output_close);
    }
  }

 private:
  bool top_is(char open) const { return !stack_.empty() && stack_.back().open == open; }

  // The bytes that can do something with the stack as it is: '|', '=' and "}}" act only for a
  // brace piece on top, "]]" only for a bracket piece; the main loop steps over the others.
  static constexpr ByteSet kAlways{"[{<\n"};
  static constexpr ByteSet kInBrace{"[{<\n}|="};
  static constexpr ByteSet kInBracket{"[{<\n]|"};      // "|" ends the target
  static constexpr ByteSet kInBraceLink{"[{<\n}|=]"};  // a brace piece with a "[[" below it
  StopCursor& stops() {
    if (stack_.empty()) return always_;
    const Piece& top = stack_.back();
    if (top.open == '{') return top.link_below != kNpos ? in_brace_link_ : in_brace_;
    return top.open == '[' ? in_bracket_ : always_;
  }

  void push(OpenRecord::Type type, char open, uint32_t pos, uint32_t count) {
    OpenRecord r;
    r.type = type;
    r.pos = pos;
    r.count = count;
    out_.opens.push_back(r);
    const uint32_t link = nearest_link();
    if (open == '[' && link != kNpos) {
      // A "[[" opened inside the first one's template: MediaWiki's main parser ends the first
      // link's text at this "[[", so a later "]]" no longer closes it.
      OpenRecord& below = out_.opens[stack_[link].record];
      if (below.output_close == kNpos) below.output_blocked = true;
    }
    Piece piece{static_cast<uint32_t>(out_.opens.size() - 1), open, count};
    if (open == '{') piece.link_below = link;
    piece.in_brace = !stack_.empty() && (stack_.back().open == '{' || stack_.back().in_brace);
    stack_.push_back(piece);
  }

  // A newline in a link's target: MediaWiki's link target is made of title characters only
  // (handleInternalLinks matches `[[target|label]]` with no newline before the '|' or "]]"), so
  // this "[[" makes no link and stays text, and so do "[[" pieces under it whose target it is
  // in ("[[a[[ b\n"). Outside templates the preprocessor's piece has no '|' to protect, so it
  // is dropped: a "]]" hundreds of lines further, or a table end in between, is not taken into
  // it. Inside a template's argument it stays (MediaWiki's preprocessor keeps it, and it keeps
  // the argument's '|' from splitting it). Each piece is dropped once: linear.
  void drop_broken_links() {
    while (!stack_.empty() && stack_.back().open == '[' && stack_.back().part == 0 &&
           !stack_.back().in_brace)
      stack_.pop_back();
  }

  // The stack index of the "[[" piece on top, or below the brace pieces on top, or kNpos.
  uint32_t nearest_link() const {
    if (stack_.empty()) return kNpos;
    const Piece& top = stack_.back();
    if (top.open == '[') return static_cast<uint32_t>(stack_.size() - 1);
    return top.open == '{' ? top.link_below : kNpos;
  }

  // "]]" in a template's argument with a "[[" open below the template (pieces between are
  // templates too): for the preprocessor it is text, but when the template outputs its
  // argument, as {{nowrap|x]]}} does, the expanded text has "[[a|x]]" and MediaWiki links it.
  // Recorded once per "[[" (the first such "]]"), kept only if that "[[" stays unmatched.
  uint32_t close_in_output(uint32_t i) {
    const uint32_t n = run_length(t_, i, e_, ']', 2);
    const Piece& top = stack_.back();
    if (n < 2 || top.part == 0) return i + n;
    OpenRecord& link = out_.opens[stack_[top.link_below].record];
    if (link.output_close == kNpos && !link.output_blocked) {
      link.output_close = i;
      soft_candidates_.push_back(stack_[top.link_below].record);
    }
    return i + n;
  }

  void line_start(uint32_t i) {
    const uint32_t n = run_length(t_, i, e_, '=', 6);
    const bool find_equals = !stack_.empty() && stack_.back().open == '{' &&
                             stack_.back().part > 0 && !stack_.back().has_equals;
    // MediaWiki: a single '=' where a template parameter's '=' is expected is that '='.
    if (n == 0 || (n == 1 && find_equals)) return;
    push(OpenRecord::Heading, '=', i, n);
    // The '=' run is skipped: the main loop continues after it. (Handled by the caller's
    // scan, since '=' is only special when find_equals, which a heading on top disables.)
  }

  uint32_t back_spaces(uint32_t i) const {
    uint32_t j = i;
    while (j > b_ && is_space_tab(t_[j - 1])) --j;
    return j;
  }

  void line_end(uint32_t i) {
    Piece piece = stack_.back();
    stack_.pop_back();
    OpenRecord& r = out_.opens[piece.record];
    uint32_t search = back_spaces(i);
    if (piece.comment_end != kNpos && search >= 1 && search - 1 == piece.comment_end)
      search = back_spaces(piece.visual_end);
    uint32_t eq = 0;
    while (search - eq > b_ && t_[search - eq - 1] == '=') ++eq;
    uint32_t level = 0;
    if (eq > 0) {
      if (search - eq == r.pos)
        level = eq < 3 ? 0 : std::min<uint32_t>(6, (eq - 1) / 2);
      else
        level = std::min(eq, piece.count);
    }
    r.resolved = true;
    r.level = static_cast<uint16_t>(level);
    r.close_count = static_cast<uint16_t>(std::min<uint32_t>(eq, 65535));
    r.closer_begin = search - level;
    r.line_end = i;
  }

  uint32_t angle(uint32_t i) {
    const Angle a = angles_.match(i, e_);
    switch (a.kind) {
      case Angle::None:
        return i + 1;
      case Angle::Comment:
        if (top_is('=')) {
          Piece& p = stack_.back();
          const uint32_t ws_start = back_spaces(i);
          if (!(p.comment_end != kNpos && ws_start >= 1 && p.comment_end == ws_start - 1))
            p.visual_end = ws_start;
          p.comment_end = a.end - 1;
        }
        return a.end;
      default:
        return a.end;
    }
  }

  uint32_t close(uint32_t i) {
    Piece piece = stack_.back();
    const char closer = piece.open == '{' ? '}' : ']';
    // Only "one", "two" or "three or more" matters: counting further would rescan the rest of a
    // long closing run at each of its matches (quadratic in the run's length).
    const uint32_t n = run_length(t_, i, e_, closer, std::min<uint32_t>(piece.count, 3));
    uint32_t m = 0;
    if (piece.open == '{')
      m = n >= 3 ? 3 : (n == 2 ? 2 : 0);
    else
      m = n >= 2 ? 2 : 0;
    if (m == 0) return i + n;
    OpenRecord& r = out_.opens[piece.record];
    out_.matches.push_back(MatchRecord{i, kNpos, static_cast<uint8_t>(m)});
    const uint32_t id = static_cast<uint32_t>(out_.matches.size() - 1);
    if (r.last_match == kNpos)
      r.first_match = id;
    else
      out_.matches[r.last_match].next = id;
    r.last_match = id;
    stack_.pop_back();
    if (m < piece.count && piece.count - m >= 2) {
      Piece rest = piece;
      rest.count = piece.count - m;
      rest.part = 0;
      rest.has_equals = false;
      stack_.push_back(rest);
    }
    return i + m;
  }

  std::string_view t_;
  uint32_t b_, e_;
  AngleMatcher& angles_;
  Preprocessed& out_;
  std::vector<Piece> stack_;
  std::vector<uint32_t> soft_candidates_;  // records given an output_close, in order of it
  StopCursor always_, in_brace_, in_bracket_, in_brace_link_;
};

}  // namespace

void preprocess(std::string_view text, uint32_t begin, uint32_t end, AngleMatcher& angles,
                Preprocessed& out) {
  Pass(text, begin, end, angles, out).run();
}

}  // namespace wikivet::parse_detail
