#include "engine/baseline.hpp"

#include <fcntl.h>
#include <poll.h>
#include <spawn.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include <boost/json.hpp>
#include <cerrno>
#include <cstdlib>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <set>
#include <sstream>

#include "engine/fix.hpp"
#include "input/load.hpp"
#include "model/article.hpp"
#include "wikivet/version.hpp"

extern char** environ;

namespace wikivet {

namespace fs = std::filesystem;
namespace json = boost::json;

namespace {

constexpr int kBaselineFormat = 1;

// Well-formed UTF-8 for JSON strings (a message may quote bytes that are not UTF-8).
std::string utf8(std::string_view s) {
  std::string out;
  for (size_t i = 0; i < s.size();) {
    const size_t n = utf8_sequence_length(s, i);
    if (n == 1 && static_cast<unsigned char>(s[i]) >= 0x80) {
      out += "\xEF\xBF\xBD";
    } else {
      out.append(s.substr(i, n));
    }
    i += n;
  }
  return out;
}

// "a number", "null", ... for messages about a member of the wrong type.
std::string kind_of(const json::value& v) {
  switch (v.kind()) {
    case json::kind::string:
      return "a string";
    case json::kind::object:
      return "an object";
    case json::kind::array:
      return "an array";
    case json::kind::bool_:
      return "a boolean";
    case json::kind::null:
      return "null";
    default:
      return "the number " + json::serialize(v);
  }
}

std::string normal_absolute(const std::string& path) {
  std::error_code ec;
  fs::path p = fs::weakly_canonical(fs::absolute(path, ec), ec);
  if (ec) p = fs::absolute(path, ec);
  return p.lexically_normal().generic_string();
}

std::string relative_to(const std::string& path, const std::string& dir) {
  const fs::path rel = fs::path(normal_absolute(path)).lexically_relative(dir);
  const std::string r = rel.generic_string();
  return r.empty() ? normal_absolute(path) : r;
}

std::string folder_of(const std::string& file) {
  return fs::path(normal_absolute(file)).parent_path().generic_string();
}

}  // namespace

BaselineEntry baseline_entry(const Finding& f) {
  return {f.rule, f.key, f.fingerprint, f.message, f.severity, f.location.start.line};
}

std::vector<RefDonor> ref_definitions_of(const Source& source, const std::string& origin) {
  const Article article(source);
  std::vector<RefDonor> out;
  std::set<std::pair<std::string, std::string>> seen;
  for (const Ref& r : article.refs) {
    // A generated ref's content is the template's, with nothing to copy.
    if (r.name.empty() || !r.defines || r.generated) continue;
    if (!seen.insert({r.group, r.name}).second) continue;
    const std::string_view content =
        article.text().substr(r.content.begin, r.content.end - r.content.begin);
    out.push_back({r.group, r.name, std::string(content), origin});
  }
  return out;
}

FileBaseline baseline_from_source(const Source& old, const Config& config, std::string origin) {
  FileBaseline b;
  const FileResult r = check_source(old, config);
  for (const auto& f : r.findings)
    if (!f.suppressed) b.entries.push_back(baseline_entry(f));
  b.ref_definitions = ref_definitions_of(old, origin);
  for (auto& d : b.ref_definitions) d.same_article = true;
  b.origin = std::move(origin);
  return b;
}

void apply_baseline(FileResult& result, const FileBaseline& baseline) {
  std::set<std::string> old;
  for (const auto& e : baseline.entries) old.insert(e.fingerprint);
  std::set<std::string> now;
  BaselineCounts counts;
  counts.active = true;
  for (auto& f : result.findings) {
    now.insert(f.fingerprint);
    f.baseline_state = old.count(f.fingerprint) ? "unchanged" : "new";
    if (f.suppressed) continue;
    ++(f.baseline_state == "new" ? counts.added : counts.unchanged);
  }
  result.absent.clear();
  for (const auto& e : baseline.entries) {
    if (now.count(e.fingerprint)) continue;
    ++counts.absent;
    Finding f;
    f.rule = e.rule;
    f.severity = e.severity;
    f.message = e.message;
    f.key = e.key;
    f.fingerprint = e.fingerprint;
    f.location.path = result.path;
    f.baseline_state = "absent";
    if (const Rule* rule = find_rule(e.rule)) f.category = rule->meta().category;
    result.absent.push_back(std::move(f));
  }
  result.baseline = counts;
}

void hide_baseline(FileResult& result) {
  std::erase_if(result.findings, [](const Finding& f) { return f.baseline_state == "unchanged"; });
  result.absent.clear();
}

// ---- Recorded baseline files -------------------------------------------------------------

bool is_recorded_baseline(std::string_view bytes) {
  size_t i = 0;
  if (bytes.substr(0, 3) == "\xEF\xBB\xBF") i = 3;
  while (i < bytes.size() &&
         (bytes[i] == ' ' || bytes[i] == '\n' || bytes[i] == '\r' || bytes[i] == '\t'))
    ++i;
  if (i >= bytes.size() || bytes[i] != '{') return false;
  // What --write-baseline writes starts with this member: such a file is a baseline even when
  // it is cut short (a truncated copy must be an error, not an old article with no findings).
  size_t j = i + 1;
  while (j < bytes.size() &&
         (bytes[j] == ' ' || bytes[j] == '\n' || bytes[j] == '\r' || bytes[j] == '\t'))
    ++j;
  if (bytes.substr(j).starts_with("\"wikivet_baseline\"")) return true;
  boost::system::error_code ec;
  const json::value v = json::parse(bytes.substr(i), ec);
  return !ec && v.is_object() && v.as_object().contains("wikivet_baseline");
}

std::optional<RecordedBaseline> RecordedBaseline::parse(std::string_view bytes,
                                                        const std::string& file,
                                                        std::string& error) {
  if (bytes.substr(0, 3) == "\xEF\xBB\xBF") bytes.remove_prefix(3);
  boost::system::error_code ec;
  const json::value v = json::parse(bytes, ec);
  auto fail = [&](const std::string& why) {
    error = "baseline file '" + file + "': " + why;
    return std::nullopt;
  };
  if (ec) return fail("not valid JSON (" + ec.message() + ")");
  const json::object* top = v.if_object();
  if (!top || !top->contains("wikivet_baseline")) return fail("no \"wikivet_baseline\" member");
  const json::value& version = top->at("wikivet_baseline");
  if (!version.is_int64() || version.as_int64() != kBaselineFormat)
    return fail("format version " + json::serialize(version) + " is not 1");
  RecordedBaseline b;
  b.file_ = file;
  b.dir_ = folder_of(file);
  const json::value* files = top->if_contains("files");
  if (!files || !files->is_array()) return fail("\"files\" must be an array");
  // An entry that cannot be read is an error naming it: skipping it would count its finding as
  // fixed, and reading a number as an empty key would match nothing.
  const json::array& file_list = files->as_array();
  for (size_t fi = 0; fi < file_list.size(); ++fi) {
    const std::string where_file = "files[" + std::to_string(fi) + "]";
    const json::object* fo = file_list[fi].if_object();
    if (!fo) return fail(where_file + " must be an object");
    const json::value* path = fo->if_contains("path");
    if (!path || !path->is_string()) return fail(where_file + " needs a \"path\" string");
    auto& entries = b.files_[std::string(path->as_string())];
    const json::value* findings = fo->if_contains("findings");
    if (!findings || !findings->is_array())
      return fail(where_file + ": \"findings\" must be an array");
    const json::array& list = findings->as_array();
    for (size_t k = 0; k < list.size(); ++k) {
      const std::string where = where_file + ".findings[" + std::to_string(k) + "]";
      const json::object* o = list[k].if_object();
      if (!o) return fail(where + " must be an object");
      std::string bad;
      auto str = [&](const char* member, bool required) {
        const json::value* v = o->if_contains(member);
        if (v && v->is_string()) return std::string(v->as_string());
        if ((v || required) && bad.empty())
          bad = where + ": \"" + member + "\" must be a string" + (v ? ", not " + kind_of(*v) : "");
        return std::string();
      };
      BaselineEntry e{str("rule", true), str("key", false), str("fingerprint", false),
                      str("message", false)};
      const std::string severity = str("severity", false);
      if (!bad.empty()) return fail(bad);
      if (e.rule.empty()) return fail(where + ": \"rule\" is empty");
      if (e.fingerprint.empty())
        e.fingerprint = make_fingerprint(e.rule, e.key, 0);  // hand-written entries
      if (!severity.empty()) {
        const std::optional<Severity> sev = parse_severity(severity);
        if (!sev) return fail(where + ": \"severity\" must be error, warning or info");
        e.severity = *sev;
      }
      if (const json::value* l = o->if_contains("line")) {
        if (!l->is_int64() || l->as_int64() < 0 || l->as_int64() > UINT32_MAX)
          return fail(where + ": \"line\" must be a line number, not " + kind_of(*l));
        e.line = static_cast<uint32_t>(l->as_int64());
      }
      entries.push_back(std::move(e));
    }
  }
  return b;
}

FileBaseline RecordedBaseline::for_input(const std::string& input) const {
  FileBaseline out;
  out.origin = "the baseline file " + file_;
  auto it = files_.find(relative_to(input, dir_));
  if (it != files_.end()) out.entries = it->second;
  return out;
}

BaselineRecorder::BaselineRecorder(std::string file) : file_(std::move(file)) {}

void BaselineRecorder::add(const FileResult& result) {
  std::vector<BaselineEntry> entries;
  for (const auto& f : result.findings)
    if (!f.suppressed) entries.push_back(baseline_entry(f));
  add(result.path, std::move(entries));
}

void BaselineRecorder::add(const std::string& path, std::vector<BaselineEntry> entries) {
  if (path == "<stdin>" || path == "-") return;  // nothing to match it with later
  files_.emplace_back(relative_to(path, folder_of(file_)), std::move(entries));
}

size_t BaselineRecorder::findings() const {
  size_t n = 0;
  for (const auto& [path, entries] : files_) n += entries.size();
  return n;
}

std::string BaselineRecorder::write() const {
  // One finding a line, files sorted by path: the file is meant to live in version control,
  // where such a layout keeps diffs readable.
  auto sorted = files_;
  std::stable_sort(sorted.begin(), sorted.end(),
                   [](const auto& a, const auto& b) { return a.first < b.first; });
  std::ostringstream out;
  out << "{\"wikivet_baseline\": " << kBaselineFormat << ",\n \"tool\": "
      << json::serialize(json::object{{"name", "wikivet"}, {"version", kVersion}})
      << ",\n \"files\": [";
  for (size_t i = 0; i < sorted.size(); ++i) {
    out << (i ? ",\n" : "\n")
        << "  {\"path\": " << json::serialize(json::string(utf8(sorted[i].first)))
        << ", \"findings\": [";
    const auto& entries = sorted[i].second;
    for (size_t j = 0; j < entries.size(); ++j) {
      const auto& e = entries[j];
      json::object o{{"rule", utf8(e.rule)},
                     {"key", utf8(e.key)},
                     {"fingerprint", e.fingerprint},
                     {"severity", to_string(e.severity)},
                     {"line", e.line},
                     {"message", utf8(e.message)}};
      out << (j ? ",\n" : "\n") << "    " << json::serialize(o);
    }
    out << (entries.empty() ? "]}" : "\n  ]}");
  }
  out << "\n ]}\n";
  // A device or a pipe (/dev/stdout, a FIFO) is written to as it is: replacing it with a
  // regular file by a rename would destroy it (as root, even /dev/full).
  struct stat st {};
  if (::stat(file_.c_str(), &st) == 0 && !S_ISREG(st.st_mode)) {
    std::ofstream f(file_, std::ios::binary);
    f << out.str();
    f.close();
    if (!f) return "cannot write '" + file_ + "' (disk full?)";
    return {};
  }
  return atomic_write_file(file_, out.str());
}

// ---- git ---------------------------------------------------------------------------------

namespace {

struct Run {
  int status = -1;  // exit code, -1 when git could not be started
  std::string out, err;
};

// Runs git with `args` (no shell). Git's location variables are made absolute first: a hook
// exports GIT_DIR=.git, which `git -C folder` would otherwise read relative to that folder.
Run run_git(const std::vector<std::string>& args) {
  Run r;
  std::vector<std::string> env_strings;
  for (char** e = environ; *e; ++e) {
    std::string kv(*e);
    for (const char* var : {"GIT_DIR=", "GIT_WORK_TREE=", "GIT_INDEX_FILE=", "GIT_COMMON_DIR=",
                            "GIT_OBJECT_DIRECTORY="}) {
      if (kv.starts_with(var) && kv.size() > std::strlen(var) && kv[std::strlen(var)] != '/') {
        std::error_code ec;
        kv = var + fs::absolute(kv.substr(std::strlen(var)), ec).generic_string();
      }
    }
    env_strings.push_back(std::move(kv));
  }
  std::vector<char*> envp;
  for (auto& s : env_strings) envp.push_back(s.data());
  envp.push_back(nullptr);
  std::vector<std::string> argv_strings{"git"};
  argv_strings.insert(argv_strings.end(), args.begin(), args.end());
  std::vector<char*> argv;
  for (auto& s : argv_strings) argv.push_back(s.data());
  argv.push_back(nullptr);

  int out_pipe[2], err_pipe[2];
  if (::pipe(out_pipe) != 0) return r;
  if (::pipe(err_pipe) != 0) {
    ::close(out_pipe[0]);
    ::close(out_pipe[1]);
    return r;
  }
  posix_spawn_file_actions_t actions;
  posix_spawn_file_actions_init(&actions);
  posix_spawn_file_actions_adddup2(&actions, out_pipe[1], 1);
  posix_spawn_file_actions_adddup2(&actions, err_pipe[1], 2);
  posix_spawn_file_actions_addclose(&actions, out_pipe[0]);
  posix_spawn_file_actions_addclose(&actions, err_pipe[0]);
  posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0);
  pid_t pid = 0;
  const int rc = posix_spawnp(&pid, "git", &actions, nullptr, argv.data(), envp.data());
  posix_spawn_file_actions_destroy(&actions);
  ::close(out_pipe[1]);
  ::close(err_pipe[1]);
  if (rc != 0) {
    ::close(out_pipe[0]);
    ::close(err_pipe[0]);
    r.err = std::string("cannot run git: ") + std::strerror(rc);
    return r;
  }
  // Read both pipes until both close (either may fill up while the other is waited on).
  pollfd fds[2] = {{out_pipe[0], POLLIN, 0}, {err_pipe[0], POLLIN, 0}};
  std::string* sinks[2] = {&r.out, &r.err};
  int open_fds = 2;
  char buf[65536];
  while (open_fds > 0) {
    if (::poll(fds, 2, -1) < 0) {
      if (errno == EINTR) continue;
      break;
    }
    for (int i = 0; i < 2; ++i) {
      if (fds[i].fd < 0 || !(fds[i].revents & (POLLIN | POLLHUP | POLLERR))) continue;
      const ssize_t n = ::read(fds[i].fd, buf, sizeof buf);
      if (n > 0) {
        sinks[i]->append(buf, static_cast<size_t>(n));
      } else if (n == 0 || errno != EINTR) {
        ::close(fds[i].fd);
        fds[i].fd = -1;
        --open_fds;
      }
    }
  }
  for (auto& f : fds)
    if (f.fd >= 0) ::close(f.fd);
  int status = 0;
  while (::waitpid(pid, &status, 0) < 0 && errno == EINTR) {
  }
  r.status = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
  return r;
}

std::string first_line(const std::string& s) {
  std::string l = s.substr(0, s.find('\n'));
  return l.empty() ? "git failed" : l;
}

// The path (from the repository root) that `name` in folder `dir` had at `rev`, when git's
// rename detection (`git diff -M`, between REV and the working tree, staged renames included)
// pairs it with a file of REV; nothing when it is not a rename.
std::optional<std::string> renamed_from(const std::string& dir, const std::string& rev,
                                        const std::string& name) {
  const Run prefix = run_git({"-C", dir, "rev-parse", "--show-prefix"});
  if (prefix.status != 0) return std::nullopt;
  std::string here = prefix.out.substr(0, prefix.out.find('\n')) + name;
  // -z: NUL-separated records "R<score>\0old\0new\0", paths from the root, never quoted.
  const Run diff = run_git({"-C", dir, "diff", "-M", "--name-status", "-z", "--diff-filter=R",
                            "--no-relative", "--no-ext-diff", rev, "--"});
  if (diff.status != 0) return std::nullopt;
  std::vector<std::string_view> fields;
  std::string_view rest = diff.out;
  while (!rest.empty()) {
    const size_t nul = rest.find('\0');
    fields.push_back(rest.substr(0, nul));
    if (nul == std::string_view::npos) break;
    rest.remove_prefix(nul + 1);
  }
  for (size_t i = 0; i + 2 < fields.size(); i += 3)
    if (fields[i].starts_with('R') && fields[i + 2] == here) return std::string(fields[i + 1]);
  return std::nullopt;
}

}  // namespace

