// libFuzzer entry point for the whole pipeline: any bytes go through edit-page detection, the
// parser, the model, every rule and every reporter, and the fix engine writes and re-checks a
// copy on disk. Nothing may crash, hang or grow without bound (CI runs it with -timeout and
// -rss_limit_mb), and a fix that is written must leave either its result or the original.
#include <unistd.h>

#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <sstream>
#include <string>
#include <string_view>

#include "engine/config.hpp"
#include "engine/engine.hpp"
#include "engine/fix.hpp"
#include "input/load.hpp"
#include "report/writer.hpp"

namespace {

// One private folder per fuzzing process, for the copy the fix engine rewrites.
const std::string& work_file() {
  static const std::string path = [] {
    std::string dir = "/tmp/wikivet-fuzz-XXXXXX";
    if (!::mkdtemp(dir.data())) std::abort();
    return dir + "/page.wiki";
  }();
  return path;
}

std::string read_all(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream ss;
  ss << in.rdbuf();
  return std::move(ss).str();
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  using namespace wikivet;
  const std::string bytes(reinterpret_cast<const char*>(data), size);
  const Config config;
  {
    const Source source = make_source("page.wiki", bytes);
    const FileResult result = check_source(source, config);
    for (const char* format : {"text", "json", "jsonl", "sarif", "github", "html"}) {
      std::ostringstream out;
      WriterOptions options;
      auto writer = make_writer(format, out, options);
      if (!writer) continue;
      writer->begin();
      writer->file(result);
      writer->end();
    }
  }
  // The fix engine on a copy: plan, diff, write, re-check, maybe roll back.
  const std::string& path = work_file();
  { std::ofstream(path, std::ios::binary | std::ios::trunc) << bytes; }
  const FileStamp stamp = stamp_file(path);
  LoadResult loaded = load_source(path);
  if (!loaded.source) return 0;
  const FileResult before = check_source(*loaded.source, config);
  FixRequest rq;
  rq.source = &*loaded.source;
  rq.findings = &before.findings;
  rq.stamp = stamp;
  rq.recheck = [&](const Source& s) { return check_source(s, config); };
  rq.write = false;
  (void)fix_file(rq);
  rq.write = true;
  const FixOutcome o = fix_file(rq);
  const std::string after = read_all(path);
  if (o.status != FixOutcome::Status::Written && after != bytes) {
    std::fprintf(stderr, "fix engine: the file is neither fixed nor the original: %s\n",
                 o.message.c_str());
    std::abort();
  }
  return 0;
}
