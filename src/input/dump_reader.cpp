#include "input/dump_reader.hpp"

// The amplification limits are declared only when XML_DTD is set; Debian's expat is built with
// it (the functions exist since expat 2.4.0).
#ifndef XML_DTD
#define XML_DTD
#endif
#include <expat.h>

#include <cstring>
#include <vector>

namespace wikivet {

namespace {

enum class Tag : uint8_t {
  Other,
  Page,
  Title,
  Ns,
  Id,
  Redirect,
  Revision,
  Text,
  // <siteinfo> and the fields of it that are kept
  SiteInfo,
  SiteName,
  DbName,
  Base,
  Namespace,
};

Tag tag_of(const XML_Char* name) {
  // Element names are compared without a namespace prefix handling: MediaWiki exports use a
  // default namespace, so names arrive unprefixed.
  switch (name[0]) {
    case 'p':
      if (std::strcmp(name, "page") == 0) return Tag::Page;
      break;
    case 's':
      if (std::strcmp(name, "siteinfo") == 0) return Tag::SiteInfo;
      if (std::strcmp(name, "sitename") == 0) return Tag::SiteName;
      break;
    case 'd':
      if (std::strcmp(name, "dbname") == 0) return Tag::DbName;
      break;
    case 'b':
      if (std::strcmp(name, "base") == 0) return Tag::Base;
      break;
    case 't':
      if (std::strcmp(name, "title") == 0) return Tag::Title;
      if (std::strcmp(name, "text") == 0) return Tag::Text;
      break;
    case 'n':
      if (std::strcmp(name, "ns") == 0) return Tag::Ns;
      if (std::strcmp(name, "namespace") == 0) return Tag::Namespace;
      break;
    case 'i':
      if (std::strcmp(name, "id") == 0) return Tag::Id;
      break;
    case 'r':
      if (std::strcmp(name, "redirect") == 0) return Tag::Redirect;
      if (std::strcmp(name, "revision") == 0) return Tag::Revision;
      break;
    default:
      break;
  }
  return Tag::Other;
}

constexpr size_t kFeedBlock = 1 << 20;
// MediaWiki caps a revision at 2 MiB ($wgMaxArticleSize); anything near this limit is a broken
// file (a page that never closes), not a page.
constexpr size_t kMaxPageText = 256u << 20;

std::optional<uint64_t> parse_u64(const std::string& s) {
  if (s.empty() || s.size() > 19) return std::nullopt;
  uint64_t v = 0;
  for (char c : s) {
    if (c < '0' || c > '9') return std::nullopt;
    v = v * 10 + static_cast<uint64_t>(c - '0');
  }
  return v;
}

std::string trim(std::string s) {
  const auto b = s.find_first_not_of(" \t\r\n");
  if (b == std::string::npos) return "";
  const auto e = s.find_last_not_of(" \t\r\n");
  return s.substr(b, e - b + 1);
}

}  // namespace

struct DumpReader::Impl {
  DumpReader* owner;
  Filter keep;
  XML_Parser parser = nullptr;
  std::vector<Tag> stack;
  std::deque<DumpPage> ready;
  DumpPage page;
  bool in_page = false;
  bool decided = false;  // the filter has been asked about this page
  bool wanted = false;
  bool seen_revision = false;
  std::string field;  // character data of the current title/ns/id
  bool collecting_field = false;
  bool collecting_text = false;
  std::string abort_reason;  // set when a handler stops the parser
  bool in_siteinfo = false;
  bool site_done = false;  // </siteinfo> or the first <page> was met
  int64_t namespace_key = 0;

  // <siteinfo> fields: sitename, dbname, base, and each <namespace key="N">name</namespace>.
  bool site_field_start(Tag t, Tag up, const XML_Char** attrs) {
    if (t == Tag::SiteInfo) {
      in_siteinfo = true;
      return true;
    }
    if (!in_siteinfo) return false;
    if (t == Tag::Namespace) {
      namespace_key = 0;
      for (size_t i = 0; attrs && attrs[i] && attrs[i + 1]; i += 2) {
        if (std::strcmp(attrs[i], "key") != 0) continue;
        const std::string v = attrs[i + 1];
        const bool neg = !v.empty() && v[0] == '-';
        if (auto n = parse_u64(neg ? v.substr(1) : v); n && *n < (1ull << 31))
          namespace_key = neg ? -static_cast<int64_t>(*n) : static_cast<int64_t>(*n);
      }
    } else if (up != Tag::SiteInfo || (t != Tag::SiteName && t != Tag::DbName && t != Tag::Base)) {
      return true;
    }
    field.clear();
    collecting_field = true;
    return true;
  }

