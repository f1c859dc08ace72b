#pragma once
// What a wiki says about itself: a dump's <siteinfo> or the Action API's
// meta=siteinfo&siprop=general|namespaces. The wiki profile is chosen by `dbname`; reports
// link each page to its edit view from the site's address.
#include <cstdint>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace wikivet {

struct SiteInfo {
  std::string sitename;  // "Wikipedia", "উইকিপিডিয়া"
  std::string dbname;    // "enwiki", "bnwiki": names the wiki profile
  std::string base;  // URL of the main page: "https://bn.wikipedia.org/wiki/প্রধান_পাতা"
  // From the API only (a dump names none of them): "https://en.wikipedia.org" (or
  // protocol-relative "//en.wikipedia.org"), "/w", "/wiki/$1".
  std::string server, scriptpath, articlepath;
  std::vector<std::pair<int64_t, std::string>> namespaces;  // key, local name ("" for 0)
  bool known() const { return !dbname.empty() || !base.empty() || !server.empty(); }
};

// The address of the edit view of `title` on the wiki, or "" when the site's address is not
// known or is not an http(s) URL (a dump's <base> is data, and data must not become a
// javascript: link). With the API's server and script path: SERVER/SCRIPT/index.php?title=T
// &action=edit; from a dump's base, the article path is what precedes the main page's name.
std::string edit_url(const SiteInfo& site, std::string_view title);

// `title` as MediaWiki writes it in a URL: spaces as underscores, bytes outside a safe set
// percent-encoded.
std::string url_title(std::string_view title);

}  // namespace wikivet
