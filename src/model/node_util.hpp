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
// An attribute written twice has its last value, as MediaWiki's sanitizer keeps it.
// An attribute block that holds templates (`rowspan=2 style="background:{{Party/meta/color}}"`)
// is read with each template standing for opaque text: MediaWiki expands templates before it
// reads attributes, so the attributes written around them hold.
std::optional<std::string_view> attribute(const Tree& tree, NodeId holder, std::string_view name);
// The same over attribute text (`a="1" b=2`): the value's bytes within `text`.
std::optional<std::string_view> attribute_in(std::string_view text, std::string_view name);
// The attribute text a cell's content begins with when a template follows it on the cell's
// line: `| colspan="5" {{CMain}}`, where the template emits `style=... |` and so turns the
// text before it into the cell's attributes. Empty when the content does not start so.
Range leading_attributes(const Tree& tree, NodeId content);
// A rowspan/colspan value as browsers read it: 1 when absent or unreadable, 0 for "to the end".
int span_value(std::optional<std::string_view> v, int max);

}  // namespace wikivet::model_detail
