#pragma once
// Internal to src/report: one factory per output format (one .cpp each), and the helpers the
// formats share. Callers outside src/report use make_writer() from report/writer.hpp.
#include <memory>
#include <ostream>
#include <string>
#include <vector>

#include "engine/rule.hpp"
#include "report/writer.hpp"

namespace wikivet::report {

std::unique_ptr<OutputWriter> make_text_writer(std::ostream& out, const WriterOptions& options);
std::unique_ptr<OutputWriter> make_json_writer(std::ostream& out, const WriterOptions& options);
std::unique_ptr<OutputWriter> make_jsonl_writer(std::ostream& out, const WriterOptions& options);
std::unique_ptr<OutputWriter> make_sarif_writer(std::ostream& out, const WriterOptions& options);
std::unique_ptr<OutputWriter> make_github_writer(std::ostream& out, const WriterOptions& options);
std::unique_ptr<OutputWriter> make_html_writer(std::ostream& out, const WriterOptions& options);

// "3 errors, 12 warnings, 5 infos in 1 file", "no findings in 2 files"; empty when no input
// could be checked (the errors said why), and "(1 input not checked...)" when some could not
// (suppressed findings,
// when any were kept, are counted apart: "..., 2 suppressed"; with a baseline, "; against the
// baseline: 1 new, 36 unchanged, 2 fixed" follows).
std::string summary_line(const Summary& summary);

// Whether a writer shows this finding: suppressed findings only with show_suppressed.
inline bool shown(const Finding& f, const WriterOptions& o) {
  if (f.baseline_state == "unchanged" && !o.show_baseline) return false;
  return !f.suppressed || o.show_suppressed;
}

// The rule catalogue the writers describe: options.catalog when set (tests), else the registry.
std::vector<const RuleMeta*> rule_catalog(const WriterOptions& options);

}  // namespace wikivet::report
