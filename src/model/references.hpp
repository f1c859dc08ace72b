#pragma once
// The reference index: refs (definitions and invocations) and reference lists.
#include <cstdint>
#include <string>
#include <vector>

#include "parse/tree.hpp"

namespace wikivet {

// One <ref>, {{#tag:ref}}, or a ref a template makes ({{efn}}, {{refn}}, one name of {{r|a|b}},
// the citation of {{Single chart|refname=x}}, {{sfn}}); ReferenceTemplates says which.
struct Ref {
  NodeId node = kNoNode;
  Range range;                // the whole ref
  Range content;              // what it says (empty for an invocation)
  std::string name;           // "" when unnamed; case-sensitive, as MediaWiki compares
  std::string group;          // "" for the default group
  bool defines = false;       // has content (non-blank)
  bool self_closing = false;  // <ref name=x />
  bool list_defined = false;  // inside <references>...</references> or {{reflist|refs=}}
  // The content is built by a template from its parameters ({{Single chart}}, {{sfn}}), not
  // written by the editor: `content` is empty and two such definitions are not compared.
  bool generated = false;
  enum class Via : uint8_t { Tag, TagFunction, Template } via = Via::Tag;
  int table = -1;  // index into Article::tables, when the ref stands in a table cell
  int row = -1;    // row index in that table
  int list = -1;   // index into Article::ref_lists of the list it is defined in (list_defined)
  // <ref> only: its follow= and extends= values (trimmed, "" when absent), and the name ranges
  // of attributes Cite does not accept on <ref> (none when a template stands among them).
  std::string follow, extends;
  std::vector<Range> unknown_attributes;
};

struct RefList {
  NodeId node = kNoNode;
  Range range;
  std::string group;
  bool is_template = false;  // {{Reflist}} (or {{#tag:references}}) rather than <references/>
  std::vector<Range> unknown_attributes;  // as Ref's, for <references> (not templates)
};

}  // namespace wikivet
