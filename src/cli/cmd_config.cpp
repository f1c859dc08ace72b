// `wikivet config --show [--config FILE] [--no-config] [PATH]`: prints the configuration that
// `wikivet check` would use for PATH (a file, or a directory: default the working directory)
// as TOML, with where it came from and which [[overrides]] apply; --title TITLE: for a page of
// that title (as `wikivet audit` configures each page of a dump).
#include <boost/program_options.hpp>
#include <filesystem>
#include <iostream>
#include <optional>
#include <string>
#include <vector>

#include "cli/commands.hpp"
#include "engine/config_file.hpp"

namespace po = boost::program_options;
namespace fs = std::filesystem;

namespace wikivet::cli {

int cmd_config(int argc, char** argv) {
  po::options_description opts(
      "wikivet config --show [--config FILE] [--title TITLE] [--profile WIKI] [PATH]");
  std::string config_path, title, profile_name;
  std::vector<std::string> paths;  // at most one
  opts.add_options()("help,h", "show this help")("show", "print the effective configuration")(
      "config", po::value(&config_path), "use this config file instead of searching for one")(
      "no-config", "ignore config files (defaults only)")(
      "title", po::value(&title),
      "the configuration of a page with this title: [[overrides]] titles = [...] apply (as in "
      "`wikivet audit`, which reads the config of the working directory)")(
      "profile", po::value(&profile_name), "the wiki profile to show (as check --profile)");
  po::options_description hidden;
  hidden.add_options()("path", po::value(&paths));
  po::options_description all;
  all.add(opts).add(hidden);
  po::positional_options_description pos;
  pos.add("path", -1);
  po::variables_map vm;
  try {
    po::store(po::command_line_parser(argc, argv).options(all).positional(pos).run(), vm);
    po::notify(vm);
  } catch (const std::exception& e) {
    std::cerr << "wikivet config: " << e.what() << "\n";
    return kExitUsage;
  }
  if (vm.count("help")) {
    std::cout << opts << "\n";
    return kExitClean;
  }
  if (!vm.count("show")) {
    std::cerr << "wikivet config: nothing to do (use --show; see wikivet config --help)\n";
    return kExitUsage;
  }
  if (paths.size() > 1) {
    std::cerr << "wikivet config: give at most one PATH\n";
    return kExitUsage;
  }
  const std::string target = paths.empty() ? std::string(".") : paths.front();
  std::error_code ec;
  const bool is_dir = fs::is_directory(target, ec);
  try {
    std::optional<std::string> explicit_path;
    if (vm.count("config")) explicit_path = config_path;
    ConfigResolver resolver(explicit_path, vm.count("no-config") == 0);
    // A directory: the config its files would find (a file name inside it stands for them).
    const std::string probe = is_dir ? (fs::path(target) / "_").string() : target;
    const auto file = resolver.for_file(probe);
    for (const auto& w : resolver.take_warnings()) std::cerr << "wikivet: warning: " << w << "\n";
    const std::string match = is_dir ? "" : target;
    CommandLineConfig cli;
    if (vm.count("profile")) {
      cli.profile = builtin_profile(profile_name);
      if (!cli.profile) {
        std::cerr << "wikivet config: --profile: " << unknown_profile_message(profile_name) << "\n";
        return kExitUsage;
      }
    }
    const Config config = effective_config(file.get(), match, cli, title);
    std::cout << config_to_toml(config, file.get(), title.empty() ? target : "'" + title + "'",
                                match, registry_rules(), title);
  } catch (const ConfigError& e) {
    std::cerr << e.what() << "\n";
    return kExitUsage;
  }
  return kExitClean;
}

}  // namespace wikivet::cli
