// `wikivet audit DUMP...`: streams a MediaWiki XML dump (.xml, .xml.bz2 including multistream,
// .xml.xz, or - for standard input) or JSON Lines pages through every rule, in parallel and in
// bounded memory, and writes one JSON line per page plus a summary. Configured as `check` is:
// the nearest wikivet.toml above the working directory (or --config FILE), with [[overrides]]
// chosen by page title.
#include <malloc.h>
#include <re2/re2.h>
#include <unistd.h>

#include <algorithm>
#include <atomic>
#include <boost/program_options.hpp>
#include <chrono>
#include <cstdio>
#include <fstream>
#include <iostream>
#include <memory>
#include <optional>
#include <set>
#include <sstream>
#include <string>
#include <thread>
#include <vector>

#include "cli/audit_parts.hpp"
#include "cli/commands.hpp"
#include "cli/options.hpp"
#include "engine/config.hpp"
#include "engine/config_file.hpp"
#include "engine/engine.hpp"
#include "engine/rule_times.hpp"
#include "engine/user_pattern.hpp"
#include "input/decompress_external.hpp"
#include "input/decompress_stream.hpp"
#include "input/dump_pipeline.hpp"
#include "input/dump_reader.hpp"
#include "input/jsonl_pages.hpp"
#include "input/multistream.hpp"
#include "parse/tree.hpp"
#include "report/audit_output.hpp"
#include "report/html_report.hpp"
#include "report/writer.hpp"

namespace po = boost::program_options;

namespace wikivet::cli {

namespace {

using Clock = std::chrono::steady_clock;

// PageWork::tag values: how the emitter treats a page (0, the default, is a checked page).
constexpr uint8_t kSkipped = 1, kBadLine = 2;

// Which pages are audited.
struct PageFilter {
  std::set<int64_t> namespaces;  // empty: all
  std::unique_ptr<RE2> title_regex;
  bool include_redirects = false;

  // Empty when the page is wanted, else why not.
  const char* reject_reason(const DumpPage& p) const {
    if (!p.ns_known) return "unreadable namespace";
    if (!namespaces.empty() && !namespaces.count(p.ns)) return "namespace";
    if (p.redirect && !include_redirects) return "redirect";
    if (title_regex && !RE2::PartialMatch(p.title, *title_regex)) return "title";
    return nullptr;
  }
};

bool parse_namespaces(const std::vector<std::string>& specs, std::set<int64_t>& out,
                      std::string& error) {
  out.clear();
  for (const auto& spec : specs) {
    std::stringstream ss(spec);
    std::string item;
    while (std::getline(ss, item, ',')) {
      if (item == "all" || item == "*") {
        out.clear();
        return true;
      }
      try {
        size_t used = 0;
        const long long v = std::stoll(item, &used);
        if (used != item.size()) throw std::invalid_argument(item);
        out.insert(v);
      } catch (const std::exception&) {
        error = "--ns takes namespace numbers (e.g. 0 or 0,14) or all, not '" + item + "'";
        return false;
      }
    }
  }
  if (specs.empty()) out.insert(0);
  return true;
}

std::string human_seconds(double s) {
  if (s < 0 || s > 1e7) return "?";
  const auto t = static_cast<long long>(s + 0.5);
  char buf[32];
  if (t >= 3600) {
    std::snprintf(buf, sizeof buf, "%lldh%02lldm", t / 3600, (t / 60) % 60);
  } else if (t >= 60) {
    std::snprintf(buf, sizeof buf, "%lldm%02llds", t / 60, t % 60);
  } else {
    std::snprintf(buf, sizeof buf, "%llds", t);
  }
  return buf;
}

// Progress on stderr, at most a few times a second: pages, MB, MB/s and, when the file size is
// known, the ETA from the share of the (compressed) file consumed so far.
class Progress {
 public:
  explicit Progress(bool enabled) : enabled_(enabled) {}
  void start(uint64_t file_size, const ByteStream* stream, const std::atomic<uint64_t>* xml_bytes) {
    file_size_ = file_size;
    stream_ = stream;
    xml_bytes_ = xml_bytes;
    t0_ = last_ = Clock::now();
  }
  void tick(uint64_t pages) {
    if (!enabled_) return;
    const auto now = Clock::now();
    if (now - last_ < std::chrono::milliseconds(250)) return;
    last_ = now;
    const double secs = std::chrono::duration<double>(now - t0_).count();
    const double mb = static_cast<double>(xml_bytes_->load(std::memory_order_relaxed)) / 1e6;
    char buf[160];
    int n = std::snprintf(buf, sizeof buf, "\r\033[Kaudit: %llu pages  %.1f MB  %.1f MB/s",
                          static_cast<unsigned long long>(pages), mb, secs > 0 ? mb / secs : 0.0);
    std::string line(buf, static_cast<size_t>(std::max(n, 0)));
    if (file_size_ > 0 && stream_) {
      const double done =
          static_cast<double>(stream_->input_offset()) / static_cast<double>(file_size_);
      if (done > 0.001)
        line += "  ETA " + human_seconds(secs * (1 - done) / done) + "  (" +
                std::to_string(static_cast<int>(done * 100)) + "%)";
    }
    std::cerr << line << std::flush;
    shown_ = true;
  }
  void clear() {
    if (shown_) std::cerr << "\r\033[K" << std::flush;
    shown_ = false;
  }

