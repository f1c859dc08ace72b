#pragma once
// What the heading-* rules share: the page's own headings in order, and the apostrophe runs
// (MediaWiki's '' and ''') of a heading's title.
#include <vector>

#include "parse/tree.hpp"

namespace wikivet {

// The Heading nodes of the page's own text, in document order. Headings inside a template's
// parameters or an extension tag's content are left out: where (and whether) they show
// depends on the template or the tag, so the page's outline cannot be read from them.
// One walk over the tree (linear whatever the nesting).
std::vector<NodeId> page_headings(const Tree& tree);

// The apostrophe runs of a heading title as MediaWiki's doQuotes counts them on the line:
// a run of 2 toggles italic, 3 toggles bold. `opaque` when the title holds a template,
// template argument or parser function (its output may add apostrophes) or a run of 4 or more
// (an apostrophe and bold, bold and italic: read with the rest of the line, so not counted).
struct TitleQuotes {
  int italic = 0;
  int bold = 0;
  bool opaque = false;
  std::vector<NodeId> bold_runs;  // the Syntax leaves of the ''' runs, in order
};
TitleQuotes title_quotes(const Tree& tree, NodeId title);

// The title's range without its leading and trailing spaces, tabs and comments.
Range title_core(const Tree& tree, NodeId title);

}  // namespace wikivet
