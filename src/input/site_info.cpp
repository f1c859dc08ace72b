#include "input/site_info.hpp"

namespace wikivet {

namespace {

bool starts_with(std::string_view s, std::string_view prefix) {
  return s.substr(0, prefix.size()) == prefix;
}

bool http_url(std::string_view s) {
  return starts_with(s, "https://") || starts_with(s, "http://");
}

}  // namespace

std::string url_title(std::string_view title) {
  static const char* kHex = "0123456789ABCDEF";
  std::string out;
  out.reserve(title.size());
  for (const char ch : title) {
    const auto c = static_cast<unsigned char>(ch);
    const bool safe =
        (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') ||
        std::string_view("-_.~:/()!,;@$*").find(static_cast<char>(c)) != std::string_view::npos;
    if (c == ' ') {
      out += '_';
    } else if (safe) {
      out += static_cast<char>(c);
    } else {
      out += '%';
      out += kHex[c >> 4];
      out += kHex[c & 15];
    }
  }
  return out;
}

std::string edit_url(const SiteInfo& site, std::string_view title) {
  if (title.empty()) return {};
  if (!site.server.empty()) {
    std::string server = site.server;
    if (starts_with(server, "//")) server = "https:" + server;
    if (!http_url(server)) return {};
    return server + site.scriptpath + "/index.php?title=" + url_title(title) + "&action=edit";
  }
  const std::string_view base = site.base;
  if (!http_url(base)) return {};
  // ".../index.php?title=Main_Page": the title parameter; ".../wiki/Main_Page": the path.
  if (const auto t = base.find("?title="); t != std::string_view::npos) {
    return std::string(base.substr(0, t + 7)) + url_title(title) + "&action=edit";
  }
  const auto slash = base.rfind('/');
  if (slash == std::string_view::npos || slash < 8) return {};  // no path after the host
  return std::string(base.substr(0, slash + 1)) + url_title(title) + "?action=edit";
}

}  // namespace wikivet
