#include "cli/options.hpp"

#include <unistd.h>

#include <cstdlib>
#include <iostream>

#include "cli/commands.hpp"
#include "engine/config_file.hpp"

namespace po = boost::program_options;

namespace wikivet::cli {

std::optional<int> parse_command_line(const char* command, int argc, char** argv,
                                      const po::options_description& visible,
                                      const po::options_description& hidden,
                                      po::variables_map& vm) {
  po::options_description all;
  all.add(visible).add(hidden);
  po::positional_options_description pos;
  pos.add("file", -1);
  try {
    po::store(po::command_line_parser(argc, argv).options(all).positional(pos).run(), vm);
    po::notify(vm);
  } catch (const std::exception& e) {
    std::cerr << "wikivet " << command << ": " << e.what() << "\n";
    return kExitUsage;
  }
  if (vm.count("help")) {
    std::cout << visible << "\n";
    return kExitClean;
  }
  return std::nullopt;
}

std::optional<int> parse_fail_level(const std::string& s) {
  if (s == "error") return 0;
  if (s == "warning") return 1;
  if (s == "info") return 2;
  if (s == "never") return -1;
  return std::nullopt;
}

std::vector<std::string> split_commas(const std::vector<std::string>& values) {
  std::vector<std::string> out;
  for (const auto& v : values) {
    size_t start = 0;
    while (start <= v.size()) {
      size_t comma = v.find(',', start);
      if (comma == std::string::npos) comma = v.size();
      std::string item = v.substr(start, comma - start);
      while (!item.empty() && item.back() == ' ') item.pop_back();
      while (!item.empty() && item.front() == ' ') item.erase(item.begin());
      if (!item.empty()) out.push_back(std::move(item));
      start = comma + 1;
    }
  }
  return out;
}

std::string check_rule_names(const std::vector<std::string>& select,
                             const std::vector<std::string>& ignore) {
  for (const auto* list : {&select, &ignore})
    for (const auto& name : *list)
      if (std::string problem = check_rule_name(name); !problem.empty()) return problem;
  return {};
}

bool use_color(const std::string& mode, int fd) {
  if (mode == "always") return true;
  if (mode == "never") return false;
  const char* no_color = std::getenv("NO_COLOR");
  if (no_color && *no_color) return false;
  return ::isatty(fd) != 0;
}

}  // namespace wikivet::cli
