#pragma once
// The syntax tree of one wikitext page.
//
// Nodes live in one vector and link to each other by index (first child, next sibling), so a
// tree of a 100 MB page is a few flat arrays and no node owns another. Every node knows its
// byte range [begin, end) in the parsed text. Children tile their parent exactly: concatenating
// the text of the leaves (nodes without children) in document order gives back the input byte
// for byte. Delimiters (`{{`, `|`, `]]`, `<ref>` ...) are leaves of kind Syntax.
// Node ids are the pre-order (document order) numbering, so iterating nodes() visits the tree
// in document order and a node's descendants follow it. Two Text leaves may be adjacent, and an
// empty container (e.g. the value of "{{a|}}") is a leaf with an empty range.
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace wikivet {

using NodeId = uint32_t;
inline constexpr NodeId kNoNode = UINT32_MAX;

struct Range {
  uint32_t begin = 0;
  uint32_t end = 0;
  uint32_t size() const { return end - begin; }
  bool empty() const { return begin == end; }
  bool contains(uint32_t o) const { return o >= begin && o < end; }
  bool operator==(const Range&) const = default;
};

enum class NodeKind : uint8_t {
  Document,  // root; children: the page's block and inline content

  // Leaves
  Text,            // plain text (including newlines)
  Syntax,          // markup delimiter: {{ }} | = [[ ]] [ ] == |- || !! '' ''' ---- ...
  Comment,         // <!-- ... --> (an unclosed comment runs to the end; see Problem)
  Attribute,       // one attribute of a tag/table line: name = name range, value = value range
                   // (without quotes); begin/end cover the attribute and its leading spaces
  HtmlTag,         // <b>, </b>, <br/>: one tag (not paired). name = tag name (as written);
                   // flags: kClosing, kSelfClosing. children: Syntax/Attribute/Text leaves
  BareUrl,         // https://example.org (free link)
  BehaviorSwitch,  // __NOTOC__ and friends
  HorizontalRule,  // ---- at line start
  Entity,          // &nbsp; &#160; &#x20;

  // Templates and friends (MediaWiki's preprocessor)
  Template,        // {{name|p1|k=v}}: Syntax"{{", TemplateName, (Syntax"|", Parameter)*, Syntax"}}"
                   // name = the trimmed name text (for lookups), e.g. "Flag"
  ParserFunction,  // {{#if:a|b}}, {{lc:x}}: as Template; name = "#if"; the text after ':'
                   // is the first Parameter (positional 1)
  TemplateArgument,  // {{{x|default}}}: Syntax"{{{", TemplateName, [Syntax"|", Parameter],
                     // Syntax"}}}"
  TemplateName,      // the name part, may hold comments and nested templates
  Parameter,         // [ParameterName, Syntax"="] ParameterValue; name = trimmed name (named
                     // parameters), value = trimmed value; level = 1-based position for positional
                     // parameters, 0 for named ones
  ParameterName,
  ParameterValue,

  // Links
  WikiLink,      // [[target|label]]: Syntax"[[", LinkTarget, (Syntax"|", LinkLabel)*, Syntax"]]"
                 // name = trimmed target
  ExternalLink,  // [url label]: Syntax"[", LinkTarget, [Text" "], [LinkLabel], Syntax"]"; name =
                 // url
  LinkTarget,
  LinkLabel,

  // Tags
  ExtensionTag,  // <ref name=x>...</ref>: TagOpen, [TagContent, TagClose]
                 // name = lower-case tag name range as written; value = content range
                 // flags: kSelfClosing (<ref name=x/>), kUnclosed (no close tag: see Problem;
                 // then only TagOpen, and MediaWiki shows the tag as text)
  TagOpen,       // Syntax"<ref", Attribute*, [Text], Syntax">" or "/>"
  TagContent,    // parsed as wikitext for ref/references/poem/gallery..., one Text for raw tags
                 // (nowiki, pre, math, syntaxhighlight, source, score, timeline, templatedata...)
  TagClose,      // </ref >: leaf

  // Block structure
  Heading,  // == Title ==: Syntax"==", HeadingTitle, Syntax"==", [Text/Comment trailing]
            // level = 1..6; name = trimmed title range
  HeadingTitle,
  ListItem,  // Syntax"*#:;" (the prefix), then inline content to the end of line
             // level = depth (prefix length)
  Table,     // Syntax"{|", [TableAttributes], newline Text, (TableCaption|TableRow)*, Syntax"|}"
             // level = nesting depth (1 = top-level table); flags: kUnclosed
  TableCaption,     // Syntax"|+", [TableAttributes, Syntax"|"], CellContent
  TableRow,         // [Syntax"|-", TableAttributes, Text"\n"], TableCell*
                    // the first row may have no "|-" (cells right after "{|")
  TableCell,        // Syntax("|" "||" "!" "!!"), [TableAttributes, Syntax"|"], CellContent
                    // flags: kHeader for "!" cells
  TableAttributes,  // attribute text of "{|", "|-", a cell or caption: Attribute*/Text children
  CellContent,      // the cell's wikitext, up to the next cell/row/table delimiter
};

// Node flags (kind-specific).
enum NodeFlags : uint8_t {
  kNoFlags = 0,
  kClosing = 1 << 0,      // HtmlTag: </b>
  kSelfClosing = 1 << 1,  // HtmlTag <br/>, ExtensionTag <ref name=x />
  kUnclosed = 1 << 2,     // ExtensionTag, Table, Heading: no closer found (a Problem says so)
  kHeader = 1 << 3,       // TableCell: "!" cell
  kInline = 1 << 4,       // TableCell: opened by "||" or "!!" on the same line
  kIndented = 1 << 5,     // Table: opened as ":{|"
};

struct Node {
  NodeKind kind = NodeKind::Text;
  uint8_t flags = 0;
  uint16_t level = 0;  // kind-specific: heading level, list depth, parameter position, table depth
  uint32_t begin = 0;
  uint32_t end = 0;
  NodeId parent = kNoNode;
  // Ids are pre-order, so the subtree of node `id` is the ids [id, id + descendants]: its first
  // child (if any) is id + 1, and what follows the subtree is id + descendants + 1 (the next
  // sibling when its parent is this node's). No child or sibling links are kept (Tree answers
  // first_child() and next_sibling() from this count), which makes a node 24 bytes instead of 28;
  // a page has about one node per 5 bytes.
  uint32_t descendants = 0;
  // Index into the tree's name/value table (Tree::name_range, value_range), or kNoNode: most
  // nodes (Text, Syntax, containers) have neither, so the two ranges are not kept in every
  // node.
  uint32_t extra = kNoNode;

  Range range() const { return {begin, end}; }
  bool is_leaf() const { return descendants == 0; }
  bool has(NodeFlags f) const { return (flags & f) != 0; }
};

enum class ProblemKind : uint8_t {
  UnclosedTemplate,   // {{ without }}  (also {{{ without }}})
  UnclosedLink,       // [[ without ]]  (external [ without ] is plain text in MediaWiki: not here)
  UnclosedTag,        // extension tag without its close tag; detail = tag name
  UnclosedTable,      // {| without |}
  UnclosedComment,    // <!-- without -->
  UnbalancedHeading,  // "== x =" : detail = "2/1"
  StrayClose,         // }} ]] |} or a close tag with no opener; detail = the text
  NestedTag,          // <ref> inside <ref> content: MediaWiki ends the outer ref at the first
                      // </ref>; detail = tag name
};

struct Problem {
  ProblemKind kind;
  Range range;         // the opener for unclosed constructs, the closer for stray ones
  std::string detail;  // tag name, "}}", ...
};

// A node's name and value ranges (kind-specific, see NodeKind).
struct NodeExtra {
  Range name;
  Range value;
};

class Tree {
 public:
  Tree() = default;
  explicit Tree(std::string_view text) : text_(text) {}

  std::string_view text() const { return text_; }
  std::string_view text(NodeId id) const { return slice(nodes_[id].range()); }
  std::string_view text(Range r) const { return text_.substr(r.begin, r.size()); }
  std::string_view slice(Range r) const { return text_.substr(r.begin, r.size()); }
  std::string_view name(NodeId id) const { return slice(name_range(id)); }
  std::string_view value(NodeId id) const { return slice(value_range(id)); }
  // The kind-specific name and value ranges of a node (see NodeKind); empty when it has none.
  Range name_range(NodeId id) const {
    const uint32_t e = nodes_[id].extra;
    return e == kNoNode ? Range{} : extras_[e].name;
  }
  Range value_range(NodeId id) const {
    const uint32_t e = nodes_[id].extra;
    return e == kNoNode ? Range{} : extras_[e].value;
  }

  NodeId root() const { return 0; }
  size_t size() const { return nodes_.size(); }
  const Node& operator[](NodeId id) const { return nodes_[id]; }
  const Node& node(NodeId id) const { return nodes_[id]; }
  const std::vector<Node>& nodes() const { return nodes_; }
  const std::vector<Problem>& problems() const { return problems_; }

  // First child of `id`, or kNoNode (a leaf). O(1).
  NodeId first_child(NodeId id) const { return nodes_[id].descendants ? id + 1 : kNoNode; }
  // The sibling after `id`, or kNoNode. O(1): the node after id's subtree, when it shares
  // id's parent.
  NodeId next_sibling(NodeId id) const {
    const NodeId next = subtree_end(id);
    return next < nodes_.size() && nodes_[next].parent == nodes_[id].parent ? next : kNoNode;
  }
  // One past the last node of the subtree at `id`.
  NodeId subtree_end(NodeId id) const { return id + nodes_[id].descendants + 1; }
  // First child of `id` of the given kind, or kNoNode.
  NodeId child(NodeId id, NodeKind kind) const;
  // Calls f(child_id) for every child of `id`, in order.
  template <class F>
  void for_each_child(NodeId id, F&& f) const {
    const NodeId end = subtree_end(id);
    for (NodeId c = id + 1; c < end; c += nodes_[c].descendants + 1) f(c);
  }
  // Pre-order walk of the subtree at `id` (iterative: no recursion, whatever the depth).
  // f(node_id) returns true to descend into the node's children, false to skip them.
  template <class F>
  void walk(NodeId id, F&& f) const {
    const NodeId end = subtree_end(id);
    for (NodeId n = id; n < end;) n += f(n) ? 1 : nodes_[n].descendants + 1;
  }
  // Nearest ancestor of `id` (excluding itself) of the given kind, or kNoNode.
  NodeId ancestor(NodeId id, NodeKind kind) const;

  // Builder interface (used by the parser).
  std::vector<Node>& mutable_nodes() { return nodes_; }
  std::vector<NodeExtra>& mutable_extras() { return extras_; }
  std::vector<Problem>& mutable_problems() { return problems_; }

 private:
  std::string_view text_;
  std::vector<Node> nodes_;
  std::vector<NodeExtra> extras_;
  std::vector<Problem> problems_;
};

const char* to_string(NodeKind kind);
const char* to_string(ProblemKind kind);

// Parses `text` (which must outlive the tree). Never fails: every byte sequence gives a tree
// whose leaves tile the input, and what is broken is recorded in problems(). Linear time and
// memory in the input; no recursion on the input's nesting depth.
Tree parse(std::string_view text);

// Prints the tree with byte ranges, one node a line, indented by depth (`wikivet parse`).
std::string dump_tree(const Tree& tree);

// Template names compare as MediaWiki does: first letter case-insensitive, '_' == ' ', runs of
// spaces folded, trimmed. Returns the normalised form ("flag country" -> "Flag country").
std::string normalize_title(std::string_view name);

}  // namespace wikivet
