// libcurl, loaded when wikivet first talks to a wiki rather than when it starts.
//
// Linked at build time, libcurl and the thirty libraries it needs (TLS, Kerberos, LDAP, HTTP/2,
// compression) were mapped and relocated at every start of wikivet: about three quarters of the
// start-up time of `wikivet check` on one small file, paid by every pre-commit hook and editor
// run that never opens a connection. Only `check --wiki` and `edit` need it.
#pragma once

#include <curl/curl.h>

#include <string>

namespace wikivet::wiki {

// The libcurl functions wikivet calls, found in the shared library on first use.
struct CurlApi {
  decltype(&curl_global_init) global_init = nullptr;
  decltype(&curl_easy_init) easy_init = nullptr;
  decltype(&curl_easy_cleanup) easy_cleanup = nullptr;
  decltype(&curl_easy_reset) easy_reset = nullptr;
  decltype(&curl_easy_setopt) easy_setopt = nullptr;
  decltype(&curl_easy_perform) easy_perform = nullptr;
  decltype(&curl_easy_getinfo) easy_getinfo = nullptr;
  decltype(&curl_easy_strerror) easy_strerror = nullptr;
  decltype(&curl_version_info) version_info = nullptr;
};

// The loaded functions (curl_global_init already called), or nullptr with *error saying why
// ("libcurl.so.4: cannot open shared object file"). Loads once; safe from any thread.
const CurlApi* curl_api(std::string* error = nullptr);

}  // namespace wikivet::wiki
