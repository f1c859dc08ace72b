#pragma once
// Factory functions of the rules, one per rule file (rules/<id>.cpp). The registry
// (rules/registry.cpp) lists them in catalogue order.
#include <memory>

#include "engine/rule.hpp"

namespace wikivet {

std::unique_ptr<Rule> make_table_sequence_rule();
std::unique_ptr<Rule> make_table_columns_rule();
std::unique_ptr<Rule> make_table_date_mismatch_rule();
std::unique_ptr<Rule> make_prose_date_mismatch_rule();
std::unique_ptr<Rule> make_ref_missing_rule();
std::unique_ptr<Rule> make_date_unknown_rule();
std::unique_ptr<Rule> make_date_imprecise_rule();
std::unique_ptr<Rule> make_date_invalid_rule();
std::unique_ptr<Rule> make_date_format_rule();
std::unique_ptr<Rule> make_date_order_rule();
std::unique_ptr<Rule> make_ref_undefined_rule();
std::unique_ptr<Rule> make_ref_conflict_rule();
std::unique_ptr<Rule> make_ref_empty_rule();
std::unique_ptr<Rule> make_ref_unused_rule();
std::unique_ptr<Rule> make_ref_no_list_rule();

// -- family cite --
std::unique_ptr<Rule> make_ref_numeric_name_rule();
std::unique_ptr<Rule> make_ref_unknown_attribute_rule();
std::unique_ptr<Rule> make_ref_group_conflict_rule();
std::unique_ptr<Rule> make_ref_list_unnamed_rule();
std::unique_ptr<Rule> make_ref_list_empty_definition_rule();
std::unique_ptr<Rule> make_ref_duplicate_citation_rule();

// -- end cite --

std::unique_ptr<Rule> make_syntax_unclosed_template_rule();
std::unique_ptr<Rule> make_syntax_unclosed_link_rule();
std::unique_ptr<Rule> make_syntax_unclosed_tag_rule();
std::unique_ptr<Rule> make_syntax_unclosed_table_rule();
std::unique_ptr<Rule> make_syntax_unclosed_comment_rule();
std::unique_ptr<Rule> make_syntax_stray_close_rule();

// -- family tags --
std::unique_ptr<Rule> make_tag_unclosed_rule();
std::unique_ptr<Rule> make_tag_stray_close_rule();
std::unique_ptr<Rule> make_tag_misnested_rule();
std::unique_ptr<Rule> make_tag_self_closed_rule();
std::unique_ptr<Rule> make_tag_malformed_br_rule();
std::unique_ptr<Rule> make_tag_duplicate_id_rule();

// -- end tags --

// -- family links --
std::unique_ptr<Rule> make_link_lonely_bracket_rule();
std::unique_ptr<Rule> make_link_unclosed_external_rule();
std::unique_ptr<Rule> make_link_double_bracket_rule();
std::unique_ptr<Rule> make_link_wikilink_in_external_rule();
std::unique_ptr<Rule> make_link_double_scheme_rule();
std::unique_ptr<Rule> make_link_no_scheme_rule();
std::unique_ptr<Rule> make_link_nested_external_rule();
std::unique_ptr<Rule> make_link_lonely_open_bracket_rule();
std::unique_ptr<Rule> make_link_image_option_case_rule();

// -- end links --

// -- family headings --
std::unique_ptr<Rule> make_heading_unbalanced_rule();
std::unique_ptr<Rule> make_heading_level_1_rule();
std::unique_ptr<Rule> make_heading_skipped_level_rule();
std::unique_ptr<Rule> make_heading_empty_rule();
std::unique_ptr<Rule> make_heading_bold_rule();
std::unique_ptr<Rule> make_heading_unclosed_format_rule();

// -- end headings --

// -- family formatting --
std::unique_ptr<Rule> make_format_unclosed_rule();

// -- end formatting --

// -- family templates --
std::unique_ptr<Rule> make_template_duplicate_param_rule();
std::unique_ptr<Rule> make_template_namespace_prefix_rule();
std::unique_ptr<Rule> make_template_programming_rule();

// -- end templates --

// -- family markup --
std::unique_ptr<Rule> make_markup_obsolete_tag_rule();
std::unique_ptr<Rule> make_markup_invisible_char_rule();
std::unique_ptr<Rule> make_markup_bidi_control_rule();
std::unique_ptr<Rule> make_markup_replacement_char_rule();
std::unique_ptr<Rule> make_markup_control_char_rule();

// -- end markup --

std::unique_ptr<Rule> make_unused_suppression_rule();

}  // namespace wikivet
