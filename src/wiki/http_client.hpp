#pragma once
// HTTP GET through libcurl, for the MediaWiki Action API: a descriptive User-Agent (Wikimedia's
// policy asks for one that names the tool and a contact), timeouts, compressed answers, a cap on
// the size of an answer, only http and https. One answer per call; retrying is the caller's
// business (wiki/action_api.cpp), since only it knows what an answer means.
#include <cstddef>
#include <memory>
#include <string>
#include <string_view>

namespace wikivet::wiki {

struct HttpOptions {
  std::string user_agent;
  long connect_timeout_ms = 10000;
  long timeout_ms = 60000;             // the whole transfer
  size_t max_body = size_t{64} << 20;  // an answer larger than this is refused
};

struct HttpResponse {
  long status = 0;  // 0 when no HTTP answer came (see error)
  std::string body;
  std::string retry_after;  // the Retry-After header, as sent
  std::string content_type;
  std::string error;       // transport failure: "timed out after 60 s", "could not connect"
  bool transient = false;  // the failure may pass (a timeout, a dropped connection)
};

class HttpClient {
 public:
  explicit HttpClient(HttpOptions options);
  ~HttpClient();
  HttpClient(const HttpClient&) = delete;
  HttpClient& operator=(const HttpClient&) = delete;

  HttpResponse get(const std::string& url);

 private:
  HttpOptions options_;
  void* curl_ = nullptr;    // CURL*, reused so that connections are kept alive between requests
  std::string load_error_;  // why libcurl could not be loaded, when curl_ is null
};

// Percent-encodes `s` for a query string value (RFC 3986 unreserved characters stay).
std::string url_encode(std::string_view s);

// The User-Agent wikivet sends: "wikivet/VERSION (https://github.com/wikivet/wikivet; a
// MediaWiki wikitext linter) libcurl/X".
std::string default_user_agent();

}  // namespace wikivet::wiki
