#include "wiki/curl_api.hpp"

#include <dlfcn.h>

#include <mutex>

namespace wikivet::wiki {

namespace {

struct Loaded {
  CurlApi api;
  bool ok = false;
  std::string error;
};

// Looks up one function by name into `slot`; false (and the error) when it is missing.
template <typename F>
bool bind(void* library, const char* name, F& slot, std::string& error) {
  slot = reinterpret_cast<F>(dlsym(library, name));
  if (!slot) error = std::string("libcurl has no ") + name;
  return slot != nullptr;
}

Loaded load() {
  Loaded l;
  // The OpenSSL build's name first (Debian's libcurl4), then the GnuTLS build's.
  void* library = nullptr;
  for (const char* soname : {"libcurl.so.4", "libcurl-gnutls.so.4"}) {
    library = dlopen(soname, RTLD_NOW | RTLD_LOCAL);
    if (library) break;
    if (l.error.empty()) l.error = dlerror();
  }
  if (!library) {
    l.error = "cannot load libcurl (" + l.error + "); install libcurl4";
    return l;
  }
  l.error.clear();
  CurlApi& a = l.api;
  l.ok = bind(library, "curl_global_init", a.global_init, l.error) &&
         bind(library, "curl_easy_init", a.easy_init, l.error) &&
         bind(library, "curl_easy_cleanup", a.easy_cleanup, l.error) &&
         bind(library, "curl_easy_reset", a.easy_reset, l.error) &&
         bind(library, "curl_easy_setopt", a.easy_setopt, l.error) &&
         bind(library, "curl_easy_perform", a.easy_perform, l.error) &&
         bind(library, "curl_easy_getinfo", a.easy_getinfo, l.error) &&
         bind(library, "curl_easy_strerror", a.easy_strerror, l.error) &&
         bind(library, "curl_version_info", a.version_info, l.error);
  // The library stays loaded for the life of the process: handles may be cleaned up late.
  if (l.ok && a.global_init(CURL_GLOBAL_DEFAULT) != CURLE_OK) {
    l.ok = false;
    l.error = "cannot initialise libcurl";
  }
  return l;
}

}  // namespace

const CurlApi* curl_api(std::string* error) {
  static std::once_flag once;
  static Loaded loaded;
  std::call_once(once, [] { loaded = load(); });
  if (!loaded.ok && error) *error = loaded.error;
  return loaded.ok ? &loaded.api : nullptr;
}

}  // namespace wikivet::wiki
