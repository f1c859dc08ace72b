#include "model/article.hpp"

#include <algorithm>
#include <unordered_map>

#include "model/text_util.hpp"

namespace wikivet {

const char* to_string(ColumnRole r) {
  switch (r) {
    case ColumnRole::Other:
      return "other";
    case ColumnRole::Sequence:
      return "sequence";
    case ColumnRole::Entity:
      return "entity";
    case ColumnRole::Date:
      return "date";
    case ColumnRole::Notes:
      return "notes";
  }
  return "?";
}

int Table::column_with_role(ColumnRole role) const {
  for (size_t c = 0; c < column_info.size(); ++c)
    if (column_info[c].role == role) return static_cast<int>(c);
  return -1;
}

namespace {

bool is_tag(const Tree& tree, NodeId id, std::string_view name) {
  const Node& n = tree[id];
  return n.kind == NodeKind::ExtensionTag && iequals(tree.name(id), name);
}

bool is_file_link(std::string_view target) {
  target = trim(target);
  if (!target.empty() && target.front() == ':') return false;  // [[:File:x]] is a plain link
  for (std::string_view ns : {"file:", "image:", "category:", "media:"})
    if (istarts_with(target, ns)) return true;
  return false;
}

// Attribute value of a tag (TagOpen) or table attribute block, by name; nullopt if absent.
std::optional<std::string_view> attribute(const Tree& tree, NodeId holder, std::string_view name) {
  if (holder == kNoNode) return std::nullopt;
  std::optional<std::string_view> found;
  tree.for_each_child(holder, [&](NodeId c) {
    if (!found && tree[c].kind == NodeKind::Attribute && iequals(trim(tree.name(c)), name))
      found = tree.value(c);
  });
  return found;
}

int span_value(std::optional<std::string_view> v, int max) {
  if (!v) return 1;
  long long n = 0;
  // Browsers read the leading digits ("2;" or "2 " still mean 2).
  std::string_view s = trim(*v);
  size_t i = 0;
  while (i < s.size() && s[i] >= '0' && s[i] <= '9' && i < 9) ++i;
  if (i == 0 || !parse_uint(s.substr(0, i), n)) return 1;
  if (n == 0) return 0;  // rowspan=0: to the end of the table
  return static_cast<int>(std::min<long long>(n, max));
}

// Plain-text templates we can render: their text is one of their parameters.
int rendered_param(std::string_view lname) {
  if (lname == "nowrap" || lname == "nobr" || lname == "small" || lname == "big" ||
      lname == "nobold" || lname == "noitalic")
    return 1;
  if (lname == "sort" || lname == "sortname" || lname == "lang") return 2;
  return 0;
}

bool is_reflist_template(std::string_view lname) {
  return lname == "reflist" || lname == "references" || lname == "reference list" ||
         lname == "refs" || lname == "notelist" || lname == "notes" || lname == "reflist-talk" ||
         lname == "notelist-ua" || lname == "notelist-lr" || lname == "notelist-lg";
}

}  // namespace

Article::Article(const Source& source) : source_(&source), tree_(parse(source.text())) {
  index_nodes();
  build_sections();
  build_declarations();
  build_tables();
  build_refs();
}

void Article::index_nodes() {
  // Node ids are in document order: one pass over the array finds everything.
  for (NodeId id = 0; id < tree_.size(); ++id) {
    switch (tree_[id].kind) {
      case NodeKind::Template:
        templates.push_back(id);
        template_names.push_back(normalize_title(tree_.name(id)));
        break;
      case NodeKind::Comment:
        comments.push_back(id);
        break;
      case NodeKind::Table:
        table_nodes_.push_back(id);
        break;
      default:
        break;
    }
  }
}

std::string Article::template_name(NodeId tmpl) const {
  const auto it = std::lower_bound(templates.begin(), templates.end(), tmpl);
  if (it != templates.end() && *it == tmpl)
    return template_names[static_cast<size_t>(it - templates.begin())];
  return normalize_title(tree_.name(tmpl));
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
      case NodeKind::Template: {
        const std::string name = template_name(id);
        const std::string lname = to_lower(name);
        if (lname == "!") {
          out.push_back('|');
          return false;
        }
        if (is_date_template(name)) {
          if (auto d = date_from_template(name, template_params(id))) out += to_string(*d);
          return false;
        }
        const auto params = template_params(id);
        if (auto e = entity_from_template(name, params)) {
          out += e->name;
          return false;
        }
        if (int k = rendered_param(lname)) {
          const std::string key = std::to_string(k);
          for (const auto& [pn, pv] : params)
            if (pn == key) out += pv;
        }
        return false;
      }
      case NodeKind::WikiLink: {
        const std::string_view target = tree_.name(id);
        if (is_file_link(target)) return false;
        NodeId label = kNoNode;
        tree_.for_each_child(id, [&](NodeId c) {
          if (tree_[c].kind == NodeKind::LinkLabel) label = c;
        });
        out += plain_text(label != kNoNode ? label : tree_.child(id, NodeKind::LinkTarget));
        return false;
      }
      case NodeKind::ExternalLink: {
        const NodeId label = tree_.child(id, NodeKind::LinkLabel);
        if (label != kNoNode) out += plain_text(label);
        return false;
      }
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
  return fold_spaces(out);
}

void Article::build_sections() {
  Section lead;
  lead.range = {0, static_cast<uint32_t>(tree_.text().size())};
  sections.push_back(lead);
  // Sections still open, innermost last: a heading closes those of its level and deeper.
  std::vector<size_t> open;
  tree_.for_each_child(tree_.root(), [&](NodeId c) {
    const Node& n = tree_[c];
    if (n.kind != NodeKind::Heading) return;
    Section s;
    s.heading = c;
    s.level = n.level;
    const NodeId title = tree_.child(c, NodeKind::HeadingTitle);
    s.title = plain_text(title != kNoNode ? title : c);
    s.range = {n.begin, lead.range.end};
    while (!open.empty() && sections[open.back()].level >= s.level) {
      sections[open.back()].range.end = n.begin;
      open.pop_back();
    }
    open.push_back(sections.size());
    sections.push_back(std::move(s));
  });
}

void Article::build_declarations() {
  // Declarations stand at the top level of the page.
  for (size_t i = 0; i < templates.size() && declared_date_format == DateFormat::None; ++i) {
    if (tree_[templates[i]].parent != tree_.root()) continue;
    const std::string lname = to_lower(template_names[i]);
    if (lname == "use dmy dates" || lname == "use dmy") {
      declared_date_format = DateFormat::Dmy;
      date_format_template = templates[i];
    } else if (lname == "use mdy dates" || lname == "use mdy") {
      declared_date_format = DateFormat::Mdy;
      date_format_template = templates[i];
    }
  }
}

namespace {

// Where a ref stands: table row lookups by TableRow node id.
struct RowRef {
  int table;
  int row;
};

}  // namespace

void Article::build_tables() {
  // Grids larger than this many slots are not built (rules skip such tables): a guard against
  // a hostile colspan/rowspan making memory explode. Real tables stay far below.
  constexpr size_t kMaxGridSlots = size_t{1} << 24;
  constexpr int kMaxColspan = 1000;   // HTML's own limit
  constexpr int kMaxRowspan = 65534;  // HTML's own limit

  for (NodeId tid : table_nodes_) {
    Table t;
    t.node = tid;
    t.range = tree_[tid].range();
    t.depth = std::max<int>(1, tree_[tid].level);
    // The innermost section holding the table is the last one that starts before it.
    const auto after =
        std::upper_bound(sections.begin() + 1, sections.end(), t.range.begin,
                         [](uint32_t at, const Section& sec) { return at < sec.range.begin; });
    t.section = static_cast<int>(after - sections.begin()) - 1;
    // Rows and their cells, as written.
    tree_.for_each_child(tid, [&](NodeId c) {
      const Node& n = tree_[c];
      if (n.kind == NodeKind::TableCaption) {
        const NodeId content = tree_.child(c, NodeKind::CellContent);
        t.caption = content != kNoNode ? plain_text(content) : plain_text(c);
        return;
      }
      if (n.kind != NodeKind::TableRow) return;
      TableRow row;
      row.node = c;
      row.range = n.range();
      tree_.for_each_child(c, [&](NodeId cell_id) {
        const Node& cn = tree_[cell_id];
        if (cn.kind != NodeKind::TableCell) return;
        TableCell cell;
        cell.node = cell_id;
        cell.range = cn.range();
        cell.header = cn.has(kHeader);
        const NodeId content = tree_.child(cell_id, NodeKind::CellContent);
        cell.content = content != kNoNode ? tree_[content].range() : Range{cn.end, cn.end};
        const NodeId attrs = tree_.child(cell_id, NodeKind::TableAttributes);
        cell.rowspan = span_value(attribute(tree_, attrs, "rowspan"), kMaxRowspan);
        cell.colspan = std::max(1, span_value(attribute(tree_, attrs, "colspan"), kMaxColspan));
        cell.plain = content != kNoNode ? plain_text(content) : std::string();
        row.cells.push_back(static_cast<int>(t.cells.size()));
        t.cells.push_back(std::move(cell));
      });
      if (row.cells.empty()) return;  // MediaWiki drops rows without cells
      row.header = std::all_of(row.cells.begin(), row.cells.end(),
                               [&](int i) { return t.cells[static_cast<size_t>(i)].header; });
      t.rows.push_back(std::move(row));
    });
    while (t.header_rows < static_cast<int>(t.rows.size()) &&
           t.rows[static_cast<size_t>(t.header_rows)].header)
      ++t.header_rows;

    // Grid: place each cell at the first free slot of its row, honouring spans from above.
    const int nrows = static_cast<int>(t.rows.size());
    std::vector<int> carry;  // carry[c] = rows still covered by a rowspan from above
    std::vector<int> carry_cell;
    std::vector<std::vector<std::pair<int, int>>> placed(static_cast<size_t>(nrows));
    int width = 0;
    for (int r = 0; r < nrows; ++r) {
      auto& row = t.rows[static_cast<size_t>(r)];
      int c = 0;
      auto& slots = placed[static_cast<size_t>(r)];
      for (size_t k = 0; k < carry.size(); ++k)
        if (carry[k] > 0) slots.emplace_back(static_cast<int>(k), carry_cell[k]);
      for (int ci : row.cells) {
        TableCell& cell = t.cells[static_cast<size_t>(ci)];
        while (c < static_cast<int>(carry.size()) && carry[static_cast<size_t>(c)] > 0) ++c;
        cell.row = r;
        cell.col = c;
        const int rs = cell.rowspan == 0 ? nrows - r : std::min(cell.rowspan, nrows - r);
        cell.rowspan = rs;
        if (static_cast<int>(carry.size()) < c + cell.colspan) {
          carry.resize(static_cast<size_t>(c + cell.colspan), 0);
          carry_cell.resize(carry.size(), -1);
        }
        for (int k = 0; k < cell.colspan; ++k) {
          slots.emplace_back(c + k, ci);
          if (rs > 1) {
            carry[static_cast<size_t>(c + k)] = rs;  // decremented below for this row
            carry_cell[static_cast<size_t>(c + k)] = ci;
          }
        }
        c += cell.colspan;
      }
      int row_width = 0;
      for (const auto& [col, ci] : slots) row_width = std::max(row_width, col + 1);
      row.written_columns = row_width;
      width = std::max(width, row_width);
      for (auto& v : carry)
        if (v > 0) --v;
    }
    t.columns = width;
    if (static_cast<size_t>(width) * static_cast<size_t>(nrows) <= kMaxGridSlots) {
      t.grid.assign(static_cast<size_t>(width) * static_cast<size_t>(nrows), -1);
      for (int r = 0; r < nrows; ++r)
        for (const auto& [col, ci] : placed[static_cast<size_t>(r)])
          t.grid[static_cast<size_t>(r) * static_cast<size_t>(width) + static_cast<size_t>(col)] =
              ci;
    } else {
      t.columns = 0;  // too big to model; rules skip tables without a grid
    }

    // Column headers: the last header row that has a cell of its own in the column.
    t.column_info.resize(static_cast<size_t>(t.columns));
    for (int col = 0; col < t.columns; ++col) {
      for (int r = t.header_rows - 1; r >= 0; --r) {
        const int ci = t.at(r, col);
        if (ci < 0) continue;
        const TableCell& cell = t.cells[static_cast<size_t>(ci)];
        if (cell.colspan > 1 && t.columns > 1) continue;  // a banner over several columns
        t.column_info[static_cast<size_t>(col)].header = cell.plain;
        break;
      }
    }
    tables.push_back(std::move(t));
  }
  for (auto& t : tables) assign_column_roles(t);
}

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

namespace wikivet {

namespace {

bool header_is_one_of(std::string_view header, std::initializer_list<std::string_view> words) {
  const std::string h = to_lower(trim(header));
  for (auto w : words)
    if (h == w) return true;
  return false;
}

bool header_contains(std::string_view header, std::initializer_list<std::string_view> words) {
  const std::string h = to_lower(header);
  for (auto w : words)
    if (h.find(w) != std::string::npos) return true;
  return false;
}

bool is_unnumbered(std::string_view s) {
  s = trim(s);
  return s.empty() || s == "-" || s == "\xE2\x80\x94" || s == "\xE2\x80\x93" || s == "?" ||
         s == "N/A" || s == "n/a";
}

// A month name or a year-like number (three or four digits standing alone) somewhere.
bool has_date_material(std::string_view text) {
  if (!find_dates_in_prose(text).empty()) return true;
  for (size_t i = 0; i < text.size();) {
    if (text[i] < '0' || text[i] > '9') {
      ++i;
      continue;
    }
    size_t j = i;
    while (j < text.size() && text[j] >= '0' && text[j] <= '9') ++j;
    const bool alone = (i == 0 || (text[i - 1] != '.' && text[i - 1] != ',')) &&
                       (j == text.size() || (text[j] != '.' && text[j] != ','));
    if (alone && j - i == 4 && (text[i] == '1' || text[i] == '2')) return true;
    i = j;
  }
  return false;
}

}  // namespace

std::vector<Article::ColumnNumber> Article::column_numbers(const Table& t, int col,
                                                           int* non_numbers) const {
  std::vector<ColumnNumber> out;
  int others = 0;
  for (int r = t.header_rows; r < static_cast<int>(t.rows.size()); ++r) {
    const int ci = t.at(r, col);
    if (ci < 0) continue;
    const TableCell& cell = t.cells[static_cast<size_t>(ci)];
    if (cell.row != r || cell.col != col || cell.header) continue;  // spanned from elsewhere
    long long v = 0;
    std::string_view text = trim(cell.plain);
    if (!text.empty() && text.back() == '.') text.remove_suffix(1);  // "12."
    if (parse_uint(text, v)) {
      out.push_back({r, v});
    } else if (!is_unnumbered(cell.plain)) {
      ++others;
    }
  }
  if (non_numbers) *non_numbers = others;
  return out;
}

bool Article::is_sequence(const std::vector<ColumnNumber>& numbers, int non_numbers) {
  if (numbers.size() < 3) return false;
  if (static_cast<size_t>(non_numbers) * 4 > numbers.size()) return false;
  size_t up = 0, down = 0;
  for (size_t i = 1; i < numbers.size(); ++i) {
    const long long d = numbers[i].value - numbers[i - 1].value;
    if (d == 1) ++up;
    if (d == -1) ++down;
  }
  const size_t pairs = numbers.size() - 1;
  return std::max(up, down) * 10 >= pairs * 8;
}

void Article::assign_column_roles(Table& t) const {
  // Every data cell's date is computed here once; rules read TableCell::date.
  const int data_rows = static_cast<int>(t.rows.size()) - t.header_rows;
  if (t.columns == 0 || data_rows <= 0) return;
  for (int col = 0; col < t.columns; ++col) {
    TableColumn& info = t.column_info[static_cast<size_t>(col)];
    int non_numbers = 0;
    const auto numbers = column_numbers(t, col, &non_numbers);
    const bool date_header =
        header_contains(info.header, {"date", "began", "established", "since", "founded", "year"});
    // Consecutive years are a timeline, not a numbering: a column of years under a date-like
    // header is a date column.
    const bool all_years =
        !numbers.empty() && std::all_of(numbers.begin(), numbers.end(), [](const ColumnNumber& n) {
          return n.value >= 1000 && n.value <= 2999;
        });
    if (!date_header && !all_years && is_sequence(numbers, non_numbers)) {
      info.role = ColumnRole::Sequence;
      continue;
    }
    int own = 0, dates = 0, unknown = 0, entities = 0, long_text = 0;
    for (int r = t.header_rows; r < static_cast<int>(t.rows.size()); ++r) {
      const int ci = t.at(r, col);
      if (ci < 0) continue;
      TableCell& cell = t.cells[static_cast<size_t>(ci)];
      if (cell.row != r || cell.col != col) continue;
      ++own;
      cell.date = cell_date(t, cell);
      const DateValue& dv = cell.date;
      if (dv.kind == DateValue::Kind::Date) ++dates;
      if (dv.kind == DateValue::Kind::Unknown) ++unknown;
      if (cell.plain.size() > 80) ++long_text;
      bool entity = false;
      const NodeId content = tree_.child(cell.node, NodeKind::CellContent);
      if (content != kNoNode) {
        tree_.for_each_child(content, [&](NodeId c) {
          if (entity) return;
          if (tree_[c].kind == NodeKind::Template)
            entity = entity_from_template(template_name(c), template_params(c)).has_value();
          else if (tree_[c].kind == NodeKind::WikiLink)
            entity = entity_from_link(tree_.name(c), false).has_value();
        });
      }
      if (entity) ++entities;
    }
    if (own == 0) continue;
    // By content alone a column needs three dates at least: two rows prove nothing.
    if ((dates * 2 >= own && dates >= 3) || (date_header && (dates + unknown) * 10 >= own * 3)) {
      info.role = ColumnRole::Date;
      // Text with nothing of a date in it (a number, a word in another language) is no failed
      // attempt at a date: the cell is simply not one. Decided here, for date columns only,
      // because looking for date material in every notes cell of every table is costly.
      for (int r = t.header_rows; r < static_cast<int>(t.rows.size()); ++r) {
        const int ci = t.at(r, col);
        if (ci < 0) continue;
        TableCell& cell = t.cells[static_cast<size_t>(ci)];
        if (cell.row != r || cell.col != col) continue;
        if (cell.date.kind == DateValue::Kind::Invalid && !cell.date.from_template &&
            !has_date_material(cell.date.text))
          cell.date.kind = DateValue::Kind::NotDate;
      }
    } else if (entities * 2 >= own ||
               header_is_one_of(info.header, {"country", "countries", "state", "nation"})) {
      info.role = ColumnRole::Entity;
    } else if (header_contains(info.header, {"note", "remark", "comment", "description"}) ||
               long_text * 2 >= own) {
      info.role = ColumnRole::Notes;
    }
  }

  // Row entities from the entity column.
  const int ecol = t.column_with_role(ColumnRole::Entity);
  if (ecol < 0) return;
  for (int r = t.header_rows; r < static_cast<int>(t.rows.size()); ++r) {
    const int ci = t.at(r, ecol);
    if (ci < 0) continue;
    const TableCell& cell = t.cells[static_cast<size_t>(ci)];
    TableRow& row = t.rows[static_cast<size_t>(r)];
    const NodeId content = tree_.child(cell.node, NodeKind::CellContent);
    if (content == kNoNode) continue;
    tree_.walk(content, [&](NodeId c) {
      if (row.entity) return false;
      const Node& n = tree_[c];
      if (n.kind == NodeKind::Template) {
        if (auto e = entity_from_template(template_name(c), template_params(c))) {
          row.entity = std::move(e);
          row.entity_range = n.range();
        }
        return false;
      }
      if (n.kind == NodeKind::WikiLink) {
        if (!is_file_link(tree_.name(c))) {
          if (auto e = entity_from_link(tree_.name(c), true)) {
            row.entity = std::move(e);
            row.entity_range = n.range();
          }
        }
        return false;
      }
      return n.kind != NodeKind::ExtensionTag && n.kind != NodeKind::Comment;
    });
    if (!row.entity && !cell.plain.empty() && cell.plain.size() <= 80) {
      row.entity = Entity{cell.plain, cell.plain};
      row.entity_range = cell.content;
    }
  }
}

std::string Article::plain_text_within(NodeId container, Range range) const {
  std::string out;
  tree_.walk(container, [&](NodeId id) {
    const Node& n = tree_[id];
    if (n.end <= range.begin || n.begin >= range.end) return false;
    if (n.begin >= range.begin && n.end <= range.end) {
      out += plain_text(id);
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
  return fold_spaces(out);
}

DateValue Article::cell_date(const Table&, const TableCell& cell) const {
  DateValue dv;
  const NodeId content = tree_.child(cell.node, NodeKind::CellContent);
  if (content == kNoNode) {
    dv.range = cell.content;
    return dv;
  }
  // Fast path for the many cells that are no date at all (names, prose, flags): every date
  // and every failed attempt at one has a digit, and every date template renders one.
  const bool has_digit = std::any_of(cell.plain.begin(), cell.plain.end(),
                                     [](char c) { return c >= '0' && c <= '9'; });
  if (!has_digit && !cell.plain.empty() && !is_unknown_date_text(cell.plain)) {
    bool has_template = false;
    tree_.for_each_child(content, [&](NodeId c) {
      has_template = has_template || tree_[c].kind == NodeKind::Template;
    });
    if (!has_template) {
      dv.kind = DateValue::Kind::NotDate;
      dv.range = cell.content;
      dv.text = cell.plain;
      return dv;
    }
  }
  // The date's own range: the content without leading/trailing blanks, refs, notes, comments.
  NodeId first = kNoNode, last = kNoNode, date_template = kNoNode, line_break = kNoNode;
  tree_.for_each_child(content, [&](NodeId c) {
    const Node& n = tree_[c];
    const bool ignorable =
        (n.kind == NodeKind::Text && trim(tree_.text(c)).empty()) || n.kind == NodeKind::Comment ||
        (n.kind == NodeKind::ExtensionTag && is_tag(tree_, c, "ref")) ||
        (n.kind == NodeKind::Template &&
         (to_lower(template_name(c)).rfind("efn", 0) == 0 || to_lower(template_name(c)) == "refn"));
    if (n.kind == NodeKind::HtmlTag && iequals(tree_.name(c), "br") && line_break == kNoNode &&
        first != kNoNode)
      line_break = c;
    if (ignorable) return;
    if (n.kind == NodeKind::Template && date_template == kNoNode &&
        is_date_template(template_name(c)))
      date_template = c;
    if (first == kNoNode) first = c;
    last = c;
  });
  if (first == kNoNode) {
    dv.range = {tree_[content].begin, tree_[content].begin};
    return dv;
  }
  auto trimmed = [&](NodeId b, NodeId e) {
    Range r{tree_[b].begin, tree_[e].end};
    std::string_view s = tree_.slice(r);
    while (!s.empty() && is_space(s.front())) {
      s.remove_prefix(1);
      ++r.begin;
    }
    while (!s.empty() && is_space(s.back())) {
      s.remove_suffix(1);
      --r.end;
    }
    return r;
  };
  dv.range = trimmed(first, last);
  dv.text = fold_spaces(plain_text_within(content, dv.range));
  if (date_template != kNoNode) {
    const Range tr = tree_[date_template].range();
    const std::string before = plain_text_within(content, {dv.range.begin, tr.begin});
    const std::string after = plain_text_within(content, {tr.end, dv.range.end});
    auto date = date_from_template(template_name(date_template), template_params(date_template));
    dv.from_template = true;
    if (date && before.empty() && (after.empty() || after == "." || after == ",")) {
      dv.kind = DateValue::Kind::Date;
      dv.date = *date;
      dv.range = tr;
      return dv;
    }
    dv.kind = DateValue::Kind::Invalid;
    return dv;
  }
  if (dv.text.empty()) {
    dv.kind = DateValue::Kind::Empty;
  } else if (is_unknown_date_text(dv.text)) {
    dv.kind = DateValue::Kind::Unknown;
  } else if (auto d = parse_date(dv.text)) {
    dv.kind = DateValue::Kind::Date;
    dv.date = *d;
    // A bare four-digit number far in the future is a quantity (a population, a height), not
    // a year, in a table cell.
    if (d->precision == DatePrecision::Year && d->format == DateFormat::Year && d->year > 2100)
      dv.kind = DateValue::Kind::NotDate;
  } else if (auto period = dv.text.size() <= 64 ? parse_date_range(dv.text) : std::nullopt) {
    dv.kind = DateValue::Kind::Range;
    dv.date = period->first;
  } else {
    dv.kind = DateValue::Kind::Invalid;
    // A date followed by a note on its own line ("1962<br>(re-established 2001)").
    if (line_break != kNoNode) {
      const Range head = {dv.range.begin, tree_[line_break].begin};
      const std::string head_text = plain_text_within(content, head);
      if (auto hd = parse_date(head_text)) {
        dv.kind = DateValue::Kind::Date;
        dv.date = *hd;
        dv.text = head_text;
        dv.range = head;
      }
    }
  }
  return dv;
}

}  // namespace wikivet
