#include "report/audit_output.hpp"

#include <algorithm>
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
  PageTally t{title, seq, result.findings.size()};
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
