#pragma once
// The per-file pipeline of `wikivet check` when the question is about an edit: baseline,
// donor definitions for fixes, the fix itself (--fix / --diff), and the baseline marking of
// what is finally reported. The command line only parses options and hands files over.
//
//   read (stamped) -> baseline of the file -> check with donors -> [fix: plan, write, re-check]
//   -> mark new / unchanged / absent -> hide unchanged unless --show-baseline
#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "engine/baseline.hpp"
#include "engine/fix.hpp"
#include "input/load.hpp"

namespace wikivet {

struct EditCheckOptions {
  BaselineProvider baseline;  // none by default
  bool show_baseline = false;
  enum class FixMode { None, Diff, Write } fix_mode = FixMode::None;
  FixSelection selection;
  bool word_diff = false;  // --diff=words: the diff word by word
  // Every input of the run: other files lend their ref definitions (ref-undefined's fix) to a
  // file that has no baseline definition of a name.
  std::vector<std::string> inputs;
  std::function<void()> before_write;  // test hook, see FixRequest
  // Reads an input (default: load_source, the file or standard input). `check --wiki` hands
  // over the fetched pages from memory, so positions point into the fetched text.
  std::function<LoadResult(const std::string&)> load;
};

struct FileReport {
  std::unique_ptr<Source> source;  // keeps result.source valid
  FileResult result;               // what to report (after the fix, when one was written)
  std::string error;               // set when the file could not be checked (exit 2)
  std::vector<std::string> notes;  // one line each, for standard error
  std::string diff;                // --diff
  bool fix_failed = false;         // refused, rolled back or not written (exit 2)
  size_t fixes_applied = 0;
  size_t fixes_withheld = 0;            // unsafe fixes not applied or shown (no --unsafe-fixes)
  std::vector<BaselineEntry> recorded;  // every finding before baseline hiding (--write-baseline)
};

class EditCheck {
 public:
  explicit EditCheck(EditCheckOptions options);
  FileReport check(const std::string& path, const Config& config);

 private:
  // Definitions for `path`: its baseline's first, then those of the other inputs (a name the
  // other inputs define differently is left out: which one is meant cannot be known).
  std::vector<RefDonor> donors_for(const std::string& path, const FileBaseline* baseline);
  void load_pool();

  EditCheckOptions options_;
  bool pool_loaded_ = false;
  std::vector<std::pair<std::string, std::vector<RefDonor>>> pool_;  // (input, definitions)
};

}  // namespace wikivet
