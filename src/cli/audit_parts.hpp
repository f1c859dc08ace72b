#pragma once
// Partial audits of a multistream dump (`audit --streams A-B`), their stream listing
// (`audit --list-streams`) and the merging of their results (`audit --merge`) into exactly what
// one audit of the whole dump writes.
#include <ostream>
#include <string>
#include <vector>

namespace wikivet::cli {

// Prints one line per stream of `path`: its number (from 0), first byte, end byte (exclusive),
// tab-separated. Returns the exit code (2 with a one-line error on stderr).
int list_streams(const std::string& path, const std::string& index_path, std::ostream& out);

struct MergeOptions {
  std::vector<std::string> jsonl;      // the parts' JSON Lines (-o of each part)
  std::vector<std::string> summaries;  // the parts' --summary-json, in the same order
  std::string output, summary_json;    // where the merged results go ("" or -: standard output)
  int fail_level = 1;                  // parse_fail_level's value
  bool quiet = false;
};

// Orders the parts by their first stream, checks that they cover the dump's streams once each,
// and writes their JSON Lines one after another and the summary they add up to. Returns the exit
// code one audit of the dump would have (2 also for parts that do not fit together).
int merge_audits(const MergeOptions& options);

}  // namespace wikivet::cli
