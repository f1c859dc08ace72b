#pragma once
// What starts at a '<': a comment, an extension tag (with its extent), a transparent marker
// (<noinclude> ...) or nothing. Both passes ask this the same way, so they agree on which
// regions are opaque. Searches are memoised (see MemoSearch) so repeated failures stay linear.
#include <array>
#include <cstdint>
#include <string_view>

#include "parse/scan.hpp"
#include "parse/tags.hpp"

namespace wikivet::parse_detail {

struct Angle {
  enum Kind : uint8_t {
    None,             // '<' is literal text
    Comment,          // <!-- ... --> : [begin, end)
    CommentUnclosed,  // <!-- ... to the limit
    Marker,           // <noinclude>, </noinclude>, ... : [begin, end)
    ExtSelfClosing,   // <ref name=x/> : [begin, end)
    ExtClosed,        // <ref>content</ref > : open tag [begin, gt], content, close tag
    ExtUnclosed,      // <ref> with no close tag before the limit: [begin, end = gt + 1)
  };
  Kind kind = None;
  int8_t tag = -1;
  ExtContent content = ExtContent::Raw;
  uint32_t begin = 0, end = 0;
  uint32_t name_begin = 0, name_end = 0;  // tag name as written
  uint32_t gt = 0;                        // position of the open tag's '>'
  uint32_t close_begin = 0;               // ExtClosed: the close tag [close_begin, end)
};

class AngleMatcher {
 public:
  explicit AngleMatcher(std::string_view text) : t_(text) {}
  // Classifies the '<' at `i`; nothing returned extends past `limit`.
  Angle match(uint32_t i, uint32_t limit);
  // Position of the first "-->" at or after `from`, or kNpos.
  uint32_t find_comment_end(uint32_t from);
  // Position of the first '>' at or after `from`, or kNpos.
  uint32_t find_gt(uint32_t from);
  // Start of the first "</name\s*>" (ASCII case-insensitive) at or after `from`; sets `end`.
  uint32_t find_close_tag(int tag, uint32_t from, uint32_t& end);

 private:
  std::string_view t_;
  MemoSearch gt_;
  MemoSearch comment_;
  std::array<MemoSearch, 40> close_;
  std::array<uint32_t, 40> close_end_{};
};

}  // namespace wikivet::parse_detail
