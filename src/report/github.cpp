// `--format github`: GitHub Actions workflow commands, one annotation per finding:
//   ::error file=P,line=L,col=C,endLine=..,endColumn=..,title=rule-id::message
// Severities map to error, warning and notice. Related locations are appended to the message
// (an annotation has one position). Suppressed findings never become annotations. Article text
// is made display-safe first (core/display_text.hpp): GitHub's log renders ANSI sequences.
#include "core/display_text.hpp"
#include "report/formats.hpp"

namespace wikivet::report {

namespace {

// Workflow-command escaping: the message ("data") escapes %, CR and LF; property values also
// escape ':' and ',' which separate properties.
std::string escape_data(std::string_view s) {
  std::string out;
  out.reserve(s.size());
  for (char c : s) {
    switch (c) {
      case '%':
        out += "%25";
        break;
      case '\r':
        out += "%0D";
        break;
      case '\n':
        out += "%0A";
        break;
      default:
        out += c;
    }
  }
  return out;
}

std::string escape_property(std::string_view s) {
  std::string out;
  for (char c : escape_data(s)) {
    if (c == ':')
      out += "%3A";
    else if (c == ',')
      out += "%2C";
    else
      out += c;
  }
  return out;
}

const char* command_for(Severity s) {
  switch (s) {
    case Severity::Error:
      return "error";
    case Severity::Warning:
      return "warning";
    case Severity::Info:
      return "notice";
  }
  return "notice";
}

class GithubWriter : public OutputWriter {
 public:
  GithubWriter(std::ostream& out, const WriterOptions& options) : out_(out), options_(options) {}

  void file(const FileResult& r) override {
    summary_.add(r);
    for (const auto& f : r.findings) {
      if (f.suppressed || f.baseline_state == "unchanged") continue;
      const Location& l = f.location;
      std::string message = display_safe(f.message);
      for (const auto& rel : f.related) {
        message += "\n" + display_safe(rel.location.path) + ":" +
                   std::to_string(rel.location.start.line) + ":" +
                   std::to_string(rel.location.start.column) + ": " + display_safe(rel.message);
      }
      out_ << "::" << command_for(f.severity) << " file=" << escape_property(display_safe(l.path))
           << ",line=" << l.start.line << ",col=" << l.start.column << ",endLine=" << l.stop.line
           << ",endColumn=" << l.stop.column << ",title=" << escape_property(display_safe(f.rule))
           << "::" << escape_data(message) << '\n';
    }
  }

  // An input that could not be checked fails the job visibly: an error annotation on it.
  void input_error(const std::string& path, const std::string& message) override {
    ++summary_.input_errors;
    out_ << "::error file=" << escape_property(display_safe(path))
         << ",title=wikivet::" << escape_data(display_safe(message)) << '\n';
  }

  // A plain log line: GitHub shows it as is.
  void end() override {
    const std::string line = summary_line(summary_);
    if (!line.empty()) out_ << "wikivet: " << line << '\n';
    out_.flush();
  }

 private:
  std::ostream& out_;
  WriterOptions options_;
  Summary summary_;
};

}  // namespace

std::unique_ptr<OutputWriter> make_github_writer(std::ostream& out, const WriterOptions& options) {
  return std::make_unique<GithubWriter>(out, options);
}

}  // namespace wikivet::report
