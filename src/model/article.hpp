#pragma once
// The article model: what a page means, built once from the tree and read by every rule.
// Sections, tables as grids with column roles and row entities, the reference index, dates.
// Rules never re-parse: whatever two rules need is computed here once.
#include <array>
#include <memory>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "core/source.hpp"
#include "model/char_scan.hpp"
#include "model/date.hpp"
#include "model/date_parameters.hpp"
#include "model/entity.hpp"
#include "model/html_tags.hpp"
#include "model/profile.hpp"
#include "model/reference_templates.hpp"
#include "model/references.hpp"
#include "model/sections.hpp"
#include "model/tables.hpp"
#include "parse/tree.hpp"

namespace wikivet {

class Article {
 public:
  // Builds the whole model. `source`, `templates` and `profile` must outlive the article.
  // `templates` says which templates make references and lists (the wiki profile's, English by
  // default); `profile` how the wiki names its namespaces, writes its dates and declares their
  // order.
  explicit Article(const Source& source,
                   const ReferenceTemplates& templates = ReferenceTemplates::english(),
                   const WikiProfile& profile = english_profile());

  const Source& source() const { return *source_; }
  const Tree& tree() const { return tree_; }
  std::string_view text() const { return tree_.text(); }
  const ReferenceTemplates& reference_templates() const { return *reference_templates_; }
  const WikiProfile& profile() const { return *profile_; }

  std::vector<Section> sections;
  // The page's last heading when nothing follows it but white space, comments, category links,
  // behaviour switches and {{DEFAULTSORT:}}: an empty last section, which MediaWiki's automatic
  // reference list (appended at the end of the content when a page has refs and no list) fills.
  // kNoNode when the page has no heading or its last section holds anything else.
  NodeId empty_last_heading = kNoNode;
  // The page is written for another wiki than the profile's: it files itself only in
  // categories of a namespace the profile does not know (`[[Kategorie:X]]` read under the
  // English profile) and in none of the profile's. Its templates are then another wiki's too,
  // and whether one of them is the reference list cannot be told.
  bool foreign_categories = false;
  std::vector<Table> tables;
  std::vector<Ref> refs;
  std::vector<RefList> ref_lists;
  // Every template and comment of the page, in document order, indexed once so that rules
  // never walk the whole tree for them. template_names[i] is normalize_title of templates[i].
  std::vector<NodeId> templates;
  std::vector<std::string> template_names;
  std::vector<NodeId> comments;
  // The HTML tags, paired per scope, and the malformed line breaks (model/html_tags.hpp).
  // Scanned on first use: only the tag-* rules read them, and a run that selects none of them
  // does not pay for the scan. (An article is read by one thread at a time.)
  const HtmlTags& html_tags() const;
  // The invisible, bidi and control characters and U+FFFD of the text outside comments and raw
  // tags, in text order (model/char_scan.hpp): scanned once, on first use, for the four
  // markup-* character rules.
  const std::vector<SpecialChar>& special_chars() const;
  // The bytes of the "]]" that close wikilinks (empty when the page has none). MediaWiki has
  // replaced wikilinks by the time it reads external links and single brackets, so these
  // brackets close nothing for them. Marked once, on first use, for the link-* rules that
  // look for a closing ']'.
  const std::vector<bool>& wikilink_closers() const;
  // The Heading nodes of the page's own text, in document order, for the heading-* rules:
  // headings inside a template's parameters or an extension tag's content are left out (where,
  // and whether, they show depends on the template or the tag, so the page's outline cannot be
  // read from them). Unlike `sections`, headings nested in other markup (a list item, a table
  // cell) count. Found in one walk, on first use (sections.cpp).
  const std::vector<NodeId>& page_headings() const;

  // The nodes of one kind, in document order. Indexed on first use, in one pass over the tree
  // per group of kinds (see kind_groups_): the rules that look for a kind or two (links, tags,
  // templates) read their nodes from here instead of each walking every node of the page. A
  // span stays valid as long as the article. Like the other lazy members, built by the one
  // thread that reads the article.
  std::span<const NodeId> nodes_of(NodeKind kind) const;

  // The format {{Use dmy dates}} / {{Use mdy dates}} (or the profile's kin) declares, and where.
  DateFormat declared_date_format = DateFormat::None;
  NodeId date_format_template = kNoNode;

