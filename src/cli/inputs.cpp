#include "cli/inputs.hpp"

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <memory>

namespace fs = std::filesystem;

namespace wikivet::cli {

namespace {

// The patterns of one .gitignore file. Supported: comments, blank lines, `!` negation, a
// trailing `/` (directories only), a leading or inner `/` (anchored to the file's directory),
// `*`, `?`, `[...]` and `**` (PathGlob's syntax, which is git's for these).
struct IgnoreRule {
  PathGlob glob;
  bool negate = false;
  bool dir_only = false;
};
struct IgnoreFile {
  fs::path directory;  // absolute
  std::vector<IgnoreRule> rules;
};

std::shared_ptr<const IgnoreFile> read_gitignore(const fs::path& dir) {
  std::ifstream in(dir / ".gitignore");
  if (!in) return nullptr;
  auto file = std::make_shared<IgnoreFile>();
  file->directory = dir;
  std::string line;
  while (std::getline(in, line)) {
    if (!line.empty() && line.back() == '\r') line.pop_back();
    while (!line.empty() && line.back() == ' ' &&
           !(line.size() > 1 && line[line.size() - 2] == '\\'))
      line.pop_back();
    if (line.empty() || line[0] == '#') continue;
    IgnoreRule r{PathGlob("x"), false, false};
    if (line[0] == '!') {
      r.negate = true;
      line.erase(0, 1);
    } else if (line.starts_with("\\!") || line.starts_with("\\#")) {
      line.erase(0, 1);
    }
    if (!line.empty() && line.back() == '/') {
      r.dir_only = true;
      line.pop_back();
    }
    if (line.empty()) continue;
    // A slash at the start or in the middle anchors the pattern to this directory; PathGlob
    // anchors any pattern with a '/', and matches the name alone otherwise, as git does.
    if (line[0] == '/') line.erase(0, 1);
    try {
      r.glob = PathGlob(line);
    } catch (const std::invalid_argument&) {
      continue;  // git ignores a malformed pattern too
    }
    file->rules.push_back(std::move(r));
  }
  return file;
}

// Whether the .gitignore files (outermost first) ignore `path`; the last matching rule wins.
bool git_ignored(const std::vector<std::shared_ptr<const IgnoreFile>>& files, const fs::path& path,
                 bool is_dir) {
  bool ignored = false;
  for (const auto& f : files) {
    const std::string rel = path.lexically_relative(f->directory).generic_string();
    if (rel.empty() || rel.starts_with("..")) continue;
    for (const auto& r : f->rules) {
      if (r.dir_only && !is_dir) continue;
      if (r.glob.matches(rel)) ignored = !r.negate;
    }
  }
  return ignored;
}

// The .gitignore files that apply above `dir`: from the repository's top (the nearest folder
// up that holds .git) down to dir's parent. Outside a repository, none above.
std::vector<std::shared_ptr<const IgnoreFile>> gitignores_above(const fs::path& dir) {
  std::vector<fs::path> chain;
  std::error_code ec;
  for (fs::path d = dir.parent_path();; d = d.parent_path()) {
    chain.push_back(d);
    if (fs::exists(d / ".git", ec)) break;
    if (d == d.parent_path()) {
      chain.clear();  // no repository: only the walked tree's own .gitignore files count
      break;
    }
  }
  if (fs::exists(dir / ".git", ec)) chain.clear();  // dir is the repository's top
  std::vector<std::shared_ptr<const IgnoreFile>> out;
  for (auto it = chain.rbegin(); it != chain.rend(); ++it)
    if (auto f = read_gitignore(*it)) out.push_back(std::move(f));
  return out;
}

bool has_extension(const fs::path& p, const std::vector<std::string>& extensions) {
  const std::string ext = p.extension().string();
  if (ext.size() < 2) return false;
  return std::find(extensions.begin(), extensions.end(), ext.substr(1)) != extensions.end();
}

class Walker {
 public:
  Walker(ConfigResolver& configs, const std::vector<std::string>& extensions)
      : configs_(configs), extensions_(extensions) {}

