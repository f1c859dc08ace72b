// The reference index: every <ref>, {{#tag:ref}} and ref a template makes, the reference lists,
// and the table row each ref stands in. Which templates make refs or lists is data
// (ReferenceTemplates: English by default, a wiki's own names from its profile).

#include <algorithm>
#include <optional>
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

// Values that reach Cite through a template or {{#tag}} lose one pair of quotes, as #tag
// strips them: {{Reflist|group="nb"}} and {{efn|name="x"}} are the group nb and the name x.
std::string unquote(std::string_view v) {
  v = trim(v);
  if (v.size() >= 2 && (v.front() == '"' || v.front() == '\'') && v.back() == v.front())
    v = v.substr(1, v.size() - 2);
  return std::string(trim(v));
}

// A template's parameters by the name MediaWiki gives them ("1" for the first positional one,
// as for an explicit "1="). Looked up from the end, so that the last of a name wins as in
// MediaWiki; a lookup is linear and each template asks for a few names only.
class Params {
 public:
  Params(const Tree& tree, NodeId tmpl) {
    tree.for_each_child(tmpl, [&](NodeId c) {
      const Node& p = tree[c];
      if (p.kind != NodeKind::Parameter) return;
      if (p.level > 0) positional_.push_back(c);
      all_.emplace_back(p.level > 0 ? std::to_string(p.level) : std::string(trim(tree.name(c))), c);
    });
  }
  NodeId find(std::string_view name) const {
    for (auto it = all_.rbegin(); it != all_.rend(); ++it)
      if (it->first == name) return it->second;
    return kNoNode;
  }
  const std::vector<NodeId>& positional() const { return positional_; }

 private:
  std::vector<std::pair<std::string, NodeId>> all_;
  std::vector<NodeId> positional_;
};

// The attributes Cite reads; any other makes it refuse the tag (cite_error_ref_too_many_keys,
// cite_error_references_invalid_parameters). `extends` and `details` are the two spellings
// sub-referencing has had, `dir` and `responsive` later additions: all are accepted here, so
// that a wiki running any recent Cite is not told its attributes are wrong.
constexpr std::string_view kRefAttributes[] = {"name",    "group",   "follow",
                                               "extends", "details", "dir"};
constexpr std::string_view kReferencesAttributes[] = {"group", "responsive"};

// Name ranges of a tag's attributes that are not in `known` (names compared case-blind, as the
// sanitizer lowercases them). None when anything but attributes and plain text stands in the
// tag (a template or comment): what MediaWiki would read there cannot be told.
template <size_t N>
std::vector<Range> unknown_attributes(const Tree& tree, NodeId open,
                                      const std::string_view (&known)[N]) {
  std::vector<Range> out;
  if (open == kNoNode) return out;
  bool opaque = false;
  tree.for_each_child(open, [&](NodeId c) {
    const NodeKind k = tree[c].kind;
    if (k != NodeKind::Attribute) {
      if (k != NodeKind::Text && k != NodeKind::Syntax) opaque = true;
      return;
    }
    const std::string_view name = trim(tree.name(c));
    if (name.empty()) return;
    for (std::string_view n : known)
      if (iequals(name, n)) return;
    const auto at = static_cast<uint32_t>(name.data() - tree.text().data());
    out.push_back({at, at + static_cast<uint32_t>(name.size())});
  });
  if (opaque) out.clear();
  return out;
}

}  // namespace

