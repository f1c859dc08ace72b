#pragma once
// Pass 2: builds the tree in one left-to-right sweep with an explicit stack of open frames
// (no recursion on the input's nesting). Preprocessor constructs (templates, arguments, "[["
// links, headings) are opened only when pass 1 (preprocess.hpp) found their closer, so their
// closing positions are known in advance ("stops"): the sweep never has to undo them. Frames
// that MediaWiki decides later, in its main parser (external links, list items, tables), are
// closed by what follows; an external link that meets a newline is dissolved back into text.
//
// Ownership of '|' and "=" follows MediaWiki: the innermost preprocessor frame decides (a
// template splits parameters; a link separates its label; a heading line keeps it as text);
// parser-level frames in between (an external link, a list item) give way. A table sees '|'
// only on its own level, on a cell's first line.
#include <array>
#include <string_view>
#include <vector>

#include "parse/angle.hpp"
#include "parse/builder.hpp"
#include "parse/preprocess.hpp"

namespace wikivet::parse_detail {

enum class FrameKind : uint8_t { Root, Ext, Brace, Link, Heading, ExtLink, ListItem, Table };

struct Frame {
  FrameKind kind = FrameKind::Root;
  NodeId node = kNoNode;       // the construct
  NodeId container = kNoNode;  // where content is appended now
  NodeId parent = kNoNode;     // container `node` was appended to
  NodeId prev = kNoNode;       // node's previous sibling there (for dissolving)
  uint32_t stop = kNpos;       // position this frame must act at (closer, line end, limit)
  uint32_t eff_stop = kNpos;   // min of stop over this frame and those below it
  uint32_t base = 0;           // index of the nearest frame at or below this one that is neither an
                               // external link nor a list item (those give way to what is below)
  // Brace / Link
  uint32_t part = 0;         // MediaWiki's part index: 0 = title/target
  uint32_t title_begin = 0;  // Brace: where the name starts
  uint16_t positional = 0;   // Brace: positional parameters so far
  uint8_t count = 0;         // Brace: 2 or 3
  bool has_equals = false;   // Brace: current part has its '='
  bool colon_seen = false;   // Brace: a ':' in the title was examined already
  bool pf = false;           // Brace: parser function
  NodeId param = kNoNode;    // Brace: current Parameter
  // Heading (copied from its OpenRecord)
  uint32_t h_pos = 0, h_line_end = 0;
  uint16_t h_level = 0, h_open = 0, h_close = 0;
  bool after_closer = false;
  // Ext
  int8_t tag = -1;
  uint32_t close_end = 0;
  // ExtLink
  NodeId label = kNoNode, before_label = kNoNode;
  // Table
  NodeId row = kNoNode, cell = kNoNode;
  uint32_t cell_begin = 0;     // start of the current cell's text (for the "[[" rule)
  bool cell_line = false;      // still on the line where the cell began
  bool header_line = false;    // that line began with '!'
  bool attrs_decided = false;  // the cell's attribute '|' was found or ruled out
  bool attr_line = false;      // container is the TableAttributes of a "{|" or "|-" line
};

class Parser {
 public:
  explicit Parser(std::string_view text);
  Tree run();

 private:
  // Sweep
  void loop();
  bool at_stop();     // pos_ == eff_stop; returns false at the end of the document
  bool line_start();  // true when it consumed something
  void on_newline();
  void on_open_brace();
  void on_open_bracket();
  void on_close_brace();
  void on_close_bracket();
  void on_angle();
  void on_pipe();
  void on_bang();
  void on_equals();
  void on_colon();
  void on_entity();
  void on_underscore();
  void on_apostrophe();

  // Frames
  Frame& top() { return frames_.back(); }
  void push(const Frame& f);
  void pop_above(size_t index);  // closes or dissolves every frame above frames_[index]
  void close_abruptly();         // the top frame meets an enclosing frame's end
  void dissolve_top();
  size_t pipe_owner(bool double_pipe) const;  // index of the frame owning '|', or kNpos
  bool equals_active() const;                 // a template part is waiting for its '='

  // Constructs
  void push_brace(uint32_t begin, uint8_t count, uint32_t close);
  void close_brace();
  void brace_pipe();
  void push_link(uint32_t begin, uint32_t close);
  void close_link();
  void push_heading(const OpenRecord& r);
  void heading_stop();
  bool try_ext_link(uint32_t bracket);
  void close_ext_link();
  void ext_tag(const Angle& a);
  void close_ext();
  bool html_tag();
  bool bare_url(uint32_t colon);
  void end_part(Frame& f);

  // Tables (parser_tables.cpp)
  bool table_line(uint32_t p);
  void open_table(uint32_t indent_begin, uint32_t colons_end, uint32_t brace);
  void table_pipe(bool double_pipe);
  void open_caption(uint32_t begin, uint32_t len);
  void new_cell(uint32_t begin, uint32_t delim_len, bool header, bool inline_cell);
  void close_cell(Frame& f, uint32_t at);
  void close_row(Frame& f, uint32_t at);
  void finish_attr_line(Frame& f, uint32_t at);
  void finish_attributes(NodeId container, uint32_t end);
  void close_table(bool unclosed);
  void list_item(uint32_t begin);
  bool follows_template_line(uint32_t p);
  uint32_t scan_url(uint32_t from, uint32_t lim) const;

  // Emission
  void flush(uint32_t upto);  // pending text [txt_, upto) into the current container
  NodeId emit(NodeKind kind, uint32_t begin, uint32_t end);  // flush + leaf
  NodeId open_node(NodeKind kind, uint32_t begin);           // flush + inner node
  NodeId open_in(NodeId parent, NodeKind kind, uint32_t begin);
  void problem(ProblemKind kind, uint32_t begin, uint32_t end, std::string detail);
  Range trimmed(NodeId container) const;
  const OpenRecord* find_open(OpenRecord::Type type, uint32_t pos);
  bool closes_in_output(uint32_t pos);  // a "]]" that closes a link in a template's output

  std::string_view t_;
  uint32_t n_;
  Builder b_;
  AngleMatcher angles_;
  StopCursor stops_;
  std::vector<Frame> frames_;
  struct Level {
    Preprocessed pp;
    size_t cursor = 0;
    size_t output_cursor = 0;  // into pp.closed_in_output
  };
  std::vector<Level> levels_;
  size_t depth_ = 0;                     // levels_[depth_ - 1] is current
  std::array<uint16_t, 40> open_ext_{};  // open Ext frames per tag id
  std::vector<Problem> problems_;
  std::vector<std::pair<uint8_t, uint32_t>> scratch_;  // matches of one opening run
  uint32_t pos_ = 0;
  uint32_t txt_ = 0;
  bool at_line_start_ = true;
  // Lone '[' of this line that are text (no link): "[a [b]]" closes them, it is no stray "]]".
  uint32_t lone_brackets_ = 0;
  // A line that is one template, followed by a row line ('|' or '!') with no table open: the
  // template opens a table ({{office-table}}, {{col-begin}}), so a later "|}" closes it.
  bool template_table_ = false;
  uint16_t table_depth_ = 0;
};

}  // namespace wikivet::parse_detail
