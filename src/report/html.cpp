// `wikivet check --format html`: the HtmlReport of the checked files, written at the end.
#include "report/formats.hpp"
#include "report/html_report.hpp"

namespace wikivet::report {

namespace {

class HtmlWriter : public OutputWriter {
 public:
  HtmlWriter(std::ostream& out, const WriterOptions& options) : out_(out), report_("file") {
    report_.set_site(options.site);
  }

  void file(const FileResult& r) override {
    report_.add(r);
    if (first_path_.empty()) first_path_ = r.path;
  }

  void end() override {
    const uint64_t n = report_.units();
    report_.set_heading(n == 1 ? "check of " + first_path_
                               : "check of " + std::to_string(n) + " files");
    report_.write(out_);
    out_.flush();
  }

 private:
  std::ostream& out_;
  HtmlReport report_;
  std::string first_path_;
};

}  // namespace

std::unique_ptr<OutputWriter> make_html_writer(std::ostream& out, const WriterOptions& options) {
  return std::make_unique<HtmlWriter>(out, options);
}

}  // namespace wikivet::report
