// `--format jsonl`: one finding per line (for dump audits, grep and jq), each carrying its
// "path"; the last line is {"summary": {...}}, the only line without a "rule".
#include "report/formats.hpp"
#include "report/json_util.hpp"

namespace wikivet::report {

namespace json = boost::json;

namespace {

class JsonlWriter : public OutputWriter {
 public:
  JsonlWriter(std::ostream& out, const WriterOptions& options) : out_(out), options_(options) {}

  void file(const FileResult& r) override {
    summary_.add(r);
    for (const auto& f : r.findings) {
      if (!shown(f, options_)) continue;
      json::object o;
      o["path"] = json_str(r.path);
      for (auto& [k, v] : finding_json(f)) o[k] = std::move(v);
      out_ << json::serialize(o) << '\n';
    }
  }

  void input_error(const std::string&, const std::string&) override { ++summary_.input_errors; }

  void end() override {
    out_ << json::serialize(json::object{{"summary", summary_json(summary_)}}) << '\n';
    out_.flush();
  }

 private:
  std::ostream& out_;
  WriterOptions options_;
  Summary summary_;
};

}  // namespace

std::unique_ptr<OutputWriter> make_jsonl_writer(std::ostream& out, const WriterOptions& options) {
  return std::make_unique<JsonlWriter>(out, options);
}

}  // namespace wikivet::report
