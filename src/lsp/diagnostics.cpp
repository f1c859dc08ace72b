// Findings as LSP diagnostics.
#include "lsp/features.hpp"

#include "lsp/uri.hpp"

namespace wikivet::lsp {

namespace {

json::object position_json(Position p) {
  json::object o;
  o["line"] = p.line;
  o["character"] = p.character;
  return o;
}

int lsp_severity(Severity s) {
  switch (s) {
    case Severity::Error:
      return 1;
    case Severity::Warning:
      return 2;
    case Severity::Info:
      return 3;
  }
  return 2;
}

}  // namespace

json::object range_json(const PositionIndex& positions, size_t begin, size_t end) {
  json::object r;
  r["start"] = position_json(positions.at(begin));
  r["end"] = position_json(positions.at(end));
  return r;
}

json::object diagnostic_json(const Finding& f, const CheckedText& checked, const std::string& uri) {
  json::object d;
  d["range"] = range_json(*checked.positions, f.location.begin, f.location.end);
  d["severity"] = lsp_severity(f.severity);
  d["code"] = f.rule;
  d["source"] = "wikivet";
  d["message"] = valid_utf8(f.message);
  // A suppression that silences nothing is dead text: editors show it faded.
  if (f.rule == "unused-suppression") d["tags"] = json::array{1};
  if (!f.related.empty()) {
    json::array related;
    for (const auto& r : f.related) {
      json::object location;
      location["uri"] = uri;
      location["range"] = range_json(*checked.positions, r.location.begin, r.location.end);
      json::object info;
      info["location"] = std::move(location);
      info["message"] = valid_utf8(r.message);
      related.push_back(std::move(info));
    }
    d["relatedInformation"] = std::move(related);
  }
  json::object data;
  data["key"] = valid_utf8(f.key);
  data["fingerprint"] = f.fingerprint;
  d["data"] = std::move(data);
  return d;
}

json::array diagnostics_json(const CheckedText& checked, const std::string& uri) {
  json::array out;
  if (checked.config_error) {
    const ConfigError& e = *checked.config_error;
    json::object d;
    d["range"] = range_json(*checked.positions, 0, 0);
    d["severity"] = 1;
    d["code"] = "config";
    d["source"] = "wikivet";
    d["message"] = valid_utf8(std::string(e.what()) + " (nothing checked until it is fixed)");
    json::object location;
    location["uri"] = uri_from_path(e.path());
    // Config files are TOML, nearly always ASCII: the code-point column stands for the UTF-16
    // one.
    const Position p{e.line() > 0 ? e.line() - 1 : 0, e.column() > 0 ? e.column() - 1 : 0};
    json::object range;
    range["start"] = position_json(p);
    range["end"] = position_json(p);
    location["range"] = std::move(range);
    json::object info;
    info["location"] = std::move(location);
    info["message"] = valid_utf8(e.message());
    d["relatedInformation"] = json::array{std::move(info)};
    out.push_back(std::move(d));
    return out;
  }
  for (const auto& f : checked.result.findings) {
    if (f.suppressed) continue;
    out.push_back(diagnostic_json(f, checked, uri));
  }
  return out;
}

}  // namespace wikivet::lsp
