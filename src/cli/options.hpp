#pragma once
// Command-line parsing shared by the subcommands.
#include <boost/program_options.hpp>
#include <optional>
#include <string>
#include <vector>

namespace wikivet::cli {

// Parses argv against `visible` (shown by --help) and `hidden` options, with every positional
// argument going to the hidden option "file". Returns nullopt to go on, or the exit code to
// return now: 0 after printing --help, 2 after a one-line usage error naming `command`.
std::optional<int> parse_command_line(const char* command, int argc, char** argv,
                                      const boost::program_options::options_description& visible,
                                      const boost::program_options::options_description& hidden,
                                      boost::program_options::variables_map& vm);

// --fail-on: the lowest severity (as an int: error 0, warning 1, info 2) that makes the exit
// code 1, or -1 for "never"; nullopt for anything else.
std::optional<int> parse_fail_level(const std::string& s);

// Repeatable list options also take comma lists, as ruff's do: {"a,b", "c"} -> {"a", "b", "c"}
// (empty items dropped).
std::vector<std::string> split_commas(const std::vector<std::string>& values);

// --select/--ignore: each name must be a rule id, a category or "all". Empty when they all are,
// else the first problem as one line with "did you mean" (the same words for every command).
std::string check_rule_names(const std::vector<std::string>& select,
                             const std::vector<std::string>& ignore);

// Whether to colour output going to `fd`: --color always/never decide; auto colours a terminal
// unless the NO_COLOR environment variable is set to anything non-empty (no-color.org).
bool use_color(const std::string& mode, int fd);

}  // namespace wikivet::cli
