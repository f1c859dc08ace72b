// `wikivet check FILE...`: parse, model, rules, report.
#include <unistd.h>

#include <algorithm>
#include <boost/program_options.hpp>
#include <condition_variable>
#include <fstream>
#include <functional>
#include <iostream>
#include <map>
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <thread>
#include <vector>

#include "cli/commands.hpp"
#include "cli/inputs.hpp"
#include "cli/options.hpp"
#include "cli/output_paths.hpp"
#include "cli/wiki_inputs.hpp"
#include "core/display_text.hpp"
#include "engine/config.hpp"
#include "engine/config_file.hpp"
#include "engine/edit_check.hpp"
#include "engine/engine.hpp"
#include "engine/rule_times.hpp"
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

// --stdin-filename: standard input is reported under the name it stands for.
void rename_input(FileResult& r, const std::string& name) {
  r.path = name;
  for (auto& f : r.findings) {
    f.location.path = name;
    for (auto& rel : f.related) rel.location.path = name;
  }
  for (auto& f : r.absent) f.location.path = name;
}

// -j N: workers check files in parallel (each with its own EditCheck), and `handle` sees the
// reports in input order on this thread. Workers stay at most 4 N files ahead of the output,
// so memory is bounded whatever the number of files.
void run_in_order(const std::vector<std::string>& files, const std::vector<Config>& configs,
                  const EditCheckOptions& options, unsigned workers,
                  const std::function<void(size_t, FileReport&)>& handle) {
  const size_t window = 4 * static_cast<size_t>(workers);
  std::vector<std::optional<FileReport>> slots(files.size());
  std::mutex mu;
  std::condition_variable ready, room;
  size_t next_job = 0, next_out = 0;
  std::vector<std::thread> threads;
  for (unsigned t = 0; t < workers; ++t) {
    threads.emplace_back([&] {
      EditCheck checker(options);
      while (true) {
        size_t i;
        {
          std::unique_lock lock(mu);
          room.wait(lock, [&] { return next_job >= files.size() || next_job < next_out + window; });
          if (next_job >= files.size()) return;
          i = next_job++;
        }
        FileReport report = checker.check(files[i], configs[i]);
        {
          std::lock_guard lock(mu);
          slots[i].emplace(std::move(report));
        }
        ready.notify_all();
      }
    });
  }
  for (size_t i = 0; i < files.size(); ++i) {
    std::optional<FileReport> report;
    {
      std::unique_lock lock(mu);
      ready.wait(lock, [&] { return slots[i].has_value(); });
      report = std::move(slots[i]);
      slots[i].reset();
      next_out = i + 1;
    }
    room.notify_all();
    handle(i, *report);
  }
  for (auto& t : threads) t.join();
}

// ruff's --statistics: one line per rule, most findings first; [*] when its findings have fixes
// that --fix applies, [?] when they have unsafe ones only.
void print_statistics(const std::map<std::string, std::pair<size_t, char>>& per_rule) {
  std::vector<std::pair<std::string, std::pair<size_t, char>>> rows(per_rule.begin(),
                                                                    per_rule.end());
  std::stable_sort(rows.begin(), rows.end(),
                   [](const auto& a, const auto& b) { return a.second.first > b.second.first; });
  size_t total = 0;
  for (const auto& row : rows) {
    const Rule* rule = find_rule(row.first);
    std::string count = std::to_string(row.second.first);
    std::cout << std::string(count.size() < 5 ? 5 - count.size() : 0, ' ') << count << "  "
              << row.first << std::string(row.first.size() < 26 ? 26 - row.first.size() : 1, ' ')
              << (row.second.second ? std::string("[") + row.second.second + "] " : "    ")
              << (rule ? std::string(rule->meta().summary) : std::string()) << "\n";
    total += row.second.first;
  }
  std::cout << "total: " << total << (total == 1 ? " finding" : " findings") << "\n";
}

}  // namespace

