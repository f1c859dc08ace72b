// PLACEHOLDER: replaced by the reporters (one file per format).
#include <iostream>

#include "report/writer.hpp"

namespace wikivet {

namespace {
class PlainText : public OutputWriter {
 public:
  explicit PlainText(std::ostream& out) : out_(out) {}
  void file(const FileResult& r) override {
    for (const auto& f : r.findings)
      out_ << f.location.path << ":" << f.location.start.line << ":" << f.location.start.column
           << ": " << to_string(f.severity) << ": " << f.message << " [" << f.rule << "]\n";
  }

 private:
  std::ostream& out_;
};
}  // namespace

void Summary::add(const FileResult& f) {
  ++files;
  for (const auto& x : f.findings) {
    ++findings;
    ++by_rule[x.rule];
    ++by_severity[to_string(x.severity)];
  }
}

std::unique_ptr<OutputWriter> make_writer(std::string_view format, std::ostream& out,
                                          const WriterOptions&) {
  if (format == "text") return std::make_unique<PlainText>(out);
  return nullptr;
}
const char* writer_formats() {
  return "text";
}

}  // namespace wikivet
