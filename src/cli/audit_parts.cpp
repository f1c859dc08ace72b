#include "cli/audit_parts.hpp"

#include <algorithm>
#include <boost/json.hpp>
#include <fstream>
#include <iostream>
#include <numeric>
#include <sstream>

#include "cli/commands.hpp"
#include "input/multistream.hpp"
#include "report/audit_output.hpp"

namespace wikivet::cli {

int list_streams(const std::string& path, const std::string& index_path, std::ostream& out) {
  StreamList list;
  std::string error;
  if (!list_multistream(path, index_path, 0, list, error)) {
    std::cerr << "wikivet audit: " << error << "\n";
    return kExitUsage;
  }
  std::string s;
  for (size_t i = 0; i < list.starts.size(); ++i)
    s += std::to_string(i) + '\t' + std::to_string(list.starts[i]) + '\t' +
         std::to_string(list.end(i)) + '\n';
  out << s << std::flush;
  return out ? kExitClean : kExitUsage;
}

int merge_audits(const MergeOptions& o) {
  auto error = [](const std::string& msg) {
    std::cerr << "wikivet audit --merge: " << msg << "\n";
    return kExitUsage;
  };
  if (o.jsonl.empty()) return error("no parts given (the JSON Lines of each partial audit)");
  if (o.summaries.size() != o.jsonl.size())
    return error("give one --part-summary FILE per part, in the parts' order (" +
                 std::to_string(o.jsonl.size()) + " parts, " + std::to_string(o.summaries.size()) +
                 " summaries)");
  std::vector<boost::json::value> parsed(o.summaries.size());
  std::vector<AuditPart> parts(o.summaries.size());
  for (size_t i = 0; i < o.summaries.size(); ++i) {
    std::ifstream in(o.summaries[i], std::ios::binary);
    std::stringstream text;
    text << in.rdbuf();
    if (!in) return error("cannot read '" + o.summaries[i] + "'");
    boost::system::error_code ec;
    parsed[i] = boost::json::parse(text.str(), ec);
    if (ec) return error("'" + o.summaries[i] + "': not JSON (" + ec.message() + ")");
    const boost::json::object* s = parsed[i].if_object();
    const boost::json::value* p = s ? s->if_contains("part") : nullptr;
    const boost::json::value* first =
        p && p->is_object() ? p->get_object().if_contains("first") : nullptr;
    if (!first || (!first->is_uint64() && !first->is_int64()))
      return error("'" + o.summaries[i] + "': not the summary of a partial audit");
    parts[i].first = first->to_number<uint64_t>();
  }
  // Page order is stream order: the parts are taken by their first stream.
  std::vector<size_t> order(parts.size());
  std::iota(order.begin(), order.end(), 0);
  std::stable_sort(order.begin(), order.end(),
                   [&](size_t a, size_t b) { return parts[a].first < parts[b].first; });
  AuditSummary summary;
  uint64_t next = 0;
  for (size_t k = 0; k < order.size(); ++k) {
    const size_t i = order[k];
    std::string err;
    if (!summary.add_part(parsed[i], k, parts[i], err))
      return error("'" + o.summaries[i] + "': " + err);
    if (parts[i].first != next)
      return error(parts[i].first > next ? "no part has streams " + std::to_string(next) + "-" +
                                               std::to_string(parts[i].first - 1)
                                         : "streams " + std::to_string(parts[i].first) + "-" +
                                               std::to_string(std::min(next - 1, parts[i].last)) +
                                               " are in two parts ('" + o.summaries[i] + "')");
    next = parts[i].last + 1;
    if (parts[i].to_end && k + 1 < order.size())
      return error("'" + o.summaries[order[k + 1]] + "' starts after the dump's last stream");
  }
  if (!parts[order.back()].to_end)
    return error("no part has the streams after stream " + std::to_string(next - 1) +
                 " (the last part must reach the dump's end)");

  std::ofstream file_out;
  std::ostream* out = &std::cout;
  if (!o.output.empty() && o.output != "-") {
    file_out.open(o.output, std::ios::binary);
    if (!file_out) return error("cannot write '" + o.output + "'");
    out = &file_out;
  }
  for (const size_t i : order) {
    std::ifstream in(o.jsonl[i], std::ios::binary);
    if (!in) return error("cannot read '" + o.jsonl[i] + "'");
    if (in.peek() != std::ifstream::traits_type::eof()) *out << in.rdbuf();
    if (in.bad()) return error("cannot read '" + o.jsonl[i] + "'");
  }
  out->flush();
  if (!*out) return error("cannot write the results (output closed?)");
  if (!o.summary_json.empty()) {
    std::ofstream sj(o.summary_json, std::ios::binary);
    summary.write_json(sj);
    sj.close();
    if (!sj) return error("cannot write '" + o.summary_json + "' (disk full?)");
  }
  if (!o.quiet) summary.write_text(std::cerr);
  if (summary.has_error()) return kExitUsage;
  int worst = -1;
  for (const auto& p : parts)
    if (p.worst >= 0 && (worst < 0 || p.worst < worst)) worst = p.worst;
  return worst >= 0 && worst <= o.fail_level ? kExitFindings : kExitClean;
}

}  // namespace wikivet::cli
