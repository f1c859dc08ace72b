#pragma once
// Output formats. A writer receives files one at a time (so a dump of millions of pages streams
// through in bounded memory) and writes its summary at the end.
#include <map>
#include <memory>
#include <ostream>
#include <string>
#include <string_view>
#include <vector>

#include "engine/engine.hpp"
#include "engine/rule.hpp"
#include "input/site_info.hpp"

namespace wikivet {

struct WriterOptions {
  bool color = false;   // text: ANSI colours (only when writing to a terminal)
  std::string srcroot;  // sarif: artifact URIs are made relative to this directory
  bool show_suppressed = false;
  // With a baseline: keep unchanged findings (marked) and absent ones (SARIF, JSON) in the
  // output. The engine has already dropped them when this is false.
  bool show_baseline = false;
  // text: --unsafe-fixes was given, so unsafe fixes apply like safe ones (marked `[*]`).
  bool unsafe_fixes = false;
  // The rules to describe (SARIF tool.driver.rules); null means the registry, all_rules().
  // Tests and embedders that bring their own rules set it; the vector must outlive the writer.
  const std::vector<const RuleMeta*>* catalog = nullptr;
  // sarif: most results one run keeps (GitHub code scanning's limit); past it the least
  // severe are dropped and the run's notifications say how many.
  size_t sarif_max_results = 25000;
  // html: the wiki the inputs come from (check --wiki), for links to each page's edit view.
  SiteInfo site;
};

// Counts for summaries, shared by every writer.
struct Summary {
  size_t files = 0;
  size_t findings = 0;    // not counting suppressed ones
  size_t suppressed = 0;  // kept with --show-suppressed
  std::map<std::string, size_t> by_rule;
  std::map<std::string, size_t> by_severity;
  // Against a baseline (when any file had one): new, unchanged and absent ("fixed") counts.
  // Unchanged findings are not counted in `findings`, by_rule or by_severity.
  BaselineCounts baseline;
  size_t fixable = 0;         // shown findings that carry a safe fix (`[*]` in text)
  size_t fixable_unsafe = 0;  // ... an unsafe one (`[?]`, or `[*]` with --unsafe-fixes)
  size_t input_errors = 0;    // inputs that could not be checked (unreadable, git failed)
  void add(const FileResult& f);
};

class OutputWriter {
 public:
  virtual ~OutputWriter() = default;
  virtual void begin() {}
  virtual void file(const FileResult& result) = 0;
  // An input that could not be checked (`message` is the one line printed on standard error):
  // the run is not a success, whatever the findings say.
  virtual void input_error(const std::string& path, const std::string& message) {
    (void)path;
    (void)message;
  }
  virtual void end() {}
};

// format: "text", "json", "jsonl", "sarif", "github", "html". Returns nullptr for an unknown
// format.
std::unique_ptr<OutputWriter> make_writer(std::string_view format, std::ostream& out,
                                          const WriterOptions& options);
// The format names make_writer accepts, for help texts and errors.
const char* writer_formats();

}  // namespace wikivet
