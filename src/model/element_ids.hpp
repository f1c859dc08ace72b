#pragma once
// The id="..." attributes the page itself writes on HTML tags and on table, row, cell and
// caption lines, read from the parser's Attribute leaves (no second scan of the text).
#include <string>
#include <vector>

#include "parse/tree.hpp"

namespace wikivet {

struct ElementId {
  NodeId attribute = kNoNode;  // the Attribute leaf
  std::string id;              // the id as MediaWiki writes it into the page (see element_ids)
};

// In document order. The value is read as MediaWiki's sanitizer reads it: white space runs
// folded to one space and trimmed, then (the HTML5 fragment mode every Wikimedia wiki uses)
// spaces written as '_', so `id="a b"` and `id="a_b"` are one id; letter case is kept, as HTML
// ids are case-sensitive. Left out, since what they give cannot be told from the page: ids
// inside templates, parser functions and template arguments (a parameter may be shown twice or
// not at all), values holding a template, comment or character reference, empty values, and
// the id of an end tag (which HTML ignores). An element that writes id twice has its last, as
// the sanitizer keeps it.
std::vector<ElementId> element_ids(const Tree& tree);

}  // namespace wikivet
