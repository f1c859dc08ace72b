// Pairing follows what MediaWiki's HTML tree builder (RemexHtml, an HTML5 tree builder) does
// with the tags its sanitizer lets through: a closer ends the nearest open tag of its name and
// every tag opened inside it; a closer with nothing to end is dropped; what is open at a table
// cell's end is closed there. Tags whose end tag HTML makes optional (p, li, td ...) and void
// tags take no part, as in Parsoid's Linter.
#include "model/html_tags.hpp"

#include <algorithm>
#include <array>
#include <memory>
#include <unordered_map>
#include <unordered_set>

#include "model/text_util.hpp"
#include "parse/scan.hpp"
#include "parse/tags.hpp"

namespace wikivet {
namespace {

constexpr std::array<std::string_view, 6> kVoid{"br", "hr", "wbr", "img", "meta", "link"};
// HTML's optional end tags (the HTML standard's "optional tags" section).
constexpr std::array<std::string_view, 13> kOptionalEnd{
    "p", "li", "dt", "dd", "tr", "td", "th", "tbody", "caption", "rb", "rp", "rt", "rtc"};

constexpr bool is_scope_kind(NodeKind k) {
  switch (k) {
    case NodeKind::Document:
    case NodeKind::TagContent:
    case NodeKind::ParameterValue:
    case NodeKind::CellContent:
    case NodeKind::LinkLabel:
    case NodeKind::HeadingTitle:
      return true;
    default:
      return false;
  }
}

// Inside these, what a tag pairs with depends on how the wiki expands them.
constexpr bool is_opaque_kind(NodeKind k) {
  return k == NodeKind::ParserFunction || k == NodeKind::TemplateArgument ||
         k == NodeKind::TemplateName || k == NodeKind::ParameterName;
}

// Both, looked up once per node in a table: scan_html_tags reads every node of the page.
constexpr uint8_t kScope = 1, kOpaque = 2;
constexpr std::array<uint8_t, 256> kKindTraits = [] {
  std::array<uint8_t, 256> traits{};
  for (size_t k = 0; k < traits.size(); ++k) {
    const auto kind = static_cast<NodeKind>(k);
    traits[k] = static_cast<uint8_t>((is_scope_kind(kind) ? kScope : 0) |
                                     (is_opaque_kind(kind) ? kOpaque : 0));
  }
  return traits;
}();

bool in_raw_tag(const Tree& tree, NodeId text) {
  const NodeId content = tree[text].parent;
  if (content == kNoNode || tree[content].kind != NodeKind::TagContent) return false;
  const NodeId ext = tree[content].parent;
  return parse_detail::find_ext_tag(tree.name(ext)).content == parse_detail::ExtContent::Raw;
}

// `<br/ >`, `<br/clear=all>`: a solidus right after the name that does not end the tag.
bool is_broken_parsed_break(const Tree& tree, NodeId id) {
  const Node& n = tree[id];
  if (n.has(kClosing)) return true;
  const uint32_t name_end = tree.name_range(id).end;
  const std::string_view after = tree.text().substr(name_end, n.end - 1 - name_end);
  return !after.empty() && after[0] == '/' && after != "/";
}

// Text MediaWiki shows literally that was meant as <br>: `<` [/\]? `br` [/\.]? `>`, with
// spaces allowed around the parts (a parsed tag never reaches a Text leaf). `i` is at a '<'.
void text_break_at(std::string_view text, size_t i, uint32_t base, std::vector<BrokenBreak>& out) {
  size_t p = i + 1;
  auto spaces = [&] {
    while (p < text.size() && text[p] == ' ') ++p;
  };
  spaces();
  if (p < text.size() && (text[p] == '/' || text[p] == '\\')) ++p;
  spaces();
  if (p + 2 > text.size() || !iequals(text.substr(p, 2), "br")) return;
  p += 2;
  spaces();
  if (p < text.size() && (text[p] == '/' || text[p] == '\\' || text[p] == '.')) ++p;
  spaces();
  if (p < text.size() && text[p] == '>')
    out.push_back({{base + static_cast<uint32_t>(i), base + static_cast<uint32_t>(p + 1)}, true});
}

// `{{div col}}` on a line of its own: a template of one line with only spaces around it.
bool alone_on_line(const Tree& tree, NodeId id) {
  const std::string_view t = tree.text();
  const Node& n = tree[id];
  uint32_t b = n.begin, e = n.end;
  while (b > 0 && (t[b - 1] == ' ' || t[b - 1] == '\t')) --b;
  // Line start first: of templates nested on one line only the outermost starts it, so the
  // search for a newline below reads each line once.
  if (b > 0 && t[b - 1] != '\n') return false;
  if (t.substr(n.begin, n.end - n.begin).find('\n') != std::string_view::npos) return false;
  while (e < t.size() && (t[e] == ' ' || t[e] == '\t')) ++e;
  return e == t.size() || t[e] == '\n' || t[e] == '\r';
}

// `<div style="{{Round corners}}">`: an open tag the parser could not read (a template in its
// attributes) stays text, yet MediaWiki reads it once the template is expanded. Records the
// names of such tags, per scope. `i` is at a '<'.
void unread_opener_at(std::string_view text, size_t i, NodeId scope,
                      std::unordered_set<std::string>& out) {
  size_t p = i + 1;
  while (p < text.size() && parse_detail::is_alnum(text[p])) ++p;
  if (p == i + 1 || p >= text.size() || !parse_detail::is_pcre_space(text[p])) return;
  const std::string name = to_lower(text.substr(i + 1, p - i - 1));
  if (parse_detail::is_html_tag(name) && needs_end_tag(name))
    out.insert(std::to_string(scope) + ' ' + name);
}

// A text leaf's '<'s, found in one search for both readings (a break shown as text, an opener
// not read) instead of one search each.
void scan_text_leaf(std::string_view text, uint32_t base, NodeId scope,
                    std::vector<BrokenBreak>& breaks, std::unordered_set<std::string>& unread) {
  for (size_t i = text.find('<'); i != std::string_view::npos; i = text.find('<', i + 1)) {
    text_break_at(text, i, base, breaks);
    unread_opener_at(text, i, scope, unread);
  }
}

void pair_scope(std::vector<HtmlTagUse>& tags, const std::vector<uint32_t>& members) {
  std::vector<uint32_t> stack;
  std::unordered_map<std::string_view, int> open_count;
  // Openers a closer of an outer tag ended, by name: a later closer of theirs is misnested.
  std::unordered_map<std::string_view, std::vector<uint32_t>> ended;
  for (uint32_t i : members) {
    HtmlTagUse& t = tags[i];
    if (t.role == TagRole::Open) {
      stack.push_back(i);
      ++open_count[t.name];
      continue;
    }
    if (open_count[t.name] > 0) {
      // Each popped entry was pushed once: the search costs no more than the pushes.
      while (tags[stack.back()].name != t.name) {
        HtmlTagUse& inner = tags[stack.back()];
        inner.pairing = TagPairing::Unclosed;
        inner.ended_by = i;
        --open_count[inner.name];
        ended[inner.name].push_back(stack.back());
        stack.pop_back();
      }
      const uint32_t o = stack.back();
      stack.pop_back();
      --open_count[t.name];
      tags[o].pairing = t.pairing = TagPairing::Paired;
      tags[o].partner = i;
      t.partner = o;
      continue;
    }
    auto it = ended.find(t.name);
    if (it != ended.end() && !it->second.empty()) {
      const uint32_t o = it->second.back();
      it->second.pop_back();
      tags[o].pairing = t.pairing = TagPairing::Misnested;
      tags[o].partner = i;
      t.partner = o;
      continue;
    }
    t.pairing = TagPairing::Stray;
  }
  for (uint32_t o : stack) tags[o].pairing = TagPairing::Unclosed;
}

// An opener and a closer on the two sides of a template parameter's boundary
// (`<div>{{Quote|...</div>}}`) may pair once the template is expanded, and a link's label may
// hold more than the parser gives it (a file caption holding a table): neither is reported.
void cancel_across_parameters(const Tree& tree, std::vector<HtmlTagUse>& tags) {
  std::unordered_map<std::string_view, std::vector<uint32_t>> unclosed;
  for (uint32_t i = 0; i < tags.size(); ++i) {
    HtmlTagUse& t = tags[i];
    if (t.pairing == TagPairing::Unclosed) {
      unclosed[t.name].push_back(i);
      continue;
    }
    if (t.pairing != TagPairing::Stray) continue;
    auto it = unclosed.find(t.name);
    if (it == unclosed.end() || it->second.empty()) continue;
    HtmlTagUse& o = tags[it->second.back()];
    const auto expanded_apart = [&](NodeId scope) {
      const NodeKind k = tree[scope].kind;
      return k == NodeKind::ParameterValue || k == NodeKind::LinkLabel;
    };
    const bool param = expanded_apart(o.scope) || expanded_apart(t.scope);
    if (!param || o.scope == t.scope) continue;
    it->second.pop_back();
    o.pairing = t.pairing = TagPairing::Unchecked;
  }
}

}  // namespace

bool is_void_tag(std::string_view lower_name) {
  return std::find(kVoid.begin(), kVoid.end(), lower_name) != kVoid.end();
}

bool needs_end_tag(std::string_view lower_name) {
  return !is_void_tag(lower_name) &&
         std::find(kOptionalEnd.begin(), kOptionalEnd.end(), lower_name) == kOptionalEnd.end();
}

HtmlTags scan_html_tags(const Tree& tree) {
  HtmlTags out;
  // Node ids are pre-order, so a parent's scope is known before its children's.
  // Written for every node before it is read (a parent comes before its children), so left
  // uninitialised: filling them was a pass of its own.
  const auto scope = std::make_unique_for_overwrite<NodeId[]>(tree.size());
  // Bytes, not bits: a bit vector's writes showed in the profile.
  const auto opaque = std::make_unique_for_overwrite<uint8_t[]>(tree.size());
  // Scopes with a template alone on its line so far.
  std::unordered_set<NodeId> line_templates;
  std::unordered_set<std::string> unread_openers;  // scope and name
  for (NodeId id = 0; id < tree.size(); ++id) {
    const Node& n = tree[id];
    const NodeId p = n.parent;
    const uint8_t traits = kKindTraits[static_cast<size_t>(n.kind)];
    if (p == kNoNode) {
      scope[id] = id;
      opaque[id] = 0;
    } else {
      opaque[id] = (opaque[p] || (traits & kOpaque)) ? 1 : 0;
      scope[id] = (traits & kScope) ? id : scope[p];
    }
    if (n.kind == NodeKind::Text && p != kNoNode && !opaque[id] &&
        tree[p].kind != NodeKind::HtmlTag && tree[p].kind != NodeKind::TagOpen &&
        !in_raw_tag(tree, id)) {
      scan_text_leaf(tree.text(id), n.begin, scope[id], out.broken_breaks, unread_openers);
      continue;
    }
    // `{{wide image|x.jpg|<div class="center">...</div>}}`: the first '=' makes `<div class` a
    // parameter's name, and the template sees no tag at all.
    if (n.kind == NodeKind::Parameter) {
      const NodeId name = tree.child(id, NodeKind::ParameterName);
      if (name != kNoNode && tree.text(name).find('<') != std::string_view::npos) opaque[id] = 1;
    }
    if (n.kind == NodeKind::Template && !opaque[id] && alone_on_line(tree, id))
      line_templates.insert(scope[id]);
    if (n.kind != NodeKind::HtmlTag) continue;
    HtmlTagUse t;
    t.node = id;
    t.name = to_lower(tree.name(id));
    t.scope = scope[id];
    if (t.name == "br" && is_broken_parsed_break(tree, id))
      out.broken_breaks.push_back({n.range(), false});
    if (is_void_tag(t.name))
      t.role = TagRole::Void;
    else if (n.has(kClosing))
      t.role = TagRole::Close;
    else if (n.has(kSelfClosing))
      t.role = TagRole::SelfClosed;
    const bool pairs = !opaque[id] && needs_end_tag(t.name) &&
                       (t.role == TagRole::Open || t.role == TagRole::Close);
    t.pairing = pairs ? TagPairing::Paired : TagPairing::Unchecked;  // Paired: to be paired
    // A template alone on its line ({{div col}}, {{refbegin}}, {{col-begin}}) may open what a
    // later closer of its scope closes.
    t.after_line_template = line_templates.count(t.scope) > 0 ||
                            (t.role == TagRole::Close && !unread_openers.empty() &&
                             unread_openers.count(std::to_string(t.scope) + ' ' + t.name) > 0);
    out.tags.push_back(std::move(t));
  }
  // Pair scope by scope: a stable sort keeps document order within each scope.
  std::vector<uint32_t> order;
  for (uint32_t i = 0; i < out.tags.size(); ++i)
    if (out.tags[i].pairing == TagPairing::Paired) order.push_back(i);
  std::stable_sort(order.begin(), order.end(),
                   [&](uint32_t a, uint32_t b) { return out.tags[a].scope < out.tags[b].scope; });
  std::vector<uint32_t> members;
  for (size_t k = 0; k < order.size(); ++k) {
    members.push_back(order[k]);
    if (k + 1 == order.size() || out.tags[order[k + 1]].scope != out.tags[order[k]].scope) {
      pair_scope(out.tags, members);
      members.clear();
    }
  }
  cancel_across_parameters(tree, out.tags);
  for (HtmlTagUse& t : out.tags)
    if (t.pairing == TagPairing::Stray && t.after_line_template) t.pairing = TagPairing::Unchecked;
  return out;
}

}  // namespace wikivet
