#pragma once
// A section of the article: the lead or a heading and what follows it.
#include <string>

#include "parse/tree.hpp"

namespace wikivet {

struct Section {
  NodeId heading = kNoNode;  // kNoNode for the lead
  int level = 0;             // 0 for the lead
  std::string title;
  Range range;  // from the heading to the next heading of the same or a higher level
};

}  // namespace wikivet
