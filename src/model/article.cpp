#include "model/article.hpp"

#include <algorithm>
#include <unordered_map>

#include "model/node_util.hpp"
#include "model/text_util.hpp"

namespace wikivet {

using namespace model_detail;

namespace {

// Plain-text templates we can render: their text is one of their parameters ({{longitem}}
// wraps a long header, "Beginning of formal relations", in a block that may break lines).
// Any letter case: the name is compared without making a lower-case copy of it.
int rendered_param(std::string_view name) {
  for (const std::string_view w :
       {"nowrap", "nobr", "small", "big", "nobold", "noitalic", "longitem"})
    if (iequals(name, w)) return 1;
  for (const std::string_view w : {"sort", "sortname", "lang"})
    if (iequals(name, w)) return 2;
  return 0;
}

}  // namespace

Article::Article(const Source& source, const ReferenceTemplates& templates,
                 const WikiProfile& profile)
    : source_(&source),
      reference_templates_(&templates),
      profile_(&profile),
      tree_(parse(source.text())) {
  index_nodes();
  build_sections();
  build_declarations();
  build_tables();
  build_refs();
  build_table_citations();
}

const HtmlTags& Article::html_tags() const {
  if (!html_tags_) html_tags_ = scan_html_tags(tree_);
  return *html_tags_;
}

const std::vector<SpecialChar>& Article::special_chars() const {
  if (!special_chars_) special_chars_ = scan_special_chars(tree_);
  return *special_chars_;
}

namespace {

// One slot per value of the kind's type, not per kind listed today: a kind added to the
// parser is indexed too.
constexpr size_t kKinds = 256;
static_assert(sizeof(NodeKind) == 1);

// The group of kind_groups_ that indexes each kind: 0 for the kinds asked for (rules/: grep
// nodes_of, for_each_node_of; wikilink_closers() below), 1 for every other kind. Asking for
// a kind of group 1 is correct too, it only costs the group's index.
constexpr std::array<uint8_t, kKinds> kKindGroup = [] {
  std::array<uint8_t, kKinds> g{};
  g.fill(1);
  for (const NodeKind k : {NodeKind::Text, NodeKind::WikiLink, NodeKind::ExternalLink,
                           NodeKind::BareUrl, NodeKind::Template, NodeKind::ParserFunction,
                           NodeKind::TemplateArgument, NodeKind::HtmlTag})
    g[static_cast<size_t>(k)] = 0;
  return g;
}();

}  // namespace

std::span<const NodeId> Article::nodes_of(NodeKind kind) const {
  const auto& nodes = tree_.nodes();
  if (kind_groups_[0].starts.empty()) {
    // One count of every kind gives every group its starts; a group's ids are placed on the
    // first ask for one of its kinds.
    std::array<uint32_t, kKinds> count{};
    for (const Node& n : nodes) ++count[static_cast<size_t>(n.kind)];
    for (size_t group = 0; group < kind_groups_.size(); ++group) {
      std::vector<uint32_t>& starts = kind_groups_[group].starts;
      starts.assign(kKinds + 1, 0);
      for (size_t k = 0; k < kKinds; ++k)
        starts[k + 1] = starts[k] + (kKindGroup[k] == group ? count[k] : 0);
    }
  }
  const size_t group = kKindGroup[static_cast<size_t>(kind)];
  KindGroup& g = kind_groups_[group];
  if (g.ids.size() != g.starts[kKinds]) {  // not placed yet (an empty group needs nothing)
    g.ids.resize(g.starts[kKinds]);
    std::vector<uint32_t> next(g.starts.begin(), g.starts.end() - 1);
    for (NodeId id = 0; id < nodes.size(); ++id) {
      const size_t k = static_cast<size_t>(nodes[id].kind);
      if (kKindGroup[k] == group) g.ids[next[k]++] = id;
    }
  }
  const size_t k = static_cast<size_t>(kind);
  return std::span<const NodeId>(g.ids).subspan(g.starts[k], g.starts[k + 1] - g.starts[k]);
}

const std::vector<bool>& Article::wikilink_closers() const {
  if (wikilink_closers_) return *wikilink_closers_;
  const std::string_view t = tree_.text();
  std::vector<bool>& closers = wikilink_closers_.emplace();
  for (const NodeId id : nodes_of(NodeKind::WikiLink)) {
    const Node& n = tree_[id];
    if (n.end < n.begin + 4 || t.substr(n.end - 2, 2) != "]]") continue;
    if (closers.empty()) closers.assign(t.size(), false);
    closers[n.end - 2] = closers[n.end - 1] = true;
  }
  return closers;
}

void Article::index_nodes() {
  // Node ids are in document order: one pass over the array finds everything.
  for (NodeId id = 0; id < tree_.size(); ++id) {
    switch (tree_[id].kind) {
      case NodeKind::Template:
        templates.push_back(id);
        template_names.push_back(normalize_title(tree_.name(id)));
        template_entries_.push_back(reference_templates_->find(template_names.back()));
        template_is_date_.push_back(is_date_template(template_names.back()) ? 1 : 0);
        break;
      case NodeKind::Comment:
        comments.push_back(id);
        break;
      case NodeKind::ExternalLink:
        external_links_.push_back(id);
        break;
      case NodeKind::Table:
        table_nodes_.push_back(id);
        break;
      default:
        break;
    }
  }
}

size_t Article::template_index(NodeId tmpl) const {
  const size_t n = templates.size();
  if (tmpl >= tree_.size() || tree_[tmpl].kind != NodeKind::Template) return n;
  // Callers ask about one template several times in a row (its name, its date, its text), and
  // walk templates in document order: the last answer and the one after it are tried first,
  // sparing a binary search whose branches no predictor can learn.
  const size_t last = last_template_;
  if (last < n && templates[last] == tmpl) return last;
  if (last + 1 < n && templates[last + 1] == tmpl) return last_template_ = last + 1;
  const auto it = std::lower_bound(templates.begin(), templates.end(), tmpl);
  if (it == templates.end() || *it != tmpl) return n;
  return last_template_ = static_cast<size_t>(it - templates.begin());
}

const std::string& Article::template_name(NodeId tmpl) const {
  const size_t i = template_index(tmpl);
  if (i < templates.size()) return template_names[i];
  scratch_name_ = normalize_title(tree_.name(tmpl));
  return scratch_name_;
}

DateTemplateClass Article::date_template_class(NodeId tmpl) const {
  const size_t i = template_index(tmpl);
  if (i == templates.size()) return wikivet::date_template_class(template_name(tmpl));
  if (template_date_class_.empty()) template_date_class_.assign(templates.size(), 0);
  if (!template_date_class_[i])
    template_date_class_[i] =
        static_cast<uint8_t>(wikivet::date_template_class(template_names[i])) + 1;
  return static_cast<DateTemplateClass>(template_date_class_[i] - 1);
}

bool Article::is_date_template_node(NodeId tmpl) const {
  const size_t i = template_index(tmpl);
  return i < templates.size() ? template_is_date_[i] != 0 : is_date_template(template_name(tmpl));
}

std::optional<Date> Article::template_date(NodeId tmpl) const {
  const size_t i = template_index(tmpl);
  if (i == templates.size()) return date_from_template(template_name(tmpl), template_params(tmpl));
  if (template_date_state_.empty()) {
    template_date_state_.assign(templates.size(), 0);
    template_dates_.resize(templates.size());
  }
  if (template_date_state_[i] == 0) {
    const auto d = template_is_date_[i]
                       ? date_from_template(template_names[i], template_params(tmpl))
                       : std::nullopt;
    template_date_state_[i] = d ? 2 : 1;
    if (d) template_dates_[i] = *d;
  }
  return template_date_state_[i] == 2 ? std::optional<Date>(template_dates_[i]) : std::nullopt;
}

const ReferenceTemplates::Entry* Article::reference_template(NodeId tmpl) const {
  const size_t i = template_index(tmpl);
  return i < templates.size() ? template_entries_[i]
                              : reference_templates_->find(template_name(tmpl));
}

TemplateParams Article::template_params(NodeId tmpl) const {
  TemplateParams params;
  tree_.for_each_child(tmpl, [&](NodeId c) {
    const Node& p = tree_[c];
    if (p.kind != NodeKind::Parameter) return;
    std::string name = p.level > 0 ? std::to_string(p.level) : std::string(trim(tree_.name(c)));
    params.emplace_back(std::move(name), std::string(trim(tree_.value(c))));
  });
  return params;
}

std::string Article::plain_text(NodeId node) const {
  std::string out;
  append_plain_text(node, out);
  return out;
}

void Article::append_plain_text(NodeId node, std::string& out) const {
  const size_t from = out.size();
  tree_.walk(node, [&](NodeId id) {
    const Node& n = tree_[id];
    switch (n.kind) {
      case NodeKind::Text:
        out.append(tree_.text(id));
        return false;
      case NodeKind::Entity: {
        const std::string_view e = tree_.text(id);
        if (e == "&nbsp;" || e == "&#160;" || e == "&#xA0;" || e == "&#xa0;")
          out.push_back(' ');
        else if (e == "&ndash;")
          out += "\xE2\x80\x93";
        else if (e == "&mdash;")
          out += "\xE2\x80\x94";
        else if (e == "&amp;")
          out.push_back('&');
        else
          out.append(e);
        return false;
      }
      case NodeKind::HtmlTag:
        if (iequals(tree_.name(id), "br")) out.push_back(' ');
        return false;
      case NodeKind::ExtensionTag:
        if (is_tag(tree_, id, "nowiki")) out.append(tree_.value(id));
        return false;
      case NodeKind::Template:
        out += template_text(id);
        return false;
      case NodeKind::WikiLink: {
        const std::string_view target = tree_.name(id);
        if (profile_->is_file_link(target)) return false;
        NodeId label = kNoNode;
        tree_.for_each_child(id, [&](NodeId c) {
          if (tree_[c].kind == NodeKind::LinkLabel) label = c;
        });
        append_plain_text(label != kNoNode ? label : tree_.child(id, NodeKind::LinkTarget), out);
        return false;
      }
      case NodeKind::ExternalLink: {
        const NodeId label = tree_.child(id, NodeKind::LinkLabel);
        if (label != kNoNode) append_plain_text(label, out);
        return false;
      }
      case NodeKind::Table:
        // A table nested in a cell is that table's text, not the cell's: each table's text
        // is read once, by its own cells, so that nested tables stay linear.
        return false;
      case NodeKind::Syntax:
      case NodeKind::Comment:
      case NodeKind::Attribute:
      case NodeKind::TableAttributes:
      case NodeKind::TagOpen:
      case NodeKind::TagClose:
      case NodeKind::ParserFunction:
      case NodeKind::TemplateArgument:
      case NodeKind::BehaviorSwitch:
        return false;
      case NodeKind::BareUrl:
      case NodeKind::HorizontalRule:
        out.append(tree_.text(id));
        return false;
      default:
        return true;
    }
  });
  fold_spaces_in_place(out, from);
}

const std::string& Article::template_text(NodeId tmpl) const {
  const size_t i = template_index(tmpl);
  if (i == templates.size()) {
    scratch_text_.clear();
    render_template_text(tmpl, scratch_text_);
    return scratch_text_;
  }
  if (template_text_done_.empty()) {
    template_text_done_.assign(templates.size(), 0);
    template_texts_.resize(templates.size());
  }
  if (!template_text_done_[i]) {
    render_template_text(tmpl, template_texts_[i]);
    template_text_done_[i] = 1;
  }
  return template_texts_[i];
}

void Article::render_template_text(NodeId id, std::string& out) const {
  const std::string& name = template_name(id);
  if (name == "!") {
    out.push_back('|');
    return;
  }
  if (is_date_template_node(id)) {
    if (auto d = template_date(id)) out += to_string(*d);
    return;
  }
  // The parameters are copied only for the templates that read them (flags, {{nowrap}}):
  // most templates of a cell render nothing here.
  auto e = entity_from_template_lazy(name, [&] { return template_params(id); });
  note_template_entity(id, e.has_value());
  if (e) {
    out += e->name;
    return;
  }
  if (int k = rendered_param(name)) {
    const std::string key = std::to_string(k);
    for (const auto& [pn, pv] : template_params(id))
      if (pn == key) out += pv;
  }
}

void Article::note_template_entity(NodeId tmpl, bool names_entity) const {
  const size_t i = template_index(tmpl);
  if (i == templates.size()) return;
  if (template_entity_state_.empty()) template_entity_state_.assign(templates.size(), 0);
  template_entity_state_[i] = names_entity ? 2 : 1;
}

bool Article::template_names_entity(NodeId tmpl) const {
  const size_t i = template_index(tmpl);
  if (i < template_entity_state_.size() && template_entity_state_[i] != 0)
    return template_entity_state_[i] == 2;
  const bool e = entity_from_template_lazy(template_name(tmpl), [&] {
                   return template_params(tmpl);
                 }).has_value();
  note_template_entity(tmpl, e);
  return e;
}

std::string Article::plain_text_within(NodeId container, Range range) const {
  std::string out;
  tree_.walk(container, [&](NodeId id) {
    const Node& n = tree_[id];
    if (n.end <= range.begin || n.begin >= range.end) return false;
    if (n.begin >= range.begin && n.end <= range.end) {
      append_plain_text(id, out);
      out.push_back(' ');
      return false;
    }
    if (n.is_leaf()) {
      if (n.kind == NodeKind::Text) {
        const uint32_t b = std::max(n.begin, range.begin), e = std::min(n.end, range.end);
        out.append(tree_.text().substr(b, e - b));
      }
      return false;
    }
    return true;
  });
  fold_spaces_in_place(out);
  return out;
}

void Article::build_declarations() {
  // Declarations stand at the top level of the page.
  for (size_t i = 0; i < templates.size() && declared_date_format == DateFormat::None; ++i) {
    if (tree_[templates[i]].parent != tree_.root()) continue;
    // The wiki's own names ({{Use dmy dates}} on enwiki), else the English ones, which other
    // wikis' pages copy with the rest of an English article.
    DateFormat f = profile_->declared_format(template_names[i]);
    if (f == DateFormat::None && profile_ != &english_profile())
      f = english_profile().declared_format(template_names[i]);
    if (f != DateFormat::None) {
      declared_date_format = f;
      date_format_template = templates[i];
    }
  }
}

}  // namespace wikivet
