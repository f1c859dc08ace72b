// `--format sarif`: SARIF 2.1.0 (OASIS, errata 01), one run, valid against the official schema.
//
// Choices (docs/output-formats.md):
// - Columns are code points (run.columnKind "unicodeCodePoints"); charOffset/charLength count
//   code points too, in the same unit, and byteOffset/byteLength give the exact bytes.
// - Artifact URIs are relative to --srcroot (default: the top of the git working tree the run
//   is in, else the working directory), with uriBaseId
//   SRCROOT defined in run.originalUriBaseIds; a file outside that directory gets an absolute
//   file: URI.
// - At most WriterOptions::sarif_max_results results (GitHub keeps 25,000 a run): the most
//   severe are kept (errors, warnings, then notes, each in document order) and a notification
//   says how many were dropped. Memory stays bounded by that limit, whatever the input size.
#include <algorithm>
#include <deque>
#include <filesystem>
#include <map>
#include <optional>
#include <unordered_map>

#include "engine/anchors.hpp"
#include "report/char_offsets.hpp"
#include "report/formats.hpp"
#include "report/json_util.hpp"
#include "wikivet/version.hpp"

namespace wikivet::report {

namespace json = boost::json;
namespace fs = std::filesystem;

namespace {

const char* const kSchemaUri =
    "https://docs.oasis-open.org/sarif/sarif/v2.1.0/errata01/os/schemas/sarif-schema-2.1.0.json";
const char* const kInformationUri = "https://github.com/wikivet/wikivet";
// Each rule's documentation: the generated catalogue, one section (anchor = rule id) per rule.
const char* const kRulesDocUri = "https://github.com/wikivet/wikivet/blob/main/rules/README.md";
const char* const kBaseId = "SRCROOT";
const char* const kFingerprintKey = "wikivet/v1";

const char* level_of(Severity s) {
  switch (s) {
    case Severity::Error:
      return "error";
    case Severity::Warning:
      return "warning";
    case Severity::Info:
      return "note";
  }
  return "note";
}

// "table-sequence" -> "TableSequence" (SARIF's reportingDescriptor.name is an identifier).
std::string camel_case(std::string_view id) {
  std::string out;
  bool upper = true;
  for (char c : id) {
    if (c == '-' || c == '_') {
      upper = true;
      continue;
    }
    out += upper && c >= 'a' && c <= 'z' ? static_cast<char>(c - 'a' + 'A') : c;
    upper = false;
  }
  return out;
}

std::string_view trim_blank(std::string_view s) {
  while (!s.empty() && (s.front() == '\n' || s.front() == ' ')) s.remove_prefix(1);
  while (!s.empty() && (s.back() == '\n' || s.back() == ' ')) s.remove_suffix(1);
  return s;
}

// The doc's first paragraph (up to a blank line) as one line: the hard wraps of the source
// become spaces, since viewers wrap text themselves. A paragraph that only introduces an
// example ("...in place:") says nothing alone: the summary stands in for it.
std::string first_paragraph(std::string_view doc, std::string_view fallback) {
  doc = trim_blank(doc);
  std::string_view p = trim_blank(doc.substr(0, doc.find("\n\n")));
  if (p.empty() || p.back() == ':') return std::string(fallback);
  std::string out(p);
  std::replace(out.begin(), out.end(), '\n', ' ');
  return out;
}

// The folder artifact URIs are relative to by default: the top of the git working tree the
// run is in (found by its .git, without running git), else the working directory.
fs::path default_srcroot() {
  std::error_code ec;
  const fs::path cwd = fs::current_path(ec);
  for (fs::path d = cwd; !d.empty(); d = d.parent_path()) {
    if (fs::exists(d / ".git", ec)) return d;
    if (d == d.parent_path()) break;
  }
  return cwd;
}

// RFC 3986 percent-encoding of a path: unreserved characters and '/' stay.
std::string uri_encode(std::string_view path) {
  static const char* const kHex = "0123456789ABCDEF";
  std::string out;
  for (char ch : path) {
    const auto c = static_cast<unsigned char>(ch);
    if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '-' ||
        c == '.' || c == '_' || c == '~' || c == '/') {
      out += ch;
    } else {
      out += '%';
      out += kHex[c >> 4];
      out += kHex[c & 15];
    }
  }
  return out;
}

std::string file_uri(const fs::path& absolute) {
  return "file://" + uri_encode(absolute.generic_string());
}

fs::path absolute_normal(const fs::path& p) {
  std::error_code ec;
  fs::path a = fs::absolute(p, ec);
  return (ec ? p : a).lexically_normal();
}

// The category, then each anchor as `tool:id` (`checkwiki:2`), so code-scanning UIs can filter
// by the checker a user knows.
json::array rule_tags(const RuleMeta& m) {
  json::array tags{to_string(m.category)};
  for (const Anchor& a : anchors_of(m))
    tags.push_back(json_str(std::string(a.tool) + ":" + std::string(a.id)));
  return tags;
}

json::object descriptor(const RuleMeta& m) {
  std::string_view doc_text = m.doc.empty() ? m.summary : m.doc;
  while (!doc_text.empty() && doc_text.front() == '\n') doc_text.remove_prefix(1);
  const std::string doc(doc_text);
  return json::object{
      {"id", json_str(m.id)},
      {"name", json_str(camel_case(m.id))},
      {"shortDescription", {{"text", json_str(m.summary)}}},
      {"fullDescription", {{"text", json_str(first_paragraph(m.doc, m.summary))}}},
      {"help", {{"text", json_str(doc)}, {"markdown", json_str(doc)}}},
      {"helpUri", std::string(kRulesDocUri) + "#" + std::string(m.id)},
      {"defaultConfiguration", {{"level", level_of(m.default_severity)}}},
      {"properties", {{"category", to_string(m.category)}, {"tags", rule_tags(m)}}}};
}

class SarifWriter : public OutputWriter {
 public:
  SarifWriter(std::ostream& out, const WriterOptions& options)
      : out_(out), options_(options), catalog_(rule_catalog(options)) {
    std::error_code ec;
    base_ = options.srcroot.empty() ? default_srcroot() : absolute_normal(options.srcroot);
    base_ = base_.lexically_normal();
    for (size_t i = 0; i < catalog_.size(); ++i) rule_index_.emplace(catalog_[i]->id, i);
  }

