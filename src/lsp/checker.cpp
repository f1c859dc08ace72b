#include "lsp/checker.hpp"

#include <sys/stat.h>

#include <filesystem>

#include "input/load.hpp"

namespace wikivet::lsp {

std::shared_ptr<const ConfigFile> Checker::config_for(const std::string& directory) {
  const std::optional<std::string> found = find_config_file(directory);
  if (!found) return nullptr;
  struct stat st {};
  if (::stat(found->c_str(), &st) != 0) return nullptr;  // gone since it was found
  const int64_t mtime = static_cast<int64_t>(st.st_mtim.tv_sec) * 1000000000 + st.st_mtim.tv_nsec;
  CachedConfig& cached = configs_[*found];
  if (cached.file && cached.mtime_ns == mtime && cached.size == st.st_size) return cached.file;
  cached = {};
  auto file = std::make_shared<const ConfigFile>(load_config_file(*found));  // may throw
  cached = {mtime, static_cast<int64_t>(st.st_size), file};
  return file;
}

std::shared_ptr<const CheckedText> Checker::check(const std::string& label,
                                                  const std::optional<std::string>& path,
                                                  std::string text, uint64_t generation) {
  auto checked = std::make_shared<CheckedText>();
  checked->generation = generation;
  checked->source = std::make_unique<Source>(make_source(path.value_or(label), std::move(text)));
  checked->positions = std::make_unique<PositionIndex>(checked->source->original());
  checked->result.source = checked->source.get();
  checked->result.path = checked->source->path();
  std::string directory = fallback_dir_;
  if (path) {
    std::error_code ec;
    const auto parent = std::filesystem::absolute(*path, ec).parent_path();
    if (!ec) directory = parent.string();
  }
  try {
    const auto file = config_for(directory);
    const Config config = effective_config(file.get(), path.value_or(label), {});
    checked->result = check_source(*checked->source, config);
  } catch (const ConfigError& e) {
    checked->config_error = e;
  }
  return checked;
}

}  // namespace wikivet::lsp
