#pragma once
// Small questions about tree nodes that several parts of the model ask (tables, references,
// plain text). Internal to src/model.
#include <optional>
#include <string_view>

#include "parse/tree.hpp"

namespace wikivet::model_detail {

// An extension tag (<ref>, <references>, <nowiki>) of that name.
bool is_tag(const Tree& tree, NodeId id, std::string_view name);
// [[File:...]], [[Image:...]], [[Category:...]], [[Media:...]] (not [[:File:...]]).
bool is_file_link(std::string_view target);
// Attribute value of a tag (TagOpen) or table attribute block, by name; nullopt if absent.
std::optional<std::string_view> attribute(const Tree& tree, NodeId holder, std::string_view name);
// A rowspan/colspan value as browsers read it: 1 when absent or unreadable, 0 for "to the end".
int span_value(std::optional<std::string_view> v, int max);

}  // namespace wikivet::model_detail
