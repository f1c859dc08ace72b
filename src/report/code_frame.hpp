#pragma once
// The code frame of the text format: the source line of a finding and a caret line under its
// range, e.g.
//      12 | | 124 || Angola
//         |   ^~~
// Columns are code points (as everywhere in wikivet); tabs are expanded to 4-column stops;
// control and bidirectional characters and ill-formed UTF-8 bytes are shown as U+FFFD
// (core/display_text.hpp). A line longer than
// kFrameWidth columns is cut around the range with "…" marks, and the work per frame is bounded
// however long the line is (a 10 MB single-line file costs the same as a short one).
#include <string>

#include "core/source.hpp"
#include "engine/finding.hpp"

namespace wikivet::report {

inline constexpr size_t kFrameWidth = 120;

// Two lines, each ending in '\n'; empty when the location is outside the source.
std::string code_frame(const Source& source, const Location& loc, bool color);

}  // namespace wikivet::report
