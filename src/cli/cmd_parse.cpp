// `wikivet parse FILE`: the syntax tree with byte ranges (like clang -ast-dump), then the
// problems the parser recorded, one a line: "problem Kind [begin,end) detail".
#include <boost/program_options.hpp>
#include <iostream>
#include <vector>

#include "cli/commands.hpp"
#include "cli/options.hpp"
#include "input/load.hpp"
#include "parse/tree.hpp"

namespace po = boost::program_options;

namespace wikivet::cli {

int cmd_parse(int argc, char** argv) {
  po::options_description opts(
      "wikivet parse FILE: the syntax tree with byte ranges, then the parser's problems "
      "(FILE may be - for stdin)");
  opts.add_options()("help,h", "show this help");
  po::options_description hidden;
  std::vector<std::string> files;
  hidden.add_options()("file", po::value(&files));
  po::variables_map vm;
  if (auto done = parse_command_line("parse", argc, argv, opts, hidden, vm)) return *done;
  if (files.size() != 1) {
    std::cerr << "usage: wikivet parse FILE   (FILE may be - for stdin)\n";
    return kExitUsage;
  }
  LoadResult loaded = load_source(files.front());
  if (!loaded.source) {
    std::cerr << "wikivet: " << loaded.error << "\n";
    return kExitUsage;
  }
  const Tree tree = parse(loaded.source->text());
  std::cout << dump_tree(tree);
  for (const Problem& p : tree.problems())
    std::cout << "problem " << to_string(p.kind) << " [" << p.range.begin << "," << p.range.end
              << ") " << p.detail << "\n";
  return kExitClean;
}

}  // namespace wikivet::cli