  void file(const FileResult& r) override {
    std::optional<CharOffsets> chars;  // built only for a file with results
    for (const auto& f : r.findings) {
      if (!shown(f, options_)) continue;
      if (would_drop(f.severity)) continue;  // no need to build what the cut throws away
      if (!chars) chars.emplace(r.source ? r.source->original() : std::string_view());
      add(result_for(f, r, *chars), f.severity);
    }
    // --show-baseline: the baseline's findings that are gone, as results in state "absent".
    // They have no place in the file as it is now, so their location names the file only.
    if (options_.show_baseline) {
      for (const auto& f : r.absent) {
        if (would_drop(f.severity)) continue;
        add(absent_result(f, r), f.severity);
      }
    }
  }

  void end() override {
    json::array rules;
    for (const RuleMeta* m : catalog_) rules.push_back(descriptor(*m));
    for (const auto& id : extra_rules_) {
      rules.push_back(json::object{{"id", json_str(id)},
                                   {"name", json_str(camel_case(id))},
                                   {"shortDescription", {{"text", json_str(id)}}}});
    }

    // Kept results back in document order; artifacts indexed by first use.
    std::vector<std::pair<size_t, json::object*>> ordered;
    for (auto& [key, result] : kept_) ordered.emplace_back(key.second, &result);
    std::sort(ordered.begin(), ordered.end(),
              [](const auto& a, const auto& b) { return a.first < b.first; });
    json::array artifacts, results;
    std::unordered_map<std::string, size_t> artifact_index;
    auto index_artifact = [&](json::value& artifact_location) {
      json::object& al = artifact_location.as_object();
      const std::string uri(al.at("uri").as_string());
      auto [it, fresh] = artifact_index.emplace(uri, artifacts.size());
      if (fresh) artifacts.push_back(json::object{{"location", al}});
      al["index"] = it->second;
    };
    for (auto& [seq, result] : ordered) {
      (void)seq;
      for (auto& loc : (*result)["locations"].as_array())
        index_artifact(loc.at("physicalLocation").at("artifactLocation"));
      if (auto* rel = result->if_contains("relatedLocations"))
        for (auto& loc : rel->as_array())
          index_artifact(loc.at("physicalLocation").at("artifactLocation"));
      if (auto* fixes = result->if_contains("fixes"))
        for (auto& fix : fixes->as_array())
          for (auto& change : fix.at("artifactChanges").as_array())
            index_artifact(change.at("artifactLocation"));
      results.push_back(std::move(*result));
    }

    // An input that could not be checked makes the run unsuccessful, whatever its results.
    json::object invocation{{"executionSuccessful", input_errors_.empty()}};
    json::array notes = std::move(input_errors_);
    if (dropped_total_ > 0) notes.push_back(drop_note());
    if (!notes.empty()) invocation["toolExecutionNotifications"] = std::move(notes);

    json::object driver{{"name", "wikivet"},
                        {"version", kVersion},
                        {"semanticVersion", kVersion},
                        {"informationUri", kInformationUri},
                        {"rules", std::move(rules)}};
    json::object run{
        {"tool", {{"driver", std::move(driver)}}},
        {"invocations", json::array{std::move(invocation)}},
        {"originalUriBaseIds",
         {{kBaseId,
           {{"uri", file_uri(base_) + (base_.generic_string().ends_with('/') ? "" : "/")}}}}},
        {"artifacts", std::move(artifacts)},
        {"results", std::move(results)},
        {"columnKind", "unicodeCodePoints"}};
    json::object log{
        {"$schema", kSchemaUri}, {"version", "2.1.0"}, {"runs", json::array{std::move(run)}}};
    out_ << json::serialize(log) << '\n';
    out_.flush();
  }

