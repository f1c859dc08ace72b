#pragma once
// Fixes: from the fixes rules offer to a file on disk, safely.
//
//   plan_fixes     picks the fixes of the selected findings and drops any fix that overlaps
//                  one taken before it (document order), so edits never collide;
//   apply_edits    applies a plan's edits to the original bytes;
//   unified_diff   shows a change as a unified diff (--diff);
//   fix_file       does the whole thing for one file: refuses a file that changed since it
//                  was read, writes atomically (temporary file in the same folder, then
//                  rename, permissions kept), re-checks what it wrote, and restores the
//                  original when the fixed findings are not gone or a new finding appeared.
#include <cstdint>
#include <functional>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "core/source.hpp"
#include "engine/baseline.hpp"
#include "engine/engine.hpp"

namespace wikivet {

// Which findings' fixes to use: `--fix-only RULE` (repeatable); empty means every rule.
struct FixSelection {
  std::vector<std::string> rules;
  bool unsafe = false;     // --unsafe-fixes: unsafe fixes too (Fix::safe)
  bool unchanged = false;  // --fix-all: also the fixes of findings the baseline already had
  bool selects(const Finding& f) const;
};

struct FixPlan {
  std::vector<TextEdit> edits;           // sorted by position, never overlapping
  std::vector<const Finding*> applied;   // findings whose whole fix is in `edits`
  std::vector<const Finding*> skipped;   // fixes that touch an earlier one's text (next run)
  std::vector<const Finding*> withheld;  // unsafe fixes, left out without --unsafe-fixes
};

// Fixes of the findings that are shown (not suppressed, not "unchanged" against a baseline
// unless selection.unchanged) and selected, safe ones only unless selection.unsafe, taken in
// document order; a fix is taken whole or not at all. Two edits overlap when their ranges
// share a byte, or when both insert at the same place.
FixPlan plan_fixes(const std::vector<Finding>& findings, const FixSelection& selection);

// `original` with `edits` (sorted, non-overlapping, offsets into `original`) applied.
std::string apply_edits(std::string_view original, const std::vector<TextEdit>& edits);

// A unified diff (`--- a/PATH`, `+++ b/PATH`, hunks with `context` lines) of the change the
// edits make; empty when there are none. Every hunk groups the edits whose lines are close.
std::string unified_diff(const std::string& path, std::string_view original,
                         const std::vector<TextEdit>& edits, int context = 3);

// The same change word by word, as `git diff --word-diff=plain` shows it: hunk headers as in
// the unified diff, then the lines with each changed run of words written [-old-]{+new+}
// (words are runs between whitespace and the markup characters |[]{}<>="). Wikitext paragraphs are
// single long lines, where a unified diff hides a changed date in a screenful of unchanged prose.
std::string word_diff(const std::string& path, std::string_view original,
                      const std::vector<TextEdit>& edits, int context = 3);

// What a file looked like when it was read: compared before writing.
struct FileStamp {
  bool valid = false;
  uint64_t size = 0;
  int64_t mtime_ns = 0;
  uint64_t inode = 0;
};
FileStamp stamp_file(const std::string& path);

// Replaces `path` with `bytes` atomically: a temporary file in the same folder, the old file's
// permission bits, fsync, rename. A symbolic link is followed (its target is replaced). Returns
// an error message, empty on success.
std::string atomic_write_file(const std::string& path, std::string_view bytes);

// The re-check's verdict: the fixed findings must be gone, and no finding may appear that
// neither the file before the fix nor its baseline had (compared per rule and key, so that
// occurrence numbering cannot hide a finding or invent one).
std::string recheck_problem(const std::vector<Finding>& before,
                            const std::vector<const Finding*>& fixed,
                            const std::vector<Finding>& after,
                            const std::vector<BaselineEntry>* baseline);

struct FixRequest {
  const Source* source = nullptr;                  // the file as read (original() is written to)
  const std::vector<Finding>* findings = nullptr;  // its findings, baseline states applied
  FileStamp stamp;                                 // taken before the file was read
  FixSelection selection;
  bool write = true;       // false: --diff (plan and show, write nothing)
  bool word_diff = false;  // --diff=words
  // Checks the file written (the engine's check_source with the run's config and context).
  std::function<FileResult(const Source&)> recheck;
  const std::vector<BaselineEntry>* baseline = nullptr;  // the file's baseline, if any
  // Test hook: runs after the file was read and planned, just before it is compared and
  // written. Tests use it to change the file at that exact moment.
  std::function<void()> before_write;
};

struct FixOutcome {
  enum class Status {
    Nothing,     // no fix to apply: the file is not touched
    Diffed,      // --diff: `diff` holds the change, nothing written
    Written,     // written and re-checked
    Refused,     // the file changed since it was read, or cannot be fixed (stdin, adapted input)
    RolledBack,  // written, the re-check failed, the original is back
    Failed,      // could not write (the file is unchanged) or could not restore
  };
  Status status = Status::Nothing;
  std::string message;  // one line for the user (empty for Nothing)
  std::string diff;
  size_t applied = 0;
  size_t skipped = 0;
  size_t withheld = 0;                     // unsafe fixes not applied (no --unsafe-fixes)
  std::vector<std::string> applied_rules;  // rule of each applied fix, in order
  // After Written: the re-check's result over the new bytes (after_source keeps them alive).
  std::unique_ptr<Source> after_source;
  FileResult after;
};

FixOutcome fix_file(const FixRequest& request);

}  // namespace wikivet
