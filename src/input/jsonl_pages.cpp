#include "input/jsonl_pages.hpp"

#include <boost/json.hpp>
#include <cstring>

namespace wikivet {

namespace {
constexpr size_t kMaxLine = 256u << 20;

std::optional<uint64_t> as_u64(const boost::json::value* v) {
  if (!v) return std::nullopt;
  if (v->is_uint64()) return v->as_uint64();
  if (v->is_int64() && v->as_int64() >= 0) return static_cast<uint64_t>(v->as_int64());
  if (v->is_string()) {
    const auto& s = v->as_string();
    if (s.empty() || s.size() > 19) return std::nullopt;
    uint64_t n = 0;
    for (char c : s) {
      if (c < '0' || c > '9') return std::nullopt;
      n = n * 10 + static_cast<uint64_t>(c - '0');
    }
    return n;
  }
  return std::nullopt;
}
}  // namespace

JsonlReader::JsonlReader(ByteStream& in) : in_(in), buf_(1 << 20) {}

bool JsonlReader::read_line(std::string& line) {
  line.clear();
  bool any = false;
  for (;;) {
    if (pos_ == end_) {
      if (eof_) return any;
      end_ = in_.read(buf_.data(), buf_.size());
      pos_ = 0;
      if (end_ == 0) {
        eof_ = true;
        if (!in_.error().empty()) {
          error_ = in_.error();
          return false;
        }
        return any;
      }
    }
    any = true;
    const char* start = buf_.data() + pos_;
    const void* nl = std::memchr(start, '\n', end_ - pos_);
    const size_t take =
        nl ? static_cast<size_t>(static_cast<const char*>(nl) - start) : end_ - pos_;
    if (line.size() + take > kMaxLine) {
      error_ = "line " + std::to_string(line_no_ + 1) + " is longer than 256 MiB";
      return false;
    }
    line.append(start, take);
    pos_ += take;
    bytes_ += take;
    if (nl) {
      ++pos_;
      ++bytes_;
      return true;
    }
  }
}

bool JsonlReader::next(DumpPage& page) {
  std::string line;
  if (!read_line(line)) return false;
  ++line_no_;
  if (!line.empty() && line.back() == '\r') line.pop_back();
  page = DumpPage{};
  page.input_line = line_no_;
  parse_jsonl_page(line, page);
  return true;
}

void parse_jsonl_page(std::string_view line, DumpPage& page) {
  boost::json::error_code ec;
  boost::json::value v = boost::json::parse(line, ec);
  if (ec) {
    page.error = line.find_first_not_of(" \t") == std::string_view::npos
                     ? "empty line"
                     : "not JSON: " + ec.message();
    return;
  }
  if (!v.is_object()) {
    page.error = "not a JSON object";
    return;
  }
  const auto& o = v.get_object();
  if (const auto* t = o.if_contains("title")) {
    if (!t->is_string()) {
      page.error = "\"title\" is not a string";
      return;
    }
    page.title = std::string(t->get_string());
  }
  const auto* text = o.if_contains("text");
  if (!text || !text->is_string()) {
    page.error = "no \"text\" string";
    return;
  }
  page.text = std::string(text->get_string());
  page.id = as_u64(o.if_contains("id"));
  if (!page.id) page.id = as_u64(o.if_contains("page_id"));
  page.revision_id = as_u64(o.if_contains("revision_id"));
  if (const auto* ns = o.if_contains("ns")) {
    if (ns->is_int64())
      page.ns = ns->as_int64();
    else if (ns->is_uint64())
      page.ns = static_cast<int64_t>(std::min<uint64_t>(ns->as_uint64(), INT64_MAX));
    else
      page.ns_known = false;  // "abc", 1.5, null: no namespace number
  }
  if (const auto* r = o.if_contains("redirect"); r && r->is_bool()) page.redirect = r->as_bool();
}

}  // namespace wikivet
