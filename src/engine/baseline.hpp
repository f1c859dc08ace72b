#pragma once
// Baselines: what a file's findings were before an edit, so that a check reports only what the
// edit broke. A baseline comes from an OLD revision of the article (a file, or `git show
// REV:path`), which is checked with the same configuration, or from a recorded baseline file
// (`--write-baseline`), a JSON document described in docs/baselines-and-fixes.md.
//
// Findings are matched by fingerprint (rule + key + occurrence, engine/finding.hpp), never by
// line, so rows inserted above, sections moved and citations added elsewhere leave them alone.
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/source.hpp"
#include "engine/config.hpp"
#include "engine/engine.hpp"

namespace wikivet {

// One finding as a baseline remembers it.
struct BaselineEntry {
  std::string rule;
  std::string key;
  std::string fingerprint;
  std::string message;
  Severity severity = Severity::Warning;
  uint32_t line = 0;  // where it was (informative only; 0 when unknown)
};

BaselineEntry baseline_entry(const Finding& f);

// The baseline of one file.
struct FileBaseline {
  std::vector<BaselineEntry> entries;
  // Named-ref definitions of the old revision (empty for a recorded baseline): what the
  // ref-undefined fix restores.
  std::vector<RefDonor> ref_definitions;
  std::string origin;  // for messages: "the baseline (old.wiki)", "HEAD:articles/x.wiki"
};

// The named references `article` defines with content, first definition of each name first.
std::vector<RefDonor> ref_definitions_of(const Source& source, const std::string& origin);

// Checks an old revision with `config` and remembers its findings and definitions.
FileBaseline baseline_from_source(const Source& old, const Config& config, std::string origin);

// Compares `result` with `baseline`: marks every finding "new" or "unchanged", counts the
// baseline's findings that are gone ("absent") and lists them in result.absent.
void apply_baseline(FileResult& result, const FileBaseline& baseline);
// What is reported without --show-baseline: unchanged and absent findings go (the counts stay).
void hide_baseline(FileResult& result);

// ---- Recorded baseline files -------------------------------------------------------------

// Whether `bytes` is a recorded baseline file rather than wikitext (by content: a JSON object
// whose "wikivet_baseline" member holds the format version).
bool is_recorded_baseline(std::string_view bytes);

// A parsed baseline file. Paths inside are relative to the file's own folder, so a baseline
// stays valid whatever folder wikivet runs from.
class RecordedBaseline {
 public:
  // Parses `bytes` read from `file`; on failure returns nothing and sets `error` (one line).
  static std::optional<RecordedBaseline> parse(std::string_view bytes, const std::string& file,
                                               std::string& error);
  // The entries recorded for `input` (a path as given on the command line); empty when the
  // baseline does not know the file.
  FileBaseline for_input(const std::string& input) const;

 private:
  std::string file_;
  std::string dir_;  // absolute, normalised
  std::map<std::string, std::vector<BaselineEntry>> files_;
};

// Collects the findings of a run and writes them as a recorded baseline.
class BaselineRecorder {
 public:
  explicit BaselineRecorder(std::string file);
  void add(const FileResult& result);  // suppressed findings are not recorded
  void add(const std::string& path, std::vector<BaselineEntry> entries);
  // Writes the file (atomically); returns an error message, empty on success.
  std::string write() const;
  size_t findings() const;
  size_t files() const { return files_.size(); }

 private:
  std::string file_;
  std::vector<std::pair<std::string, std::vector<BaselineEntry>>> files_;
};

// ---- git ---------------------------------------------------------------------------------

// The content of `path` (a file in a git working tree) at revision `rev`, by `git show
// REV:./name` run in the file's folder (the path at REV relative to the repository root is the
// same as now). A file renamed since REV (git's rename detection, `git diff -M REV`, sees the
// staged rename) has the old path's content. `exists` is false when the file is new (not in REV);
// `error` is set when git cannot answer (not a repository, unknown revision). A repository without
// commits yet has an empty baseline for REV "HEAD".
struct GitShow {
  bool exists = false;
  std::string bytes;
  std::string error;
  std::string renamed_from;  // the path at REV (from the repository root) of a renamed file
};
GitShow git_show(const std::string& rev, const std::string& path);

// ---- One place that answers "what is the baseline of this input?" ------------------------

class BaselineProvider {
 public:
  BaselineProvider() = default;  // no baseline
  // `--baseline FILE`: a recorded baseline file or an old article, told apart by content.
  static std::optional<BaselineProvider> from_file(const std::string& file, std::string& error);
  // `--baseline-git REV`.
  static BaselineProvider from_git(std::string rev);
  // Old revisions already in memory, one per input (`check --wiki --baseline-revision`): each
  // input's baseline is its old text, checked with the input's configuration. An input without
  // one (a page's first revision) has an empty baseline: everything in it is new.
  struct OldRevision {
    std::shared_ptr<const Source> source;  // null: no old revision
    std::string origin;                    // "revision 123 of 'Mali'"
  };
  static BaselineProvider from_revisions(std::map<std::string, OldRevision> by_input);

  bool active() const { return kind_ != Kind::None; }
  bool is_article() const { return kind_ == Kind::Article; }
  // The baseline of one input. Nothing when there is no baseline; `error` is set when one
  // was asked for but could not be read (git failed).
  std::optional<FileBaseline> for_input(const std::string& input, const Config& config,
                                        std::string& error) const;

 private:
  enum class Kind { None, Article, Recorded, Git, Revisions };
  Kind kind_ = Kind::None;
  std::string spec_;                                                     // the file or the revision
  std::shared_ptr<const Source> old_;                                    // Kind::Article
  std::shared_ptr<const RecordedBaseline> recorded_;                     // Kind::Recorded
  std::shared_ptr<const std::map<std::string, OldRevision>> revisions_;  // Kind::Revisions
};

}  // namespace wikivet
