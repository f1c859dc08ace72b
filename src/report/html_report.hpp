#pragma once
// `--format html`: one self-contained page a maintainer can work through (no network, no
// external script, style or font; a Content-Security-Policy forbids any): totals, a bar chart of
// findings per rule, the pages with the most findings, and per rule a worklist of pages with
// their first findings as code frames, linked to each page's edit view when the wiki is known.
// Filters by rule and severity run in the page.
//
// Pages arrive one at a time (a dump of millions streams through): every finding is counted,
// but only what the caps allow is kept, and the page says where it stopped.
#include <cstdint>
#include <map>
#include <ostream>
#include <string>
#include <vector>

#include "engine/engine.hpp"
#include "input/site_info.hpp"

namespace wikivet::report {

struct HtmlLimits {
  size_t pages_per_rule = 100;  // worklist entries per rule (the first pages, in input order)
  size_t frames_per_page = 3;   // findings of a worklist entry shown with their code frame
  size_t top_pages = 25;        // "pages with the most findings"
};

class HtmlReport {
 public:
  // `unit` names what the inputs are: "file" (check) or "page" (audit).
  explicit HtmlReport(std::string unit, HtmlLimits limits = {});

  void set_heading(std::string heading) { heading_ = std::move(heading); }
  void set_site(SiteInfo site) { site_ = std::move(site); }
  // A line shown at the top of the page: an input error, pages skipped.
  void add_note(std::string note) { notes_.push_back(std::move(note)); }
  // One checked file or page. Findings that are suppressed or unchanged against a baseline are
  // not counted (as in every summary). The title is result.source->title, else result.path.
  // The report names the wiki profiles the inputs were read with (result.profile).
  void add(const FileResult& result);

  uint64_t units() const { return units_; }
  uint64_t findings() const { return findings_; }

  void write(std::ostream& out) const;

 private:
  struct Shown {  // one finding of a worklist entry
    std::string severity, position, message, frame;
    std::vector<std::string> related;  // "line 40: the other row numbered 124"
  };
  struct Entry {  // one page in a rule's worklist
    std::string title;
    uint64_t findings = 0;  // of this rule on this page
    std::vector<Shown> shown;
  };
  struct RuleList {
    uint64_t findings = 0, pages = 0;
    std::map<std::string, uint64_t> by_severity;
    std::vector<Entry> entries;
  };
  struct Top {
    std::string title;
    uint64_t seq = 0, findings = 0;
    std::map<std::string, uint64_t> by_rule;
  };

  // The rules, most findings first (ties: by id).
  std::vector<const std::pair<const std::string, RuleList>*> by_count() const;
  void write_totals(std::ostream& out) const;
  void write_chart(std::ostream& out) const;
  void write_top(std::ostream& out) const;
  void write_worklists(std::ostream& out) const;

  std::string unit_, heading_;
  HtmlLimits limits_;
  SiteInfo site_;
  std::vector<std::string> notes_;
  uint64_t units_ = 0, units_with_findings_ = 0, findings_ = 0;
  std::map<std::string, uint64_t> by_severity_;
  std::map<std::string, RuleList> rules_;
  std::vector<Top> top_;  // at most limits_.top_pages
  struct Profile {        // a wiki profile the inputs were read with, in order of first use
    std::string name, origin;
    uint64_t units = 0;
  };
  std::vector<Profile> profiles_;
};

}  // namespace wikivet::report