  void input_error(const std::string& path, const std::string& message) override {
    json::object note{{"level", "error"},
                      {"message", {{"text", json_str(message)}}},
                      {"descriptor", {{"id", "wikivet/input-error"}}}};
    if (!path.empty() && path != "-")
      note["locations"] = json::array{
          json::object{{"physicalLocation", {{"artifactLocation", artifact_location(path)}}}}};
    input_errors_.push_back(std::move(note));
  }

 private:
  // Computing a relative path costs a few allocations; results come file by file, so the last
  // answer is nearly always the one needed.
  const json::object& artifact_location(const std::string& path) {
    if (path == last_path_ && !last_location_.empty()) return last_location_;
    const fs::path abs = absolute_normal(path);
    const fs::path rel = abs.lexically_relative(base_);
    const std::string r = rel.generic_string();
    if (!rel.empty() && r != "." && !r.starts_with("..")) {
      last_location_ = json::object{{"uri", uri_encode(r)}, {"uriBaseId", kBaseId}};
    } else {
      last_location_ = json::object{{"uri", file_uri(abs)}};
    }
    last_path_ = path;
    return last_location_;
  }

  json::object region(const Location& l, const CharOffsets& chars) const {
    const size_t c0 = chars.at(l.begin), c1 = chars.at(std::max(l.begin, l.end));
    return json::object{
        {"startLine", l.start.line}, {"startColumn", l.start.column},
        {"endLine", l.stop.line},    {"endColumn", l.stop.column},
        {"charOffset", c0},          {"charLength", c1 - c0},
        {"byteOffset", l.begin},     {"byteLength", l.end - std::min(l.begin, l.end)}};
  }

  json::object physical(const Location& l, const CharOffsets& chars) {
    return json::object{{"artifactLocation", artifact_location(l.path)},
                        {"region", region(l, chars)}};
  }

  size_t rule_index(const std::string& id) {
    auto it = rule_index_.find(id);
    if (it != rule_index_.end()) return it->second;
    // A rule the catalogue does not describe (cannot happen with the registry): describe it
    // minimally so that ruleIndex stays truthful.
    extra_rules_.push_back(id);
    return rule_index_.emplace(extra_rules_.back(), catalog_.size() + extra_rules_.size() - 1)
        .first->second;
  }