 private:
  bool enabled_;
  bool shown_ = false;
  uint64_t file_size_ = 0;
  const ByteStream* stream_ = nullptr;
  const std::atomic<uint64_t>* xml_bytes_ = nullptr;
  Clock::time_point t0_, last_;
};

struct AuditOptions {
  std::vector<std::string> files;
  std::string input = "xml";
  std::vector<std::string> formats;  // FORMAT or FORMAT=FILE: jsonl, sarif, html
  std::string output, summary_json, index, fail_on = "warning";
  std::vector<std::string> ns, select, ignore;
  std::string title_regex, config_path, profile;
  uint64_t limit = 0;
  size_t bz2_chunk_bytes = 0;
  unsigned threads = 0;
  bool unordered = false, quiet = false, parse_only = false, include_redirects = false;
  bool decompress_only = false;
  bool no_config = false;
  std::string streams;  // --streams A-B
  std::string decompressor;
  bool list_streams = false, merge = false;
  std::vector<std::string> part_summaries;
};

std::string describe_error(const std::string& path, const DumpError& e, Compression c,
                           const std::string& last_title) {
  std::string msg = path + ": " + e.message + " at byte " + std::to_string(e.offset);
  if (c != Compression::None) {
    msg += " of the decompressed stream";
    if (e.input_offset) {
      msg += " (byte " + std::to_string(*e.input_offset) + " of the compressed file)";
    } else if (e.input_read > 0) {
      msg += " (compressed file read up to byte " + std::to_string(e.input_read) + ")";
    }
  }
  msg += last_title.empty() ? "; no complete page before it"
                            : "; last good page: '" + last_title + "'";
  return msg;
}

}  // namespace

int cmd_audit(int argc, char** argv) {
  // Pages and decompressed chunks are large, short-lived buffers allocated on one thread and
  // freed on another. A fixed mmap threshold makes each of them its own mapping, returned to
  // the system when freed; glibc's default raises the threshold after the first such free, and
  // the buffers then fragment the heaps of the threads (twice the memory in our measurements).
  ::mallopt(M_MMAP_THRESHOLD, 1 << 20);
  AuditOptions o;
  po::options_description opts(
      "wikivet audit [options] DUMP...\n"
      "  DUMP: a MediaWiki XML export or dump (.xml, .xml.bz2 incl. multistream, .xml.xz, or -\n"
      "  for standard input; compression is recognised by content). With --input jsonl: JSON\n"
      "  Lines pages ({\"title\":...,\"text\":...} per line; standard input when no file)");
  opts.add_options()("help,h", "show this help")("input", po::value(&o.input),
                                                 "xml (default) or jsonl")(
      "format,f", po::value(&o.formats)->composing(),
      "jsonl (default: one JSON object per page), sarif (one artifact per page) or html (a "
      "report page to read, docs/html-report.md); FORMAT=FILE writes it to FILE; repeatable, "
      "html beside jsonl or sarif")("output,o", po::value(&o.output),
                                    "write results to FILE (default: standard output)")(
      "summary-json", po::value(&o.summary_json), "write the run's summary as JSON to FILE")(
      "ns", po::value(&o.ns)->composing(),
      "namespaces to audit: repeatable or comma list, or all (default 0: articles)")(
      "title-regex", po::value(&o.title_regex),
      "only pages whose title matches this RE2 pattern (unanchored search)")(
      "include-redirects", po::bool_switch(&o.include_redirects), "audit redirects too")(
      "limit", po::value(&o.limit), "stop after N pages (per run)")(
      "jobs,j", po::value(&o.threads),
      "worker threads that check pages (default: all cores); a multistream .bz2 is also "
      "decompressed on N threads (reading and decompression have a thread of their own)")(
      "unordered", po::bool_switch(&o.unordered),
      "write pages as they finish instead of in input order")(
      "index", po::value(&o.index),
      "the multistream index (*-index.txt[.bz2]) of a *-multistream.xml.bz2 dump: its stream "
      "offsets guide the parallel decoder and number the streams of --streams")(
      "streams", po::value(&o.streams),
      "audit only streams A-B (or A, or A- to the end; numbered from 0, stream 0 holding the "
      "dump's header) of a multistream .bz2 dump, decompressing only those (and stream 0 for "
      "the <siteinfo>); see --list-streams, --merge and ci/audit/README.md")(
      "decompressor", po::value(&o.decompressor),
      "pipe the dump through this command (standard input to standard output; split at spaces, "
      "found on PATH), e.g. 'lbzip2 -dc -n2' or 'xz -dc -T2', instead of the built-in decoders")(
      "list-streams", po::bool_switch(&o.list_streams),
      "print the dump's streams, one a line: number, first byte, end byte (exclusive)")(
      "merge", po::bool_switch(&o.merge),
      "merge partial audits: DUMP... are their JSON Lines, --part-summary their summaries; "
      "writes what one audit of the whole dump writes")(
      "part-summary", po::value(&o.part_summaries)->composing(),
      "with --merge: a part's --summary-json file (repeatable, one per part, in their order)")(
      "profile", po::value(&o.profile),
      "read pages as this wiki's (viwiki, or vi): its template names, namespaces and dates; "
      "default: the profile the dump's <siteinfo> names (dbname), else `profile` in "
      "wikivet.toml, else enwiki")(
      "select", po::value(&o.select)->composing(),
      "only these rule ids or categories (repeatable, or a comma list)")(
      "ignore", po::value(&o.ignore)->composing(),
      "skip these rule ids or categories (repeatable, or a comma list)")(
      "config", po::value(&o.config_path),
      "use this config file (default: the nearest wikivet.toml or .wikivet.toml above the "
      "working directory); [[overrides]] apply by page title: titles = [\"RE2 pattern\"]")(
      "no-config", po::bool_switch(&o.no_config), "ignore config files")(
      "fail-on", po::value(&o.fail_on),
      "lowest severity that makes the exit code 1: error|warning|info|never (default warning)")(
      "quiet,q", po::bool_switch(&o.quiet), "no progress and no text summary on stderr");
  po::options_description hidden;
  hidden.add_options()("file", po::value(&o.files)->composing())(
      "parse-only", po::bool_switch(&o.parse_only), "benchmark: parse pages, run no rules")(
      "bz2-chunk-bytes", po::value(&o.bz2_chunk_bytes), "tests: parallel bz2 chunk size")(
      "decompress-only", po::bool_switch(&o.decompress_only),
      "tests and benchmarks: write the decompressed dump to the output, audit nothing")(
      "profile-rules", "benchmarks: print the cpu time of each rule to standard error");
  po::variables_map vm;
  if (auto done = parse_command_line("audit", argc, argv, opts, hidden, vm)) return *done;
  if (vm.count("profile-rules")) enable_rule_times();
  auto usage_error = [](const std::string& msg) {
    std::cerr << "wikivet audit: " << msg << "\n";
    return kExitUsage;
  };
  if (o.input != "xml" && o.input != "jsonl")
    return usage_error("--input must be xml or jsonl, not '" + o.input + "'");
  // One stream format (jsonl or sarif) and an HTML report, each to its file or to the output.
  std::string stream_format, stream_path, html_path;
  bool want_html = false, stream_named = false;
  for (const auto& spec : o.formats) {
    const auto eq = spec.find('=');
    const std::string name = spec.substr(0, eq);
    const std::string path = eq == std::string::npos ? "" : spec.substr(eq + 1);
    if (name != "jsonl" && name != "sarif" && name != "html")
      return usage_error("--format must be jsonl, sarif or html, not '" + name + "'");
    if (name == "html") {
      if (want_html) return usage_error("--format html given twice");
      want_html = true;
      html_path = path;
    } else {
      if (stream_named) return usage_error("give one of --format jsonl and --format sarif");
      stream_named = true;
      stream_format = name;
      stream_path = path;
    }
  }
  if (!stream_named && !want_html) stream_format = "jsonl";
  if (stream_path.empty() && !stream_format.empty()) stream_path = o.output;
  if (html_path.empty() && want_html) {
    if (!stream_format.empty() && (stream_path.empty() || stream_path == "-"))
      return usage_error("--format html beside " + stream_format + " needs a file: html=FILE");
    html_path = o.output;
  }
  const bool jsonl_input = o.input == "jsonl";
  if (o.files.empty()) {
    if (!jsonl_input) return usage_error("no dump given (a path, or - for standard input)");
    o.files.push_back("-");
  }
  const auto level = parse_fail_level(o.fail_on);
  if (!level)
    return usage_error("--fail-on must be error, warning, info or never, not '" + o.fail_on + "'");
  PageFilter filter;
  filter.include_redirects = o.include_redirects;
  {
    std::string err;
    if (!parse_namespaces(o.ns, filter.namespaces, err)) return usage_error(err);
  }
  if (!o.title_regex.empty()) {
    std::string error;
    filter.title_regex = compile_user_pattern(o.title_regex, o.title_regex, "--title-regex", error);
    if (!filter.title_regex) return usage_error(error);
  }
  // "-j -1" arrives wrapped around to 4294967295: any count beyond what a machine could run
  // is refused here, before a thread is started (creating them would throw mid-run).
  constexpr unsigned kMaxJobs = 1024;
  if (o.threads > kMaxJobs)
    return usage_error("--jobs must be a number from 1 to " + std::to_string(kMaxJobs) +
                       " (0 or absent: one per core)");
  if (o.threads == 0) o.threads = std::max(1u, std::thread::hardware_concurrency());
  if (!o.index.empty() && jsonl_input) return usage_error("--index applies to XML dumps only");
  if (o.merge) {
    if (o.list_streams || !o.streams.empty())
      return usage_error("--merge takes the parts' results, not a dump (no --streams)");
    for (const auto& spec : o.formats)
      if (spec != "jsonl") return usage_error("--merge writes JSON Lines only");
    MergeOptions m;
    m.jsonl = o.files;
    m.summaries = o.part_summaries;
    m.output = o.output;
    m.summary_json = o.summary_json;
    m.fail_level = *level;
    m.quiet = o.quiet;
    return merge_audits(m);
  }
  if (!o.part_summaries.empty()) return usage_error("--part-summary goes with --merge");
  if (!o.decompressor.empty() && (o.list_streams || !o.streams.empty()))
    return usage_error("--decompressor reads the whole dump: not with --streams or --list-streams");
  StreamRange range;
  if (o.list_streams || !o.streams.empty()) {
    if (jsonl_input) return usage_error("--streams and --list-streams apply to XML dumps only");
    if (o.files.size() != 1) return usage_error("--streams and --list-streams take one dump");
    if (o.list_streams) return list_streams(o.files[0], o.index, std::cout);
    std::string err;
    if (!parse_stream_range(o.streams, range, err)) return usage_error(err);
  }

  o.select = split_commas(o.select);
  o.ignore = split_commas(o.ignore);
  if (const std::string problem = check_rule_names(o.select, o.ignore); !problem.empty())
    return usage_error(problem);
  if (!o.config_path.empty() && o.no_config)
    return usage_error("give --config FILE or --no-config, not both");
  // The config file, read before any output so that a broken one stops the run with exit 2
  // and nothing half-written. Pages have no path: the working directory's file governs them
  // all, and its [[overrides]] apply by title (`files` globs name files, never pages).
  CommandLineConfig cli;
  cli.select = o.select;
  cli.ignore = o.ignore;
  std::shared_ptr<const ConfigFile> config_file;
  try {
    std::optional<std::string> explicit_path;
    if (!o.config_path.empty()) explicit_path = o.config_path;
    ConfigResolver resolver(explicit_path, !o.no_config);
    config_file = resolver.for_file("-");
    for (const auto& w : resolver.take_warnings()) std::cerr << "wikivet: warning: " << w << "\n";
  } catch (const ConfigError& e) {
    std::cerr << e.what() << "\n";
    return kExitUsage;
  }
  std::shared_ptr<const WikiProfile> chosen_profile;
  if (!o.profile.empty()) {
    chosen_profile = builtin_profile(o.profile);
    if (!chosen_profile) return usage_error("--profile: " + unknown_profile_message(o.profile));
  }
  cli.profile = chosen_profile;
  const Config config = effective_config(config_file.get(), "", cli);
  const bool by_title = config_file && config_file->has_title_overrides();
  // The config of one page: the shared one, unless an override names the page's title.
  auto page_config = [&](const Config& base, const std::string& title) -> std::optional<Config> {
    if (!by_title) return std::nullopt;
    const bool named =
        std::any_of(config_file->overrides.begin(), config_file->overrides.end(),
                    [&](const ConfigOverride& ov) { return config_file->applies(ov, "", title); });
    if (!named) return std::nullopt;
    Config c = effective_config(config_file.get(), "", cli, title);
    c.use_profile(base.profile);  // the wiki stays the dump's
    return c;
  };

  std::ofstream file_out;
  std::ostream* out = &std::cout;
  if (!stream_path.empty() && stream_path != "-") {
    file_out.open(stream_path, std::ios::binary);
    if (!file_out) return usage_error("cannot write '" + stream_path + "'");
    out = &file_out;
  }
  // The HTML file is opened before the audit so that an unwritable path stops it at once.
  std::ofstream html_file;
  std::ostream* html_out = &std::cout;
  if (want_html && !html_path.empty() && html_path != "-") {
    html_file.open(html_path, std::ios::binary);
    if (!html_file) return usage_error("cannot write '" + html_path + "'");
    html_out = &html_file;
  }
  std::unique_ptr<report::HtmlReport> html;
  if (want_html && !o.parse_only) html = std::make_unique<report::HtmlReport>("page");
  const bool jsonl_out = stream_format == "jsonl";
  std::unique_ptr<OutputWriter> sarif;
  if (stream_format == "sarif" && !o.parse_only) {
    sarif = make_writer("sarif", *out, WriterOptions{});
    if (!sarif) return usage_error("--format sarif is not available in this build");
    sarif->begin();
  }

  AuditSummary summary;
  Progress progress(!o.quiet && ::isatty(STDERR_FILENO));
  bool input_error = false, failing = false, output_failed = false;
  uint64_t seq_base = 0, total_pages = 0;
  bool site_known = false;
  std::atomic<uint64_t> parsed_nodes{0};
  const auto t0 = Clock::now();

  for (const auto& path : o.files) {
    if (o.limit && total_pages >= o.limit) break;
    OpenOptions oo;
    oo.threads = o.threads;
    oo.index_path = o.index;
    oo.bz2_chunk_bytes = o.bz2_chunk_bytes;
    OpenedInput in;
    PartInput part;
    if (!o.streams.empty()) {
      part = open_stream_range(path, o.index, range, o.threads);
      in = std::move(part.opened);
    } else if (!o.decompressor.empty()) {
      in = open_with_decompressor(path, o.decompressor);
    } else {
      in = open_input(path, oo);
    }
    if (!in.stream) {
      std::cerr << "wikivet audit: " << in.error << "\n";
      summary.set_error(in.error);
      if (html) html->add_note(in.error);
      input_error = true;
      continue;
    }
    if (o.decompress_only) {  // the decoders alone, compared with `bzip2 -dc` and lbzip2
      std::vector<char> block(1 << 20);
      for (size_t got; (got = in.stream->read(block.data(), block.size())) > 0;)
        out->write(block.data(), static_cast<std::streamsize>(got));
      out->flush();
      if (!in.stream->error().empty()) {
        const auto at = in.stream->error_input_offset();
        std::cerr << "wikivet audit: " << path << ": " << in.stream->error()
                  << (at ? " (byte " + std::to_string(*at) + " of the compressed file)" : "")
                  << "\n";
        input_error = true;
      }
      continue;
    }
    std::atomic<uint64_t> xml_bytes{0};
    progress.start(in.file_size, in.stream.get(), &xml_bytes);

    std::unique_ptr<DumpReader> reader;
    std::unique_ptr<JsonlReader> lines;
    uint64_t produced = 0;
    PageProducer produce;
    if (jsonl_input) {
      lines = std::make_unique<JsonlReader>(*in.stream);
      produce = [&](DumpPage& p) {
        if (o.limit && total_pages + produced >= o.limit) return false;
        if (!lines->next(p)) return false;
        ++produced;
        xml_bytes.store(lines->bytes(), std::memory_order_relaxed);
        return true;
      };
    } else {
      reader = std::make_unique<DumpReader>(
          *in.stream, [&](const DumpPage& p) { return filter.reject_reason(p) == nullptr; });
      produce = [&](DumpPage& p) {
        if (o.limit && total_pages + produced >= o.limit) return false;
        if (!reader->next(p)) return false;
        ++produced;
        xml_bytes.store(reader->bytes(), std::memory_order_relaxed);
        return true;
      };
    }

    // The wiki the pages come from: --profile, else the dump's <siteinfo> (its dbname names
    // the profile, its namespaces are the wiki's own), else `profile` in wikivet.toml, else
    // English.
    Config file_config = config;
    {
      const SiteInfo none;
      const SiteInfo& site = reader ? reader->read_site_info() : none;
      const bool described = !site.dbname.empty() || !site.namespaces.empty();
      CommandLineConfig input_cli = cli;
      if (described)
        input_cli.profile = profile_from_siteinfo(site, chosen_profile, "dump's siteinfo");
      file_config = effective_config(config_file.get(), "", input_cli);
      const WikiProfile& used = file_config.wiki_profile();
      summary.add_profile(
          path, used.name,
          file_config.profile ? used.origin : "the default: no --profile and no <siteinfo>");
    }

    const PageProcessor process = [&](PageWork& w) {
      DumpPage& p = w.page;
      if (!p.error.empty()) {
        w.tag = kBadLine;
        w.rendered = render_audit_error(p);
        return;
      }
      if (jsonl_input) {
        if (const char* why = filter.reject_reason(p)) {
          w.tag = kSkipped;
          w.rendered = render_audit_skipped(p, why);
          return;
        }
      }
      std::string path_name = !p.title.empty()   ? p.title
                              : p.input_line > 0 ? "line " + std::to_string(p.input_line)
                                                 : "page " + std::to_string(w.seq + 1);
      w.source = std::make_unique<Source>(std::move(path_name), std::move(p.text));
      p.text.clear();
      w.source->title = p.title;
      if (o.parse_only) {
        const Tree tree = parse(w.source->text());
        parsed_nodes.fetch_add(tree.size(), std::memory_order_relaxed);
        w.result.source = w.source.get();
        w.result.path = w.source->path();
        return;
      }
      const std::optional<Config> own = page_config(file_config, p.title);
      w.result = check_source(*w.source, own ? *own : file_config);
      if (jsonl_out) w.rendered = render_audit_page(p, w.result);
    };

    const PageEmitter emit = [&](PageWork& w) {
      if (w.tag == kBadLine) {
        summary.add_bad_line();
        input_error = true;
      } else if (w.tag == kSkipped) {
        summary.add_skipped();
      } else {
        summary.add_page(seq_base + w.seq, w.page.title, w.source->text().size(), w.result);
        for (const auto& f : w.result.findings)
          if (!f.suppressed) {
            summary.note_unsuppressed(static_cast<int>(f.severity));
            if (static_cast<int>(f.severity) <= *level) failing = true;
          }
        if (sarif) sarif->file(w.result);
        if (html) html->add(w.result);
      }
      if (!o.parse_only && !w.rendered.empty()) {
        out->write(w.rendered.data(), static_cast<std::streamsize>(w.rendered.size()));
        if (!*out) {
          output_failed = true;
          return false;
        }
      }
      progress.tick(summary.pages());
      return true;
    };

    PipelineOptions po_opts;
    po_opts.threads = o.threads;
    po_opts.ordered = !o.unordered;
    const uint64_t emitted = run_page_pipeline(po_opts, produce, process, emit);
    seq_base += produced;
    total_pages += emitted;
    progress.clear();

    if (reader) {
      if (html && !site_known && reader->site_info().known()) {
        html->set_site(reader->site_info());
        site_known = true;
      }
      for (uint64_t i = 0; i < reader->pages_skipped(); ++i) summary.add_skipped();
      // A part counts only its own streams' bytes, so that the parts' figures add up to the
      // dump's: not the header and closing tag it reads around them.
      const uint64_t xml = reader->bytes();
      summary.set_input(path, in.stream->input_offset(),
                        xml > part.added_bytes ? xml - part.added_bytes : 0);
      if (!o.streams.empty()) summary.set_part(part.first, part.last, part.to_end);
      if (reader->error() && !output_failed) {
        const std::string msg =
            describe_error(path, *reader->error(), in.compression, reader->last_good_title());
        std::cerr << "wikivet audit: " << msg << "\n";
        summary.set_error(msg);
        if (html) html->add_note(msg);
        input_error = true;
      }
    } else {
      summary.set_input(path, in.stream->input_offset(), lines->bytes());
      if (!lines->error().empty() && !output_failed) {
        const std::string msg =
            path + ": " + lines->error() + " after line " + std::to_string(lines->lines());
        std::cerr << "wikivet audit: " << msg << "\n";
        summary.set_error(msg);
        if (html) html->add_note(msg);
        input_error = true;
      }
    }
    if (output_failed) break;
  }
  if (o.decompress_only) return input_error || !*out ? kExitUsage : kExitClean;
  if (sarif) sarif->end();
  if (html) {
    std::string heading = "audit of ";
    for (size_t i = 0; i < o.files.size(); ++i) heading += (i ? ", " : "") + o.files[i];
    html->set_heading(heading);
    if (summary.skipped() > 0)
      html->add_note(std::to_string(summary.skipped()) +
                     " pages skipped by the filters (namespace, redirects, title)");
    html->write(*html_out);
    html_out->flush();
    if (!*html_out) return usage_error("cannot write '" + html_path + "'");
  }
  out->flush();
  if (!*out || output_failed) {
    std::cerr << "wikivet audit: cannot write the results (output closed?)\n";
    return kExitUsage;
  }
  summary.set_seconds(std::chrono::duration<double>(Clock::now() - t0).count());
  if (sarif && summary.findings() > 25000 && !o.quiet)
    std::cerr << "wikivet audit: note: " << summary.findings()
              << " results; GitHub code scanning accepts at most 25,000 per run and shows the "
                 "first 5,000 per upload\n";
  if (!o.summary_json.empty()) {
    std::ofstream sj(o.summary_json, std::ios::binary);
    summary.write_json(sj);
    sj.close();  // the bytes reach the file (or fail to) here, not at the destructor
    if (!sj) return usage_error("cannot write '" + o.summary_json + "' (disk full?)");
  }
  if (!o.quiet) summary.write_text(std::cerr);
  if (input_error) return kExitUsage;
  return failing ? kExitFindings : kExitClean;
}

}  // namespace wikivet::cli
