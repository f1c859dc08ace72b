// Whether a table cell shows anything. Plain text says most of it, but plain text knows only
// the templates whose output wikivet renders (dates, flags, {{nowrap}}): a cell made only by
// another template (`{{convert|12|km|disp=table}}`, `{{Version|c|1.2}}`, `{{Yes}}`,
// `{{formatnum:1234}}`) shows its output, and is no empty cell. What shows nothing is known
// and short: refs and notes, anchors, hidden sort keys, spacing and line-break templates; a
// dash template or {{N/A}} stands for "nothing here", as a written "—" does, and {{Main}} only
// points to another article (a cell holding nothing but it has nothing of its own).

#include "model/article.hpp"
#include "model/node_util.hpp"
#include "model/text_util.hpp"

namespace wikivet {

using namespace model_detail;

const char* to_string(CellFill f) {
  switch (f) {
    case CellFill::Blank:
      return "blank";
    case CellFill::Picture:
      return "picture";
    case CellFill::Content:
      return "content";
  }
  return "?";
}

namespace {

// Templates whose output is nothing a reader takes for the cell's content (lower case).
bool shows_nothing(std::string_view lname) {
  for (std::string_view n : {// anchors and hidden sort keys
                             "anchor", "anchors", "hs", "hidden sort key", "sort key",
                             // spacing, line breaks, clearing
                             "0", "nbsp", "sp", "hsp", "hair space", "thin space", "zwsp", "clear",
                             "clr", "-", "break", "pb", "br", "void",
                             // a dash: "nothing here", as a written "—" is
                             "—", "–", "dash", "ndash", "mdash", "em dash", "en dash",
                             // a pointer to another article ("Main article: X–Y relations"):
                             // its claims are there, with their citations
                             "main", "main article", "see also", "further", "details", "see"})
    if (lname == n) return true;
  return lname.rfind("efn", 0) == 0;  // {{efn}}, {{efn-ua}}, {{efn-lr}}: notes
}

// Extension tags that show nothing in place: refs and their lists, styles, section markers.
bool hidden_tag(const Tree& tree, NodeId id) {
  for (std::string_view n :
       {"ref", "references", "templatestyles", "section", "indicator", "includeonly"})
    if (is_tag(tree, id, n)) return true;
  return false;
}

}  // namespace

CellFill Article::cell_fill(NodeId content, Range within, std::string_view plain) const {
  if (!trim(plain).empty()) return CellFill::Content;
  CellFill fill = CellFill::Blank;
  tree_.walk(content, [&](NodeId id) {
    if (fill == CellFill::Content) return false;
    const Node& n = tree_[id];
    if (n.end <= within.begin || n.begin >= within.end) return false;
    switch (n.kind) {
      case NodeKind::Template: {
        const std::string& name = template_name(id);
        const std::string lname = to_lower(name);
        if (shows_nothing(lname) || is_unknown_date_template(name)) return false;
        // A date template with nothing to show ({{dts|}}): its date would be in `plain`.
        if (is_date_template_node(id)) return false;
        if (const ReferenceTemplates::Entry* e = reference_template(id);
            e && e->kind != ReferenceTemplates::Kind::Generated)
          return false;  // refs, notes, {{citation needed}}: what backs or flags the content
        fill = CellFill::Content;
        return false;
      }
      case NodeKind::ParserFunction: {
        // {{#tag:ref|...}} is a ref; other parser functions ({{formatnum:}}, {{#expr:}},
        // {{#invoke:}}) render their result.
        const std::string_view fn = trim(tree_.name(id));
        const NodeId first = tree_.child(id, NodeKind::Parameter);
        if (iequals(fn, "#tag") && first != kNoNode && iequals(trim(tree_.value(first)), "ref"))
          return false;
        fill = CellFill::Content;
        return false;
      }
      case NodeKind::WikiLink:
        if (profile_->is_file_link(tree_.name(id))) {
          fill = CellFill::Picture;
          return false;
        }
        return true;  // a link with an empty label shows its target: plain has it, or not
      case NodeKind::ExtensionTag:
        if (hidden_tag(tree_, id) || is_tag(tree_, id, "nowiki")) return false;
        if (is_tag(tree_, id, "noinclude") || is_tag(tree_, id, "onlyinclude")) return true;
        fill = CellFill::Content;  // <math>, <chem>, <score>, <gallery>, <timeline> ...
        return false;
      case NodeKind::Table:
        fill = CellFill::Content;  // a table nested in the cell
        return false;
      case NodeKind::Comment:
      case NodeKind::HtmlTag:
      case NodeKind::TemplateArgument:
      case NodeKind::BehaviorSwitch:
      case NodeKind::Syntax:
      case NodeKind::Attribute:
      case NodeKind::TableAttributes:
        return false;
      default:
        return true;
    }
  });
  return fill;
}

}  // namespace wikivet