GitShow git_show(const std::string& rev, const std::string& path) {
  GitShow g;
  if (rev.empty() || rev[0] == '-') {  // the index, or an option: never what was asked
    g.error = "--baseline-git: '" + rev + "' is not a revision";
    return g;
  }
  std::error_code ec;
  const fs::path p(path);
  std::string dir = p.parent_path().string();
  if (dir.empty()) dir = ".";
  const std::string name = p.filename().string();
  // `REV:./name` is the path relative to the repository root that `name` has in this folder.
  Run show = run_git({"-C", dir, "cat-file", "blob", rev + ":./" + name});
  if (show.status == 0) {
    g.exists = true;
    g.bytes = std::move(show.out);
    return g;
  }
  if (show.status < 0 && !show.err.empty() && show.err.starts_with("cannot run git")) {
    g.error = show.err;
    return g;
  }
  // The blob is not there: a new file (fine), or a revision or repository git cannot find.
  const Run commit = run_git({"-C", dir, "rev-parse", "--verify", "--quiet", rev + "^{commit}"});
  if (commit.status == 0) {
    // REV exists, the path does not. A file renamed since REV (`git mv`, or staged as a delete
    // and an add) keeps its old findings: its baseline is the old path's blob.
    if (auto old_path = renamed_from(dir, rev, name)) {
      Run old = run_git({"-C", dir, "cat-file", "blob", rev + ":" + *old_path});
      if (old.status == 0) {
        g.exists = true;
        g.bytes = std::move(old.out);
        g.renamed_from = *old_path;
      }
    }
    return g;  // otherwise a new file: everything is new
  }
  const Run repo = run_git({"-C", dir, "rev-parse", "--git-dir"});
  if (repo.status != 0) {
    g.error =
        "--baseline-git: '" + path + "' is not in a git repository (" + first_line(repo.err) + ")";
    return g;
  }
  if (rev == "HEAD") {
    const Run head = run_git({"-C", dir, "rev-parse", "--verify", "--quiet", "HEAD"});
    if (head.status != 0) return g;  // no commit yet: the first commit is all new
  }
  g.error = "--baseline-git: unknown revision '" + rev + "'";
  return g;
}

