// `wikivet check FILE...`: parse, model, rules, report.
#include <unistd.h>

#include <boost/program_options.hpp>
#include <fstream>
#include <iostream>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "cli/commands.hpp"
#include "engine/config.hpp"
#include "engine/config_file.hpp"
#include "engine/engine.hpp"
#include "input/load.hpp"
#include "report/writer.hpp"

namespace po = boost::program_options;

namespace wikivet::cli {

namespace {

struct FormatTarget {
  std::string format;
  std::string path;  // empty: standard output (or --output)
};

// "--format text" or "--format sarif=out.sarif".
FormatTarget parse_format(const std::string& spec) {
  const auto eq = spec.find('=');
  if (eq == std::string::npos) return {spec, ""};
  return {spec.substr(0, eq), spec.substr(eq + 1)};
}

std::optional<int> fail_level(const std::string& s) {
  if (s == "error") return 0;
  if (s == "warning") return 1;
  if (s == "info") return 2;
  if (s == "never") return -1;
  return std::nullopt;
}

}  // namespace

int cmd_check(int argc, char** argv) {
  po::options_description opts("wikivet check [options] FILE...  (FILE may be - for stdin)");
  std::vector<std::string> files, formats, select, ignore;
  std::string output, fail_on = "warning", color = "auto", config_path, srcroot;
  opts.add_options()("help,h", "show this help")(
      "format,f", po::value(&formats)->composing(),
      ("output format, repeatable; FORMAT or FORMAT=FILE. Formats: " +
       std::string(writer_formats()))
          .c_str())("output,o", po::value(&output), "write the (first) format to FILE")(
      "fail-on", po::value(&fail_on),
      "lowest severity that makes the exit code 1: error|warning|info|never (default warning)")(
      "select", po::value(&select)->composing(), "only these rule ids or categories (repeatable)")(
      "ignore", po::value(&ignore)->composing(), "skip these rule ids or categories (repeatable)")(
      "color", po::value(&color), "auto|always|never (default auto: only on a terminal)")(
      "show-suppressed", "keep findings silenced by inline comments (marked as suppressed)")(
      "config", po::value(&config_path),
      "use this config file for every input (default: the nearest wikivet.toml or "
      ".wikivet.toml above each file)")("no-config", "ignore config files")(
      "srcroot", po::value(&srcroot),
      "sarif: make artifact URIs relative to this directory (default: the working directory)");
  po::options_description hidden;
  hidden.add_options()("file", po::value(&files)->composing());
  po::options_description all;
  all.add(opts).add(hidden);
  po::positional_options_description pos;
  pos.add("file", -1);
  po::variables_map vm;
  try {
    po::store(po::command_line_parser(argc, argv).options(all).positional(pos).run(), vm);
    po::notify(vm);
  } catch (const std::exception& e) {
    std::cerr << "wikivet check: " << e.what() << "\n";
    return kExitUsage;
  }
  if (vm.count("help")) {
    std::cout << opts << "\n";
    return kExitClean;
  }
  if (files.empty()) {
    std::cerr << "wikivet check: no input files (give paths, or - for standard input)\n";
    return kExitUsage;
  }
  const auto level = fail_level(fail_on);
  if (!level) {
    std::cerr << "wikivet check: --fail-on must be error, warning, info or never, not '" << fail_on
              << "'\n";
    return kExitUsage;
  }
  if (color != "auto" && color != "always" && color != "never") {
    std::cerr << "wikivet check: --color must be auto, always or never, not '" << color << "'\n";
    return kExitUsage;
  }
  for (const auto* list : {&select, &ignore}) {
    for (const auto& name : *list) {
      const std::string problem = check_rule_name(name);
      if (!problem.empty()) {
        std::cerr << "wikivet check: " << problem << "\n";
        return kExitUsage;
      }
    }
  }
  // Config files: each input's own (nearest file upward, or --config), read before any
  // output so that a broken file stops the run with exit 2 and nothing half-written.
  CommandLineConfig cli;
  cli.select = select;
  cli.ignore = ignore;
  cli.show_suppressed = vm.count("show-suppressed") > 0;
  std::vector<Config> configs;
  try {
    std::optional<std::string> explicit_path;
    if (vm.count("config")) explicit_path = config_path;
    ConfigResolver resolver(explicit_path, vm.count("no-config") == 0);
    for (const auto& path : files) {
      const auto file = resolver.for_file(path);
      configs.push_back(effective_config(file.get(), path, cli));
    }
    for (const auto& w : resolver.take_warnings()) std::cerr << "wikivet: warning: " << w << "\n";
  } catch (const ConfigError& e) {
    std::cerr << e.what() << "\n";
    return kExitUsage;
  }

  if (formats.empty()) formats.push_back("text");
  std::vector<std::unique_ptr<std::ofstream>> streams;
  std::vector<std::unique_ptr<OutputWriter>> writers;
  for (size_t i = 0; i < formats.size(); ++i) {
    FormatTarget t = parse_format(formats[i]);
    if (t.path.empty() && i == 0 && !output.empty()) t.path = output;
    std::ostream* out = &std::cout;
    if (!t.path.empty() && t.path != "-") {
      streams.push_back(std::make_unique<std::ofstream>(t.path, std::ios::binary));
      if (!*streams.back()) {
        std::cerr << "wikivet check: cannot write '" << t.path << "'\n";
        return kExitUsage;
      }
      out = streams.back().get();
    }
    WriterOptions wo;
    wo.color =
        out == &std::cout && (color == "always" || (color == "auto" && ::isatty(STDOUT_FILENO)));
    wo.show_suppressed = cli.show_suppressed;
    wo.srcroot = srcroot;
    auto w = make_writer(t.format, *out, wo);
    if (!w) {
      std::cerr << "wikivet check: unknown format '" << t.format << "' (choose from "
                << writer_formats() << ")\n";
      return kExitUsage;
    }
    writers.push_back(std::move(w));
  }

  for (auto& w : writers) w->begin();
  bool input_error = false;
  bool failing = false;
  for (size_t i = 0; i < files.size(); ++i) {
    const std::string& path = files[i];
    const Config& config = configs[i];
    LoadResult loaded = load_source(path);
    if (!loaded.source) {
      std::cerr << "wikivet: " << loaded.error << "\n";
      input_error = true;
      continue;
    }
    FileResult result = check_source(*loaded.source, config);
    for (const auto& f : result.findings) {
      if (!f.suppressed && static_cast<int>(f.severity) <= *level) failing = true;
    }
    for (auto& w : writers) w->file(result);
  }
  for (auto& w : writers) w->end();
  if (input_error) return kExitUsage;
  return failing ? kExitFindings : kExitClean;
}

}  // namespace wikivet::cli
