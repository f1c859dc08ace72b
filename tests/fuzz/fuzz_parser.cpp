// libFuzzer entry point for the parser: any bytes must parse, and the tree must tile the input
// exactly (see tests/parse_check.hpp); a broken invariant aborts so the fuzzer records it.
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <string_view>

#include "../parse_check.hpp"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  const std::string_view text(reinterpret_cast<const char*>(data), size);
  const wikivet::Tree tree = wikivet::parse(text);
  const std::string err = wikivet::testing::check_tree(tree, text);
  if (!err.empty()) {
    std::fprintf(stderr, "parser invariant broken: %s\n", err.c_str());
    std::abort();
  }
  if (size < 4096) (void)wikivet::dump_tree(tree);  // exercised on small inputs only (slow)
  return 0;
}
