// make_writer, the shared Summary, and the one-line summary every human-facing format prints.
#include "report/writer.hpp"

#include "report/formats.hpp"

namespace wikivet {

void Summary::add(const FileResult& f) {
  ++files;
  if (f.baseline.active) {
    baseline.active = true;
    baseline.added += f.baseline.added;
    baseline.unchanged += f.baseline.unchanged;
    baseline.absent += f.baseline.absent;
  }
  for (const auto& x : f.findings) {
    if (x.suppressed) {
      ++suppressed;
      continue;
    }
    if (x.baseline_state == "unchanged") continue;
    ++findings;
    if (x.fix && !x.fix->edits.empty()) ++(x.fix->safe ? fixable : fixable_unsafe);
    ++by_rule[x.rule];
    ++by_severity[to_string(x.severity)];
  }
}

std::unique_ptr<OutputWriter> make_writer(std::string_view format, std::ostream& out,
                                          const WriterOptions& options) {
  if (format == "text") return report::make_text_writer(out, options);
  if (format == "json") return report::make_json_writer(out, options);
  if (format == "jsonl") return report::make_jsonl_writer(out, options);
  if (format == "sarif") return report::make_sarif_writer(out, options);
  if (format == "github") return report::make_github_writer(out, options);
  if (format == "html") return report::make_html_writer(out, options);
  return nullptr;
}

const char* writer_formats() {
  return "text, json, jsonl, sarif, github, html";
}

namespace report {

namespace {
std::string count_of(size_t n, const char* singular, const char* plural) {
  return std::to_string(n) + " " + (n == 1 ? singular : plural);
}
}  // namespace

std::string summary_line(const Summary& s) {
  // Nothing was checked: "no findings in 0 files" would read as a clean result.
  if (s.files == 0 && s.input_errors > 0) return "";
  std::string out;
  auto add = [&out](const std::string& part) {
    if (!out.empty()) out += ", ";
    out += part;
  };
  const struct {
    const char* key;
    const char* one;
    const char* many;
  } kinds[] = {
      {"error", "error", "errors"}, {"warning", "warning", "warnings"}, {"info", "info", "infos"}};
  for (const auto& k : kinds) {
    auto it = s.by_severity.find(k.key);
    if (it != s.by_severity.end() && it->second > 0) add(count_of(it->second, k.one, k.many));
  }
  if (out.empty()) out = "no findings";
  if (s.suppressed > 0) add(std::to_string(s.suppressed) + " suppressed");
  out += " in " + count_of(s.files, "file", "files");
  if (s.input_errors > 0)
    out += " (" + count_of(s.input_errors, "input", "inputs") + " not checked: see the errors)";
  if (s.baseline.active) {
    out += "; against the baseline: " + std::to_string(s.baseline.added) + " new, " +
           std::to_string(s.baseline.unchanged) + " unchanged, " +
           std::to_string(s.baseline.absent) + " fixed";
  }
  return out;
}

std::vector<const RuleMeta*> rule_catalog(const WriterOptions& options) {
  if (options.catalog) return *options.catalog;
  std::vector<const RuleMeta*> out;
  for (const auto& r : all_rules()) out.push_back(&r->meta());
  return out;
}

}  // namespace report
}  // namespace wikivet
