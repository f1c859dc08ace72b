#pragma once
// Templates that emit table cells ({{Single chart}}, {{bartable}}, {{convert|...|disp=table}}):
// how many cells each emits, from rules/data/cell_templates.tsv (compiled into the binary).
#include <optional>
#include <string_view>

#include "model/date.hpp"

namespace wikivet {

// The number of cells the template emits, or nullopt when the data file does not know it
// (for these parameters). `normalized_name` as normalize_title gives it.
std::optional<int> cells_emitted(std::string_view normalized_name, const TemplateParams& params);
// Whether the data file names the template at all (a cheap test before gathering parameters).
bool is_cell_template(std::string_view normalized_name);

}  // namespace wikivet
