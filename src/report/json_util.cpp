#include "report/json_util.hpp"

#include "core/source.hpp"

namespace wikivet::report {

namespace json = boost::json;

std::string valid_utf8(std::string_view s) {
  std::string out;
  size_t copied = 0;  // bytes of `s` already in `out` (or known good)
  for (size_t i = 0; i < s.size();) {
    const auto b = static_cast<unsigned char>(s[i]);
    if (b < 0x80) {
      ++i;
      continue;
    }
    const size_t len = utf8_sequence_length(s, i);
    if (len > 1) {
      i += len;
      continue;
    }
    // Ill-formed byte: flush the good run, then the replacement character.
    out.append(s.substr(copied, i - copied));
    out += "\xEF\xBF\xBD";
    copied = ++i;
  }
  if (copied == 0) return std::string(s);
  out.append(s.substr(copied));
  return out;
}

namespace {
void put_range(json::object& o, const Location& l) {
  o["line"] = l.start.line;
  o["column"] = l.start.column;
  o["end_line"] = l.stop.line;
  o["end_column"] = l.stop.column;
}
}  // namespace

json::object absent_json(const Finding& f) {
  return json::object{{"rule", json_str(f.rule)},
                      {"severity", to_string(f.severity)},
                      {"message", json_str(f.message)},
                      {"key", json_str(f.key)},
                      {"fingerprint", json_str(f.fingerprint)},
                      {"baseline_state", "absent"}};
}

json::object finding_json(const Finding& f) {
  json::object o;
  o["rule"] = json_str(f.rule);
  o["severity"] = to_string(f.severity);
  o["category"] = to_string(f.category);
  o["message"] = json_str(f.message);
  put_range(o, f.location);
  o["offset"] = f.location.begin;
  o["end_offset"] = f.location.end;
  o["snippet"] = json_str(f.snippet);
  o["key"] = json_str(f.key);
  o["fingerprint"] = json_str(f.fingerprint);
  json::array related;
  for (const auto& r : f.related) {
    json::object x;
    x["message"] = json_str(r.message);
    x["path"] = json_str(r.location.path);
    put_range(x, r.location);
    related.push_back(std::move(x));
  }
  o["related"] = std::move(related);
  if (f.fix) {
    json::object fix;
    fix["description"] = json_str(f.fix->description);
    json::array edits;
    for (const auto& e : f.fix->edits) {
      edits.push_back(json::object{
          {"offset", e.begin}, {"end_offset", e.end}, {"replacement", json_str(e.replacement)}});
    }
    fix["edits"] = std::move(edits);
    fix["safe"] = f.fix->safe;
    o["fix"] = std::move(fix);
  }
  if (f.suppressed) o["suppressed"] = true;
  if (!f.baseline_state.empty()) o["baseline_state"] = json_str(f.baseline_state);
  return o;
}

json::object summary_json(const Summary& s) {
  json::object o;
  o["files"] = s.files;
  o["findings"] = s.findings;
  o["suppressed"] = s.suppressed;
  json::object by_rule, by_severity;
  for (const auto& [k, v] : s.by_rule) by_rule[k] = v;
  for (const char* k : {"error", "warning", "info"}) {
    auto it = s.by_severity.find(k);
    by_severity[k] = it == s.by_severity.end() ? 0 : it->second;
  }
  o["by_rule"] = std::move(by_rule);
  o["by_severity"] = std::move(by_severity);
  o["fixable"] = json::object{{"safe", s.fixable}, {"unsafe", s.fixable_unsafe}};
  // Inputs that could not be checked: with files 0, nothing was checked (not a clean result).
  o["input_errors"] = s.input_errors;
  if (s.baseline.active) {
    o["baseline"] = json::object{{"new", s.baseline.added},
                                 {"unchanged", s.baseline.unchanged},
                                 {"absent", s.baseline.absent}};
  }
  return o;
}

}  // namespace wikivet::report