  // The date a cell holds (dts/start date template or plain text; trailing refs, notes,
  // <br> and comments ignored).
  DateValue cell_date(const Table& t, const TableCell& c) const;
  // Plain text of a node: links become their label, templates vanish except those that
  // render text we understand (dates, flags), refs/comments and nested tables vanish, entities
  // are decoded.
  std::string plain_text(NodeId node) const;
  // Integers of a column's data cells in row order (of one segment, or of the whole table when
  // `segment` is -1); unnumbered cells ("—", "-", empty) are skipped, other non-numbers
  // counted in `non_numbers`. Row-header cells count: `! scope="row" | 12` is a cell of its
  // column. `span` is the rows the number's cell covers (a rank shared by two rows).
  struct ColumnNumber {
    int row;
    long long value;
    int span = 1;
  };
  std::vector<ColumnNumber> column_numbers(const Table& t, int col, int* non_numbers,
                                           int segment = -1) const;
  // Steps between neighbouring numbers: up by one (or by the rows a shared rank covers), down
  // by one, and how many neighbour pairs there are.
  struct SequenceSteps {
    size_t up = 0, down = 0, pairs = 0;
  };
  static SequenceSteps sequence_steps(const std::vector<ColumnNumber>& numbers);
  // True when the numbers mostly count up (or down) by one (80% of the steps): the column is a
  // sequence. Points columns (25, 20, 16, 13, 11, 10, 9, ...) stay below that.
  static bool is_sequence(const std::vector<ColumnNumber>& numbers, int non_numbers);
  // Template name (normalised) and parameters as strings, for date/entity lookups. The name is
  // the one indexed with the template (valid as long as the article; for a node that is not a
  // template, valid until the next call).
  const std::string& template_name(NodeId tmpl) const;
  // Whether a template is a date template ({{dts}}, {{Start date}}, ...): decided once per
  // template of the page, when it is indexed.
  bool is_date_template_node(NodeId tmpl) const;
  // What the template's name says of the dates in its parameters (model/date_parameters.hpp),
  // looked up on first ask for each template of the page.
  DateTemplateClass date_template_class(NodeId tmpl) const;
  TemplateParams template_params(NodeId tmpl) const;
  // The date a date template ({{dts}}, {{Start date}}) shows, read once per template of the
  // page (plain text, cell dates and the date rules all ask): nullopt for other templates and
  // for arguments that make no date.
  std::optional<Date> template_date(NodeId tmpl) const;
  // What the reference-template data says of a template (a reference list, a note, an in-text
  // citation), or nullptr: looked up once per template of the page, when it is indexed.
  const ReferenceTemplates::Entry* reference_template(NodeId tmpl) const;

 private:
  mutable std::optional<HtmlTags> html_tags_;
  // Index of a template node in `templates`, or templates.size() for any other node.
  size_t template_index(NodeId tmpl) const;
  mutable size_t last_template_ = 0;  // the last index template_index() found
  std::vector<const ReferenceTemplates::Entry*> template_entries_;  // of templates[i]
  std::vector<uint8_t> template_is_date_;                           // of templates[i]
  mutable std::vector<uint8_t> template_date_class_;  // of templates[i]: 0 not yet, else class + 1
  mutable std::string scratch_name_;  // template_name() of a node that is not indexed
  mutable std::string scratch_text_;  // template_text() of a node that is not indexed
  // What templates[i] adds to plain text (a date, a flag's country, a wrapped parameter),
  // computed on first ask: cell text, cell dates and prose read the same templates again.
  mutable std::vector<uint8_t> template_text_done_;
  mutable std::vector<std::string> template_texts_;
  const std::string& template_text(NodeId tmpl) const;
  void render_template_text(NodeId tmpl, std::string& out) const;
  // Whether a template names an entity (entity_from_template), remembered per template of the
  // page: its cell's text asks, then column roles ask again for every data cell. 0 not yet,
  // 1 no, 2 yes.
  mutable std::vector<uint8_t> template_entity_state_;
  bool template_names_entity(NodeId tmpl) const;
  void note_template_entity(NodeId tmpl, bool names_entity) const;
  // plain_text(node) appended to `out` and folded there, without a string of its own (a cell's
  // links and templates each made one, and a copy when folded).
  void append_plain_text(NodeId node, std::string& out) const;
  // The dates of templates[i], read on first ask: 0 not yet, 1 none, 2 in template_dates_[i].
  mutable std::vector<uint8_t> template_date_state_;
  mutable std::vector<Date> template_dates_;
  mutable std::optional<std::vector<SpecialChar>> special_chars_;
  mutable std::optional<std::vector<bool>> wikilink_closers_;
  mutable std::optional<std::vector<NodeId>> page_headings_;
  // nodes_of(): for each group of kinds, the group's node ids sorted by kind (a counting sort,
  // so each kind's ids stay in document order); kind k's are [starts[k], starts[k + 1]). The
  // first ask counts every kind and sets both groups' starts in one pass; a group's ids are
  // placed on the first ask for one of its kinds, in one more pass. Group 0 holds the kinds
  // the rules ask for (Text, links, tags, templates); group 1 every other kind: the Syntax
  // leaves and the containers (parameters, names, cells), more than half of a page's nodes,
  // that no rule asks for and that cost 4 bytes each when they were indexed with the rest.
  struct KindGroup {
    std::vector<NodeId> ids;
    std::vector<uint32_t> starts;
  };
  mutable std::array<KindGroup, 2> kind_groups_;
  void index_nodes();
  void build_sections();
  void find_empty_last_heading();
  void find_foreign_categories();
  void build_tables();
  void build_refs();
  // Which cells and rows of each table a citation backs (table_citations.cpp).
  void build_table_citations();
  void build_declarations();
  void assign_column_roles(Table& t) const;
  // Row kinds (data, header, section, summary) and the segments they open (table_segments.cpp).
  void classify_rows(Table& t) const;
  // What the part `within` of a cell's content shows (cell_fill.cpp); `plain` is its text.
  CellFill cell_fill(NodeId content, Range within, std::string_view plain) const;
  // Plain text of the parts of `container`'s subtree inside `range`, its spaces folded.
  std::string plain_text_within(NodeId container, Range range) const;
  const Source* source_;
  const ReferenceTemplates* reference_templates_;
  const WikiProfile* profile_;
  Tree tree_;
  std::vector<NodeId> table_nodes_;
  std::vector<NodeId> external_links_;  // in document order
};

}  // namespace wikivet
