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

// What a template's name alone says of its parameters: all verbatim, a citation's (whose date
// parameters the module reformats), some yyyy-mm-dd by convention, or nothing. A page asks
// for the parameters of one template many times: the name is looked up once
// (Article::date_template_class), each parameter then by the overload below.
enum class DateTemplateClass : uint8_t { Verbatim, Citation, IsoParameters, Other };
DateTemplateClass date_template_class(std::string_view template_name);
// The same as date_parameter_kind(template_name, parameter) for a template of class `cls`.
DateParameterKind date_parameter_kind(DateTemplateClass cls, std::string_view template_name,
                                      std::string_view parameter);
// True when `parameter` is yyyy-mm-dd by convention in any template (access-date=, ...).
bool iso_parameter_anywhere(std::string_view parameter);
// True for Citation Style 1 and 2 templates ({{cite web}}, {{citation}}, ...).
bool is_citation_template(std::string_view template_name);

}  // namespace wikivet
