#pragma once
// The page's HTML tags (<small>, </span>, <br/>) paired as MediaWiki's HTML tree builder pairs
// them, once for every tags-family rule; and the line breaks written so that MediaWiki does not
// read them as <br> (`</br>`, `<br/ >`, `<\br>`).
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "parse/tree.hpp"

namespace wikivet {

enum class TagRole : uint8_t {
  Open,        // <small>
  Close,       // </small>
  Void,        // <br>, <hr>, <wbr>: never closed
  SelfClosed,  // <span/>: a non-void tag written self-closed, which HTML reads as an open tag
};

enum class TagPairing : uint8_t {
  Unchecked,  // void, self-closed, an optional end tag (p, li, td ...), or where pairing cannot
              // be told (inside a parser function, a template argument, a template name, or
              // opened and closed on the two sides of a template parameter's boundary, or a
              // closer that a template on a line of its own before it may have opened)
  Paired,     // an opener and its closer in the same scope
  Unclosed,   // an opener that nothing closes in its scope
  Stray,      // a closer with no opener in its scope (MediaWiki drops it)
  Misnested,  // an opener closed only after a tag around it had closed (<b><i></b></i>), and
              // that late closer
};

inline constexpr uint32_t kNoTag = UINT32_MAX;

struct HtmlTagUse {
  NodeId node = kNoNode;  // the HtmlTag node
  std::string name;       // lower-case
  TagRole role = TagRole::Open;
  TagPairing pairing = TagPairing::Unchecked;
  // Where the tag pairs: the page, a table cell, a template parameter's value, an extension
  // tag's content (a <ref>), a link label or a heading. MediaWiki's tree builder closes what is
  // still open at a cell's end; a template parameter is expanded on its own.
  NodeId scope = kNoNode;
  // Unclosed or Misnested: the closer of a tag around it that ended it (<b><small></b>: the
  // </b>), so it is not open to the end of its scope; kNoTag when nothing did.
  uint32_t ended_by = UINT32_MAX;
  // A template alone on its line ({{div col}}), or an open tag of its name the parser could not
  // read (`<div style="{{Round corners}}">`), comes before it in its scope: a stray closer may
  // close what that opened.
  bool after_line_template = false;
  uint32_t partner = kNoTag;  // Paired / Misnested: index of the other tag in the list
};

// A line break MediaWiki does not read as written: `</br>` and `<br/ >` (read as <br>, but
// invalid HTML), `<\br>`, `<br\>`, `< br>`, `<br.>` (shown as text).
struct BrokenBreak {
  Range range;
  bool shown_as_text = false;
};

struct HtmlTags {
  std::vector<HtmlTagUse> tags;  // document order
  std::vector<BrokenBreak> broken_breaks;
};

// Scans the tree once (linear in its size and in the number of tags).
HtmlTags scan_html_tags(const Tree& tree);

// Tags the pairing rules consider: not void, and their end tag is required.
bool needs_end_tag(std::string_view lower_name);
bool is_void_tag(std::string_view lower_name);

}  // namespace wikivet
