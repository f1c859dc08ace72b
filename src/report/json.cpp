// `--format json`: one document, written as files arrive (one file object per line), with the
// summary at the end. The schema is versioned and described in docs/json-format.md.
#include "report/formats.hpp"
#include "report/json_util.hpp"
#include "wikivet/version.hpp"

namespace wikivet::report {

namespace json = boost::json;

namespace {

constexpr int kSchemaVersion = 1;

class JsonWriter : public OutputWriter {
 public:
  JsonWriter(std::ostream& out, const WriterOptions& options) : out_(out), options_(options) {}

  void begin() override {
    if (begun_) return;
    begun_ = true;
    json::object tool{{"name", "wikivet"}, {"version", kVersion}};
    out_ << "{\"version\":" << kSchemaVersion << ",\"tool\":" << json::serialize(tool)
         << ",\"files\":[";
  }

  void file(const FileResult& r) override {
    begin();
    summary_.add(r);
    json::array findings;
    for (const auto& f : r.findings) {
      if (shown(f, options_)) findings.push_back(finding_json(f));
    }
    json::object o{{"path", json_str(r.path)}, {"findings", std::move(findings)}};
    if (options_.show_baseline && r.baseline.active) {
      json::array absent;
      for (const auto& f : r.absent) absent.push_back(absent_json(f));
      o["absent"] = std::move(absent);
    }
    out_ << (first_ ? "\n" : ",\n") << json::serialize(o);
    first_ = false;
  }

  void input_error(const std::string&, const std::string&) override { ++summary_.input_errors; }

  void end() override {
    begin();
    out_ << "\n],\"summary\":" << json::serialize(summary_json(summary_)) << "}\n";
    out_.flush();
  }

 private:
  std::ostream& out_;
  WriterOptions options_;
  Summary summary_;
  bool begun_ = false;
  bool first_ = true;
};

}  // namespace

std::unique_ptr<OutputWriter> make_json_writer(std::ostream& out, const WriterOptions& options) {
  return std::make_unique<JsonWriter>(out, options);
}

}  // namespace wikivet::report
