#pragma once
// The reference index: refs (definitions and invocations) and reference lists.
#include <cstdint>
#include <string>

#include "parse/tree.hpp"

namespace wikivet {

// One <ref>, {{#tag:ref}}, {{refn}} or {{efn}}.
struct Ref {
  NodeId node = kNoNode;
  Range range;                // the whole ref
  Range content;              // what it says (empty for an invocation)
  std::string name;           // "" when unnamed; case-sensitive, as MediaWiki compares
  std::string group;          // "" for the default group
  bool defines = false;       // has content (non-blank)
  bool self_closing = false;  // <ref name=x />
  bool list_defined = false;  // inside <references>...</references> or {{reflist|refs=}}
  enum class Via : uint8_t { Tag, TagFunction, Template } via = Via::Tag;
  int table = -1;  // index into Article::tables, when the ref stands in a table cell
  int row = -1;    // row index in that table
};

struct RefList {
  NodeId node = kNoNode;
  Range range;
  std::string group;
  bool is_template = false;  // {{Reflist}} rather than <references/>
};

}  // namespace wikivet