  // Files under `root` (shown with `root` as the user wrote it as prefix), sorted by path,
  // and, with `glob`, only those whose path relative to `root` matches it.
  void walk(const std::string& shown_root, const PathGlob* glob, std::vector<std::string>& out) {
    std::error_code ec;
    fs::path abs = fs::absolute(shown_root, ec).lexically_normal();
    if (!abs.empty() && abs.filename().empty()) abs = abs.parent_path();
    auto ignores = gitignores_above(abs);
    std::vector<std::string> found;
    // "." shows its files as "a/x.wiki", not "./a/x.wiki".
    const fs::path shown =
        shown_root == "." || shown_root == "./" ? fs::path() : fs::path(shown_root);
    visit(abs, shown, ignores, glob, fs::path(), found);
    std::sort(found.begin(), found.end());
    out.insert(out.end(), found.begin(), found.end());
  }

 private:
  void visit(const fs::path& dir, const fs::path& shown,
             std::vector<std::shared_ptr<const IgnoreFile>>& ignores, const PathGlob* glob,
             const fs::path& rel, std::vector<std::string>& found) {
    std::error_code ec;
    const bool pushed = [&] {
      if (auto f = read_gitignore(dir)) {
        ignores.push_back(std::move(f));
        return true;
      }
      return false;
    }();
    const auto config = configs_.for_file((dir / "_").string());
    const std::vector<ExcludeGlob> defaults = default_excludes();
    const auto& exclude = config ? config->exclude : defaults;
    static const std::vector<std::string> kDefaultExtensions{"wiki"};
    const auto& extensions =
        !extensions_.empty() ? extensions_ : (config ? config->extensions : kDefaultExtensions);
    std::vector<fs::directory_entry> entries;
    for (fs::directory_iterator it(dir, ec), end; !ec && it != end; it.increment(ec))
      entries.push_back(*it);
    std::sort(entries.begin(), entries.end(), [](const auto& a, const auto& b) {
      return a.path().filename() < b.path().filename();
    });
    for (const auto& e : entries) {
      const fs::path name = e.path().filename();
      const bool is_dir = e.is_directory(ec);
      if (excluded_by(exclude, e.path().string())) continue;
      if (git_ignored(ignores, e.path(), is_dir)) continue;
      if (is_dir) {
        if (e.is_symlink(ec)) continue;  // no loops through links
        // A glob without '/' ("*.wiki") names the files of its folder only, as a shell's does.
        if (glob && glob->pattern().find('/') == std::string::npos) continue;
        visit(e.path(), shown / name, ignores, glob, rel / name, found);
      } else if (e.is_regular_file(ec)) {
        if (glob ? !glob->matches((rel / name).generic_string()) : !has_extension(name, extensions))
          continue;
        found.push_back((shown / name).generic_string());
      }
    }
    if (pushed) ignores.pop_back();
  }

  ConfigResolver& configs_;
  const std::vector<std::string>& extensions_;
};

bool is_glob(const std::string& s) {
  return s.find_first_of("*?[") != std::string::npos;
}

}  // namespace

ExpandedInputs expand_inputs(const std::vector<std::string>& args, ConfigResolver& configs,
                             const std::vector<std::string>& extensions) {
  ExpandedInputs out;
  Walker walker(configs, extensions);
  for (const auto& arg : args) {
    std::error_code ec;
    if (arg == "-" || fs::is_regular_file(arg, ec)) {
      out.files.push_back(arg);
    } else if (fs::is_directory(arg, ec)) {
      walker.walk(arg, nullptr, out.files);
    } else if (is_glob(arg)) {
      // The folder part before the first wildcard is walked; the rest is the pattern.
      const size_t wild = arg.find_first_of("*?[");
      const size_t slash = arg.rfind('/', wild);
      const std::string root = slash == std::string::npos ? "." : arg.substr(0, slash + 1);
      const std::string pattern = slash == std::string::npos ? arg : arg.substr(slash + 1);
      std::vector<std::string> matched;
      try {
        // Anchored to the root: "*.wiki" names files of the folder itself, "**/*.wiki" any.
        const PathGlob glob(pattern);
        if (fs::is_directory(root, ec)) walker.walk(root, &glob, matched);
      } catch (const std::invalid_argument& e) {
        out.errors.push_back(std::string(e.what()));
        continue;
      }
      if (matched.empty()) out.errors.push_back("no file matches '" + arg + "'");
      out.files.insert(out.files.end(), matched.begin(), matched.end());
    } else {
      out.files.push_back(arg);
    }
  }
  return out;
}

}  // namespace wikivet::cli
