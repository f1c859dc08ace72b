#include "engine/fix.hpp"

#include <fcntl.h>
#include <sys/stat.h>
#include <sys/xattr.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <map>
#include <set>
#include <sstream>

#include "input/load.hpp"

namespace wikivet {

namespace fs = std::filesystem;

bool FixSelection::selects(const Finding& f) const {
  return rules.empty() || std::find(rules.begin(), rules.end(), f.rule) != rules.end();
}

namespace {

// [a, b) and [c, d) collide when they share a byte, or when both are insertions at one place
// (their order would be a guess).
bool overlaps(const TextEdit& x, const TextEdit& y) {
  if (x.begin == x.end && y.begin == y.end) return x.begin == y.begin;
  if (x.begin == x.end) return y.begin < x.begin && x.begin < y.end;
  if (y.begin == y.end) return x.begin < y.begin && y.begin < x.end;
  return x.begin < y.end && y.begin < x.end;
}

}  // namespace

FixPlan plan_fixes(const std::vector<Finding>& findings, const FixSelection& selection) {
  FixPlan plan;
  for (const Finding& f : findings) {
    if (!f.fix || f.fix->edits.empty() || f.suppressed ||
        (f.baseline_state == "unchanged" && !selection.unchanged) || !selection.selects(f))
      continue;
    if (!f.fix->safe && !selection.unsafe) {
      plan.withheld.push_back(&f);
      continue;
    }
    std::vector<TextEdit> edits = f.fix->edits;
    std::sort(edits.begin(), edits.end(),
              [](const TextEdit& a, const TextEdit& b) { return a.begin < b.begin; });
    bool clash = false;
    for (size_t i = 0; i < edits.size() && !clash; ++i) {
      if (edits[i].end < edits[i].begin) clash = true;
      if (i > 0 && overlaps(edits[i - 1], edits[i])) clash = true;
      // plan.edits is sorted: only neighbours of the insertion point can collide.
      auto it = std::lower_bound(plan.edits.begin(), plan.edits.end(), edits[i].begin,
                                 [](const TextEdit& e, size_t pos) { return e.begin < pos; });
      if (it != plan.edits.end() && overlaps(*it, edits[i])) clash = true;
      if (it != plan.edits.begin() && overlaps(*std::prev(it), edits[i])) clash = true;
    }
    if (clash) {
      plan.skipped.push_back(&f);
      continue;
    }
    for (auto& e : edits) {
      auto it = std::lower_bound(plan.edits.begin(), plan.edits.end(), e.begin,
                                 [](const TextEdit& x, size_t pos) { return x.begin < pos; });
      plan.edits.insert(it, std::move(e));
    }
    plan.applied.push_back(&f);
  }
  return plan;
}

std::string apply_edits(std::string_view original, const std::vector<TextEdit>& edits) {
  std::string out;
  out.reserve(original.size());
  size_t at = 0;
  for (const auto& e : edits) {
    const size_t b = std::min(e.begin, original.size()), end = std::min(e.end, original.size());
    if (b < at) continue;  // cannot happen with a plan; never write garbage if it does
    out.append(original.substr(at, b - at));
    out += e.replacement;
    at = std::max(b, end);
  }
  out.append(original.substr(std::min(at, original.size())));
  return out;
}

namespace {

// Lines of `s` as [begin, end) offsets, each end including its '\n'.
std::vector<std::pair<size_t, size_t>> split_lines(std::string_view s) {
  std::vector<std::pair<size_t, size_t>> lines;
  size_t b = 0;
  while (b < s.size()) {
    const size_t nl = s.find('\n', b);
    const size_t e = nl == std::string_view::npos ? s.size() : nl + 1;
    lines.emplace_back(b, e);
    b = e;
  }
  return lines;
}

// Index of the line holding offset `pos` (the last line for the end of the text).
size_t line_of(const std::vector<std::pair<size_t, size_t>>& lines, size_t pos) {
  auto it = std::upper_bound(lines.begin(), lines.end(), pos,
                             [](size_t p, const auto& l) { return p < l.first; });
  return it == lines.begin() ? 0 : static_cast<size_t>(it - lines.begin()) - 1;
}

void emit_lines(std::string& out, char mark, std::string_view text) {
  size_t b = 0;
  while (b < text.size()) {
    const size_t nl = text.find('\n', b);
    const size_t e = nl == std::string_view::npos ? text.size() : nl + 1;
    out += mark;
    out.append(text.substr(b, e - b));
    if (nl == std::string_view::npos) out += "\n\\ No newline at end of file\n";
    b = e;
  }
}

size_t count_lines(std::string_view text) {
  if (text.empty()) return 0;
  return static_cast<size_t>(std::count(text.begin(), text.end(), '\n')) +
         (text.back() == '\n' ? 0 : 1);
}

std::string hunk_range(size_t start, size_t count) {
  // Unified diff: "l,s"; an empty range names the line before it.
  if (count == 0) return std::to_string(start == 0 ? 0 : start - 1) + ",0";
  if (count == 1) return std::to_string(start);
  return std::to_string(start) + "," + std::to_string(count);
}

// Edits close enough to share a hunk. Each edit touches whole lines [first, last]; an edit at
// the very end of a file without a final newline touches the last line.
struct Group {
  size_t first, last;  // line indexes in the original
  std::vector<const TextEdit*> edits;
};

std::vector<Group> group_edits(const std::vector<std::pair<size_t, size_t>>& lines,
                               const std::vector<TextEdit>& edits, size_t ctx) {
  std::vector<Group> groups;
  for (const auto& e : edits) {
    size_t first = lines.empty() ? 0 : line_of(lines, e.begin);
    size_t last = lines.empty() ? 0 : line_of(lines, e.end > e.begin ? e.end - 1 : e.begin);
    if (!groups.empty() && first <= groups.back().last + 2 * ctx + 1) {
      groups.back().last = std::max(groups.back().last, last);
      groups.back().edits.push_back(&e);
    } else {
      groups.push_back({first, last, {&e}});
    }
  }
  return groups;
}

// Where a word of the word diff ends: whitespace, and wikitext's markup characters, so that a
// renumbered `|124` shows as |[-124-]{+125+} and a date inside a template as the date alone.
bool ends_word(char c) {
  switch (c) {
    case ' ':
    case '\t':
    case '\n':
    case '\r':
    case '|':
    case '[':
    case ']':
    case '{':
    case '}':
    case '<':
    case '>':
    case '=':
    case '"':
      return true;
    default:
      return false;
  }
}

}  // namespace

std::string word_diff(const std::string& path, std::string_view original,
                      const std::vector<TextEdit>& edits, int context) {
  if (edits.empty()) return {};
  const auto lines = split_lines(original);
  const size_t n_lines = lines.size();
  const size_t ctx = static_cast<size_t>(std::max(0, context));
  std::string out = "--- a/" + path + "\n+++ b/" + path + "\n";
  long long shift = 0;
  for (const auto& g : group_edits(lines, edits, ctx)) {
    // Every edit widened to whole words (as `git diff --word-diff` does, with wikitext's markup
    // characters as separators too); edits whose words touch make one change.
    struct Span {
      size_t begin, end;
      std::vector<const TextEdit*> edits;
    };
    std::vector<Span> spans;
    for (const TextEdit* e : g.edits) {
      size_t b = std::min(e->begin, original.size());
      size_t end = std::min(std::max(e->begin, e->end), original.size());
      while (b > 0 && !ends_word(original[b - 1])) --b;
      while (end < original.size() && !ends_word(original[end])) ++end;
      if (!spans.empty() && b <= spans.back().end) {
        spans.back().end = std::max(spans.back().end, end);
        spans.back().edits.push_back(e);
      } else {
        spans.push_back({b, end, {e}});
      }
    }
    const size_t block_b =
        std::min(n_lines ? lines[std::min(g.first, n_lines - 1)].first : 0, spans.front().begin);
    const size_t block_e =
        std::max(n_lines ? lines[std::min(g.last, n_lines - 1)].second : 0, spans.back().end);
    std::string marked, changed;
    size_t at = block_b;
    for (const Span& sp : spans) {
      marked.append(original.substr(at, sp.begin - at));
      changed.append(original.substr(at, sp.begin - at));
      std::string now;
      size_t p = sp.begin;
      for (const TextEdit* e : sp.edits) {
        now.append(original.substr(p, e->begin - p));
        now += e->replacement;
        p = std::max(e->begin, e->end);
      }
      now.append(original.substr(p, sp.end - p));
      const std::string_view was = original.substr(sp.begin, sp.end - sp.begin);
      if (was != now) {
        if (!was.empty()) marked += "[-" + std::string(was) + "-]";
        if (!now.empty()) marked += "{+" + now + "+}";
      } else {
        marked += now;
      }
      changed += now;
      at = sp.end;
    }
    marked.append(original.substr(at, block_e - at));
    changed.append(original.substr(at, block_e - at));
    const std::string_view old_block = original.substr(block_b, block_e - block_b);
    const size_t first = n_lines ? line_of(lines, block_b) : 0;
    const size_t last = n_lines ? line_of(lines, block_e > block_b ? block_e - 1 : block_b) : 0;
    const size_t pre_first = first >= ctx ? first - ctx : 0;
    const size_t post_last = n_lines ? std::min(n_lines - 1, last + ctx) : 0;
    const size_t post = n_lines ? post_last - std::min(post_last, last) : 0;
    const size_t pre = first - pre_first;
    const size_t old_start = pre_first + 1;
    const size_t new_start = static_cast<size_t>(static_cast<long long>(old_start) + shift);
    out += "@@ -" + hunk_range(old_start, pre + count_lines(old_block) + post) + " +" +
           hunk_range(new_start, pre + count_lines(changed) + post) + " @@\n";
    for (size_t i = pre_first; i < first; ++i)
      out.append(original.substr(lines[i].first, lines[i].second - lines[i].first));
    out += marked;
    if (marked.empty() || marked.back() != '\n') out += '\n';
    for (size_t i = last + 1; post > 0 && i <= post_last; ++i)
      out.append(original.substr(lines[i].first, lines[i].second - lines[i].first));
    if (out.back() != '\n') out += '\n';
    shift += static_cast<long long>(count_lines(changed)) -
             static_cast<long long>(count_lines(old_block));
  }
  return out;
}

std::string unified_diff(const std::string& path, std::string_view original,
                         const std::vector<TextEdit>& edits, int context) {
  if (edits.empty()) return {};
  const auto lines = split_lines(original);
  const size_t ctx = static_cast<size_t>(std::max(0, context));
  const std::vector<Group> groups = group_edits(lines, edits, ctx);
  std::string out = "--- a/" + path + "\n+++ b/" + path + "\n";
  long long shift = 0;  // new line number minus old, before the current hunk
  for (const auto& g : groups) {
    const size_t n_lines = lines.size();
    const size_t block_b = n_lines ? lines[std::min(g.first, n_lines - 1)].first : 0;
    const size_t block_e = n_lines ? lines[std::min(g.last, n_lines - 1)].second : 0;
    std::string changed;
    size_t at = block_b;
    for (const TextEdit* e : g.edits) {
      changed.append(original.substr(at, e->begin - at));
      changed += e->replacement;
      at = std::max(e->begin, e->end);
    }
    changed.append(original.substr(at, block_e - std::min(at, block_e)));
    const std::string_view old_block = original.substr(block_b, block_e - block_b);
    const size_t pre_first = g.first >= ctx ? g.first - ctx : 0;
    const size_t post_last = n_lines ? std::min(n_lines - 1, g.last + ctx) : 0;
    const size_t pre = g.first - pre_first;
    const size_t post = n_lines ? post_last - std::min(post_last, g.last) : 0;
    const size_t old_count = pre + count_lines(old_block) + post;
    const size_t new_count = pre + count_lines(changed) + post;
    const size_t old_start = pre_first + 1;
    const size_t new_start = static_cast<size_t>(static_cast<long long>(old_start) + shift);
    out += "@@ -" + hunk_range(old_start, old_count) + " +" + hunk_range(new_start, new_count) +
           " @@\n";
    for (size_t i = pre_first; i < g.first; ++i)
      emit_lines(out, ' ', original.substr(lines[i].first, lines[i].second - lines[i].first));
    emit_lines(out, '-', old_block);
    emit_lines(out, '+', changed);
    for (size_t i = g.last + 1; i <= post_last && i < n_lines && post > 0; ++i)
      emit_lines(out, ' ', original.substr(lines[i].first, lines[i].second - lines[i].first));
    shift += static_cast<long long>(count_lines(changed)) -
             static_cast<long long>(count_lines(old_block));
  }
  return out;
}

FileStamp stamp_file(const std::string& path) {
  FileStamp s;
  struct stat st {};
  if (::stat(path.c_str(), &st) != 0) return s;
  s.valid = true;
  s.size = static_cast<uint64_t>(st.st_size);
  s.mtime_ns = static_cast<int64_t>(st.st_mtim.tv_sec) * 1000000000LL + st.st_mtim.tv_nsec;
  s.inode = static_cast<uint64_t>(st.st_ino);
  return s;
}

std::string atomic_write_file(const std::string& path, std::string_view bytes) {
  std::error_code ec;
  // Follow a symbolic link: the file it names is the one to replace, the link stays.
  fs::path target = fs::exists(path, ec) ? fs::canonical(path, ec) : fs::path(path);
  if (ec) target = path;
  fs::path dir = target.parent_path();
  if (dir.empty()) dir = ".";
  mode_t mode = 0644;
  struct stat st {};
  const bool existed = ::stat(target.c_str(), &st) == 0;
  // A rename would put a regular file in the place of a device, pipe or socket.
  if (existed && !S_ISREG(st.st_mode))
    return "'" + target.string() + "' is not a regular file (a pipe, a device or a socket)";
  if (existed) {
    mode = st.st_mode & 07777;
  } else {
    const mode_t mask = ::umask(0);
    ::umask(mask);
    mode = 0666 & ~mask;
  }
  // Built by appending: `"." + std::string` trips GCC 12's -Wrestrict false positive.
  std::string name = ".";
  name += target.filename().string();
  name += ".wikivet-XXXXXX";
  std::string tmp = (dir / name).string();
  const int fd = ::mkstemp(tmp.data());
  if (fd < 0)
    return "cannot create a temporary file in '" + dir.string() + "': " + std::strerror(errno);
  auto fail = [&](const char* what) {
    const std::string why = std::string(what) + " '" + tmp + "': " + std::strerror(errno);
    ::close(fd);
    ::unlink(tmp.c_str());
    return why;
  };
  size_t done = 0;
  while (done < bytes.size()) {
    const ssize_t n = ::write(fd, bytes.data() + done, bytes.size() - done);
    if (n < 0) {
      if (errno == EINTR) continue;
      return fail("cannot write");
    }
    done += static_cast<size_t>(n);
  }
  if (existed && (st.st_uid != ::geteuid() || st.st_gid != ::getegid())) {
    // Keep the owner and group (root fixing someone's file). A rename that would hand the
    // file to someone else is not done.
    if (::fchown(fd, st.st_uid, st.st_gid) != 0) return fail("cannot keep the owner of");
  }
  // After the chown, which clears setuid and setgid bits.
  if (::fchmod(fd, mode) != 0) return fail("cannot set permissions of");
  if (::fsync(fd) != 0) return fail("cannot sync");
  if (::close(fd) != 0) {
    ::unlink(tmp.c_str());
    return "cannot close '" + tmp + "': " + std::strerror(errno);
  }
  if (::rename(tmp.c_str(), target.c_str()) != 0) {
    const std::string why = "cannot replace '" + target.string() + "': " + std::strerror(errno);
    ::unlink(tmp.c_str());
    return why;
  }
  return {};
}

std::string recheck_problem(const std::vector<Finding>& before,
                            const std::vector<const Finding*>& fixed,
                            const std::vector<Finding>& after,
                            const std::vector<BaselineEntry>* baseline) {
  using Key = std::pair<std::string, std::string>;
  std::map<Key, size_t> count_before, count_after, count_fixed, count_baseline;
  for (const auto& f : before) ++count_before[{f.rule, f.key}];
  for (const auto& f : after) ++count_after[{f.rule, f.key}];
  for (const Finding* f : fixed) ++count_fixed[{f->rule, f->key}];
  if (baseline)
    for (const auto& e : *baseline) ++count_baseline[{e.rule, e.key}];
  for (const auto& [k, n] : count_fixed) {
    const size_t was = count_before[k];
    if (count_after[k] + n > was)
      return "the fixed finding " + k.first + " '" + k.second + "' is still there";
  }
  for (const auto& [k, n] : count_after) {
    const size_t allowed = std::max(count_before[k], count_baseline[k]);
    if (n > allowed) {
      for (const auto& f : after)
        if (f.rule == k.first && f.key == k.second)
          return "the fix made a new finding: " + f.message + " [" + f.rule + "] at line " +
                 std::to_string(f.location.start.line);
    }
  }
  return {};
}

namespace {

// The file's bytes now, or nothing when it cannot be read.
std::optional<std::string> read_bytes(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return std::nullopt;
  std::ostringstream ss;
  ss << in.rdbuf();
  if (in.bad()) return std::nullopt;
  return std::move(ss).str();
}

// Why `path` cannot be fixed by replacing it with a new file, or "" when it can: only a
// regular file that is writable, has one name and carries nothing a rename would drop.
std::string unfixable_file(const std::string& path) {
  struct stat st {};
  if (::stat(path.c_str(), &st) != 0) return std::string("cannot stat: ") + std::strerror(errno);
  if (!S_ISREG(st.st_mode)) return "not a regular file (a pipe, a device or a socket)";
  // Checked by bits too: root may write a 0444 file, but its owner said no.
  if ((st.st_mode & 0222) == 0 || ::access(path.c_str(), W_OK) != 0) return "the file is read-only";
  if (st.st_nlink > 1)
    return "the file has " + std::to_string(st.st_nlink) +
           " hard links, which a rewrite would separate";
  const ssize_t xattrs = ::listxattr(path.c_str(), nullptr, 0);
  if (xattrs > 0) return "the file has extended attributes (or an ACL), which a rewrite would drop";
  return {};
}

// The line ends a file uses: the one kind it has, none, or several kinds (mixed).
enum class LineEnds : uint8_t { None, Lf, CrLf, Cr, Mixed };

LineEnds line_ends_of(std::string_view s) {
  bool lf = false, crlf = false, cr = false;
  for (size_t i = 0; i < s.size(); ++i) {
    if (s[i] == '\n') {
      lf = true;
    } else if (s[i] == '\r') {
      if (i + 1 < s.size() && s[i + 1] == '\n') {
        crlf = true;
        ++i;
      } else {
        cr = true;
      }
    }
  }
  const int kinds = int{lf} + int{crlf} + int{cr};
  if (kinds > 1) return LineEnds::Mixed;
  return crlf ? LineEnds::CrLf : cr ? LineEnds::Cr : lf ? LineEnds::Lf : LineEnds::None;
}

// Writes the line ends in the edits' replacements as the file writes its own (a definition
// taken from an LF baseline into a CR-only or CRLF file), so that a fix changes nothing but
// what it fixes. A file with several kinds of line end gives no answer: returns false when a
// replacement would need one there.
bool match_line_ends(std::vector<TextEdit>& edits, std::string_view original) {
  bool needed = false;
  for (const TextEdit& e : edits)
    needed = needed || e.replacement.find_first_of("\r\n") != std::string::npos;
  if (!needed) return true;
  const LineEnds style = line_ends_of(original);
  if (style == LineEnds::Mixed) return false;
  const std::string_view end = style == LineEnds::CrLf ? "\r\n"
                               : style == LineEnds::Cr ? "\r"
                                                       : "\n";
  for (TextEdit& e : edits) {
    const std::string& r = e.replacement;
    if (r.find_first_of("\r\n") == std::string::npos) continue;
    std::string out;
    out.reserve(r.size());
    for (size_t i = 0; i < r.size(); ++i) {
      if (r[i] == '\r' || r[i] == '\n') {
        if (r[i] == '\r' && i + 1 < r.size() && r[i + 1] == '\n') ++i;
        out += end;
      } else {
        out += r[i];
      }
    }
    e.replacement = std::move(out);
  }
  return true;
}

std::string count_text(size_t n, const char* one, const char* many) {
  return std::to_string(n) + " " + (n == 1 ? one : many);
}

}  // namespace

FixOutcome fix_file(const FixRequest& rq) {
  FixOutcome o;
  const Source& src = *rq.source;
  const std::string& path = src.path();
  FixPlan plan = plan_fixes(*rq.findings, rq.selection);
  o.applied = plan.applied.size();
  o.skipped = plan.skipped.size();
  o.withheld = plan.withheld.size();
  for (const Finding* f : plan.applied) o.applied_rules.push_back(f->rule);
  const std::string withheld_note =
      o.withheld ? "; " + count_text(o.withheld, "unsafe fix", "unsafe fixes") +
                       " withheld (--unsafe-fixes applies " + (o.withheld == 1 ? "it)" : "them)")
                 : "";
  if (plan.edits.empty()) {
    if (o.withheld) o.message = path + ": no safe fix" + withheld_note;
    return o;
  }
  const std::string skipped_note =
      (o.skipped ? " (" + count_text(o.skipped, "fix overlaps", "fixes overlap") +
                       " another and waits for the next run)"
                 : "") +
      withheld_note;
  if (!match_line_ends(plan.edits, src.original())) {
    o.status = FixOutcome::Status::Refused;
    o.message = path +
                ": not fixed: the file mixes line ends (LF, CRLF, CR) and a fix would write "
                "one; make them one kind first";
    return o;
  }
  if (!rq.write) {
    o.status = FixOutcome::Status::Diffed;
    o.diff = rq.word_diff ? word_diff(path, src.original(), plan.edits)
                          : unified_diff(path, src.original(), plan.edits);
    o.message = path + ": " + count_text(o.applied, "fix", "fixes") + " would apply" + skipped_note;
    return o;
  }
  if (path == "<stdin>" || src.adapted()) {
    o.status = FixOutcome::Status::Refused;
    o.message = path + ": not fixed: " +
                (path == "<stdin>" ? std::string("standard input cannot be written back")
                                   : "only plain wikitext files are fixed, not " + src.adapter() +
                                         " input (use --diff to see the change)");
    return o;
  }
  if (std::string why = unfixable_file(path); !why.empty()) {
    o.status = FixOutcome::Status::Refused;
    o.message = path + ": not fixed: " + why;
    return o;
  }
  const std::string fixed = apply_edits(src.original(), plan.edits);
  if (rq.before_write) rq.before_write();
  // Refuse a file that changed since it was read: its size, time and bytes must be as read.
  const FileStamp now = stamp_file(path);
  const auto current = read_bytes(path);
  if (!rq.stamp.valid || !now.valid || now.size != rq.stamp.size ||
      now.mtime_ns != rq.stamp.mtime_ns || now.inode != rq.stamp.inode || !current ||
      *current != src.original()) {
    o.status = FixOutcome::Status::Refused;
    o.message = path + ": not fixed: the file changed since wikivet read it";
    return o;
  }
  if (std::string err = atomic_write_file(path, fixed); !err.empty()) {
    o.status = FixOutcome::Status::Failed;
    o.message = path + ": not fixed: " + err;
    return o;
  }
  // Re-check what is on disk now.
  LoadResult again = load_source(path);
  std::string problem;
  if (!again.source) {
    problem = again.error;
  } else {
    o.after_source = std::make_unique<Source>(std::move(*again.source));
    o.after = rq.recheck(*o.after_source);
    std::vector<Finding> before_shown, after_shown;
    for (const auto& f : *rq.findings)
      if (!f.suppressed) before_shown.push_back(f);
    for (const auto& f : o.after.findings)
      if (!f.suppressed) after_shown.push_back(f);
    problem = recheck_problem(before_shown, plan.applied, after_shown, rq.baseline);
  }
  if (!problem.empty()) {
    // Restore only what wikivet wrote: a file saved meanwhile (an editor, the user) is theirs.
    const auto on_disk = read_bytes(path);
    if (!on_disk || *on_disk != fixed) {
      o.after_source.reset();
      o.after = FileResult{};
      o.status = FixOutcome::Status::Failed;
      o.message = path + ": the re-check found a problem (" + problem +
                  "), but the file changed after wikivet wrote it: it is left as it is now";
      return o;
    }
    const std::string err = atomic_write_file(path, src.original());
    o.after_source.reset();
    o.after = FileResult{};
    if (!err.empty()) {
      o.status = FixOutcome::Status::Failed;
      o.message = path + ": the re-check failed (" + problem +
                  ") and the original could not be restored: " + err;
      return o;
    }
    o.status = FixOutcome::Status::RolledBack;
    o.message =
        path + ": not fixed: the re-check failed (" + problem + "); the original is restored";
    return o;
  }
  o.status = FixOutcome::Status::Written;
  o.message = path + ": applied " + count_text(o.applied, "fix", "fixes") + skipped_note;
  return o;
}

}  // namespace wikivet
