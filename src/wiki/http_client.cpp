#include "wiki/http_client.hpp"

#include <cctype>

#include "wiki/curl_api.hpp"
#include "wikivet/version.hpp"

namespace wikivet::wiki {

namespace {

struct Transfer {
  HttpResponse* response;
  size_t max_body;
  bool too_large = false;
};

size_t on_body(char* data, size_t size, size_t count, void* user) {
  auto& t = *static_cast<Transfer*>(user);
  const size_t n = size * count;
  if (t.response->body.size() + n > t.max_body) {
    t.too_large = true;
    return 0;  // makes libcurl stop with CURLE_WRITE_ERROR
  }
  t.response->body.append(data, n);
  return n;
}

// "Retry-After: 5\r\n": header names are case-insensitive. Headers of every response of a
// redirect chain arrive here; the last one's win, as each new status line clears them.
size_t on_header(char* data, size_t size, size_t count, void* user) {
  auto& t = *static_cast<Transfer*>(user);
  const size_t n = size * count;
  std::string_view line(data, n);
  if (line.substr(0, 5) == "HTTP/") {
    t.response->retry_after.clear();
    t.response->content_type.clear();
    return n;
  }
  const auto colon = line.find(':');
  if (colon == std::string_view::npos) return n;
  std::string name(line.substr(0, colon));
  for (auto& c : name) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  std::string_view value = line.substr(colon + 1);
  while (!value.empty() && (value.front() == ' ' || value.front() == '\t')) value.remove_prefix(1);
  while (!value.empty() && (value.back() == '\r' || value.back() == '\n' || value.back() == ' '))
    value.remove_suffix(1);
  if (name == "retry-after") t.response->retry_after = std::string(value.substr(0, 64));
  if (name == "content-type") t.response->content_type = std::string(value.substr(0, 200));
  return n;
}

}  // namespace

HttpClient::HttpClient(HttpOptions options) : options_(std::move(options)) {
  if (const CurlApi* api = curl_api(&load_error_)) curl_ = api->easy_init();
}

HttpClient::~HttpClient() {
  if (curl_) curl_api()->easy_cleanup(static_cast<CURL*>(curl_));
}

HttpResponse HttpClient::get(const std::string& url) {
  HttpResponse r;
  auto* c = static_cast<CURL*>(curl_);
  if (!c) {
    r.error = load_error_.empty() ? "cannot initialise libcurl" : load_error_;
    return r;
  }
  const CurlApi& curl = *curl_api();
  curl.easy_reset(c);
  Transfer t{&r, options_.max_body};
  char errbuf[CURL_ERROR_SIZE] = {0};
  curl.easy_setopt(c, CURLOPT_URL, url.c_str());
  curl.easy_setopt(c, CURLOPT_USERAGENT, options_.user_agent.c_str());
  curl.easy_setopt(c, CURLOPT_PROTOCOLS_STR, "http,https");
  curl.easy_setopt(c, CURLOPT_REDIR_PROTOCOLS_STR, "http,https");
  curl.easy_setopt(c, CURLOPT_FOLLOWLOCATION, 1L);  // http -> https, a moved api.php
  curl.easy_setopt(c, CURLOPT_MAXREDIRS, 5L);
  curl.easy_setopt(c, CURLOPT_CONNECTTIMEOUT_MS, options_.connect_timeout_ms);
  curl.easy_setopt(c, CURLOPT_TIMEOUT_MS, options_.timeout_ms);
  curl.easy_setopt(c, CURLOPT_NOSIGNAL, 1L);
  curl.easy_setopt(c, CURLOPT_ACCEPT_ENCODING, "");  // whatever libcurl can decode
  curl.easy_setopt(c, CURLOPT_WRITEFUNCTION, &on_body);
  curl.easy_setopt(c, CURLOPT_WRITEDATA, &t);
  curl.easy_setopt(c, CURLOPT_HEADERFUNCTION, &on_header);
  curl.easy_setopt(c, CURLOPT_HEADERDATA, &t);
  curl.easy_setopt(c, CURLOPT_ERRORBUFFER, errbuf);
  const CURLcode rc = curl.easy_perform(c);
  if (rc != CURLE_OK) {
    if (t.too_large) {
      r.error = "the answer is larger than " + std::to_string(options_.max_body >> 20) + " MiB";
    } else if (rc == CURLE_OPERATION_TIMEDOUT) {
      r.error = "timed out (" + std::string(errbuf[0] ? errbuf : curl.easy_strerror(rc)) + ")";
    } else {
      r.error = errbuf[0] ? errbuf : curl.easy_strerror(rc);
    }
    r.status = 0;
    // A refused connection or an unknown host will not mend in seconds; a timeout may.
    r.transient = rc == CURLE_OPERATION_TIMEDOUT || rc == CURLE_RECV_ERROR ||
                  rc == CURLE_SEND_ERROR || rc == CURLE_GOT_NOTHING || rc == CURLE_PARTIAL_FILE;
    return r;
  }
  long status = 0;
  curl.easy_getinfo(c, CURLINFO_RESPONSE_CODE, &status);
  r.status = status;
  return r;
}

std::string url_encode(std::string_view s) {
  static const char* kHex = "0123456789ABCDEF";
  std::string out;
  out.reserve(s.size() * 3);
  for (const char ch : s) {
    const auto c = static_cast<unsigned char>(ch);
    if (std::isalnum(c) || c == '-' || c == '_' || c == '.' || c == '~') {
      out += static_cast<char>(c);
    } else {
      out += '%';
      out += kHex[c >> 4];
      out += kHex[c & 15];
    }
  }
  return out;
}

std::string default_user_agent() {
  const CurlApi* curl = curl_api();
  const curl_version_info_data* v = curl ? curl->version_info(CURLVERSION_NOW) : nullptr;
  return std::string("wikivet/") + kVersion +
         " (https://github.com/wikivet/wikivet; MediaWiki wikitext linter) libcurl/" +
         (v && v->version ? v->version : "?");
}

}  // namespace wikivet::wiki