// ---- Provider ----------------------------------------------------------------------------

std::optional<BaselineProvider> BaselineProvider::from_file(const std::string& file,
                                                            std::string& error) {
  LoadResult loaded = load_source(file);
  if (!loaded.source) {
    error = "--baseline: " + loaded.error;
    return std::nullopt;
  }
  BaselineProvider b;
  b.spec_ = file;
  const std::string_view bytes = loaded.source->original();
  if (is_recorded_baseline(bytes)) {
    auto recorded = RecordedBaseline::parse(bytes, file, error);
    if (!recorded) return std::nullopt;
    b.kind_ = Kind::Recorded;
    b.recorded_ = std::make_shared<const RecordedBaseline>(std::move(*recorded));
  } else {
    b.kind_ = Kind::Article;
    b.old_ = std::make_shared<const Source>(std::move(*loaded.source));
  }
  return b;
}

BaselineProvider BaselineProvider::from_git(std::string rev) {
  BaselineProvider b;
  b.kind_ = Kind::Git;
  b.spec_ = std::move(rev);
  return b;
}

BaselineProvider BaselineProvider::from_revisions(std::map<std::string, OldRevision> by_input) {
  BaselineProvider b;
  b.kind_ = Kind::Revisions;
  b.revisions_ = std::make_shared<const std::map<std::string, OldRevision>>(std::move(by_input));
  return b;
}

