#include "cli/output_paths.hpp"

#include <sys/stat.h>

#include <filesystem>
#include <optional>
#include <utility>

namespace wikivet::cli {

namespace {

// What identifies a file: its device and inode when it exists, else its absolute path.
struct FileId {
  std::optional<std::pair<dev_t, ino_t>> node;
  std::string path;
  bool operator==(const FileId& o) const { return node ? node == o.node : path == o.path; }
};

FileId identify(const std::string& path) {
  FileId id;
  struct stat st {};
  if (::stat(path.c_str(), &st) == 0) {
    id.node = std::make_pair(st.st_dev, st.st_ino);
    return id;
  }
  std::error_code ec;
  const auto abs = std::filesystem::weakly_canonical(path, ec);
  id.path = ec ? path : abs.string();
  return id;
}

bool is_stdout(const std::string& p) {
  return p.empty() || p == "-";
}

}  // namespace

std::string output_collision(const std::vector<std::string>& outputs,
                             const std::vector<std::string>& inputs) {
  std::vector<std::pair<std::string, FileId>> seen;
  for (const auto& in : inputs)
    if (in != "-") seen.emplace_back(in, identify(in));
  const size_t input_count = seen.size();
  for (const auto& out : outputs) {
    if (is_stdout(out)) continue;
    const FileId id = identify(out);
    // A character device (/dev/null, /dev/stdout) may take several outputs.
    struct stat st {};
    if (::stat(out.c_str(), &st) == 0 && S_ISCHR(st.st_mode)) continue;
    for (size_t i = 0; i < seen.size(); ++i) {
      if (!(seen[i].second == id)) continue;
      if (i < input_count)
        return "the output '" + out + "' is the input '" + seen[i].first +
               "': writing it would destroy the input";
      return "two outputs go to one file ('" + seen[i].first + "' and '" + out +
             "'): one would overwrite the other";
    }
    seen.emplace_back(out, id);
  }
  return {};
}

}  // namespace wikivet::cli