  json::object result_for(const Finding& f, const FileResult& r, const CharOffsets& chars) {
    json::object loc{{"physicalLocation", physical(f.location, chars)}};
    // The region's text, when the finding's snippet is all of it (snippets are cut at 200 bytes).
    if (f.location.end - std::min(f.location.begin, f.location.end) == f.snippet.size() &&
        !f.snippet.empty()) {
      loc["physicalLocation"].as_object()["region"].as_object()["snippet"] =
          json::object{{"text", json_str(f.snippet)}};
    }
    json::object res{{"ruleId", json_str(f.rule)},
                     {"ruleIndex", rule_index(f.rule)},
                     {"level", level_of(f.severity)},
                     {"message", {{"text", json_str(f.message)}}},
                     {"locations", json::array{std::move(loc)}}};
    if (!f.related.empty()) {
      json::array related;
      for (size_t i = 0; i < f.related.size(); ++i) {
        related.push_back(json::object{{"id", i + 1},
                                       {"physicalLocation", physical(f.related[i].location, chars)},
                                       {"message", {{"text", json_str(f.related[i].message)}}}});
      }
      res["relatedLocations"] = std::move(related);
    }
    if (!f.fingerprint.empty())
      res["partialFingerprints"] = {{kFingerprintKey, json_str(f.fingerprint)}};
    if (f.fix && !f.fix->edits.empty()) {
      json::array replacements;
      for (const auto& e : f.fix->edits) {
        const size_t b = std::min(e.begin, e.end);
        const size_t c0 = chars.at(b), c1 = chars.at(e.end);
        replacements.push_back(
            json::object{{"deletedRegion",
                          {{"charOffset", c0},
                           {"charLength", c1 - c0},
                           {"byteOffset", b},
                           {"byteLength", e.end - b}}},
                         {"insertedContent", {{"text", json_str(e.replacement)}}}});
      }
      json::object change{{"artifactLocation", artifact_location(r.path)},
                          {"replacements", std::move(replacements)}};
      res["fixes"] =
          json::array{json::object{{"description", {{"text", json_str(f.fix->description)}}},
                                   {"artifactChanges", json::array{std::move(change)}},
                                   {"properties", {{"safe", f.fix->safe}}}}};
    }
    if (f.suppressed) res["suppressions"] = json::array{json::object{{"kind", "inSource"}}};
    if (options_.show_baseline && !f.baseline_state.empty())
      res["baselineState"] = json_str(f.baseline_state);
    return res;
  }

  json::object absent_result(const Finding& f, const FileResult& r) {
    json::object loc{{"physicalLocation", {{"artifactLocation", artifact_location(r.path)}}}};
    json::object res{{"ruleId", json_str(f.rule)},
                     {"ruleIndex", rule_index(f.rule)},
                     {"level", level_of(f.severity)},
                     {"message", {{"text", json_str(f.message)}}},
                     {"locations", json::array{std::move(loc)}},
                     {"baselineState", "absent"}};
    if (!f.fingerprint.empty())
      res["partialFingerprints"] = {{kFingerprintKey, json_str(f.fingerprint)}};
    return res;
  }

  // With the store full, a result no more severe than the least severe kept one would be
  // dropped at once (it comes later in document order): count it and move on.
  bool would_drop(Severity s) {
    const size_t rank = static_cast<size_t>(s);
    if (kept_.size() < options_.sarif_max_results) return false;
    if (!kept_.empty() && rank < kept_.rbegin()->first.first) return false;
    ++seq_;
    ++dropped_[rank];
    ++dropped_total_;
    return true;
  }

  // Keeps the `sarif_max_results` best results by (severity, document order).
  void add(json::object result, Severity s) {
    const size_t rank = static_cast<size_t>(s);
    kept_.emplace(std::make_pair(rank, seq_++), std::move(result));
    if (kept_.size() > options_.sarif_max_results) {
      auto last = std::prev(kept_.end());
      ++dropped_[last->first.first];
      ++dropped_total_;
      kept_.erase(last);
    }
  }

  json::object drop_note() const {
    std::string text = "wikivet found " + std::to_string(seq_) + " results; this run keeps " +
                       std::to_string(options_.sarif_max_results) +
                       " (GitHub code scanning's limit per run), the most severe first: " +
                       std::to_string(dropped_total_) + " dropped (";
    const char* names[] = {"errors", "warnings", "notes"};
    bool first = true;
    for (size_t i = 0; i < 3; ++i) {
      if (dropped_[i] == 0) continue;
      text += (first ? "" : ", ") + std::to_string(dropped_[i]) + " " + names[i];
      first = false;
    }
    text += ").";
    return json::object{{"level", "warning"},
                        {"message", {{"text", text}}},
                        {"descriptor", {{"id", "wikivet/results-dropped"}}}};
  }

  std::ostream& out_;
  WriterOptions options_;
  std::vector<const RuleMeta*> catalog_;
  std::unordered_map<std::string_view, size_t> rule_index_;
  std::deque<std::string> extra_rules_;  // stable addresses: rule_index_ views them
  fs::path base_;
  std::string last_path_;
  json::object last_location_;
  std::map<std::pair<size_t, size_t>, json::object> kept_;  // (severity rank, seq) -> result
  size_t seq_ = 0;
  size_t dropped_[3] = {0, 0, 0};
  size_t dropped_total_ = 0;
  json::array input_errors_;  // notifications, one per input that could not be checked
};

}  // namespace

std::unique_ptr<OutputWriter> make_sarif_writer(std::ostream& out, const WriterOptions& options) {
  return std::make_unique<SarifWriter>(out, options);
}

}  // namespace wikivet::report
