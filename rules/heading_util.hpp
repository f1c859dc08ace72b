#pragma once
// What the heading-* rules share (besides Article::page_headings): the apostrophe runs
// (MediaWiki's '' and ''') of a heading's title.
#include <vector>

#include "parse/tree.hpp"

namespace wikivet {

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
