// The reference index: every <ref>, {{#tag:ref}}, {{refn}} and {{efn}}, the reference lists, and
// the table row each ref stands in.

#include <algorithm>
#include <unordered_map>
#include "model/article.hpp"
#include "model/node_util.hpp"
#include "model/text_util.hpp"

namespace wikivet {

using namespace model_detail;

namespace {

// Where a ref stands: table row lookups by TableRow node id.
struct RowRef {
  int table;
  int row;
};

}  // namespace

void Article::build_refs() {
  std::unordered_map<NodeId, RowRef> row_of;
  for (size_t ti = 0; ti < tables.size(); ++ti)
    for (size_t r = 0; r < tables[ti].rows.size(); ++r)
      row_of[tables[ti].rows[r].node] = {static_cast<int>(ti), static_cast<int>(r)};

  // Ancestor look-ups are bounded so that deeply nested input stays linear: a ref stands a few
  // levels below its table row or reference list (a template or two in between at most).
  constexpr int kMaxDepth = 32;
  auto place = [&](Ref& ref) {
    NodeId p = tree_[ref.node].parent;
    for (int d = 0; d < kMaxDepth && p != kNoNode; ++d, p = tree_[p].parent) {
      if (tree_[p].kind != NodeKind::TableRow) continue;
      auto it = row_of.find(p);
      if (it == row_of.end()) return;
      ref.table = it->second.table;
      ref.row = it->second.row;
      return;
    }
  };
  auto in_reference_list = [&](NodeId id) {
    NodeId p = tree_[id].parent;
    for (int d = 0; d < kMaxDepth && p != kNoNode; ++d, p = tree_[p].parent) {
      if (is_tag(tree_, p, "references")) return true;
      if (tree_[p].kind == NodeKind::Template && is_reflist_template(to_lower(template_name(p))))
        return true;
    }
    return false;
  };

  for (NodeId id = 0; id < tree_.size(); ++id) {
    const Node& n = tree_[id];
    if (n.kind != NodeKind::ExtensionTag && n.kind != NodeKind::ParserFunction &&
        n.kind != NodeKind::Template)
      continue;
    if (n.kind == NodeKind::ExtensionTag && is_tag(tree_, id, "references")) {
      RefList list;
      list.node = id;
      list.range = n.range();
      const NodeId open = tree_.child(id, NodeKind::TagOpen);
      if (auto g = attribute(tree_, open, "group")) list.group = std::string(trim(*g));
      ref_lists.push_back(std::move(list));
      continue;  // list-defined refs inside
    }
    // An unclosed tag is text to MediaWiki (the parser reports it): no ref.
    if (n.kind == NodeKind::ExtensionTag && n.has(kUnclosed)) continue;
    if (n.kind == NodeKind::ExtensionTag && is_tag(tree_, id, "ref")) {
      Ref ref;
      ref.node = id;
      ref.range = n.range();
      const NodeId open = tree_.child(id, NodeKind::TagOpen);
      if (auto v = attribute(tree_, open, "name")) ref.name = std::string(trim(*v));
      if (auto v = attribute(tree_, open, "group")) ref.group = std::string(trim(*v));
      ref.self_closing = n.has(kSelfClosing);
      ref.content = n.value;
      ref.defines = !ref.self_closing && !trim(tree_.value(id)).empty();
      ref.list_defined = in_reference_list(id);
      place(ref);
      refs.push_back(std::move(ref));
      continue;
    }
    if (n.kind == NodeKind::ParserFunction && iequals(trim(tree_.name(id)), "#tag")) {
      const auto params = template_params(id);
      if (!params.empty() && params[0].first == "1" && iequals(params[0].second, "ref")) {
        Ref ref;
        ref.node = id;
        ref.range = n.range();
        ref.via = Ref::Via::TagFunction;
        // #tag strips one pair of quotes around attribute values: group="nb" is nb.
        auto unquote = [](std::string_view v) {
          if (v.size() >= 2 && (v.front() == '"' || v.front() == '\'') && v.back() == v.front())
            v = v.substr(1, v.size() - 2);
          return std::string(trim(v));
        };
        for (const auto& [k, v] : params) {
          if (k == "2") ref.defines = !trim(v).empty();
          if (k == "name") ref.name = unquote(v);
          if (k == "group") ref.group = unquote(v);
        }
        tree_.for_each_child(id, [&](NodeId c) {
          if (tree_[c].kind == NodeKind::Parameter && tree_[c].level == 2)
            ref.content = tree_[c].value;
        });
        place(ref);
        refs.push_back(std::move(ref));
      }
      continue;
    }
    if (n.kind == NodeKind::Template) {
      const std::string lname = to_lower(template_name(id));
      if (is_reflist_template(lname)) {
        RefList list;
        list.node = id;
        list.range = n.range();
        list.is_template = true;
        for (const auto& [k, v] : template_params(id))
          if (k == "group") list.group = v;
        if (lname.rfind("notelist", 0) == 0 && list.group.empty()) list.group = "lower-alpha";
        ref_lists.push_back(std::move(list));
        continue;
      }
      const bool efn = lname == "efn" || lname.rfind("efn-", 0) == 0;
      if (efn || lname == "refn") {
        Ref ref;
        ref.node = id;
        ref.range = n.range();
        ref.via = Ref::Via::Template;
        if (efn) ref.group = "lower-alpha";
        tree_.for_each_child(id, [&](NodeId c) {
          const Node& p = tree_[c];
          if (p.kind != NodeKind::Parameter) return;
          if (p.level == 1) {
            ref.content = p.value;
            ref.defines = !p.value.empty();
          } else if (trim(tree_.name(c)) == "name") {
            ref.name = std::string(trim(tree_.value(c)));
          } else if (trim(tree_.name(c)) == "group") {
            ref.group = std::string(trim(tree_.value(c)));
          }
        });
        place(ref);
        refs.push_back(std::move(ref));
      }
      continue;
    }
  }

  for (size_t i = 0; i < refs.size(); ++i) {
    const Ref& ref = refs[i];
    if (ref.table >= 0)
      tables[static_cast<size_t>(ref.table)].rows[static_cast<size_t>(ref.row)].refs.push_back(i);
  }
}

}  // namespace wikivet
