// wikivet: a linter for MediaWiki wikitext. Dispatches to the subcommands in src/cli/.
#include <cstring>
#include <iostream>
#include <string_view>

#include "cli/commands.hpp"
#include "engine/rule_times.hpp"
#include "wikivet/version.hpp"

namespace {

struct Command {
  const char* name;
  int (*run)(int, char**);
  const char* help;
};

constexpr Command kCommands[] = {
    {"check", wikivet::cli::cmd_check, "check wikitext files and report findings"},
    {"audit", wikivet::cli::cmd_audit,
     "stream a MediaWiki XML dump or JSON Lines through every rule"},
    {"parse", wikivet::cli::cmd_parse, "print the syntax tree of a file with byte ranges"},
    {"rules", wikivet::cli::cmd_rules, "list the rules (id, category, severity, summary)"},
    {"explain", wikivet::cli::cmd_explain, "print the documentation of one rule"},
    {"config", wikivet::cli::cmd_config, "show the effective configuration (--show)"},
    {"lsp", wikivet::cli::cmd_lsp, "a Language Server Protocol server on stdin/stdout"},
};

void usage(std::ostream& out) {
  out << "usage: wikivet <command> [options] [FILE...]\n\ncommands:\n";
  for (const auto& c : kCommands) {
    out << "  " << c.name << std::string(10 - std::strlen(c.name), ' ') << c.help << "\n";
  }
  out << "\n`wikivet <command> --help` describes a command's options.\n"
         "`wikivet FILE...` is short for `wikivet check FILE...`.\n"
         "exit codes: 0 no findings at the failing level, 1 findings, 2 usage or input error\n";
}

}  // namespace

int main(int argc, char** argv) {
  std::ios::sync_with_stdio(false);
  if (argc < 2) {
    usage(std::cerr);
    return wikivet::cli::kExitUsage;
  }
  const std::string_view first = argv[1];
  if (first == "--version" || first == "-V") {
    std::cout << "wikivet " << wikivet::kVersion << "\n";
    return 0;
  }
  if (first == "--help" || first == "-h" || first == "help") {
    usage(std::cout);
    return 0;
  }
  for (const auto& c : kCommands) {
    if (first != c.name) continue;
    // `wikivet check --version` answers like `wikivet --version`, as other linters do (an
    // argument after "--" is a file name, not an option).
    for (int i = 2; i < argc; ++i) {
      const std::string_view a = argv[i];
      if (a == "--") break;
      if (a == "--version" || a == "-V") {
        std::cout << "wikivet " << wikivet::kVersion << "\n";
        return 0;
      }
    }
    const int code = c.run(argc - 1, argv + 1);
    wikivet::print_rule_times(std::cerr);  // --profile-rules (check, audit)
    return code;
  }
  // Not a command: a file or an option of `check`.
  if (!first.empty() && (first[0] == '-' || first.find('.') != std::string_view::npos ||
                         first.find('/') != std::string_view::npos)) {
    const int code = wikivet::cli::cmd_check(argc, argv);
    wikivet::print_rule_times(std::cerr);
    return code;
  }
  std::cerr << "wikivet: unknown command '" << first << "' (see wikivet --help)\n";
  return wikivet::cli::kExitUsage;
}
