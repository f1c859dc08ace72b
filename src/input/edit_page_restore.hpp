#pragma once
// Line-structure restoration for wikitext whose newlines were all flattened to single spaces.
#include <cstddef>
#include <string>

namespace wikivet {

// Turns into '\n' the spaces of `text` that most likely stood for line breaks; no other byte
// changes and the length stays the same. Returns the number of spaces turned.
//
// A break is put before (a space is the byte just before the token):
// - a table start "{|", and inside a table: a row "|-", a caption "|+", a table end "|}", a cell
//   "|x" or a header cell "!x" (not "||" nor "!!", which are inline separators; not the single
//   '|' that closes a cell's attributes, as in `! colspan="3" |x`);
// - a heading "== t ==" (level 2 or more), and after its closing '=' run;
// - a list item "*", "#", ":" when followed by a space or by markup ('[', '{', quote, '<'), or
//   by anything at a line start after a heading, a table end or a block template;
// - templates standing at the start of the article, after a heading or a table end (hatnotes,
//   infoboxes, {{Reflist}}): each is put on its own line;
// - the trailing run of templates, comments, category and interlanguage links at the end of
//   the article: each on its own line;
// and after a table end "|}".
// Nothing inside a template, link, comment or extension tag is ever changed.
// Linear time; never fails.
size_t restore_line_breaks(std::string& text);

}  // namespace wikivet
