#pragma once
// What `wikivet audit` writes: one JSON object per page (JSON Lines) and a summary of the run,
// as JSON and as text.
//
// Page line: {"title", "ns", "page_id", "revision_id", ["redirect"], ["line"], "findings": [{
//   "rule", "severity", "message", "line", "column", "end_line", "end_column", "key",
//   "fingerprint"}]}; a JSON Lines input line that was not a page gives {"line", "error"}.
// Lines and columns are 1-based, columns in Unicode code points, end positions exclusive, all
// relative to the page's wikitext.
#include <cstdint>
#include <map>
#include <ostream>
#include <string>
#include <vector>

#include <boost/json/fwd.hpp>
#include "engine/engine.hpp"
#include "input/dump_page.hpp"

namespace wikivet {

// Appends `s` as a JSON string literal; ill-formed UTF-8 becomes U+FFFD, so the line is always
// valid JSON.
void append_json_string(std::string& out, std::string_view s);

// One page's JSON line, with its trailing newline.
std::string render_audit_page(const DumpPage& page, const FileResult& result);
// The line for a JSON Lines input line that could not be read (page.error set).
std::string render_audit_error(const DumpPage& page);
// The line for a page the filters skipped (JSON Lines input keeps one line per input line).
std::string render_audit_skipped(const DumpPage& page, std::string_view reason);

struct PageTally {
  std::string title;
  uint64_t seq = 0;
  size_t findings = 0;
};

// What a partial audit (`audit --streams A-B`) adds to its summary, as "part", so that the
// summaries of the parts can be merged and checked to cover the dump.
struct AuditPart {
  uint64_t first = 0, last = 0;  // streams, inclusive
  bool to_end = false;           // the last stream is the dump's last
  int worst = -1;                // most severe unsuppressed finding: 0 error, 1 warning, 2 info
};

class AuditSummary {
 public:
  void add_page(uint64_t seq, const std::string& title, size_t text_bytes,
                const FileResult& result);
  void add_skipped() { ++skipped_; }
  void add_bad_line() { ++bad_lines_; }
  void set_input(std::string path, uint64_t input_bytes, uint64_t xml_bytes);
  // The wiki profile an input was read with (model/profile.hpp) and how it was chosen.
  void add_profile(std::string path, std::string profile, std::string origin);
  void set_error(std::string error) { error_ = std::move(error); }
  void set_seconds(double s) { seconds_ = s; }
  // An unsuppressed finding of this severity level (0 error, 1 warning, 2 info) was reported.
  void note_unsuppressed(int level) {
    if (worst_ < 0 || level < worst_) worst_ = level;
  }
  // Makes this a partial audit's summary: write_json adds "part".
  void set_part(uint64_t first, uint64_t last, bool to_end);
  // Adds the summary of one part (write_json's output of a partial audit, parsed), the parts in
  // stream order, `index` 0, 1, ...: counts add up, top pages are chosen again among the parts'
  // (each part's are its best, so the best of all are among them), seconds add up. False with
  // `error` when it is not a partial audit's summary or is of another dump than the first part.
  bool add_part(const boost::json::value& summary, uint64_t index, AuditPart& part,
                std::string& error);

  uint64_t pages() const { return pages_; }
  uint64_t findings() const { return findings_; }
  uint64_t skipped() const { return skipped_; }
  uint64_t text_bytes() const { return text_bytes_; }
  bool has_error() const { return !error_.empty(); }
  // The pages with most findings, most first (ties: input order).
  std::vector<PageTally> top_pages() const;

  void write_json(std::ostream& out) const;
  void write_text(std::ostream& out) const;

  static constexpr size_t kTop = 10;

 private:
  void offer_top(PageTally t);
  int worst_ = -1;
  bool is_part_ = false;
  AuditPart part_;
  uint64_t pages_ = 0, skipped_ = 0, bad_lines_ = 0, findings_ = 0, text_bytes_ = 0;
  uint64_t input_bytes_ = 0, xml_bytes_ = 0;
  std::vector<std::string> inputs_;
  struct InputProfile {
    std::string path, profile, origin;
  };
  std::vector<InputProfile> profiles_;
  std::map<std::string, uint64_t> by_rule_, by_severity_;
  std::map<std::string, std::map<std::string, uint64_t>> by_rule_severity_;
  std::vector<PageTally> top_;  // a min-heap of at most kTop entries
  std::string error_;
  double seconds_ = 0;
};

}  // namespace wikivet
