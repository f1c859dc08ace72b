#include "cli/options.hpp"

#include <unistd.h>

#include <cstdlib>
#include <iostream>

#include "cli/commands.hpp"
#include "engine/config_file.hpp"

namespace po = boost::program_options;

namespace wikivet::cli {

namespace {

// Whether the option a token names (`--name`, a unique prefix of it, or `-x`) needs a value,
// so that the next token is that value and not a file.
bool takes_value(const po::options_description& all, const std::string& token) {
  const bool is_long = token.starts_with("--");
  if (is_long ? token.find('=') != std::string::npos : token.size() != 2) return false;
  try {
    const po::option_description* d = all.find_nothrow(token.substr(is_long ? 2 : 1), true);
    return d && d->semantic()->min_tokens() > 0;
  } catch (const std::exception&) {
    return false;  // ambiguous: boost reports it when it reads the token
  }
}

// Boost's parser removes each positional token from the front of a vector, which is quadratic
// in the number of files (a `check` of 16,000 files spent seconds there). The file arguments
// are set aside here, in order, and only the options (with their values) go through boost.
struct SplitArgs {
  std::vector<std::string> options;
  std::vector<std::string> files;
};

SplitArgs split_files(const po::options_description& all, int argc, char** argv) {
  SplitArgs out;
  for (int i = 1; i < argc; ++i) {
    std::string token = argv[i];
    if (token == "--") {
      for (++i; i < argc; ++i) out.files.emplace_back(argv[i]);
      break;
    }
    if (token.size() > 1 && token[0] == '-') {
      const bool value_follows = takes_value(all, token) && i + 1 < argc;
      out.options.push_back(std::move(token));
      if (value_follows) out.options.emplace_back(argv[++i]);
    } else {
      out.files.push_back(std::move(token));  // "-" (stdin) too
    }
  }
  return out;
}

}  // namespace

std::optional<int> parse_command_line(const char* command, int argc, char** argv,
                                      const po::options_description& visible,
                                      const po::options_description& hidden,
                                      po::variables_map& vm) {
  po::options_description all;
  all.add(visible).add(hidden);
  po::positional_options_description pos;
  pos.add("file", -1);
  try {
    if (all.find_nothrow("file", false)) {
      SplitArgs args = split_files(all, argc, argv);
      po::parsed_options parsed = po::command_line_parser(args.options).options(all).run();
      for (std::string& f : args.files) {
        po::option o;
        o.string_key = "file";
        o.value.push_back(f);
        o.original_tokens.push_back(std::move(f));
        parsed.options.push_back(std::move(o));
      }
      po::store(parsed, vm);
    } else {
      po::store(po::command_line_parser(argc, argv).options(all).positional(pos).run(), vm);
    }
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
  if (std::string problem = wikivet::check_rule_names(select); !problem.empty()) return problem;
  return wikivet::check_rule_names(ignore);
}

bool use_color(const std::string& mode, int fd) {
  if (mode == "always") return true;
  if (mode == "never") return false;
  const char* no_color = std::getenv("NO_COLOR");
  if (no_color && *no_color) return false;
  return ::isatty(fd) != 0;
}

}  // namespace wikivet::cli
