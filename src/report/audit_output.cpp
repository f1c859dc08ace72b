#include "report/audit_output.hpp"

#include <algorithm>
#include <boost/json.hpp>
#include <cstdio>
#include <iomanip>

namespace wikivet {

namespace {

void append_uint(std::string& out, uint64_t v) {
  out += std::to_string(v);
}

void append_key(std::string& out, std::string_view key) {
  out += '"';
  out += key;
  out += "\":";
}

bool better(const PageTally& a, const PageTally& b) {
  if (a.findings != b.findings) return a.findings > b.findings;
  return a.seq < b.seq;
}

void append_page_head(std::string& out, const DumpPage& page) {
  out += '{';
  if (page.input_line) {
    append_key(out, "line");
    append_uint(out, page.input_line);
    out += ',';
  }
  append_key(out, "title");
  append_json_string(out, page.title);
  out += ",\"ns\":";
  out += std::to_string(page.ns);
  out += ",\"page_id\":";
  if (page.id) {
    append_uint(out, *page.id);
  } else {
    out += "null";
  }
  out += ",\"revision_id\":";
  if (page.revision_id) {
    append_uint(out, *page.revision_id);
  } else {
    out += "null";
  }
  if (page.redirect) out += ",\"redirect\":true";
}

}  // namespace

void append_json_string(std::string& out, std::string_view s) {
  static const char* kHex = "0123456789abcdef";
  out += '"';
  size_t i = 0;
  while (i < s.size()) {
    const auto c = static_cast<unsigned char>(s[i]);
    if (c >= 0x80) {
      const size_t len = utf8_sequence_length(s, i);
      if (len == 1) {
        out += "\xEF\xBF\xBD";  // U+FFFD for an ill-formed byte
      } else {
        out.append(s.data() + i, len);
      }
      i += len;
      continue;
    }
    switch (c) {
      case '"':
        out += "\\\"";
        break;
      case '\\':
        out += "\\\\";
        break;
      case '\n':
        out += "\\n";
        break;
      case '\r':
        out += "\\r";
        break;
      case '\t':
        out += "\\t";
        break;
      default:
        if (c < 0x20) {
          out += "\\u00";
          out += kHex[c >> 4];
          out += kHex[c & 15];
        } else {
          out += static_cast<char>(c);
        }
    }
    ++i;
  }
  out += '"';
}

std::string render_audit_page(const DumpPage& page, const FileResult& result) {
  std::string out;
  out.reserve(128 + result.findings.size() * 192);
  append_page_head(out, page);
  out += ",\"findings\":[";
  bool first = true;
  for (const auto& f : result.findings) {
    if (!first) out += ',';
    first = false;
    out += "{\"rule\":";
    append_json_string(out, f.rule);
    out += ",\"severity\":\"";
    out += to_string(f.severity);
    out += "\",\"message\":";
    append_json_string(out, f.message);
    out += ",\"line\":";
    append_uint(out, f.location.start.line);
    out += ",\"column\":";
    append_uint(out, f.location.start.column);
    out += ",\"end_line\":";
    append_uint(out, f.location.stop.line);
    out += ",\"end_column\":";
    append_uint(out, f.location.stop.column);
    out += ",\"key\":";
    append_json_string(out, f.key);
    out += ",\"fingerprint\":";
    append_json_string(out, f.fingerprint);
    if (f.suppressed) out += ",\"suppressed\":true";
    out += '}';
  }
  out += "]}\n";
  return out;
}

std::string render_audit_error(const DumpPage& page) {
  std::string out = "{";
  append_key(out, "line");
  append_uint(out, page.input_line);
  out += ',';
  append_key(out, "error");
  append_json_string(out, page.error);
  out += "}\n";
  return out;
}

std::string render_audit_skipped(const DumpPage& page, std::string_view reason) {
  std::string out;
  append_page_head(out, page);
  out += ",\"skipped\":";
  append_json_string(out, reason);
  out += "}\n";
  return out;
}

void AuditSummary::add_page(uint64_t seq, const std::string& title, size_t text_bytes,
                            const FileResult& result) {
  ++pages_;
  text_bytes_ += text_bytes;
  findings_ += result.findings.size();
  for (const auto& f : result.findings) {
    ++by_rule_[f.rule];
    ++by_severity_[to_string(f.severity)];
    ++by_rule_severity_[f.rule][to_string(f.severity)];
  }
  if (result.findings.empty()) return;
  offer_top(PageTally{title, seq, result.findings.size()});
}

void AuditSummary::offer_top(PageTally t) {
  if (top_.size() < kTop) {
    top_.push_back(std::move(t));
    return;
  }
  auto worst =
      std::min_element(top_.begin(), top_.end(),
                       [](const PageTally& a, const PageTally& b) { return better(b, a); });
  if (better(t, *worst)) *worst = std::move(t);
}

void AuditSummary::set_input(std::string path, uint64_t input_bytes, uint64_t xml_bytes) {
  inputs_.push_back(std::move(path));
  input_bytes_ += input_bytes;
  xml_bytes_ += xml_bytes;
}

void AuditSummary::add_profile(std::string path, std::string profile, std::string origin) {
  profiles_.push_back({std::move(path), std::move(profile), std::move(origin)});
}

void AuditSummary::set_part(uint64_t first, uint64_t last, bool to_end) {
  is_part_ = true;
  part_.first = first;
  part_.last = last;
  part_.to_end = to_end;
}

bool AuditSummary::add_part(const boost::json::value& summary, uint64_t index, AuditPart& part,
                            std::string& error) {
  namespace json = boost::json;
  const json::object* v = summary.if_object();
  const json::object* p = v && v->if_contains("part") ? v->at("part").if_object() : nullptr;
  const json::array* inputs = v && v->if_contains("inputs") ? v->at("inputs").if_array() : nullptr;
  if (!p || !inputs) {
    error = "not the summary of a partial audit (audit --streams ... --summary-json FILE)";
    return false;
  }
  auto text = [](const json::object* o, const char* k) {
    const json::value* x = o ? o->if_contains(k) : nullptr;
    return x && x->is_string() ? std::string(x->get_string()) : std::string();
  };
  auto u64 = [](const json::value* x) -> uint64_t {
    if (!x) return 0;
    if (x->is_uint64()) return x->get_uint64();
    return x->is_int64() && x->get_int64() > 0 ? static_cast<uint64_t>(x->get_int64()) : 0;
  };
  auto num = [&](const json::object* o, const char* k) {
    return u64(o ? o->if_contains(k) : nullptr);
  };
  auto obj = [](const json::object* o, const char* k) {
    const json::value* x = o ? o->if_contains(k) : nullptr;
    return x ? x->if_object() : nullptr;
  };
  std::vector<std::string> names;
  for (const auto& i : *inputs) names.push_back(i.is_string() ? std::string(i.get_string()) : "");
  if (index == 0) {
    inputs_ = names;
    if (const json::value* profiles = v->if_contains("profiles"); profiles && profiles->is_array())
      for (const auto& pr : profiles->get_array()) {
        const json::object* po = pr.if_object();
        profiles_.push_back({text(po, "input"), text(po, "profile"), text(po, "origin")});
      }
  } else if (names != inputs_) {
    error = "a part of another dump than the first part's";
    return false;
  }
  const json::object* bytes = obj(v, "bytes");
  pages_ += num(v, "pages");
  skipped_ += num(v, "pages_skipped");
  bad_lines_ += num(v, "bad_lines");
  input_bytes_ += num(bytes, "input");
  xml_bytes_ += num(bytes, "decompressed");
  text_bytes_ += num(bytes, "wikitext");
  findings_ += num(v, "findings");
  if (const json::object* sev = obj(v, "by_severity"))
    for (const auto& kv : *sev) by_severity_[std::string(kv.key())] += u64(&kv.value());
  if (const json::object* rules = obj(v, "by_rule"))
    for (const auto& rule : *rules) {
      const json::object* counts = rule.value().if_object();
      if (!counts) continue;
      const std::string id(rule.key());
      for (const auto& kv : *counts) {
        const std::string k(kv.key());
        if (k == "total") {
          by_rule_[id] += u64(&kv.value());
        } else {
          by_rule_severity_[id][k] += u64(&kv.value());
        }
      }
    }
  if (const json::value* top = v->if_contains("top_pages"); top && top->is_array()) {
    const json::array& pages = top->get_array();
    for (size_t i = 0; i < pages.size(); ++i) {
      const json::object* t = pages[i].if_object();
      // Ties go to the earlier page: a part's rank keeps its own order, the part's index the
      // order of the parts.
      offer_top(
          PageTally{text(t, "title"), (index << 32) + i, static_cast<size_t>(num(t, "findings"))});
    }
  }
  if (const json::value* secs = v->if_contains("seconds"); secs && secs->is_number())
    seconds_ += secs->to_number<double>();
  if (error_.empty()) error_ = text(v, "error");
  part = AuditPart{};
  part.first = num(p, "first");
  part.last = num(p, "last");
  const json::value* to_end = p->if_contains("to_end");
  part.to_end = to_end && to_end->is_bool() && to_end->get_bool();
  const std::string worst = text(p, "worst_unsuppressed");
  if (!worst.empty()) part.worst = worst == "error" ? 0 : worst == "warning" ? 1 : 2;
  if (part.worst >= 0) note_unsuppressed(part.worst);
  return true;
}

std::vector<PageTally> AuditSummary::top_pages() const {
  auto v = top_;
  std::sort(v.begin(), v.end(), better);
  return v;
}

void AuditSummary::write_json(std::ostream& out) const {
  std::string s = "{\"inputs\":[";
  for (size_t i = 0; i < inputs_.size(); ++i) {
    if (i) s += ',';
    append_json_string(s, inputs_[i]);
  }
  s += "],\"profiles\":[";
  for (size_t i = 0; i < profiles_.size(); ++i) {
    if (i) s += ',';
    s += "{\"input\":";
    append_json_string(s, profiles_[i].path);
    s += ",\"profile\":";
    append_json_string(s, profiles_[i].profile);
    s += ",\"origin\":";
    append_json_string(s, profiles_[i].origin);
    s += '}';
  }
  s += "],\"pages\":" + std::to_string(pages_);
  s += ",\"pages_skipped\":" + std::to_string(skipped_);
  s += ",\"bad_lines\":" + std::to_string(bad_lines_);
  s += ",\"bytes\":{\"input\":" + std::to_string(input_bytes_) +
       ",\"decompressed\":" + std::to_string(xml_bytes_) +
       ",\"wikitext\":" + std::to_string(text_bytes_) + "}";
  s += ",\"findings\":" + std::to_string(findings_);
  s += ",\"by_severity\":{";
  bool first = true;
  for (const auto& [k, v] : by_severity_) {
    if (!first) s += ',';
    first = false;
    append_json_string(s, k);
    s += ':' + std::to_string(v);
  }
  s += "},\"by_rule\":{";
  first = true;
  for (const auto& [rule, sev] : by_rule_severity_) {
    if (!first) s += ',';
    first = false;
    append_json_string(s, rule);
    s += ":{\"total\":" + std::to_string(by_rule_.at(rule));
    for (const auto& [k, v] : sev) {
      s += ',';
      append_json_string(s, k);
      s += ':' + std::to_string(v);
    }
    s += '}';
  }
  s += "},\"top_pages\":[";
  first = true;
  for (const auto& t : top_pages()) {
    if (!first) s += ',';
    first = false;
    s += "{\"title\":";
    append_json_string(s, t.title);
    s += ",\"findings\":" + std::to_string(t.findings) + "}";
  }
  s += "],\"seconds\":";
  char buf[32];
  std::snprintf(buf, sizeof buf, "%.3f", seconds_);
  s += buf;
  s += ",\"error\":";
  if (error_.empty()) {
    s += "null";
  } else {
    append_json_string(s, error_);
  }
  if (is_part_) {
    static const char* const kLevels[] = {"error", "warning", "info"};
    s += ",\"part\":{\"first\":" + std::to_string(part_.first) +
         ",\"last\":" + std::to_string(part_.last) +
         ",\"to_end\":" + (part_.to_end ? "true" : "false") + ",\"worst_unsuppressed\":";
    s += worst_ >= 0 && worst_ <= 2 ? std::string("\"") + kLevels[worst_] + "\"" : "null";
    s += '}';
  }
  s += "}\n";
  out << s;
}

void AuditSummary::write_text(std::ostream& out) const {
  const double mb = static_cast<double>(xml_bytes_) / 1e6;
  for (const auto& p : profiles_)
    out << "audit: " << p.path << ": profile " << p.profile << " (" << p.origin << ")\n";
  out << "audit: " << pages_ << " pages (" << skipped_ << " skipped";
  if (bad_lines_) out << ", " << bad_lines_ << " bad lines";
  out << "), " << std::fixed << std::setprecision(1) << mb << " MB read";
  if (seconds_ > 0) out << " in " << seconds_ << " s (" << mb / seconds_ << " MB/s)";
  out << ", " << findings_ << " findings";
  if (!by_severity_.empty()) {
    out << " (";
    bool first = true;
    for (const auto& [k, v] : by_severity_) {
      out << (first ? "" : ", ") << v << " " << k;
      first = false;
    }
    out << ")";
  }
  out << "\n";
  if (!by_rule_.empty()) {
    std::vector<std::pair<std::string, uint64_t>> rules(by_rule_.begin(), by_rule_.end());
    std::stable_sort(rules.begin(), rules.end(),
                     [](const auto& a, const auto& b) { return a.second > b.second; });
    out << "findings per rule:\n";
    for (const auto& [rule, n] : rules) out << "  " << std::setw(8) << n << "  " << rule << "\n";
  }
  const auto top = top_pages();
  if (!top.empty()) {
    out << "pages with most findings:\n";
    for (const auto& t : top) out << "  " << std::setw(8) << t.findings << "  " << t.title << "\n";
  }
}

}  // namespace wikivet
