// Hover: the findings under the cursor and the documentation of their rules.
#include <set>

#include "lsp/features.hpp"

namespace wikivet::lsp {

json::value hover_json(const CheckedText& checked, size_t offset, bool markdown) {
  if (checked.config_error) return nullptr;
  std::string text;
  std::set<std::string> documented;
  size_t begin = SIZE_MAX, end = 0;
  for (const auto& f : checked.result.findings) {
    if (f.suppressed) continue;
    const bool at = f.location.begin == f.location.end
                        ? offset == f.location.begin
                        : f.location.begin <= offset && offset < f.location.end;
    if (!at) continue;
    begin = std::min(begin, f.location.begin);
    end = std::max(end, f.location.end);
    if (!text.empty()) text += markdown ? "\n\n---\n\n" : "\n\n";
    const std::string message = valid_utf8(f.message);
    text += markdown ? "**" + f.rule + "** (" + to_string(f.severity) + "): " + message
                     : f.rule + " (" + to_string(f.severity) + "): " + message;
    if (f.fix) text += "\n\nQuick fix: " + valid_utf8(f.fix->description);
    const Rule* rule = find_rule(f.rule);
    if (!rule || !documented.insert(f.rule).second) continue;
    text += "\n\n";
    text += rule->meta().summary;
    text += "\n\n";
    text += rule->meta().doc;
  }
  if (text.empty()) return nullptr;
  json::object contents;
  contents["kind"] = markdown ? "markdown" : "plaintext";
  contents["value"] = std::move(text);
  json::object hover;
  hover["contents"] = std::move(contents);
  hover["range"] = range_json(*checked.positions, begin, end);
  return hover;
}

}  // namespace wikivet::lsp
