#pragma once
// How a date written in a template parameter reaches the reader: shown as written (an
// infobox), reformatted by the citation module into the declared format (a CS1/CS2 date), text
// that must stay as written (a citation's title, a {{sfn}} anchor, a quotation), or a parameter
// whose dates are yyyy-mm-dd by convention ({{webarchive|date=}}). The facts are data:
// rules/data/date-parameters.tsv, compiled into the binary.
#include <cstdint>
#include <string_view>

namespace wikivet {

enum class DateParameterKind : uint8_t {
  Shown,         // displayed as written
  CitationDate,  // a CS1/CS2 date parameter: displayed in the declared format
  Verbatim,      // must stay as written: titles, quotes, short-citation anchors
  IsoAllowed,    // yyyy-mm-dd is the convention here; other formats are shown as written
};

// The kind of parameter `parameter` (a name, or a position "1", "2", ...) of the template
// named `template_name` (any letter case, '_' or ' ').
DateParameterKind date_parameter_kind(std::string_view template_name, std::string_view parameter);
// True for Citation Style 1 and 2 templates ({{cite web}}, {{citation}}, ...).
bool is_citation_template(std::string_view template_name);

}  // namespace wikivet
