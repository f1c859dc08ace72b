// The table of rules/data/date-parameters.tsv, parsed once into hash sets.
#include "model/date_parameters.hpp"

#include <string>
#include <unordered_map>
#include <unordered_set>

#include "model/text_util.hpp"

namespace wikivet::data {
extern const std::string_view kDateParametersTsv;
}  // namespace wikivet::data

namespace wikivet {
namespace {

// Lower case, '_' as ' ', single spaces, no spaces at the ends.
std::string fold(std::string_view s) {
  std::string out;
  out.reserve(s.size());
  bool space = false;
  for (char c : s) {
    if (c == '_' || c == ' ' || c == '\t') {
      space = !out.empty();
      continue;
    }
    if (space) out.push_back(' ');
    space = false;
    out.push_back((c >= 'A' && c <= 'Z') ? static_cast<char>(c - 'A' + 'a') : c);
  }
  return out;
}

struct Table {
  std::unordered_set<std::string> citation, citation_dates, verbatim;
  std::unordered_set<std::string> iso;            // "template\tparameter"; template "*" for any
  std::unordered_set<std::string> iso_templates;  // the templates named in `iso`
};

const Table& table() {
  static const Table t = [] {
    Table out;
    std::string_view rest = data::kDateParametersTsv;
    while (!rest.empty()) {
      const size_t nl = rest.find('\n');
      std::string_view line = rest.substr(0, nl);
      rest = nl == std::string_view::npos ? std::string_view{} : rest.substr(nl + 1);
      if (line.empty() || line.front() == '#') continue;
      const size_t t1 = line.find('\t');
      if (t1 == std::string_view::npos) continue;
      const std::string_view kind = line.substr(0, t1);
      std::string_view args = line.substr(t1 + 1);
      const size_t t2 = args.find('\t');
      const std::string first = fold(args.substr(0, t2));
      if (kind == "citation") out.citation.insert(first);
      if (kind == "citation-date") out.citation_dates.insert(first);
      if (kind == "verbatim") out.verbatim.insert(first);
      if (kind == "iso" && t2 != std::string_view::npos) {
        out.iso.insert(first + "\t" + fold(args.substr(t2 + 1)));
        out.iso_templates.insert(first);
      }
    }
    return out;
  }();
  return t;
}

}  // namespace

bool is_citation_template(std::string_view template_name) {
  return table().citation.count(fold(template_name)) != 0;
}

DateTemplateClass date_template_class(std::string_view template_name) {
  const Table& t = table();
  const std::string name = fold(template_name);
  if (t.verbatim.count(name)) return DateTemplateClass::Verbatim;
  if (t.citation.count(name)) return DateTemplateClass::Citation;
  if (t.iso_templates.count(name)) return DateTemplateClass::IsoParameters;
  return DateTemplateClass::Other;
}

bool iso_parameter_anywhere(std::string_view parameter) {
  return table().iso.count("*\t" + fold(parameter)) != 0;
}

DateParameterKind date_parameter_kind(DateTemplateClass cls, std::string_view template_name,
                                      std::string_view parameter) {
  const Table& t = table();
  switch (cls) {
    case DateTemplateClass::Verbatim:
      return DateParameterKind::Verbatim;
    case DateTemplateClass::Citation:
      return t.citation_dates.count(fold(parameter)) ? DateParameterKind::CitationDate
                                                     : DateParameterKind::Verbatim;
    case DateTemplateClass::IsoParameters:
      if (t.iso.count(fold(template_name) + "\t" + fold(parameter)))
        return DateParameterKind::IsoAllowed;
      break;
    case DateTemplateClass::Other:
      break;
  }
  return iso_parameter_anywhere(parameter) ? DateParameterKind::IsoAllowed
                                           : DateParameterKind::Shown;
}

DateParameterKind date_parameter_kind(std::string_view template_name, std::string_view parameter) {
  return date_parameter_kind(date_template_class(template_name), template_name, parameter);
}

}  // namespace wikivet
