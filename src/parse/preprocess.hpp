#pragma once
// Pass 1: MediaWiki's preprocessor rules, without building anything but a list of decisions.
//
// MediaWiki finds templates, template arguments, headings and the "[[" pieces that protect a
// link's '|' with one stack where only the top piece's closer is recognised: "}}" closes a
// template only if nothing opened after it is still open, a '|' belongs to the innermost
// template unless a "[[" or a heading line is open inside it, and pieces still open at the end
// are literal text. Deciding this first lets pass 2 (the tree builder) treat an opener that is
// never closed as plain text right away, and parse what follows it (tables, links) normally,
// exactly as MediaWiki does, instead of swallowing the rest of the page and backtracking.
//
// Brace runs are paired by counting, as MediaWiki does: a run of N '{' is one piece; a closing
// run of M '}' closes min(M, 3) of them when the piece has >= 3 left ("{{{arg}}}"), else 2 (a
// template); the innermost construct takes the last braces of the opening run, and the rest of
// the run stays open (it may close later as an outer template). So "{{{{{x}}}}}" is a template
// whose name is the argument {{{x}}}, and "{{{x}}" is "{" followed by the template {{x}}.
// "[[" runs pair the same way, two brackets at a time.
#include <cstdint>
#include <string_view>
#include <vector>

#include "parse/angle.hpp"

namespace wikivet::parse_detail {

struct MatchRecord {
  uint32_t close_pos;  // where the closing run used by this match starts
  uint32_t next;       // next match of the same opening run (kNpos: last)
  uint8_t count;       // braces/brackets used: 2 or 3
};

struct OpenRecord {
  enum Type : uint8_t { Brace, Bracket, Heading };
  Type type = Brace;
  bool resolved = false;         // Heading: the line end was reached with the heading on top
  uint16_t level = 0;            // Heading: level (0: the line is not a heading)
  uint16_t close_count = 0;      // Heading: '=' run found at the end of the line
  uint32_t pos = 0;              // first character of the run
  uint32_t count = 0;            // run length (Heading: opening '=' count, at most 6)
  uint32_t first_match = kNpos;  // Brace/Bracket: matches, innermost first
  uint32_t last_match = kNpos;
  uint32_t closer_begin = 0;      // Heading: first '=' of the closing Syntax
  uint32_t line_end = 0;          // Heading: the '\n' (or end) that ended the heading line
  uint32_t output_close = kNpos;  // Bracket: a "]]" in a template argument that closes this
                                  // link once the template is expanded (see closed_in_output)
  bool output_blocked = false;    // Bracket: another "[[" opened inside first
};

struct Preprocessed {
  std::vector<OpenRecord> opens;  // in order of position
  std::vector<MatchRecord> matches;
  // Positions of "]]" inside a template's argument that close an unmatched "[[" opened before
  // the template ("[[a|{{nowrap|b]]}}"), ascending: the preprocessor leaves both as text, but
  // the template's output puts the "]]" after the "[[" and MediaWiki makes the link. Neither
  // is a defect (we cannot tell whether a template outputs its argument, so we stay silent).
  std::vector<uint32_t> closed_in_output;
  void clear() {
    opens.clear();
    matches.clear();
    closed_in_output.clear();
  }
};

// Runs the preprocessor rules over [begin, end) of `text` (one level: the page, or the content
// of one extension tag parsed as wikitext), appending to `out`.
void preprocess(std::string_view text, uint32_t begin, uint32_t end, AngleMatcher& angles,
                Preprocessed& out);

}  // namespace wikivet::parse_detail
