// `--format text` (the default), for people:
//   path:line:col: severity: message [rule-id] [*]      ([*]: the finding has a fix)
//    12 | source line
//       |   ^~~~
//     path:line:col: note: related message
// then one summary line. Colour (ANSI) only when WriterOptions::color. Article text in messages
// and paths is shown display-safe (core/display_text.hpp): it cannot drive the terminal or
// forge a line.
#include "core/display_text.hpp"
#include "report/code_frame.hpp"
#include "report/formats.hpp"

namespace wikivet::report {

namespace {

const char* const kReset = "\x1b[0m";
const char* const kBold = "\x1b[1m";

const char* colour_of(Severity s) {
  switch (s) {
    case Severity::Error:
      return "\x1b[1;31m";
    case Severity::Warning:
      return "\x1b[1;33m";
    case Severity::Info:
      return "\x1b[1;36m";
  }
  return "";
}

class TextWriter : public OutputWriter {
 public:
  TextWriter(std::ostream& out, const WriterOptions& options) : out_(out), options_(options) {}

  void file(const FileResult& r) override {
    summary_.add(r);
    for (const auto& f : r.findings) {
      if (!shown(f, options_)) continue;
      out_ << position(f.location) << ' '
           << paint(colour_of(f.severity), std::string(to_string(f.severity)) + ":") << ' '
           << display_safe(f.message) << " [" << display_safe(f.rule) << ']';
      if (f.fix && !f.fix->edits.empty()) out_ << " [*]";
      if (f.suppressed) out_ << " (suppressed)";
      if (f.baseline_state == "unchanged") out_ << " (unchanged)";
      out_ << '\n';
      if (r.source) out_ << code_frame(*r.source, f.location, options_.color);
      for (const auto& rel : f.related) {
        out_ << "  " << position(rel.location) << ' ' << paint(kBold, "note:") << ' '
             << display_safe(rel.message) << '\n';
      }
    }
  }

  void input_error(const std::string&, const std::string&) override { ++summary_.input_errors; }

  void end() override {
    // The summary stays the last line (scripts read it with tail -1).
    if (summary_.fixable > 0)
      out_ << "[*] " << summary_.fixable
           << (summary_.fixable == 1 ? " finding has" : " findings have")
           << " a fix: `wikivet check --diff` shows it, `--fix` applies it\n";
    const std::string line = summary_line(summary_);
    if (!line.empty()) out_ << line << '\n';
    out_.flush();
  }

 private:
  std::string position(const Location& l) const {
    return paint(kBold, display_safe(l.path) + ':' + std::to_string(l.start.line) + ':' +
                            std::to_string(l.start.column) + ':');
  }
  std::string paint(const char* colour, const std::string& s) const {
    return options_.color ? colour + s + kReset : s;
  }

  std::ostream& out_;
  WriterOptions options_;
  Summary summary_;
};

}  // namespace

std::unique_ptr<OutputWriter> make_text_writer(std::ostream& out, const WriterOptions& options) {
  return std::make_unique<TextWriter>(out, options);
}

}  // namespace wikivet::report
