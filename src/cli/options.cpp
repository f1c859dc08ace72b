#include "cli/options.hpp"

#include <iostream>

#include "cli/commands.hpp"

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

}  // namespace wikivet::cli
