// Placeholder until its issue lands; it exits 2 with a clear message.
#include <iostream>

#include "cli/commands.hpp"

namespace wikivet::cli {

int cmd_config(int, char**) {
  std::cerr << "wikivet config: not available in this build yet\n";
  return kExitUsage;
}

}  // namespace wikivet::cli
