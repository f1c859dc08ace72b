#pragma once
// Checking one document's text as the CLI checks a file: the nearest wikivet.toml above the
// document's path (or above the workspace root for documents without a path) applies, the
// edit-page scrape is recognised, and findings come from the same engine.
#include <cstdint>
#include <map>
#include <memory>
#include <optional>
#include <string>

#include "core/source.hpp"
#include "engine/config_file.hpp"
#include "engine/engine.hpp"
#include "lsp/positions.hpp"

namespace wikivet::lsp {

// One checked version of a document. Immutable once made; positions are of `source`'s bytes.
struct CheckedText {
  uint64_t generation = 0;
  std::unique_ptr<Source> source;  // the text checked (its original() is the document)
  FileResult result;
  std::unique_ptr<PositionIndex> positions;  // over source->original()
  // A broken config file: nothing was checked (as the CLI refuses to check), and this says why.
  std::optional<ConfigError> config_error;
};

class Checker {
 public:
  // `fallback_dir`: where to look for a config file for documents without a path (the
  // workspace root, else the working directory).
  explicit Checker(std::string fallback_dir) : fallback_dir_(std::move(fallback_dir)) {}
  void set_fallback_dir(std::string dir) { fallback_dir_ = std::move(dir); }

  std::shared_ptr<const CheckedText> check(const std::string& label,
                                           const std::optional<std::string>& path, std::string text,
                                           uint64_t generation);

 private:
  // The config file governing a file in `directory`, re-read when it changed on disk (size or
  // modification time), so an edit to wikivet.toml shows at the next check without a restart.
  std::shared_ptr<const ConfigFile> config_for(const std::string& directory);
  struct CachedConfig {
    int64_t mtime_ns = -1;
    int64_t size = -1;
    std::shared_ptr<const ConfigFile> file;
  };
  std::string fallback_dir_;
  std::map<std::string, CachedConfig> configs_;  // by config file path
};

}  // namespace wikivet::lsp
