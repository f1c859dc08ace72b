// `wikivet parse FILE`: the syntax tree with byte ranges (like clang -ast-dump), then the
// problems the parser recorded, one a line: "problem Kind [begin,end) detail".
#include <iostream>

#include "cli/commands.hpp"
#include "input/load.hpp"
#include "parse/tree.hpp"

namespace wikivet::cli {

int cmd_parse(int argc, char** argv) {
  if (argc != 2 || std::string(argv[1]) == "--help") {
    std::cerr << "usage: wikivet parse FILE   (FILE may be - for stdin)\n";
    return kExitUsage;
  }
  LoadResult loaded = load_source(argv[1]);
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