std::optional<FileBaseline> BaselineProvider::for_input(const std::string& input,
                                                        const Config& config,
                                                        std::string& error) const {
  switch (kind_) {
    case Kind::None:
      return std::nullopt;
    case Kind::Article:
      return baseline_from_source(*old_, config, "the baseline " + spec_);
    case Kind::Recorded:
      return recorded_->for_input(input);
    case Kind::Revisions: {
      const auto it = revisions_->find(input);
      if (it == revisions_->end() || !it->second.source) {
        FileBaseline empty;
        empty.origin = it == revisions_->end() ? "no old revision" : it->second.origin;
        return empty;
      }
      return baseline_from_source(*it->second.source, config, it->second.origin);
    }
    case Kind::Git: {
      if (input == "-") {
        error = "--baseline-git cannot find standard input in git";
        return std::nullopt;
      }
      GitShow g = git_show(spec_, input);
      if (!g.error.empty()) {
        error = g.error;
        return std::nullopt;
      }
      const std::string origin =
          spec_ + ":" + (g.renamed_from.empty() ? input : g.renamed_from + " (renamed)");
      if (!g.exists) {
        FileBaseline empty;
        empty.origin = origin;
        return empty;
      }
      const Source old = make_source(input, std::move(g.bytes));
      return baseline_from_source(old, config, origin);
    }
  }
  return std::nullopt;
}

}  // namespace wikivet
