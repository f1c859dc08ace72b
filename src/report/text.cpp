// `--format text` (the default), for people:
//   path:line:col: severity: message [rule-id] [*]      ([*]: a fix --fix applies,
//                                                        [?]: an unsafe fix, --unsafe-fixes)
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
      if (f.fix && !f.fix->edits.empty())
        out_ << (f.fix->safe || options_.unsafe_fixes ? " [*]" : " [?]");
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
    // Like ruff: how many fixes --fix would apply, and how many wait for --unsafe-fixes.
    const size_t applicable =
        summary_.fixable + (options_.unsafe_fixes ? summary_.fixable_unsafe : 0);
    const size_t hidden = options_.unsafe_fixes ? 0 : summary_.fixable_unsafe;
    if (applicable > 0)
      out_ << "[*] " << applicable << (applicable == 1 ? " finding has" : " findings have")
           << " a fix: `wikivet check --diff` shows it, `--fix` applies it\n";
    if (hidden > 0)
      out_ << "[?] " << hidden << (hidden == 1 ? " finding has" : " findings have")
           << " an unsafe fix: add `--unsafe-fixes` to show and apply it too\n";
    const std::string line = summary_line(summary_);
    if (!line.empty()) out_ << line << '\n';
    out_.flush();
  }

 private:
  std::string position(const Location& l) {
    // Every finding of a file names the same path: made display-safe once, not per finding.
    if (l.path != path_) {
      path_ = l.path;
      safe_path_ = display_safe(l.path);
    }
    return paint(kBold, safe_path_ + ':' + std::to_string(l.start.line) + ':' +
                            std::to_string(l.start.column) + ':');
  }
  std::string paint(const char* colour, const std::string& s) const {
    return options_.color ? colour + s + kReset : s;
  }

  std::ostream& out_;
  WriterOptions options_;
  Summary summary_;
  std::string path_, safe_path_;  // the last path position() showed, and its display-safe form
};

}  // namespace

std::unique_ptr<OutputWriter> make_text_writer(std::ostream& out, const WriterOptions& options) {
  return std::make_unique<TextWriter>(out, options);
}

}  // namespace wikivet::report