  bool site_field_end(Tag t) {
    if (t == Tag::SiteInfo) {
      in_siteinfo = false;
      site_done = true;
      collecting_field = false;
      return true;
    }
    if (!in_siteinfo) return false;
    if (collecting_field) {
      collecting_field = false;
      SiteInfo& site = owner->site_;
      if (t == Tag::SiteName) site.sitename = trim(std::move(field));
      if (t == Tag::DbName) site.dbname = trim(std::move(field));
      if (t == Tag::Base) site.base = trim(std::move(field));
      // A wiki has a few dozen namespaces; a hostile file's millions are not kept.
      if (t == Tag::Namespace && site.namespaces.size() < 4096)
        site.namespaces.emplace_back(namespace_key, trim(std::move(field)));
      field.clear();
    }
    return true;
  }

  Tag parent() const { return stack.size() >= 2 ? stack[stack.size() - 2] : Tag::Other; }

  void decide() {
    if (decided) return;
    decided = true;
    page.title = trim(std::move(page.title));
    wanted = !keep || keep(page);
  }

  void abort(std::string why) {
    if (abort_reason.empty()) abort_reason = std::move(why);
    XML_StopParser(parser, XML_FALSE);
  }

  static void on_start(void* ud, const XML_Char* name, const XML_Char** attrs) {
    auto& s = *static_cast<Impl*>(ud);
    const Tag t = tag_of(name);
    s.stack.push_back(t);
    const Tag up = s.parent();
    if (t == Tag::Page) {
      if (s.in_page) return s.abort("<page> inside <page>");
      s.in_page = true;
      s.site_done = true;
      s.page = DumpPage{};
      s.decided = s.wanted = s.seen_revision = false;
      return;
    }
    if (!s.in_page) {
      s.site_field_start(t, up, attrs);
      return;
    }
    if (up == Tag::Page && (t == Tag::Title || t == Tag::Ns || t == Tag::Id)) {
      s.field.clear();
      s.collecting_field = true;
    } else if (up == Tag::Revision && t == Tag::Id) {
      s.field.clear();
      s.collecting_field = true;
    } else if (up == Tag::Page && t == Tag::Redirect) {
      s.page.redirect = true;
    } else if (up == Tag::Page && t == Tag::Revision) {
      s.decide();
      s.seen_revision = true;
      s.page.text.clear();  // full-history dumps: the last revision's text is kept
      s.page.revision_id.reset();
    } else if (up == Tag::Revision && t == Tag::Text) {
      s.page.text.clear();
      s.collecting_text = s.wanted;
    }
  }

  static void on_end(void* ud, const XML_Char*) {
    auto& s = *static_cast<Impl*>(ud);
    if (s.stack.empty()) return;
    const Tag t = s.stack.back();
    const Tag up = s.parent();
    s.stack.pop_back();
    if (!s.in_page) {
      s.site_field_end(t);
      return;
    }
    if (s.collecting_field) {
      s.collecting_field = false;
      if (up == Tag::Page && t == Tag::Title) {
        s.page.title = std::move(s.field);
      } else if (up == Tag::Page && t == Tag::Ns) {
        const std::string v = trim(s.field);
        const bool neg = !v.empty() && v[0] == '-';
        if (auto n = parse_u64(neg ? v.substr(1) : v); n && *n < (1ull << 31))
          s.page.ns = neg ? -static_cast<int64_t>(*n) : static_cast<int64_t>(*n);
        else
          s.page.ns_known = false;
      } else if (up == Tag::Page && t == Tag::Id) {
        s.page.id = parse_u64(trim(s.field));
      } else if (up == Tag::Revision && t == Tag::Id) {
        s.page.revision_id = parse_u64(trim(s.field));
      }
      s.field.clear();
      return;
    }
    if (t == Tag::Text) {
      s.collecting_text = false;
      return;
    }
    if (t == Tag::Page) {
      s.decide();
      s.in_page = false;
      ++s.owner->pages_seen_;
      s.owner->last_title_ = s.page.title;
      if (s.wanted) {
        s.ready.push_back(std::move(s.page));
      } else {
        ++s.owner->pages_skipped_;
      }
      s.page = DumpPage{};
    }
  }

  static void on_chars(void* ud, const XML_Char* data, int len) {
    auto& s = *static_cast<Impl*>(ud);
    if (s.collecting_text) {
      if (s.page.text.size() + static_cast<size_t>(len) > kMaxPageText)
        return s.abort("the text of page '" + s.page.title + "' exceeds 256 MiB");
      s.page.text.append(data, static_cast<size_t>(len));
    } else if (s.collecting_field) {
      if (s.field.size() + static_cast<size_t>(len) > 65536)
        return s.abort("a <title>, <ns> or <id> longer than 64 KiB");
      s.field.append(data, static_cast<size_t>(len));
    }
  }

