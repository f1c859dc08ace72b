#include "report/html_report.hpp"

#include <algorithm>
#include <cctype>
#include <cstdio>

#include "engine/rule.hpp"
#include "report/code_frame.hpp"
#include "report/json_util.hpp"
#include "wikivet/version.hpp"

namespace wikivet::report {

namespace {

// Text for an HTML element or a quoted attribute: well-formed UTF-8 (each bad byte becomes
// U+FFFD) with the five special characters escaped.
std::string esc(std::string_view s) {
  const std::string valid = valid_utf8(s);
  std::string out;
  out.reserve(valid.size() + 16);
  for (const char c : valid) {
    switch (c) {
      case '&':
        out += "&amp;";
        break;
      case '<':
        out += "&lt;";
        break;
      case '>':
        out += "&gt;";
        break;
      case '"':
        out += "&quot;";
        break;
      case '\'':
        out += "&#39;";
        break;
      default:
        out += c;
    }
  }
  return out;
}

const char* const kSeverities[] = {"error", "warning", "info"};

uint64_t count_in(const std::map<std::string, uint64_t>& m, const std::string& k) {
  const auto it = m.find(k);
  return it == m.end() ? 0 : it->second;
}

bool counted(const Finding& f) {
  return !f.suppressed && f.baseline_state != "unchanged";
}

bool better(uint64_t af, uint64_t aseq, uint64_t bf, uint64_t bseq) {
  return af != bf ? af > bf : aseq < bseq;
}

// An id usable in a fragment: rule ids are kebab-case already, but stay safe for any id.
std::string anchor(std::string_view rule) {
  std::string out = "rule-";
  for (const char c : rule)
    out += (std::isalnum(static_cast<unsigned char>(c)) || c == '-') ? c : '_';
  return out;
}

std::string plural(uint64_t n, const std::string& unit) {
  return std::to_string(n) + " " + unit + (n == 1 ? "" : "s");
}

// The stylesheet and the filter script, inline: the page needs nothing from the network.
const char* const kStyle = R"css(
:root{--err:#c62828;--warn:#e09100;--info:#1e88e5;--ink:#1d2330;--mute:#5d6470;--line:#d9dde3}
*{box-sizing:border-box}
body{font:15px/1.45 system-ui,-apple-system,"Segoe UI",Roboto,sans-serif;color:var(--ink);margin:0;background:#f6f7f9}
header,main{max-width:1100px;margin:0 auto;padding:0 20px}
header{padding-top:18px}
h1{font-size:24px;margin:0 0 4px}
h2{font-size:19px;margin:28px 0 10px}
h3{font-size:15px;margin:0 0 6px}
.sub{color:var(--mute);margin:0 0 10px}
.notes{background:#fff7e0;border:1px solid #f0d27a;border-radius:6px;padding:8px 14px;margin:10px 0}
.notes p{margin:4px 0}
.totals{display:flex;flex-wrap:wrap;gap:12px;margin:14px 0}
.total{background:#fff;border:1px solid var(--line);border-radius:8px;padding:10px 16px;min-width:130px}
.total .n{display:block;font-size:26px;font-weight:650}
.total .l{color:var(--mute);font-size:13px}
.total.error .n{color:var(--err)}.total.warning .n{color:var(--warn)}.total.info .n{color:var(--info)}
.filters{position:sticky;top:0;z-index:2;background:#f6f7f9;border-bottom:1px solid var(--line);padding:10px 0;display:flex;gap:18px;align-items:center;flex-wrap:wrap}
.filters label{cursor:pointer}
#filter-status{color:var(--mute)}
table.chart{border-collapse:collapse;width:100%;background:#fff;border:1px solid var(--line);border-radius:8px}
table.chart td{padding:4px 10px;border-top:1px solid #eef0f3;vertical-align:middle}
table.chart td.rule{white-space:nowrap;width:1%}
table.chart td.num{text-align:right;width:1%;white-space:nowrap;font-variant-numeric:tabular-nums}
.bar{display:flex;height:14px;border-radius:3px;overflow:hidden;background:#eef0f3}
.bar span{display:block;height:100%}
.bar .error{background:var(--err)}.bar .warning{background:var(--warn)}.bar .info{background:var(--info)}
ol.top{background:#fff;border:1px solid var(--line);border-radius:8px;padding:8px 8px 8px 44px;margin:0}
ol.top li{padding:2px 0}
.worklist{background:#fff;border:1px solid var(--line);border-radius:8px;padding:4px 16px 12px;margin:0 0 18px}
.worklist h2{margin:12px 0 2px}
.worklist .summary{color:var(--mute);margin:0 0 8px}
.cap{color:var(--mute);font-style:italic;margin:6px 0}
.page{border-top:1px solid #eef0f3;padding:8px 0}
.page ul{list-style:none;margin:0;padding:0}
.finding{margin:4px 0 8px}
.sev{display:inline-block;font-size:12px;font-weight:600;border-radius:3px;padding:0 6px;color:#fff}
.sev.error{background:var(--err)}.sev.warning{background:var(--warn)}.sev.info{background:var(--info)}
.pos{font-family:ui-monospace,Menlo,Consolas,monospace;color:var(--mute);font-size:13px}
pre.frame{background:#f3f4f7;border-radius:5px;padding:6px 10px;margin:4px 0 0;overflow-x:auto;font:13px/1.35 ui-monospace,Menlo,Consolas,monospace}
.related{color:var(--mute);font-size:13px;margin:2px 0 0 4px}
.more{color:var(--mute);font-size:13px}
a{color:#1558b0}
.edit{font-size:13px;font-weight:400;margin-left:8px}
.hidden{display:none!important}
)css";

const char* const kScript = R"js(
(function(){
  var rule=document.getElementById('filter-rule');
  var sevs=Array.prototype.slice.call(document.querySelectorAll('.filters input[name=severity]'));
  var status=document.getElementById('filter-status');
  function apply(){
    var want=rule.value, on={};
    sevs.forEach(function(b){on[b.value]=b.checked;});
    var shown=0;
    document.querySelectorAll('.worklist').forEach(function(w){
      var any=false;
      var ruleOk=!want||w.getAttribute('data-rule')===want;
      w.querySelectorAll('.page').forEach(function(p){
        var vis=0;
        p.querySelectorAll('.finding').forEach(function(f){
          var ok=ruleOk&&on[f.getAttribute('data-severity')];
          f.classList.toggle('hidden',!ok);
          if(ok)vis++;
        });
        p.classList.toggle('hidden',vis===0);
        if(vis){any=true;shown+=vis;}
      });
      w.classList.toggle('hidden',!any);
    });
    document.querySelectorAll('table.chart tr[data-rule]').forEach(function(r){
      var n=0;
      Object.keys(on).forEach(function(s){if(on[s])n+=+(r.getAttribute('data-'+s)||0);});
      r.classList.toggle('hidden',(want&&r.getAttribute('data-rule')!==want)||n===0);
    });
    status.textContent=shown+' findings listed';
    status.setAttribute('data-shown',shown);
    var h=[];
    if(want)h.push('rule='+encodeURIComponent(want));
    var off=sevs.filter(function(b){return b.checked;}).map(function(b){return b.value;});
    if(off.length!==sevs.length)h.push('severity='+off.join(','));
    var hash=h.length?'#'+h.join('&'):'';
    if(location.hash.indexOf('=')>=0||hash)history.replaceState(null,'',hash||location.pathname);
  }
  // "#rule=date-unknown&severity=error,warning" chooses the filters (links, tests).
  function fromHash(){
    var h=location.hash.slice(1);
    if(h.indexOf('=')<0)return;
    h.split('&').forEach(function(kv){
      var i=kv.indexOf('='),k=kv.slice(0,i),v=decodeURIComponent(kv.slice(i+1));
      if(k==='rule'){rule.value=v;if(rule.value!==v)rule.value='';}
      if(k==='severity'){var l=v.split(',');sevs.forEach(function(b){b.checked=l.indexOf(b.value)>=0;});}
    });
  }
  rule.addEventListener('change',apply);
  sevs.forEach(function(b){b.addEventListener('change',apply);});
  fromHash();
  apply();
})();
)js";

}  // namespace

HtmlReport::HtmlReport(std::string unit, HtmlLimits limits)
    : unit_(std::move(unit)), limits_(limits) {}

void HtmlReport::add(const FileResult& result) {
  const uint64_t seq = units_++;
  if (!result.profile.empty()) {
    auto p = std::find_if(profiles_.begin(), profiles_.end(), [&](const Profile& x) {
      return x.name == result.profile && x.origin == result.profile_origin;
    });
    // A dump has one profile, a check a few (overrides): the list stays short.
    if (p == profiles_.end())
      p = profiles_.insert(profiles_.end(), {result.profile, result.profile_origin});
    ++p->units;
  }
  const std::string title =
      result.source && !result.source->title.empty() ? result.source->title : result.path;
  std::map<std::string, uint64_t> page_rules;
  uint64_t page_findings = 0;
  for (const auto& f : result.findings) {
    if (!counted(f)) continue;
    const std::string severity = to_string(f.severity);
    ++findings_;
    ++page_findings;
    ++by_severity_[severity];
    RuleList& list = rules_[f.rule];
    ++list.findings;
    ++list.by_severity[severity];
    if (page_rules[f.rule]++ == 0) {
      ++list.pages;
      if (list.entries.size() < limits_.pages_per_rule)
        list.entries.push_back(Entry{title, 0, {}});
      else
        continue;
    }
    // The entry of this page is the last one, if the cap let it in.
    if (list.entries.empty() || list.pages > list.entries.size()) continue;
    Entry& entry = list.entries.back();
    ++entry.findings;
    if (entry.shown.size() >= limits_.frames_per_page) continue;
    Shown s;
    s.severity = severity;
    s.position =
        std::to_string(f.location.start.line) + ":" + std::to_string(f.location.start.column);
    s.message = f.message;
    if (result.source) s.frame = code_frame(*result.source, f.location, false);
    for (size_t i = 0; i < f.related.size() && i < 3; ++i)
      s.related.push_back("line " + std::to_string(f.related[i].location.start.line) + ": " +
                          f.related[i].message);
    entry.shown.push_back(std::move(s));
  }
  if (page_findings == 0) return;
  ++units_with_findings_;
  Top t{title, seq, page_findings, std::move(page_rules)};
  if (top_.size() < limits_.top_pages) {
    top_.push_back(std::move(t));
    return;
  }
  auto worst = std::min_element(top_.begin(), top_.end(), [](const Top& a, const Top& b) {
    return better(b.findings, b.seq, a.findings, a.seq);
  });
  if (worst != top_.end() && better(t.findings, t.seq, worst->findings, worst->seq))
    *worst = std::move(t);
}

void HtmlReport::write_totals(std::ostream& out) const {
  out << "<section class=\"totals\" id=\"totals\">\n";
  out << "<div class=\"total\"><span class=\"n\" id=\"total-units\" data-count=\"" << units_
      << "\">" << units_ << "</span><span class=\"l\">" << esc(unit_) << "s checked</span></div>\n";
  out << "<div class=\"total\"><span class=\"n\" id=\"total-with-findings\" data-count=\""
      << units_with_findings_ << "\">" << units_with_findings_ << "</span><span class=\"l\">"
      << esc(unit_) << "s with findings</span></div>\n";
  out << "<div class=\"total\"><span class=\"n\" id=\"total-findings\" data-count=\"" << findings_
      << "\">" << findings_ << "</span><span class=\"l\">findings</span></div>\n";
  for (const char* s : kSeverities) {
    const uint64_t n = count_in(by_severity_, s);
    out << "<div class=\"total " << s << "\"><span class=\"n\" id=\"total-" << s
        << "\" data-count=\"" << n << "\">" << n << "</span><span class=\"l\">" << s
        << (n == 1 || std::string_view(s) == "info" ? "" : "s") << "</span></div>\n";
  }
  out << "</section>\n";
}

std::vector<const std::pair<const std::string, HtmlReport::RuleList>*> HtmlReport::by_count()
    const {
  std::vector<const std::pair<const std::string, RuleList>*> order;
  for (const auto& r : rules_) order.push_back(&r);
  std::stable_sort(order.begin(), order.end(), [](const auto* a, const auto* b) {
    return a->second.findings > b->second.findings;
  });
  return order;
}

void HtmlReport::write_chart(std::ostream& out) const {
  out << "<section id=\"chart\"><h2>Findings per rule</h2>\n";
  if (rules_.empty()) {
    out << "<p>No findings.</p></section>\n";
    return;
  }
  const auto order = by_count();
  const double most = static_cast<double>(order.front()->second.findings);
  out << "<table class=\"chart\">\n";
  for (const auto* r : order) {
    const RuleList& l = r->second;
    out << "<tr data-rule=\"" << esc(r->first) << "\" data-count=\"" << l.findings << "\"";
    for (const char* s : kSeverities)
      out << " data-" << s << "=\"" << count_in(l.by_severity, s) << "\"";
    out << "><td class=\"rule\"><a href=\"#" << anchor(r->first) << "\">" << esc(r->first)
        << "</a></td><td><div class=\"bar\" title=\"";
    bool first = true;
    for (const char* s : kSeverities) {
      const uint64_t n = count_in(l.by_severity, s);
      if (!n) continue;
      out << (first ? "" : ", ") << n << " " << s;
      first = false;
    }
    out << "\">";
    for (const char* s : kSeverities) {
      const uint64_t n = count_in(l.by_severity, s);
      if (!n) continue;
      char width[32];
      std::snprintf(width, sizeof width, "%.2f", 100.0 * static_cast<double>(n) / most);
      out << "<span class=\"" << s << "\" style=\"width:" << width << "%\"></span>";
    }
    out << "</div></td><td class=\"num\">" << l.findings << "</td><td class=\"num\">"
        << plural(l.pages, unit_) << "</td></tr>\n";
  }
  out << "</table></section>\n";
}

void HtmlReport::write_top(std::ostream& out) const {
  if (top_.empty()) return;
  auto top = top_;
  std::sort(top.begin(), top.end(), [](const Top& a, const Top& b) {
    return better(a.findings, a.seq, b.findings, b.seq);
  });
  out << "<section id=\"top-pages\"><h2>" << (unit_ == "page" ? "Pages" : "Files")
      << " with the most findings</h2>\n<ol class=\"top\">\n";
  for (const auto& t : top) {
    out << "<li data-count=\"" << t.findings << "\"><b>" << esc(t.title) << "</b> — " << t.findings
        << " finding" << (t.findings == 1 ? "" : "s") << " (";
    std::vector<std::pair<std::string, uint64_t>> rules(t.by_rule.begin(), t.by_rule.end());
    std::stable_sort(rules.begin(), rules.end(),
                     [](const auto& a, const auto& b) { return a.second > b.second; });
    for (size_t i = 0; i < rules.size(); ++i) {
      if (i == 4) {
        out << ", …";
        break;
      }
      out << (i ? ", " : "") << rules[i].second << " " << esc(rules[i].first);
    }
    out << ")";
    if (const std::string url = edit_url(site_, t.title); !url.empty())
      out << "<a class=\"edit\" href=\"" << esc(url) << "\">edit</a>";
    out << "</li>\n";
  }
  out << "</ol>\n";
  if (units_with_findings_ > top.size())
    out << "<p class=\"cap\">The " << top.size() << " of " << units_with_findings_ << " " << unit_
        << "s with findings that have the most.</p>\n";
  out << "</section>\n";
}

void HtmlReport::write_worklists(std::ostream& out) const {
  if (rules_.empty()) return;
  out << "<section id=\"worklists\"><h2>Worklists</h2>\n";
  for (const auto* entry : by_count()) {
    const std::string& rule = entry->first;
    const RuleList& list = entry->second;
    const Rule* r = find_rule(rule);
    out << "<section class=\"worklist\" id=\"" << anchor(rule) << "\" data-rule=\"" << esc(rule)
        << "\" data-count=\"" << list.findings << "\"><h2>" << esc(rule) << "</h2>\n";
    out << "<p class=\"summary\">";
    if (r) out << esc(r->meta().summary) << " · ";
    out << list.findings << " finding" << (list.findings == 1 ? "" : "s") << " on "
        << plural(list.pages, unit_) << "</p>\n";
    if (list.pages > list.entries.size())
      out << "<p class=\"cap\">Showing the first " << list.entries.size() << " of " << list.pages
          << " " << unit_ << "s (in input order); the JSON output has them all.</p>\n";
    for (const auto& e : list.entries) {
      out << "<article class=\"page\"><h3>" << esc(e.title);
      if (const std::string url = edit_url(site_, e.title); !url.empty())
        out << "<a class=\"edit\" href=\"" << esc(url) << "\">edit</a>";
      out << "</h3>\n<ul>\n";
      for (const auto& s : e.shown) {
        out << "<li class=\"finding\" data-severity=\"" << s.severity << "\"><span class=\"sev "
            << s.severity << "\">" << s.severity << "</span> <span class=\"pos\">" << s.position
            << "</span> " << esc(s.message);
        if (!s.frame.empty()) out << "\n<pre class=\"frame\">" << esc(s.frame) << "</pre>";
        for (const auto& rel : s.related)
          out << "\n<div class=\"related\">note: " << esc(rel) << "</div>";
        out << "</li>\n";
      }
      out << "</ul>\n";
      if (e.findings > e.shown.size())
        out << "<p class=\"more\">and " << e.findings - e.shown.size() << " more on this " << unit_
            << "</p>\n";
      out << "</article>\n";
    }
    out << "</section>\n";
  }
  out << "</section>\n";
}

void HtmlReport::write(std::ostream& out) const {
  out << "<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">\n"
         "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n"
         // Nothing may come from the network: no fetch, no image, no font, no frame.
         "<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; "
         "style-src 'unsafe-inline'; script-src 'unsafe-inline'; img-src data:\">\n"
         "<meta name=\"generator\" content=\"wikivet "
      << kVersion << "\">\n<title>wikivet: " << esc(heading_) << "</title>\n<style>" << kStyle
      << "</style>\n</head><body>\n<header><h1>wikivet report</h1>\n<p class=\"sub\">"
      << esc(heading_);
  if (!site_.sitename.empty() || !site_.dbname.empty()) {
    out << " · <span id=\"site\" data-dbname=\"" << esc(site_.dbname) << "\">"
        << esc(site_.sitename);
    if (!site_.dbname.empty()) out << " (" << esc(site_.dbname) << ")";
    out << "</span>";
  }
  out << " · wikivet " << kVersion << "</p>\n";
  // Which wiki the pages were read as: its templates, namespaces and dates decide findings,
  // so a reader must see it (a bnwiki dump read as enwiki would look clean of ref-no-list).
  if (!profiles_.empty()) {
    out << "<p class=\"sub\" id=\"profiles\">Wiki profile" << (profiles_.size() == 1 ? "" : "s")
        << ": ";
    for (size_t i = 0; i < profiles_.size(); ++i) {
      const Profile& p = profiles_[i];
      out << (i ? "; " : "") << "<span class=\"profile\" data-profile=\"" << esc(p.name)
          << "\" data-count=\"" << p.units << "\"><b>" << esc(p.name) << "</b> (" << esc(p.origin);
      if (profiles_.size() > 1) out << "; " << plural(p.units, unit_);
      out << ")</span>";
    }
    out << "</p>\n";
  }
  if (!notes_.empty()) {
    out << "<div class=\"notes\" id=\"notes\">\n";
    for (const auto& n : notes_) out << "<p>" << esc(n) << "</p>\n";
    out << "</div>\n";
  }
  out << "</header>\n<main>\n";
  write_totals(out);
  out << "<div class=\"filters\"><label>Rule <select id=\"filter-rule\"><option value=\"\">all "
         "rules</option>";
  for (const auto& [rule, list] : rules_)
    out << "<option value=\"" << esc(rule) << "\">" << esc(rule) << " (" << list.findings
        << ")</option>";
  out << "</select></label>";
  for (const char* s : kSeverities)
    out << "<label><input type=\"checkbox\" name=\"severity\" value=\"" << s << "\" checked> " << s
        << "</label>";
  out << "<span id=\"filter-status\"></span></div>\n";
  write_chart(out);
  write_top(out);
  write_worklists(out);
  out << "</main>\n<script>" << kScript << "</script>\n</body></html>\n";
}

}  // namespace wikivet::report