void Article::build_refs() {
  std::unordered_map<NodeId, RowRef> row_of;
  for (size_t ti = 0; ti < tables.size(); ++ti)
    for (size_t r = 0; r < tables[ti].rows.size(); ++r)
      row_of[tables[ti].rows[r].node] = {static_cast<int>(ti), static_cast<int>(r)};
  // Reference lists by node, to find the list a ref is defined in.
  std::unordered_map<NodeId, size_t> list_at;

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
  // The nearest reference list around a node (a list's node comes before its content, so it
  // is known by then), or null.
  auto enclosing_list = [&](NodeId id) -> const RefList* {
    NodeId p = tree_[id].parent;
    for (int d = 0; d < kMaxDepth && p != kNoNode; ++d, p = tree_[p].parent) {
      const auto it = list_at.find(p);
      if (it != list_at.end()) return &ref_lists[it->second];
    }
    return nullptr;
  };
  // Completes and stores a ref. `group` is its own group, when it names one: a ref defined in
  // a list without a group of its own belongs to the list's group, as Cite has it.
  auto add_ref = [&](Ref ref, const std::optional<std::string>& group) {
    const RefList* list = enclosing_list(ref.node);
    ref.list_defined = list != nullptr;
    if (list) ref.list = static_cast<int>(list - ref_lists.data());
    ref.group = group ? *group : list ? list->group : std::string();
    place(ref);
    refs.push_back(std::move(ref));
  };
  auto add_list = [&](NodeId id, std::string group, bool is_template) {
    RefList list;
    list.node = id;
    list.range = tree_[id].range();
    list.group = std::move(group);
    list.is_template = is_template;
    list_at[id] = ref_lists.size();
    ref_lists.push_back(std::move(list));
  };
  auto value_of = [&](NodeId param) {
    return param == kNoNode ? std::string_view() : trim(tree_.value(param));
  };

  for (NodeId id = 0; id < tree_.size(); ++id) {
    const Node& n = tree_[id];
    if (n.kind != NodeKind::ExtensionTag && n.kind != NodeKind::ParserFunction &&
        n.kind != NodeKind::Template)
      continue;
    if (n.kind == NodeKind::ExtensionTag) {
      const NodeId open = tree_.child(id, NodeKind::TagOpen);
      if (is_tag(tree_, id, "references")) {
        const auto g = attribute(tree_, open, "group");
        add_list(id, g ? unquote(*g) : std::string(), false);
        ref_lists.back().unknown_attributes =
            unknown_attributes(tree_, open, kReferencesAttributes);
        continue;
      }
      // An unclosed tag is text to MediaWiki (the parser reports it): no ref.
      if (n.has(kUnclosed) || !is_tag(tree_, id, "ref")) continue;
      Ref ref;
      ref.node = id;
      ref.range = n.range();
      if (auto v = attribute(tree_, open, "name")) ref.name = std::string(trim(*v));
      std::optional<std::string> group;
      if (auto v = attribute(tree_, open, "group")) group = std::string(trim(*v));
      if (auto v = attribute(tree_, open, "follow")) ref.follow = std::string(trim(*v));
      if (auto v = attribute(tree_, open, "extends")) ref.extends = std::string(trim(*v));
      ref.unknown_attributes = unknown_attributes(tree_, open, kRefAttributes);
      ref.self_closing = n.has(kSelfClosing);
      ref.content = tree_.value_range(id);
      ref.defines = !ref.self_closing && !trim(tree_.value(id)).empty();
      add_ref(std::move(ref), group);
      continue;
    }
    if (n.kind == NodeKind::ParserFunction) {
      if (!iequals(trim(tree_.name(id)), "#tag")) continue;
      const Params params(tree_, id);
      const std::string_view tag = value_of(params.find("1"));
      const NodeId group_param = params.find("group");
      std::optional<std::string> group;
      if (group_param != kNoNode) group = unquote(tree_.value(group_param));
      if (iequals(tag, "references")) {
        add_list(id, group.value_or(""), true);
      } else if (iequals(tag, "ref")) {
        Ref ref;
        ref.node = id;
        ref.range = n.range();
        ref.via = Ref::Via::TagFunction;
        ref.name = unquote(value_of(params.find("name")));
        if (const NodeId content = params.find("2"); content != kNoNode) {
          ref.content = tree_.value_range(content);
          ref.defines = !value_of(content).empty();
        }
        add_ref(std::move(ref), group);
      }
      continue;
    }
    const ReferenceTemplates::Entry* entry = reference_template(id);
    if (!entry) continue;
    const Params params(tree_, id);
    NodeId group_param = kNoNode;
    if (entry->group_param)
      for (const auto& p : entry->group_params)
        if ((group_param = params.find(p)) != kNoNode) break;
    const std::string group = entry->group_for(unquote(value_of(group_param)));
    auto template_ref = [&] {
      Ref ref;
      ref.node = id;
      ref.range = n.range();
      ref.via = Ref::Via::Template;
      return ref;
    };
    switch (entry->kind) {
      case ReferenceTemplates::Kind::InText:  // no ref: read by the table citations
      case ReferenceTemplates::Kind::Request:
        break;
      case ReferenceTemplates::Kind::List:
        add_list(id, group, true);
        break;
      case ReferenceTemplates::Kind::Note: {
        Ref ref = template_ref();
        ref.name = unquote(value_of(params.find(entry->name_param)));
        // The first content parameter given wins, as {{{1|{{{reference|}}}}}} reads them.
        for (const auto& p : entry->content_params) {
          const NodeId c = params.find(p);
          if (c == kNoNode) continue;
          ref.content = tree_.value_range(c);
          ref.defines = !value_of(c).empty();
          break;
        }
        add_ref(std::move(ref), group);
        break;
      }
      case ReferenceTemplates::Kind::Invoke: {
        // {{r|a|b|p=12}}: one invocation per name; content given with r= makes the first
        // name a definition.
        NodeId content = kNoNode;
        for (const char* p : {"r", "ref", "reference"})
          if (content == kNoNode && !value_of(params.find(p)).empty()) content = params.find(p);
        const NodeId g = params.find("g");
        const std::string r_group =
            group_param == kNoNode && g != kNoNode ? unquote(tree_.value(g)) : group;
        bool first = true;
        for (NodeId p : params.positional()) {
          Ref ref = template_ref();
          ref.name = unquote(tree_.value(p));
          if (ref.name.empty()) continue;
          if (first && content != kNoNode) {
            ref.content = tree_.value_range(content);
            ref.defines = true;
          }
          first = false;
          add_ref(std::move(ref), r_group);
        }
        break;
      }
      case ReferenceTemplates::Kind::Generated:
      case ReferenceTemplates::Kind::Footnote: {
        Ref ref = template_ref();
        if (entry->kind == ReferenceTemplates::Kind::Generated) {
          ref.name = unquote(value_of(params.find(entry->name_param)));
          if (!entry->generates(ref.name)) break;
        }
        ref.content = {n.begin, n.begin};
        ref.defines = true;
        ref.generated = true;
        add_ref(std::move(ref), group);
        break;
      }
    }
  }

  for (size_t i = 0; i < refs.size(); ++i) {
    const Ref& ref = refs[i];
    if (ref.table >= 0)
      tables[static_cast<size_t>(ref.table)].rows[static_cast<size_t>(ref.row)].refs.push_back(i);
  }
}

}  // namespace wikivet