  static void on_entity_decl(void* ud, const XML_Char* name, int, const XML_Char*, int,
                             const XML_Char*, const XML_Char*, const XML_Char*, const XML_Char*) {
    auto& s = *static_cast<Impl*>(ud);
    s.abort(std::string("DTD entity declaration '") + name +
            "' refused (MediaWiki dumps declare no entities)");
  }
};

DumpReader::DumpReader(ByteStream& in, Filter keep) : in_(in), impl_(std::make_unique<Impl>()) {
  impl_->owner = this;
  impl_->keep = std::move(keep);
  XML_Parser p = XML_ParserCreate("UTF-8");
  impl_->parser = p;
  if (!p) {
    error_ = DumpError{"cannot create the XML parser", 0, std::nullopt, 0};
    ended_ = true;
    return;
  }
  XML_SetUserData(p, impl_.get());
  XML_SetElementHandler(p, &Impl::on_start, &Impl::on_end);
  XML_SetCharacterDataHandler(p, &Impl::on_chars);
  XML_SetEntityDeclHandler(p, &Impl::on_entity_decl);
  XML_SetParamEntityParsing(p, XML_PARAM_ENTITY_PARSING_NEVER);
#if XML_MAJOR_VERSION > 2 || (XML_MAJOR_VERSION == 2 && XML_MINOR_VERSION >= 4)
  // Second line of defence against entity expansion (declarations are refused anyway).
  XML_SetBillionLaughsAttackProtectionMaximumAmplification(p, 20.0f);
  XML_SetBillionLaughsAttackProtectionActivationThreshold(p, 1u << 20);
#endif
}

DumpReader::~DumpReader() {
  if (impl_ && impl_->parser) XML_ParserFree(impl_->parser);
}

bool DumpReader::next(DumpPage& page) {
  while (impl_->ready.empty()) {
    if (ended_ || !feed()) {
      ended_ = true;
      if (impl_->ready.empty()) return false;
      break;
    }
  }
  page = std::move(impl_->ready.front());
  impl_->ready.pop_front();
  return true;
}

const SiteInfo& DumpReader::read_site_info() {
  while (!impl_->site_done && impl_->ready.empty() && !ended_) {
    if (!feed()) ended_ = true;
  }
  return site_;
}

// Parses one more block. False when the document ended or failed.
bool DumpReader::feed() {
  XML_Parser p = impl_->parser;
  void* buf = XML_GetBuffer(p, static_cast<int>(kFeedBlock));
  if (!buf) {
    error_ = DumpError{"out of memory in the XML parser", bytes_, std::nullopt, in_.input_offset()};
    return false;
  }
  const size_t got = in_.read(static_cast<char*>(buf), kFeedBlock);
  const bool stream_failed = got == 0 && !in_.error().empty();
  if (stream_failed) {
    // Report the cause (a truncated or corrupt compressed stream), not the XML parser's
    // complaint about the document ending early.
    error_ = DumpError{in_.error(), bytes_, in_.error_input_offset(), in_.input_offset()};
    return false;
  }
  const uint64_t block_start = bytes_;
  bytes_ += got;
  if (XML_ParseBuffer(p, static_cast<int>(got), got == 0) == XML_STATUS_OK) return got != 0;
  DumpError e;
  const XML_Error code = XML_GetErrorCode(p);
  const auto index = XML_GetCurrentByteIndex(p);
  e.offset = index >= 0 ? static_cast<uint64_t>(index) : block_start;
  if (!impl_->abort_reason.empty()) {
    e.message = impl_->abort_reason;
  } else if (got == 0 &&
             (code == XML_ERROR_NO_ELEMENTS || code == XML_ERROR_UNCLOSED_TOKEN ||
              code == XML_ERROR_PARTIAL_CHAR || code == XML_ERROR_UNCLOSED_CDATA_SECTION)) {
    e.message = "the XML ends early (truncated file?): " + std::string(XML_ErrorString(code));
    e.offset = bytes_;
  } else {
    e.message = "malformed XML: " + std::string(XML_ErrorString(code)) + " (line " +
                std::to_string(XML_GetCurrentLineNumber(p)) + ", column " +
                std::to_string(XML_GetCurrentColumnNumber(p) + 1) + ")";
  }
  if (in_.kind() == std::string_view("plain")) e.input_offset = e.offset;
  e.input_read = in_.input_offset();
  error_ = std::move(e);
  return false;
}

}  // namespace wikivet
