// The one place every rule is listed. The order here is the catalogue order of `wikivet rules`,
// the docs and SARIF's tool.driver.rules (so ruleIndex values are stable).
#include <memory>
#include <vector>

#include "engine/rule.hpp"
#include "rules/rule_factories.hpp"

namespace wikivet {

const std::vector<std::unique_ptr<Rule>>& all_rules() {
  static const std::vector<std::unique_ptr<Rule>> rules = [] {
    std::vector<std::unique_ptr<Rule>> r;
    r.push_back(make_table_sequence_rule());
    r.push_back(make_table_columns_rule());
    r.push_back(make_table_date_mismatch_rule());
    r.push_back(make_prose_date_mismatch_rule());
    r.push_back(make_ref_missing_rule());
    r.push_back(make_date_unknown_rule());
    r.push_back(make_date_imprecise_rule());
    r.push_back(make_date_invalid_rule());
    r.push_back(make_date_format_rule());
    r.push_back(make_date_order_rule());
    r.push_back(make_ref_undefined_rule());
    r.push_back(make_ref_conflict_rule());
    r.push_back(make_ref_empty_rule());
    r.push_back(make_ref_unused_rule());
    r.push_back(make_ref_no_list_rule());

    // -- family cite: the rest of Cite's errors (category refs) --
    r.push_back(make_ref_numeric_name_rule());
    r.push_back(make_ref_unknown_attribute_rule());
    r.push_back(make_ref_group_conflict_rule());
    r.push_back(make_ref_list_unnamed_rule());
    r.push_back(make_ref_list_empty_definition_rule());
    r.push_back(make_ref_duplicate_citation_rule());

    // -- end cite --
    r.push_back(make_syntax_unclosed_template_rule());
    r.push_back(make_syntax_unclosed_link_rule());
    r.push_back(make_syntax_unclosed_tag_rule());
    r.push_back(make_syntax_unclosed_table_rule());
    r.push_back(make_syntax_unclosed_comment_rule());
    r.push_back(make_syntax_stray_close_rule());

    // -- family tags: HTML tags --
    r.push_back(make_tag_unclosed_rule());
    r.push_back(make_tag_stray_close_rule());
    r.push_back(make_tag_misnested_rule());
    r.push_back(make_tag_self_closed_rule());
    r.push_back(make_tag_malformed_br_rule());
    r.push_back(make_tag_duplicate_id_rule());

    // -- end tags --

    // -- family links: external links and brackets --
    r.push_back(make_link_lonely_bracket_rule());
    r.push_back(make_link_unclosed_external_rule());
    r.push_back(make_link_double_bracket_rule());
    r.push_back(make_link_wikilink_in_external_rule());
    r.push_back(make_link_double_scheme_rule());
    r.push_back(make_link_no_scheme_rule());
    r.push_back(make_link_nested_external_rule());
    r.push_back(make_link_lonely_open_bracket_rule());
    r.push_back(make_link_image_option_case_rule());

    // -- end links --

    // -- family headings --
    r.push_back(make_heading_unbalanced_rule());
    r.push_back(make_heading_level_1_rule());
    r.push_back(make_heading_skipped_level_rule());
    r.push_back(make_heading_empty_rule());
    r.push_back(make_heading_bold_rule());
    r.push_back(make_heading_unclosed_format_rule());

    // -- end headings --

    // -- family formatting: bold and italic --
    r.push_back(make_format_unclosed_rule());

    // -- end formatting --

    // -- family templates --
    r.push_back(make_template_duplicate_param_rule());
    r.push_back(make_template_namespace_prefix_rule());
    r.push_back(make_template_programming_rule());

    // -- end templates --

    // -- family markup: obsolete markup and invisible characters --
    r.push_back(make_markup_obsolete_tag_rule());
    r.push_back(make_markup_invisible_char_rule());
    r.push_back(make_markup_bidi_control_rule());
    r.push_back(make_markup_replacement_char_rule());
    r.push_back(make_markup_control_char_rule());

    // -- end markup --

    r.push_back(make_unused_suppression_rule());
    return r;
  }();
  return rules;
}

const Rule* find_rule(std::string_view id) {
  for (const auto& r : all_rules())
    if (r->meta().id == id) return r.get();
  return nullptr;
}

}  // namespace wikivet
