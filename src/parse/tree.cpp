// Tree helpers: names of kinds, the debugging dump and title normalisation.
#include <algorithm>
#include <string>
#include <vector>

#include "parse/tree.hpp"

namespace wikivet {

const char* to_string(NodeKind kind) {
  switch (kind) {
    case NodeKind::Document:
      return "Document";
    case NodeKind::Text:
      return "Text";
    case NodeKind::Syntax:
      return "Syntax";
    case NodeKind::Comment:
      return "Comment";
    case NodeKind::Attribute:
      return "Attribute";
    case NodeKind::HtmlTag:
      return "HtmlTag";
    case NodeKind::BareUrl:
      return "BareUrl";
    case NodeKind::BehaviorSwitch:
      return "BehaviorSwitch";
    case NodeKind::HorizontalRule:
      return "HorizontalRule";
    case NodeKind::Entity:
      return "Entity";
    case NodeKind::Template:
      return "Template";
    case NodeKind::ParserFunction:
      return "ParserFunction";
    case NodeKind::TemplateArgument:
      return "TemplateArgument";
    case NodeKind::TemplateName:
      return "TemplateName";
    case NodeKind::Parameter:
      return "Parameter";
    case NodeKind::ParameterName:
      return "ParameterName";
    case NodeKind::ParameterValue:
      return "ParameterValue";
    case NodeKind::WikiLink:
      return "WikiLink";
    case NodeKind::ExternalLink:
      return "ExternalLink";
    case NodeKind::LinkTarget:
      return "LinkTarget";
    case NodeKind::LinkLabel:
      return "LinkLabel";
    case NodeKind::ExtensionTag:
      return "ExtensionTag";
    case NodeKind::TagOpen:
      return "TagOpen";
    case NodeKind::TagContent:
      return "TagContent";
    case NodeKind::TagClose:
      return "TagClose";
    case NodeKind::Heading:
      return "Heading";
    case NodeKind::HeadingTitle:
      return "HeadingTitle";
    case NodeKind::ListItem:
      return "ListItem";
    case NodeKind::Table:
      return "Table";
    case NodeKind::TableCaption:
      return "TableCaption";
    case NodeKind::TableRow:
      return "TableRow";
    case NodeKind::TableCell:
      return "TableCell";
    case NodeKind::TableAttributes:
      return "TableAttributes";
    case NodeKind::CellContent:
      return "CellContent";
  }
  return "?";
}

const char* to_string(ProblemKind kind) {
  switch (kind) {
    case ProblemKind::UnclosedTemplate:
      return "UnclosedTemplate";
    case ProblemKind::UnclosedLink:
      return "UnclosedLink";
    case ProblemKind::UnclosedTag:
      return "UnclosedTag";
    case ProblemKind::UnclosedTable:
      return "UnclosedTable";
    case ProblemKind::UnclosedComment:
      return "UnclosedComment";
    case ProblemKind::UnbalancedHeading:
      return "UnbalancedHeading";
    case ProblemKind::StrayClose:
      return "StrayClose";
    case ProblemKind::NestedTag:
      return "NestedTag";
  }
  return "?";
}

NodeId Tree::child(NodeId id, NodeKind kind) const {
  const NodeId end = subtree_end(id);
  for (NodeId c = id + 1; c < end; c += nodes_[c].descendants + 1)
    if (nodes_[c].kind == kind) return c;
  return kNoNode;
}

NodeId Tree::ancestor(NodeId id, NodeKind kind) const {
  for (NodeId p = nodes_[id].parent; p != kNoNode; p = nodes_[p].parent)
    if (nodes_[p].kind == kind) return p;
  return kNoNode;
}

namespace {

// Quoted, escaped, at most `max` bytes of `s` (then "...").
void append_quoted(std::string& out, std::string_view s, size_t max) {
  static const char* hex = "0123456789abcdef";
  out += '"';
  size_t n = s.size() < max ? s.size() : max;
  // Cut at a character boundary so the dump stays valid UTF-8 where the input was.
  while (n < s.size() && n > 0 && (static_cast<unsigned char>(s[n]) & 0xC0) == 0x80) --n;
  for (size_t i = 0; i < n; ++i) {
    const unsigned char c = static_cast<unsigned char>(s[i]);
    switch (c) {
      case '\n':
        out += "\\n";
        break;
      case '\t':
        out += "\\t";
        break;
      case '\r':
        out += "\\r";
        break;
      case '"':
        out += "\\\"";
        break;
      case '\\':
        out += "\\\\";
        break;
      default:
        if (c < 0x20 || c == 0x7f) {
          out += "\\x";
          out += hex[c >> 4];
          out += hex[c & 15];
        } else {
          out += static_cast<char>(c);
        }
    }
  }
  out += '"';
  if (n < s.size()) out += "...";
}

}  // namespace

// Format, one node a line, two spaces of indent per depth (up to depth 32, then "(depth N) "):
//   Kind [begin,end) "text preview" name="..." value="..." level=N flags=a|b
// The preview is the node's text (escaped, first 40 bytes, "..." when cut); name= and value=
// appear when the kind defines them and they are set, level= when non-zero.
std::string dump_tree(const Tree& tree) {
  std::string out;
  std::vector<uint32_t> depth(tree.size(), 0);
  for (NodeId id = 0; id < tree.size(); ++id) {
    const Node& n = tree[id];
    if (n.parent != kNoNode) depth[id] = depth[n.parent] + 1;
    // Indentation stops growing at kMaxIndent levels (deeper nodes say their depth instead), so
    // that a page of 100 000 nested brackets does not dump gigabytes of spaces.
    constexpr uint32_t kMaxIndent = 32;
    out.append(2 * std::min(depth[id], kMaxIndent), ' ');
    if (depth[id] > kMaxIndent) out += "(depth " + std::to_string(depth[id]) + ") ";
    out += to_string(n.kind);
    out += " [" + std::to_string(n.begin) + "," + std::to_string(n.end) + ") ";
    append_quoted(out, tree.text(id), 40);
    if (!tree.name_range(id).empty() || n.kind == NodeKind::Template ||
        n.kind == NodeKind::WikiLink) {
      out += " name=";
      append_quoted(out, tree.name(id), 60);
    }
    if (!tree.value_range(id).empty()) {
      out += " value=";
      append_quoted(out, tree.value(id), 60);
    }
    if (n.level) out += " level=" + std::to_string(n.level);
    if (n.flags) {
      out += " flags=";
      const char* sep = "";
      const std::pair<NodeFlags, const char*> names[] = {
          {kClosing, "closing"},   {kSelfClosing, "self-closing"},
          {kUnclosed, "unclosed"}, {kHeader, "header"},
          {kInline, "inline"},     {kIndented, "indented"}};
      for (const auto& [flag, name] : names)
        if (n.has(flag)) {
          out += sep;
          out += name;
          sep = "|";
        }
    }
    out += '\n';
  }
  return out;
}

std::string normalize_title(std::string_view name) {
  std::string out;
  out.reserve(name.size());
  bool pending_space = false;
  for (char c : name) {
    const bool space = c == ' ' || c == '_' || c == '\t' || c == '\n' || c == '\r';
    if (space) {
      pending_space = !out.empty();
      continue;
    }
    if (pending_space) out += ' ';
    pending_space = false;
    out += c;
  }
  if (!out.empty() && out[0] >= 'a' && out[0] <= 'z') out[0] = static_cast<char>(out[0] - 32);
  return out;
}

}  // namespace wikivet
