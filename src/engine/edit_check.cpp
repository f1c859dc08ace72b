#include "engine/edit_check.hpp"

#include <map>
#include <set>

#include "input/load.hpp"

namespace wikivet {

namespace {

// A ref-undefined finding without a fix: a definition from another input might mend it.
bool wants_donors(const FileResult& r) {
  for (const auto& f : r.findings)
    if (f.rule == "ref-undefined" && !f.fix) return true;
  return false;
}

// Whitespace differences aside, as ref-conflict compares definitions.
std::string folded(std::string_view s) {
  std::string out;
  bool space = false;
  for (char c : s) {
    if (c == ' ' || c == '\t' || c == '\n' || c == '\r') {
      space = !out.empty();
      continue;
    }
    if (space) out += ' ';
    space = false;
    out += c;
  }
  return out;
}

}  // namespace

EditCheck::EditCheck(EditCheckOptions options) : options_(std::move(options)) {
  if (!options_.load) options_.load = load_source;
}

void EditCheck::load_pool() {
  if (pool_loaded_) return;
  pool_loaded_ = true;
  for (const auto& input : options_.inputs) {
    if (input == "-") continue;  // standard input is read once, as an input
    LoadResult loaded = options_.load(input);
    if (!loaded.source) continue;  // reported when that input itself is checked
    pool_.emplace_back(input, ref_definitions_of(*loaded.source, input));
  }
}

std::vector<RefDonor> EditCheck::donors_for(const std::string& path, const FileBaseline* baseline) {
  std::vector<RefDonor> out;
  if (baseline) out = baseline->ref_definitions;
  load_pool();
  std::set<std::pair<std::string, std::string>> known;
  for (const auto& d : out) known.insert({d.group, d.name});
  std::map<std::pair<std::string, std::string>, size_t> offered;  // -> index in out
  std::set<std::pair<std::string, std::string>> ambiguous;
  for (const auto& [input, definitions] : pool_) {
    if (input == path) continue;
    for (const auto& d : definitions) {
      const auto key = std::make_pair(d.group, d.name);
      if (known.count(key)) continue;
      auto it = offered.find(key);
      if (it == offered.end()) {
        offered.emplace(key, out.size());
        out.push_back(d);
      } else if (folded(out[it->second].content) != folded(d.content)) {
        ambiguous.insert(key);
      }
    }
  }
  std::erase_if(out, [&](const RefDonor& d) { return ambiguous.count({d.group, d.name}) > 0; });
  return out;
}

FileReport EditCheck::check(const std::string& path, const Config& config) {
  FileReport rep;
  const bool writing = options_.fix_mode == EditCheckOptions::FixMode::Write;
  // Stamped before reading: a change after this moment makes the fix refuse the file.
  const FileStamp stamp = writing ? stamp_file(path) : FileStamp{};
  LoadResult loaded = options_.load(path);
  if (!loaded.source) {
    rep.error = loaded.error;
    return rep;
  }
  rep.source = std::make_unique<Source>(std::move(*loaded.source));
  std::string error;
  const std::optional<FileBaseline> baseline = options_.baseline.for_input(path, config, error);
  if (!error.empty()) {
    rep.error = error;
    return rep;
  }
  CheckContext context;
  if (baseline) context.ref_definitions = baseline->ref_definitions;
  // A fix with a baseline mends what the edit brought and leaves the old findings alone
  // (unless --fix-all): rules whose fixes reach beyond their finding read this.
  if (baseline && !options_.selection.unchanged)
    for (const auto& e : baseline->entries) context.kept.insert({e.rule, e.key});
  rep.result = check_source(*rep.source, config, &context);
  // Definitions from the other inputs only matter when fixes are applied or shown: a plain
  // check does not pay for parsing every other input a second time.
  if (options_.fix_mode != EditCheckOptions::FixMode::None && wants_donors(rep.result) &&
      options_.inputs.size() > 1) {
    context.ref_definitions = donors_for(path, baseline ? &*baseline : nullptr);
    rep.result = check_source(*rep.source, config, &context);
  }
  if (baseline) apply_baseline(rep.result, *baseline);

  if (options_.fix_mode != EditCheckOptions::FixMode::None) {
    FixRequest rq;
    rq.source = rep.source.get();
    rq.findings = &rep.result.findings;
    rq.stamp = stamp;
    rq.selection = options_.selection;
    rq.write = writing;
    rq.word_diff = options_.word_diff;
    rq.baseline = baseline ? &baseline->entries : nullptr;
    rq.before_write = options_.before_write;
    rq.recheck = [&](const Source& s) {
      FileResult r = check_source(s, config, &context);
      if (baseline) apply_baseline(r, *baseline);
      return r;
    };
    FixOutcome o = fix_file(rq);
    rep.fixes_applied = o.status == FixOutcome::Status::Written ? o.applied : 0;
    rep.fixes_withheld = o.withheld;
    if (!o.message.empty()) rep.notes.push_back(o.message);
    switch (o.status) {
      case FixOutcome::Status::Nothing:
        break;
      case FixOutcome::Status::Diffed:
        rep.diff = std::move(o.diff);
        break;
      case FixOutcome::Status::Written:
        rep.source = std::move(o.after_source);
        rep.result = std::move(o.after);
        break;
      case FixOutcome::Status::Refused:
      case FixOutcome::Status::RolledBack:
      case FixOutcome::Status::Failed:
        rep.fix_failed = true;
        break;
    }
  }
  for (const auto& f : rep.result.findings)
    if (!f.suppressed) rep.recorded.push_back(baseline_entry(f));
  if (!options_.show_baseline) hide_baseline(rep.result);
  return rep;
}

}  // namespace wikivet
