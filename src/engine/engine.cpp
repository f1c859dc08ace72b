#include "engine/engine.hpp"

#include <algorithm>
#include <map>

#include "engine/rule_times.hpp"
#include "engine/suppressions.hpp"
#include "model/article.hpp"

namespace wikivet {

namespace {

// Which rules a config enables, in all_rules() order. Deciding it compares every rule with
// every --select and --ignore word; an audit asks for each of its thousands of small pages,
// so each thread keeps the answer for the selection it saw last.
const std::vector<bool>& enabled_rules(const Config& config) {
  thread_local std::vector<std::string> select, ignore;
  thread_local std::vector<bool> enabled;
  const auto& rules = all_rules();
  if (enabled.size() != rules.size() || select != config.select || ignore != config.ignore) {
    select = config.select;
    ignore = config.ignore;
    enabled.assign(rules.size(), false);
    for (size_t i = 0; i < rules.size(); ++i) enabled[i] = config.enabled(rules[i]->meta());
  }
  return enabled;
}

class Collector : public FindingSink {
 public:
  Collector(const Source& source, const Rule& rule, Severity severity, std::vector<Finding>& out,
            const CheckContext* context)
      : source_(source), rule_(rule), severity_(severity), out_(out), context_(context) {}

  const CheckContext* context() const override { return context_; }

  void report(Range range, std::string message, std::string key, std::vector<Related> related,
              std::optional<Fix> fix) override {
    Finding f;
    f.rule = std::string(rule_.meta().id);
    f.severity = severity_;
    f.category = rule_.meta().category;
    f.message = std::move(message);
    f.location = make_location(source_, range.begin, range.end);
    f.snippet = make_snippet(source_, f.location);
    f.key = std::move(key);
    for (auto& r : related) {
      f.related.push_back(
          {make_location(source_, r.range.begin, r.range.end), std::move(r.message)});
    }
    // Rules speak in text() offsets; fixes are applied to the file the user gave.
    if (fix) {
      for (auto& e : fix->edits) {
        e.begin = source_.to_original(e.begin);
        e.end = source_.to_original(e.end);
      }
    }
    f.fix = std::move(fix);
    out_.push_back(std::move(f));
  }

 private:
  const Source& source_;
  const Rule& rule_;
  Severity severity_;
  std::vector<Finding>& out_;
  const CheckContext* context_;
};

}  // namespace

bool CheckContext::keeps(std::string_view rule, std::string_view key) const {
  return kept.count({std::string(rule), std::string(key)}) > 0;
}

const RefDonor* CheckContext::find_ref_definition(std::string_view group,
                                                  std::string_view name) const {
  for (const auto& d : ref_definitions)
    if (d.group == group && d.name == name) return &d;
  return nullptr;
}

FileResult check_source(const Source& source, const Config& config, const CheckContext* context) {
  FileResult result;
  result.source = &source;
  result.path = source.path();
  result.profile = config.wiki_profile().name;
  result.profile_origin = config.profile ? config.profile->origin : "the default";
  const bool timed = rule_times_enabled();
  std::uint64_t clock = timed ? thread_cpu_ns() : 0;
  // Each stage's time is charged from the previous stage's end (one clock read per stage).
  auto charge = [&](long slot) {
    const std::uint64_t now = thread_cpu_ns();
    add_rule_time(slot, now - clock);
    clock = now;
  };
  const Article article(source, config.reference_templates_or_default(), config.wiki_profile());
  if (timed) {
    count_profiled_file();
    charge(-1);
  }
  const std::vector<bool>& enabled = enabled_rules(config);
  for (size_t i = 0; i < all_rules().size(); ++i) {
    const auto& rule = all_rules()[i];
    const RuleMeta& meta = rule->meta();
    if (!enabled[i]) continue;
    Collector sink(source, *rule, config.severity_of(meta), result.findings, context);
    rule->check(article, config.options_of(meta.id), sink);
    if (timed) charge(static_cast<long>(i));
  }
  std::stable_sort(result.findings.begin(), result.findings.end(),
                   [](const Finding& a, const Finding& b) {
                     if (a.location.begin != b.location.begin)
                       return a.location.begin < b.location.begin;
                     return a.rule < b.rule;
                   });
  // Fingerprints: rule + key + how many findings of that rule and key came before.
  std::map<std::pair<std::string, std::string>, size_t> seen;
  for (auto& f : result.findings) {
    f.fingerprint = make_fingerprint(f.rule, f.key, seen[{f.rule, f.key}]++);
  }
  apply_suppressions(article, config, result.findings);
  return result;
}

}  // namespace wikivet
