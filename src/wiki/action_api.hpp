#pragma once
// The MediaWiki Action API (api.php), the part of it `check --wiki` needs: the site's own
// description (meta=siteinfo) and the wikitext of pages or revisions (prop=revisions, content
// of the main slot, format=json&formatversion=2).
//
// Manners, as Wikimedia's API etiquette asks: one request at a time, a descriptive User-Agent,
// maxlag=5 on every request (a lagged database answers "maxlag" and we wait), titles in batches
// of up to 50 per request, and on 429 or 503 a wait of Retry-After seconds (or an exponential
// back-off when the server names none) before a bounded number of retries.
//
// Every answer is data from the network: any shape other than the documented one is a clear
// one-line error, never a crash.
#include <boost/json.hpp>
#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <vector>

#include "input/site_info.hpp"
#include "wiki/http_client.hpp"

namespace wikivet::wiki {

struct RetryPolicy {
  int attempts = 5;           // requests per call, the first included
  long backoff_ms = 1000;     // first wait when the server names none; doubles each time
  long max_wait_ms = 120000;  // a longer Retry-After is cut to this
};

struct ApiOptions {
  std::string wiki;  // "https://en.wikipedia.org", or the address of its api.php
  HttpOptions http;
  RetryPolicy retry;
  int maxlag = 5;     // seconds; 0 leaves the parameter out
  size_t batch = 50;  // titles or revision ids per request (the API's limit for users)
  std::function<void(const std::string&)> note;  // progress lines (waits, retries)
  std::function<void(long ms)> sleep;            // default: the thread sleeps
};

// One revision's wikitext and where it came from.
struct FetchedRevision {
  std::string requested;        // the title or "revision N" as the user gave it
  std::string title;            // the page's title after normalisation and redirects
  std::string redirected_from;  // the redirect page's title, when one was followed
  int64_t ns = 0;
  uint64_t page_id = 0, revision_id = 0, parent_id = 0;  // parent 0: the page's first revision
  std::string timestamp;
  std::string text;
};

struct FetchResult {
  std::vector<FetchedRevision> revisions;  // in the order asked for
  std::vector<std::string> errors;         // one line each: missing pages, hidden text, ...
  std::vector<std::string> notes;          // "'X' redirects to 'Y'", normalised titles
};

class ActionApi {
 public:
  explicit ActionApi(ApiOptions options);

  // The api.php address that `wiki` names; empty (and error set) when it is not http(s).
  static std::string endpoint_of(const std::string& wiki, std::string& error);
  const std::string& endpoint() const { return endpoint_; }

  // meta=siteinfo&siprop=general|namespaces. False (and error set) on failure.
  bool site_info(SiteInfo& out, std::string& error);
  // The current revision of each title (redirects followed). A request that fails as a
  // whole (network, throttling beyond the retries, malformed answer) sets `fatal`.
  FetchResult current(const std::vector<std::string>& titles, std::string& fatal);
  // These revisions, by id.
  FetchResult revisions(const std::vector<uint64_t>& ids, std::string& fatal);

  size_t requests() const { return requests_; }  // HTTP requests made (retries included)

 private:
  using Params = std::vector<std::pair<std::string, std::string>>;
  // One API call: GET with retries (429, 503, maxlag, transport failures), then the answer's
  // top-level JSON object. False (and error set) when there is none to use.
  bool call(const Params& params, boost::json::object& answer, std::string& error);
  std::string url_of(const Params& params) const;
  // prop=revisions for `keys` (titles, or revision ids as text), in batches, continued until
  // every page's revision arrived.
  FetchResult fetch(const std::vector<std::string>& keys, bool by_id, std::string& fatal);

  ApiOptions options_;
  std::string endpoint_;
  HttpClient http_;
  size_t requests_ = 0;
};

}  // namespace wikivet::wiki
