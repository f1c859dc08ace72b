// `wikivet lsp`: a Language Server Protocol server on standard input and output
// (src/lsp/, docs/editors.md).
#include <signal.h>
#include <unistd.h>

#include <iostream>
#include <string_view>

#include "cli/commands.hpp"
#include "lsp/server.hpp"

namespace wikivet::cli {

int cmd_lsp(int argc, char** argv) {
  for (int i = 1; i < argc; ++i) {
    const std::string_view arg = argv[i];
    if (arg == "--help" || arg == "-h") {
      std::cout << "wikivet lsp [--stdio]\n\n"
                   "A Language Server Protocol server on standard input and output: diagnostics "
                   "as you type,\nquick fixes, the rule's documentation on hover. The nearest "
                   "wikivet.toml above each\ndocument applies. Editor set-up: docs/editors.md.\n"
                   "  --stdio   accepted for clients that pass it (stdio is the only transport)\n";
      return kExitClean;
    }
    if (arg != "--stdio") {
      std::cerr << "wikivet lsp: unknown option '" << arg << "' (see wikivet lsp --help)\n";
      return kExitUsage;
    }
  }
  // A client that goes away must not kill the server mid-write; the write fails and it stops.
  ::signal(SIGPIPE, SIG_IGN);
  lsp::Server server(STDIN_FILENO, STDOUT_FILENO, std::cerr);
  return server.run();
}

}  // namespace wikivet::cli
