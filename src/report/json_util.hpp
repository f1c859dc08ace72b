#pragma once
// JSON pieces shared by the json, jsonl and sarif formats (Boost.JSON).
#include <boost/json.hpp>
#include <string>
#include <string_view>

#include "engine/finding.hpp"
#include "report/writer.hpp"

namespace wikivet::report {

// `s` as well-formed UTF-8: each byte of an ill-formed sequence becomes U+FFFD, so the JSON we
// write always parses (wikitext files are not always valid UTF-8).
std::string valid_utf8(std::string_view s);
inline boost::json::string json_str(std::string_view s) {
  return boost::json::string(valid_utf8(s));
}

// The fields of one finding in wikivet's JSON schema (docs/json-format.md), without "path".
boost::json::object finding_json(const Finding& f);
// A baseline finding that is gone (--show-baseline): rule, severity, message, key,
// fingerprint and baseline_state "absent"; it has no position in the file as it is now.
boost::json::object absent_json(const Finding& f);
// {"files", "findings", "suppressed", "by_rule", "by_severity"}.
boost::json::object summary_json(const Summary& s);

}  // namespace wikivet::report