int cmd_check(int argc, char** argv) {
  po::options_description opts("wikivet check [options] FILE...  (FILE may be - for stdin)");
  std::vector<std::string> files, formats, select, ignore, fix_only;
  std::string output, fail_on = "warning", color = "auto", config_path, srcroot;
  std::string baseline, baseline_git, write_baseline, stdin_filename, profile_name;
  std::vector<std::string> extensions;
  unsigned jobs = 0;
  opts.add_options()("help,h", "show this help")(
      "format,f", po::value(&formats)->composing(),
      ("output format, repeatable; FORMAT or FORMAT=FILE. Formats: " +
       std::string(writer_formats()))
          .c_str())("output,o", po::value(&output), "write the (first) format to FILE")(
      "fail-on", po::value(&fail_on),
      "lowest severity that makes the exit code 1: error|warning|info|never (default warning)")(
      "select", po::value(&select)->composing(),
      "only these rule ids or categories (repeatable, or a comma list)")(
      "ignore", po::value(&ignore)->composing(),
      "skip these rule ids or categories (repeatable, or a comma list)")(
      "color", po::value(&color),
      "auto|always|never (default auto: only on a terminal, and not when NO_COLOR is set)")(
      "statistics", "print how many findings each rule has instead of the findings")(
      "jobs,j", po::value(&jobs),
      "check N files at once (default: the number of cores); output stays in input order")(
      "extension", po::value(&extensions)->composing(),
      "file extensions a directory walk checks (repeatable or comma list; default: the config "
      "file's `extensions`, else wiki)")(
      "stdin-filename", po::value(&stdin_filename),
      "the path standard input stands for: its config file, overrides and the reported path")(
      "show-suppressed", "keep findings silenced by inline comments (marked as suppressed)")(
      "profile", po::value(&profile_name),
      "read the pages as this wiki's (viwiki, or vi): its template names, namespaces and dates "
      "(default: with --wiki the wiki's siteinfo, else `profile` in wikivet.toml, else enwiki)")(
      "config", po::value(&config_path),
      "use this config file for every input (default: the nearest wikivet.toml or "
      ".wikivet.toml above each file)")("no-config", "ignore config files")(
      "srcroot", po::value(&srcroot),
      "sarif: make artifact URIs relative to this directory (default: the top of the git "
      "working tree, else the working directory)");
  po::options_description edits("Edits: baselines and fixes (docs/baselines-and-fixes.md)");
  edits.add_options()(
      "baseline", po::value(&baseline),
      "report only findings that FILE does not have: FILE is the old revision of the article "
      "(one input) or a file written by --write-baseline (told apart by content)")(
      "baseline-git", po::value(&baseline_git),
      "the baseline of each input is the same path at git revision REV (a file new since REV "
      "has an empty baseline)")(
      "show-baseline",
      "keep unchanged findings (marked) and list absent ones; SARIF gets baselineState")(
      "write-baseline", po::value(&write_baseline),
      "record the findings of the inputs in FILE (JSON) for --baseline FILE; exit 0")(
      "fix",
      "apply the safe fixes of the reported findings to the files, then re-check them; with a "
      "baseline only the fixes of new findings, leaving old ones as they are")(
      "unsafe-fixes",
      "with --fix or --diff: apply unsafe fixes too (a guess, such as renumbering a column); "
      "text output then marks them [*] instead of [?]")(
      "fix-all",
      "with --fix or --diff and a baseline: also fix the findings the baseline already had")(
      "diff",
      "print the fixes as a diff on standard output and write nothing: --diff (unified) or "
      "--diff=words (word by word, [-old-]{+new+}, like git diff --word-diff)")(
      "fix-only", po::value(&fix_only)->composing(),
      "with --fix or --diff: only the fixes of this rule (repeatable, or a comma list)");
  opts.add(edits);
  WikiRequest wiki;
  std::vector<std::string> revisions;
  po::options_description from_wiki("From a wiki: check --wiki URL TITLE... (docs/wiki.md)");
  from_wiki.add_options()("wiki", po::value(&wiki.wiki),
                          "fetch the pages named by TITLE... from this wiki's Action API (e.g. "
                          "https://en.wikipedia.org) and check them; the wiki's siteinfo names it "
                          "(dbname, edit links)")(
      "revision", po::value(&revisions)->composing(),
      "with --wiki: check revision N (repeatable; with or without titles)")(
      "baseline-revision", po::value(&wiki.baseline_revision),
      "with --wiki: report only what each revision added against REV: parent (the revision "
      "before it: what did this edit break?) or a revision id")(
      "save", po::value(&wiki.save_dir),
      "with --wiki: write each fetched page to DIR/TITLE.wiki and report positions in it; "
      "--fix then fixes that file (never the wiki)");
  opts.add(from_wiki);
  po::options_description hidden;
  hidden.add_options()("file", po::value(&files)->composing())(
      "diff-words", "--diff=words, rewritten before parsing")(
      "wiki-backoff-ms", po::value(&wiki.backoff_ms), "tests: first retry wait")(
      "wiki-timeout-ms", po::value(&wiki.timeout_ms), "tests: per-request timeout")(
      "profile-rules", "benchmarks: print the cpu time of each rule to standard error");
  // `--diff` is a flag, and `--diff=words` its word-by-word form: an optional value would make
  // `--diff article.wiki` read the file name as the style. So the form with `=` is rewritten.
  std::vector<std::string> args(argv, argv + argc);
  for (size_t i = 1; i < args.size(); ++i) {
    if (args[i] == "--") break;
    if (args[i] == "--diff=words") {
      args[i] = "--diff";
      args.insert(args.begin() + static_cast<long>(i) + 1, "--diff-words");
      ++i;
    } else if (args[i] == "--diff=unified") {
      args[i] = "--diff";
    } else if (args[i].starts_with("--diff=")) {
      std::cerr << "wikivet check: --diff takes no value (unified) or =words, not '"
                << args[i].substr(7) << "'\n";
      return kExitUsage;
    }
  }
  std::vector<char*> arg_ptrs;
  for (auto& a : args) arg_ptrs.push_back(a.data());
  arg_ptrs.push_back(nullptr);
  argc = static_cast<int>(args.size());
  argv = arg_ptrs.data();
  po::variables_map vm;
  if (auto done = parse_command_line("check", argc, argv, opts, hidden, vm)) return *done;
  if (vm.count("profile-rules")) enable_rule_times();
  select = split_commas(select);
  ignore = split_commas(ignore);
  fix_only = split_commas(fix_only);
  extensions = split_commas(extensions);
  for (auto& e : extensions)
    while (e.starts_with('.')) e.erase(e.begin());
  const bool from_wiki_api = vm.count("wiki") > 0;
  if (files.empty() && !(from_wiki_api && !revisions.empty())) {
    std::cerr << "wikivet check: no input files (give paths, or - for standard input"
              << (from_wiki_api ? "; with --wiki, page titles or --revision N" : "") << ")\n";
    return kExitUsage;
  }
  const bool fix = vm.count("fix") > 0, diff = vm.count("diff") > 0;
  auto usage = [](const std::string& why) {
    std::cerr << "wikivet check: " << why << "\n";
    return kExitUsage;
  };
  if (!from_wiki_api) {
    for (const char* o : {"revision", "baseline-revision", "save"})
      if (vm.count(o)) return usage(std::string("--") + o + " needs --wiki URL");
  } else {
    for (const auto& r : revisions) {
      if (r.empty() || r.size() > 19 || r.find_first_not_of("0123456789") != std::string::npos ||
          std::stoull(r) == 0)
        return usage("--revision takes a revision id (a positive number), not '" + r + "'");
      wiki.revisions.push_back(std::stoull(r));
    }
    const std::string& b = wiki.baseline_revision;
    if (vm.count("baseline-revision") && b != "parent" &&
        (b.empty() || b.size() > 19 || b.find_first_not_of("0123456789") != std::string::npos))
      return usage("--baseline-revision takes parent or a revision id, not '" + b + "'");
    if (vm.count("baseline-revision") && b != "parent" && files.size() + revisions.size() != 1)
      return usage(
          "--baseline-revision with a revision id compares one page; use parent for several");
    if (vm.count("baseline") || vm.count("baseline-git"))
      if (vm.count("baseline-revision"))
        return usage("give one baseline: --baseline-revision, --baseline or --baseline-git");
    if (fix && wiki.save_dir.empty())
      return usage(
          "--fix with --wiki writes the fixed text to the saved copy: add --save DIR "
          "(the wiki itself is never written)");
    if (vm.count("write-baseline") && wiki.save_dir.empty())
      return usage("--write-baseline with --wiki needs --save DIR (a baseline names files)");
    wiki.titles = files;
  }
  if (fix && diff) return usage("--fix writes and --diff only shows: choose one");
  if (vm.count("diff-words") && !diff) return usage("--diff takes no value (unified) or =words");
  if (!fix_only.empty() && !fix && !diff) return usage("--fix-only needs --fix or --diff");
  if (vm.count("fix-all") && !fix && !diff) return usage("--fix-all needs --fix or --diff");
  if (vm.count("fix-all") && !vm.count("baseline") && !vm.count("baseline-git") &&
      !vm.count("baseline-revision"))
    return usage("--fix-all widens --fix under a baseline: give --baseline or --baseline-git");
  const bool unsafe_fixes = vm.count("unsafe-fixes") > 0;
  for (const auto& id : fix_only) {
    const Rule* rule = find_rule(id);
    if (!rule) return usage("--fix-only: unknown rule '" + id + "'");
    if (!rule->meta().fixable) return usage("--fix-only: rule '" + id + "' has no fix");
  }
  if (vm.count("baseline") && vm.count("baseline-git"))
    return usage("give --baseline or --baseline-git, not both");
  // git reads an empty revision ("":./file) as the index, and one that starts with '-' as an
  // option: neither is the committed version the user asked for.
  if (vm.count("baseline-git") && (baseline_git.empty() || baseline_git[0] == '-'))
    return usage("--baseline-git takes a revision such as HEAD or main, not " +
                 quote_short(baseline_git));
  const auto level = parse_fail_level(fail_on);
  if (!level) {
    std::cerr << "wikivet check: --fail-on must be error, warning, info or never, not '" << fail_on
              << "'\n";
    return kExitUsage;
  }
  if (color != "auto" && color != "always" && color != "never") {
    std::cerr << "wikivet check: --color must be auto, always or never, not '" << color << "'\n";
    return kExitUsage;
  }
  if (const std::string problem = check_rule_names(select, ignore); !problem.empty())
    return usage(problem);
  std::shared_ptr<const WikiProfile> chosen_profile;
  if (vm.count("profile")) {
    chosen_profile = builtin_profile(profile_name);
    if (!chosen_profile) return usage("--profile: " + unknown_profile_message(profile_name));
  }
  // Config files: each input's own (nearest file upward, or --config), read before any
  // output so that a broken file stops the run with exit 2 and nothing half-written.
  // Pages from a wiki are fetched before anything is written, so that an unreachable wiki
  // stops the run with exit 2 and nothing half-written.
  WikiInputs fetched;
  bool wiki_error = false;
  if (from_wiki_api) {
    fetched = fetch_wiki_inputs(wiki);
    for (const auto& n : fetched.notes) std::cerr << "wikivet: " << n << "\n";
    for (const auto& e : fetched.errors) std::cerr << "wikivet: " << e << "\n";
    wiki_error = !fetched.errors.empty();
    if (fetched.fatal || fetched.pages.empty()) return kExitUsage;
    files.clear();
    for (const auto& p : fetched.pages) files.push_back(p.path);
  }
  CommandLineConfig cli;
  cli.select = select;
  cli.ignore = ignore;
  cli.show_suppressed = vm.count("show-suppressed") > 0;
  cli.profile = chosen_profile;
  // Pages from a wiki are read as that wiki's: its siteinfo names the profile (and its
  // namespaces are authoritative) unless --profile chose one.
  if (from_wiki_api) {
    cli.profile = profile_from_siteinfo(fetched.site, cli.profile, "wiki's siteinfo");
    std::cerr << "wikivet: profile " << cli.profile->name << " (" << cli.profile->origin << ")\n";
  }
  if (!stdin_filename.empty() && std::count(files.begin(), files.end(), "-") == 0)
    return usage("--stdin-filename names standard input: give - among the inputs");
  if (vm.count("jobs") && jobs == 0) return usage("-j must be at least 1");
  std::vector<Config> configs;
  std::vector<std::string> expansion_errors;
  try {
    std::optional<std::string> explicit_path;
    if (vm.count("config")) explicit_path = config_path;
    ConfigResolver resolver(explicit_path, vm.count("no-config") == 0);
    // Directories and globs become the files they hold (walks read config files for their
    // `exclude` and `extensions`, so they come after the resolver).
    // (With --wiki the arguments are page titles.)
    if (!from_wiki_api) {
      ExpandedInputs expanded = expand_inputs(files, resolver, extensions);
      files = std::move(expanded.files);
      expansion_errors = std::move(expanded.errors);
    }
    for (const auto& path : files) {
      // Standard input with --stdin-filename is configured as that path; a page held in
      // memory has no folder: the working directory's config applies.
      const std::string& as = path == "-" && !stdin_filename.empty() ? stdin_filename : path;
      const auto file = resolver.for_file(from_wiki_api && wiki.save_dir.empty() ? "-" : as);
      // A page fetched from a wiki has a title: overrides by title apply to it.
      const std::string title = from_wiki_api ? fetched.pages[configs.size()].title : "";
      configs.push_back(effective_config(file.get(), as, cli, title));
    }
    for (const auto& w : resolver.take_warnings()) std::cerr << "wikivet: warning: " << w << "\n";
  } catch (const ConfigError& e) {
    std::cerr << e.what() << "\n";
    return kExitUsage;
  }
  for (const auto& e : expansion_errors) std::cerr << "wikivet check: " << e << "\n";

  EditCheckOptions edit_options;
  if (vm.count("baseline")) {
    std::string error;
    auto provider = BaselineProvider::from_file(baseline, error);
    if (!provider) return usage(error);
    if (provider->is_article() && files.size() != 1)
      return usage(
          "--baseline with an old article takes one input file (for many files use "
          "--baseline-git or a file written by --write-baseline)");
    edit_options.baseline = std::move(*provider);
  } else if (vm.count("baseline-git")) {
    edit_options.baseline = BaselineProvider::from_git(baseline_git);
  } else if (from_wiki_api && vm.count("baseline-revision")) {
    edit_options.baseline = BaselineProvider::from_revisions(fetched.old);
  }
  if (from_wiki_api) edit_options.load = wiki_loader(fetched);
  edit_options.show_baseline = vm.count("show-baseline") > 0;
  edit_options.fix_mode = fix    ? EditCheckOptions::FixMode::Write
                          : diff ? EditCheckOptions::FixMode::Diff
                                 : EditCheckOptions::FixMode::None;
  edit_options.selection.rules = fix_only;
  edit_options.word_diff = vm.count("diff-words") > 0;
  edit_options.selection.unsafe = unsafe_fixes;
  edit_options.selection.unchanged = vm.count("fix-all") > 0;
  edit_options.inputs = files;
  std::optional<BaselineRecorder> recorder;
  if (!write_baseline.empty()) recorder.emplace(write_baseline);
  const bool statistics = vm.count("statistics") > 0;
  // --diff, --write-baseline and --statistics speak on their own: the report appears only when
  // asked for.
  if (formats.empty() && !diff && !recorder && !statistics) formats.push_back("text");
  if (!output.empty()) {
    // -o gives a file to the first format that names none; silence would lose the report.
    const bool taken = std::any_of(formats.begin(), formats.end(), [](const std::string& f) {
      return parse_format(f).path.empty();
    });
    if (!taken)
      return usage(formats.empty() ? "-o FILE needs a --format to write into it"
                                   : "-o FILE: every --format names its own file already; drop -o "
                                     "or give one --format without =FILE");
  }
  if (statistics)
    for (const auto& f : formats) {
      const FormatTarget t = parse_format(f);
      if ((t.path.empty() && output.empty()) || t.path == "-")
        return usage("--statistics prints to standard output: write --format " + t.format +
                     " to a file (FORMAT=FILE or -o FILE)");
    }
  {
    // Refused before anything is written: a report over an input, or two outputs to one file.
    std::vector<std::string> outputs;
    bool taken = false;
    for (const auto& f : formats) {
      FormatTarget t = parse_format(f);
      if (t.path.empty() && !taken && !output.empty()) {
        t.path = output;
        taken = true;
      }
      outputs.push_back(t.path);
    }
    outputs.push_back(write_baseline);
    if (const std::string why = output_collision(outputs, files); !why.empty()) return usage(why);
  }
  std::vector<std::unique_ptr<std::ofstream>> streams;
  std::vector<std::string> stream_paths;
  std::vector<std::unique_ptr<OutputWriter>> writers;
  bool output_taken = false;
  for (size_t i = 0; i < formats.size(); ++i) {
    FormatTarget t = parse_format(formats[i]);
    if (t.path.empty() && !output_taken && !output.empty()) {
      t.path = output;
      output_taken = true;
    }
    std::ostream* out = &std::cout;
    if (!t.path.empty() && t.path != "-") {
      streams.push_back(std::make_unique<std::ofstream>(t.path, std::ios::binary));
      if (!*streams.back()) {
        std::cerr << "wikivet check: cannot write '" << t.path << "'\n";
        return kExitUsage;
      }
      out = streams.back().get();
      stream_paths.push_back(t.path);
    }
    WriterOptions wo;
    wo.color = out == &std::cout && use_color(color, STDOUT_FILENO);
    wo.show_suppressed = cli.show_suppressed;
    wo.show_baseline = edit_options.show_baseline;
    wo.unsafe_fixes = unsafe_fixes;
    wo.srcroot = srcroot;
    wo.site = fetched.site;
    auto w = make_writer(t.format, *out, wo);
    if (!w) {
      std::cerr << "wikivet check: unknown format '" << t.format << "' (choose from "
                << writer_formats() << ")\n";
      return kExitUsage;
    }
    writers.push_back(std::move(w));
  }

  for (auto& w : writers) w->begin();
  bool input_error = !expansion_errors.empty();
  for (const auto& e : expansion_errors)
    for (auto& w : writers) w->input_error("", e);
  bool failing = false;
  std::map<std::string, std::pair<size_t, char>> per_rule;  // --statistics: count, '*' or '?'
  size_t fixes_applied = 0, files_fixed = 0, fixes_withheld = 0, files_checked = 0;
  // Pages fetched from a wiki are already in memory: one worker reads them.
  const unsigned workers =
      from_wiki_api
          ? 1u
          : std::max(1u, std::min<unsigned>(
                             vm.count("jobs") ? jobs : std::thread::hardware_concurrency(),
                             static_cast<unsigned>(files.size())));
  auto handle = [&](size_t i, FileReport& report) {
    if (!report.error.empty()) {
      std::cerr << "wikivet: " << report.error << "\n";
      input_error = true;
      for (auto& w : writers) w->input_error(files[i], report.error);
      return;
    }
    ++files_checked;
    if (files[i] == "-" && !stdin_filename.empty()) rename_input(report.result, stdin_filename);
    for (const auto& note : report.notes) std::cerr << "wikivet: " << note << "\n";
    if (report.fix_failed) input_error = true;
    fixes_withheld += report.fixes_withheld;
    if (report.fixes_applied > 0) {
      fixes_applied += report.fixes_applied;
      ++files_fixed;
    }
    std::cout << report.diff;
    if (recorder) recorder->add(report.result.path, std::move(report.recorded));
    for (const auto& f : report.result.findings) {
      if (f.suppressed || f.baseline_state == "unchanged") continue;
      if (static_cast<int>(f.severity) <= *level) failing = true;
      auto& entry = per_rule[f.rule];
      ++entry.first;
      if (f.fix && !f.fix->edits.empty() && entry.second != '*')
        entry.second = f.fix->safe || unsafe_fixes ? '*' : '?';
    }
    for (auto& w : writers) w->file(report.result);
  };
  if (workers <= 1) {
    EditCheck checker(std::move(edit_options));
    for (size_t i = 0; i < files.size(); ++i) {
      FileReport report = checker.check(files[i], configs[i]);
      handle(i, report);
    }
  } else {
    run_in_order(files, configs, edit_options, workers, handle);
  }
  if (fix && (files_fixed > 0 || fixes_withheld > 0)) {
    std::cerr << "wikivet: applied " << fixes_applied << (fixes_applied == 1 ? " fix" : " fixes")
              << " in " << files_fixed << (files_fixed == 1 ? " file" : " files");
    if (fixes_withheld > 0)
      std::cerr << "; " << fixes_withheld
                << (fixes_withheld == 1 ? " unsafe fix withheld" : " unsafe fixes withheld")
                << " (--unsafe-fixes applies " << (fixes_withheld == 1 ? "it)" : "them)");
    std::cerr << "\n";
  }
  // Nothing checked: "total: 0 findings" would read as a clean result (the errors say why).
  if (statistics && (files_checked > 0 || !input_error)) print_statistics(per_rule);
  for (auto& w : writers) w->end();
  // Every report checked as written (a full disk, /dev/full): a truncated report with exit 0
  // or 1 would pass for a complete one.
  for (size_t i = 0; i < streams.size(); ++i) {
    streams[i]->flush();
    if (!*streams[i]) {
      std::cerr << "wikivet check: cannot write '" << stream_paths[i]
                << "' (disk full?): the report is incomplete\n";
      return kExitUsage;
    }
  }
  std::cout.flush();
  if (!std::cout) {
    std::cerr << "wikivet check: cannot write to standard output: the report is incomplete\n";
    return kExitUsage;
  }
  if (recorder) {
    if (const std::string error = recorder->write(); !error.empty()) {
      std::cerr << "wikivet: --write-baseline: " << error << "\n";
      return kExitUsage;
    }
    std::cerr << "wikivet: recorded " << recorder->findings() << " findings of "
              << recorder->files() << " files in " << write_baseline << "\n";
    return input_error || wiki_error ? kExitUsage : kExitClean;
  }
  if (input_error || wiki_error) return kExitUsage;
  return failing ? kExitFindings : kExitClean;
}

}  // namespace wikivet::cli
