#pragma once
// What `wikivet check PATH...` checks: files as given, directories walked for the configured
// extensions (default *.wiki) while honouring .gitignore files and the config's `exclude`
// globs, and globs expanded by wikivet itself (for shells that pass them through quoted).
#include <string>
#include <vector>

#include "engine/config_file.hpp"

namespace wikivet::cli {

struct ExpandedInputs {
  std::vector<std::string> files;   // in command-line order; a walked directory's files sorted
  std::vector<std::string> errors;  // one line each: a glob that matches nothing
};

// `extensions`: from --extension (empty: each directory's config file decides, default
// "wiki"). A path that is neither a directory nor a glob is kept as it is: reading it reports
// what is wrong with it.
ExpandedInputs expand_inputs(const std::vector<std::string>& args, ConfigResolver& configs,
                             const std::vector<std::string>& extensions);

}  // namespace wikivet::cli
