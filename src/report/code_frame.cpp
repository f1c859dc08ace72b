#include "report/code_frame.hpp"

#include <algorithm>
#include <vector>

#include "core/display_text.hpp"

namespace wikivet::report {

namespace {

constexpr size_t kBackBytes = 1024;   // at most this much of a line before the range is read
constexpr size_t kAheadBytes = 2048;  // ... and after its start
constexpr size_t kTabStop = 4;
constexpr size_t kContext = 30;  // columns shown before the range when a line is cut
const char* const kEllipsis = "\xE2\x80\xA6";
const char* const kReplacement = "\xEF\xBF\xBD";

// One shown character. Kept small and without a string of its own: a frame may read a few
// thousand characters of a long line, and a string per character made the frames cost more than
// the rules that found what they show.
struct Cell {
  size_t byte;    // offset in the original where this character starts
  uint8_t len;    // its bytes in the original
  uint8_t width;  // display columns
  bool replace;   // shown as U+FFFD
};

bool is_continuation(unsigned char c) {
  return (c & 0xC0) == 0x80;
}

// Moves `i` forward past at most 3 continuation bytes, so a window cut in the middle of a
// multi-byte character starts at the next character.
size_t align_forward(std::string_view s, size_t i, size_t limit) {
  for (int k = 0; k < 3 && i < limit && is_continuation(static_cast<unsigned char>(s[i])); ++k) ++i;
  return i;
}

std::vector<Cell> cells_of(std::string_view s, size_t from, size_t to) {
  std::vector<Cell> cells;
  cells.reserve(to - from);
  size_t col = 0;
  for (size_t i = from; i < to;) {
    const auto b = static_cast<unsigned char>(s[i]);
    Cell c{i, 1, 1, false};
    if (b == '\t') {
      c.width = static_cast<uint8_t>(kTabStop - col % kTabStop);
    } else if (b < 0x80) {
      c.replace =
          b < 0x20 || b == 0x7F;  // never echo control bytes (escape sequences) to a terminal
    } else {
      size_t len = utf8_sequence_length(s, i);
      if (i + len > to) len = 1;
      c.len = static_cast<uint8_t>(len);
      c.replace = unsafe_display_length(s, i) != 0;
    }
    col += c.width;
    cells.push_back(c);
    i += c.len;
  }
  return cells;
}

// Appends what a cell shows.
void append_cell(std::string& out, std::string_view s, const Cell& c) {
  if (c.replace)
    out += kReplacement;
  else if (s[c.byte] == '\t')
    out.append(c.width, ' ');
  else
    out.append(s.substr(c.byte, c.len));
}

}  // namespace

std::string code_frame(const Source& source, const Location& loc, bool color) {
  const std::string_view orig = source.original();
  const LineIndex& lines = source.original_lines();
  const uint32_t line = loc.start.line;
  if (line == 0 || line > lines.line_count() || loc.begin > orig.size()) return {};
  const size_t lb = lines.line_begin(line);
  size_t le = lines.line_end(line);
  if (le > lb && orig[le - 1] == '\r') --le;
  const size_t begin = std::clamp(loc.begin, lb, le);
  size_t caret_end = loc.stop.line == line ? std::clamp(loc.end, begin, le) : le;

  // Bound the bytes we look at, whatever the line's length.
  size_t ws = lb, we = le;
  if (begin - lb > kBackBytes) ws = align_forward(orig, begin - kBackBytes, begin);
  if (le - begin > kAheadBytes) we = align_forward(orig, begin + kAheadBytes, le);
  caret_end = std::min(caret_end, we);
  std::vector<Cell> cells = cells_of(orig, ws, we);

  const auto index_of = [&cells](size_t byte) {
    return static_cast<size_t>(
        std::lower_bound(cells.begin(), cells.end(), byte,
                         [](const Cell& c, size_t b) { return c.byte < b; }) -
        cells.begin());
  };
  const size_t cs = index_of(begin);
  const size_t ce = std::max(index_of(caret_end), cs + 1);  // an empty range still gets a caret

  // Choose the cells to show: all if they fit, else a window that starts a little before the
  // range and is filled up to kFrameWidth columns.
  size_t total = 0;
  for (const auto& c : cells) total += c.width;
  size_t a = 0, b = cells.size();
  if (total > kFrameWidth) {
    const size_t budget = kFrameWidth - 2;  // room for the two marks
    a = cs;
    size_t width = 0;
    while (a > 0 && width + cells[a - 1].width <= kContext) width += cells[--a].width;
    b = a;
    size_t used = 0;
    while (b < cells.size() && used + cells[b].width <= budget) used += cells[b++].width;
    while (a > 0 && used + cells[a - 1].width <= budget) used += cells[--a].width;
    if (b <= cs) b = std::min(cells.size(), cs + 1);  // a huge tab cannot hide the caret
  }
  const bool cut_left = a > 0 || ws > lb;
  const bool cut_right = b < cells.size() || we < le;

  std::string text, carets;
  if (cut_left) {
    text += kEllipsis;
    carets += ' ';
  }
  // The shown characters, copied a run of plain ones at a time; the carets by widths.
  size_t run = a;  // first cell of the plain run not yet copied
  const auto flush = [&](size_t upto) {
    if (upto > run) text.append(orig.substr(cells[run].byte, cells[upto].byte - cells[run].byte));
  };
  for (size_t i = a; i < b; ++i) {
    if (!cells[i].replace && orig[cells[i].byte] != '\t') continue;
    flush(i);
    append_cell(text, orig, cells[i]);
    run = i + 1;
  }
  if (b > run) {
    const Cell& last = cells[b - 1];
    text.append(orig.substr(cells[run].byte, last.byte + last.len - cells[run].byte));
  }
  const auto width_of = [&cells](size_t from, size_t to) {
    size_t w = 0;
    for (size_t i = from; i < to; ++i) w += cells[i].width;
    return w;
  };
  carets.append(width_of(a, std::min(cs, b)), ' ');
  if (cs < b) carets.append("^").append(width_of(cs, std::min(ce, b)) - 1, '~');
  if (cs >= b) carets += '^';  // range starts at the line's end (or past the shown part)
  if (cut_right) text += kEllipsis;

  const std::string number = std::to_string(line);
  const std::string gutter(number.size(), ' ');
  std::string out = " " + number + " | " + text + "\n";
  out += " " + gutter + " | ";
  out += color ? "\x1b[32m" + carets + "\x1b[0m" : carets;
  out += '\n';
  return out;
}

}  // namespace wikivet::report
