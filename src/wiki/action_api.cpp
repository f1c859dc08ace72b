#include "wiki/action_api.hpp"

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <map>
#include <set>
#include <thread>

namespace wikivet::wiki {

namespace json = boost::json;

namespace {

const json::object* object_at(const json::object& o, std::string_view key) {
  const json::value* v = o.if_contains(key);
  return v && v->is_object() ? &v->get_object() : nullptr;
}

const json::array* array_at(const json::object& o, std::string_view key) {
  const json::value* v = o.if_contains(key);
  return v && v->is_array() ? &v->get_array() : nullptr;
}

std::optional<std::string> string_at(const json::object& o, std::string_view key) {
  const json::value* v = o.if_contains(key);
  if (!v || !v->is_string()) return std::nullopt;
  return std::string(v->get_string());
}

std::optional<uint64_t> u64_of(const json::value& v) {
  if (v.is_uint64()) return v.get_uint64();
  if (v.is_int64() && v.get_int64() >= 0) return static_cast<uint64_t>(v.get_int64());
  if (v.is_double() && v.get_double() >= 0 && v.get_double() < 1.8e19 &&
      v.get_double() == static_cast<double>(static_cast<uint64_t>(v.get_double())))
    return static_cast<uint64_t>(v.get_double());
  if (v.is_string()) {  // badrevids keys, some old wikis' ids
    const auto& s = v.get_string();
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

std::optional<uint64_t> u64_at(const json::object& o, std::string_view key) {
  const json::value* v = o.if_contains(key);
  return v ? u64_of(*v) : std::nullopt;
}

// formatversion=2 flags are booleans; formatversion=1 sends "" for true. Either counts.
bool flag_at(const json::object& o, std::string_view key) {
  const json::value* v = o.if_contains(key);
  if (!v) return false;
  return v->is_bool() ? v->get_bool() : true;
}

std::string join(const std::vector<std::string>& v, size_t from, size_t to) {
  std::string out;
  for (size_t i = from; i < to; ++i) out += (i > from ? "|" : "") + v[i];
  return out;
}

struct PageInfo {
  std::string title;
  int64_t ns = 0;
  uint64_t page_id = 0;
  bool missing = false, invalid = false;
  std::string invalid_reason;
  std::vector<uint64_t> revision_ids;
};

struct RevisionInfo {
  std::string page_title;
  uint64_t revision_id = 0, parent_id = 0;
  std::string timestamp;
  std::optional<std::string> text;  // none: hidden, deleted or not sent
};

// What the answers of one batch said, gathered over its continuations.
struct BatchAnswer {
  std::map<std::string, std::string> normalized, redirects;
  std::set<std::string> interwiki;
  std::set<uint64_t> bad_revisions;
  std::map<std::string, PageInfo> pages;  // by title
  std::map<uint64_t, RevisionInfo> revisions;

  // Reads one answer's "query"; false when it is not the documented shape.
  bool read(const json::object& query, std::string& error) {
    for (const char* key : {"normalized", "redirects"}) {
      if (const json::array* a = array_at(query, key)) {
        for (const auto& item : *a) {
          if (!item.is_object()) continue;
          auto from = string_at(item.get_object(), "from");
          auto to = string_at(item.get_object(), "to");
          if (from && to) (key[0] == 'n' ? normalized : redirects)[*from] = *to;
        }
      }
    }
    if (const json::array* a = array_at(query, "interwiki")) {
      for (const auto& item : *a)
        if (item.is_object())
          if (auto t = string_at(item.get_object(), "title")) interwiki.insert(*t);
    }
    if (const json::value* bad = query.if_contains("badrevids")) {
      auto note = [this](const json::value& v) {
        if (v.is_object())
          if (auto id = u64_at(v.get_object(), "revid")) bad_revisions.insert(*id);
      };
      if (bad->is_object())
        for (const auto& kv : bad->get_object()) note(kv.value());
      if (bad->is_array())
        for (const auto& v : bad->get_array()) note(v);
    }
    const json::value* pv = query.if_contains("pages");
    if (!pv) return true;  // a batch of only bad revision ids has no pages
    std::vector<const json::object*> list;
    if (pv->is_array()) {
      for (const auto& p : pv->get_array())
        if (p.is_object()) list.push_back(&p.get_object());
    } else if (pv->is_object()) {  // formatversion=1 keys pages by id
      for (const auto& kv : pv->get_object())
        if (kv.value().is_object()) list.push_back(&kv.value().get_object());
    } else {
      error = "\"query.pages\" is neither a list nor an object";
      return false;
    }
    for (const json::object* p : list) {
      auto title = string_at(*p, "title");
      if (!title) continue;
      PageInfo& page = pages[*title];
      page.title = *title;
      if (const json::value* ns = p->if_contains("ns"); ns && ns->is_int64())
        page.ns = ns->get_int64();
      if (auto id = u64_at(*p, "pageid")) page.page_id = *id;
      page.missing = page.missing || flag_at(*p, "missing");
      page.invalid = page.invalid || flag_at(*p, "invalid");
      if (auto why = string_at(*p, "invalidreason")) page.invalid_reason = *why;
      const json::array* revs = array_at(*p, "revisions");
      if (!revs) continue;
      for (const auto& rv : *revs) {
        if (!rv.is_object()) continue;
        const json::object& r = rv.get_object();
        auto id = u64_at(r, "revid");
        if (!id) continue;
        RevisionInfo& info = revisions[*id];
        info.page_title = *title;
        info.revision_id = *id;
        info.parent_id = u64_at(r, "parentid").value_or(0);
        info.timestamp = string_at(r, "timestamp").value_or("");
        if (const json::object* slots = object_at(r, "slots")) {
          if (const json::object* main = object_at(*slots, "main")) {
            if (auto c = string_at(*main, "content")) info.text = std::move(*c);
            if (!info.text)
              if (auto c = string_at(*main, "*")) info.text = std::move(*c);
          }
        } else if (auto c = string_at(r, "content")) {  // wikis older than MediaWiki 1.32
          info.text = std::move(*c);
        }
        if (std::find(page.revision_ids.begin(), page.revision_ids.end(), *id) ==
            page.revision_ids.end())
          page.revision_ids.push_back(*id);
      }
    }
    return true;
  }
};

}  // namespace

ActionApi::ActionApi(ApiOptions options) : options_(std::move(options)), http_(options_.http) {
  std::string ignored;
  endpoint_ = endpoint_of(options_.wiki, ignored);
  if (!options_.sleep)
    options_.sleep = [](long ms) { std::this_thread::sleep_for(std::chrono::milliseconds(ms)); };
  if (options_.batch == 0 || options_.batch > 50) options_.batch = 50;
}

std::string ActionApi::endpoint_of(const std::string& wiki, std::string& error) {
  std::string url = wiki;
  if (url.rfind("https://", 0) != 0 && url.rfind("http://", 0) != 0) {
    error = "--wiki takes the wiki's address (https://en.wikipedia.org), not '" + wiki + "'";
    return {};
  }
  if (url.find_first_of(" \t\r\n?#") != std::string::npos) {
    error = "--wiki takes an address without spaces, query or fragment, not '" + wiki + "'";
    return {};
  }
  if (url.size() >= 7 && url.compare(url.size() - 7, 7, "api.php") == 0) return url;
  while (!url.empty() && url.back() == '/') url.pop_back();
  // Wikimedia's layout (and MediaWiki's usual one): /w/api.php beside /wiki/Title.
  if (url.size() >= 5 && url.compare(url.size() - 5, 5, "/wiki") == 0) url.resize(url.size() - 5);
  if (url.size() >= 2 && url.compare(url.size() - 2, 2, "/w") == 0) return url + "/api.php";
  return url + "/w/api.php";
}

std::string ActionApi::url_of(const Params& params) const {
  std::string url = endpoint_;
  char sep = '?';
  for (const auto& [k, v] : params) {
    url += sep;
    url += url_encode(k);
    url += '=';
    url += url_encode(v);
    sep = '&';
  }
  return url;
}

bool ActionApi::call(const Params& params, json::object& answer, std::string& error) {
  Params all = params;
  if (options_.maxlag > 0) all.emplace_back("maxlag", std::to_string(options_.maxlag));
  const std::string url = url_of(all);
  const int attempts = std::max(1, options_.retry.attempts);
  for (int attempt = 1;; ++attempt) {
    ++requests_;
    HttpResponse r = http_.get(url);
    bool retry = false;
    if (r.status == 0) {
      error = "cannot reach " + endpoint_ + ": " + r.error;
      retry = r.transient;
    } else if (r.status == 429 || r.status == 502 || r.status == 503 || r.status == 504) {
      error = "the wiki answered HTTP " + std::to_string(r.status) +
              (r.status == 429 ? " (too many requests)" : " (unavailable)");
      retry = true;
    } else if (r.status != 200) {
      error = "the wiki answered HTTP " + std::to_string(r.status) + " for " + endpoint_;
      return false;
    } else {
      json::error_code ec;
      json::value v = json::parse(r.body, ec);
      if (ec || !v.is_object()) {
        error = "the wiki's answer is not a JSON object" +
                (ec ? " (" + ec.message() + ")" : std::string()) +
                (r.content_type.empty() ? "" : "; it came as " + r.content_type);
        return false;
      }
      json::object& o = v.get_object();
      if (const json::object* e = object_at(o, "error")) {
        const std::string code = string_at(*e, "code").value_or("?");
        const std::string info = string_at(*e, "info").value_or("");
        if (code != "maxlag") {
          error = "the API refused the request: " + code + (info.empty() ? "" : ": " + info);
          return false;
        }
        error = "the wiki's database is lagged (" + info + ")";
        retry = true;
      } else {
        answer = std::move(o);
        return true;
      }
    }
    if (!retry) return false;
    if (attempt >= attempts) {
      error += "; gave up after " + std::to_string(attempts) + " attempts";
      return false;
    }
    long wait = options_.retry.backoff_ms << std::min(attempt - 1, 16);
    if (!r.retry_after.empty() && r.retry_after.size() <= 6 &&
        r.retry_after.find_first_not_of("0123456789") == std::string::npos)
      wait = std::stol(r.retry_after) * 1000;  // seconds; an HTTP date falls back to back-off
    wait = std::min(wait, options_.retry.max_wait_ms);
    if (options_.note) {
      char secs[32];
      std::snprintf(secs, sizeof secs, "%.1f", static_cast<double>(wait) / 1000);
      options_.note(error + "; retrying in " + secs + " s (attempt " + std::to_string(attempt + 1) +
                    " of " + std::to_string(attempts) + ")");
    }
    options_.sleep(wait);
  }
}

bool ActionApi::site_info(SiteInfo& out, std::string& error) {
  json::object a;
  if (!call({{"action", "query"},
             {"meta", "siteinfo"},
             {"siprop", "general|namespaces"},
             {"format", "json"},
             {"formatversion", "2"}},
            a, error))
    return false;
  const json::object* q = object_at(a, "query");
  const json::object* g = q ? object_at(*q, "general") : nullptr;
  if (!g) {
    error = "the wiki's siteinfo answer has no \"query.general\"";
    return false;
  }
  out = SiteInfo{};
  out.sitename = string_at(*g, "sitename").value_or("");
  out.dbname = string_at(*g, "wikiid").value_or(string_at(*g, "dbname").value_or(""));
  out.base = string_at(*g, "base").value_or("");
  out.server = string_at(*g, "server").value_or("");
  out.scriptpath = string_at(*g, "scriptpath").value_or("");
  out.articlepath = string_at(*g, "articlepath").value_or("");
  if (const json::object* ns = object_at(*q, "namespaces")) {
    for (const auto& kv : *ns) {
      if (!kv.value().is_object()) continue;
      const json::object& n = kv.value().get_object();
      const json::value* id = n.if_contains("id");
      if (!id || !id->is_int64()) continue;
      auto name = string_at(n, "name");
      if (!name) name = string_at(n, "*");  // formatversion=1
      if (out.namespaces.size() < 4096)
        out.namespaces.emplace_back(id->get_int64(), name.value_or(""));
    }
  }
  if (out.dbname.empty()) {
    error = "the wiki's siteinfo names no wiki id (query.general.wikiid)";
    return false;
  }
  return true;
}

FetchResult ActionApi::current(const std::vector<std::string>& titles, std::string& fatal) {
  return fetch(titles, false, fatal);
}

FetchResult ActionApi::revisions(const std::vector<uint64_t>& ids, std::string& fatal) {
  std::vector<std::string> keys;
  for (uint64_t id : ids) keys.push_back(std::to_string(id));
  return fetch(keys, true, fatal);
}

FetchResult ActionApi::fetch(const std::vector<std::string>& keys, bool by_id, std::string& fatal) {
  FetchResult out;
  for (size_t from = 0; from < keys.size() && fatal.empty(); from += options_.batch) {
    const size_t to = std::min(keys.size(), from + options_.batch);
    Params base = {{"action", "query"}, {"prop", "revisions"}, {"rvprop", "content|ids|timestamp"},
                   {"rvslots", "main"}, {"format", "json"},    {"formatversion", "2"}};
    if (by_id) {
      base.emplace_back("revids", join(keys, from, to));
    } else {
      base.emplace_back("redirects", "1");
      base.emplace_back("titles", join(keys, from, to));
    }
    BatchAnswer batch;
    Params cont;
    // Large pages may not all fit in one answer: the API then says how to continue.
    for (int round = 0;; ++round) {
      if (round == 100) {
        fatal = "the wiki asked to continue more than 100 times; giving up";
        break;
      }
      Params p = base;
      p.insert(p.end(), cont.begin(), cont.end());
      json::object a;
      if (!call(p, a, fatal)) break;
      const json::object* q = object_at(a, "query");
      if (!q && !a.contains("continue")) {
        fatal = "the wiki's answer has no \"query\"";
        break;
      }
      if (q && !batch.read(*q, fatal)) {
        fatal = "unexpected answer from the wiki: " + fatal;
        break;
      }
      const json::object* c = object_at(a, "continue");
      if (!c) break;
      cont.clear();
      for (const auto& kv : *c) {
        if (kv.value().is_string())
          cont.emplace_back(std::string(kv.key()), std::string(kv.value().get_string()));
        else if (auto n = u64_of(kv.value()))
          cont.emplace_back(std::string(kv.key()), std::to_string(*n));
      }
      if (cont.empty()) break;
    }
    if (!fatal.empty()) break;

    for (size_t i = from; i < to; ++i) {
      const std::string& key = keys[i];
      const RevisionInfo* rev = nullptr;
      std::string requested = by_id ? "revision " + key : key;
      FetchedRevision f;
      f.requested = requested;
      if (by_id) {
        const uint64_t id = std::stoull(key);
        if (batch.bad_revisions.count(id)) {
          out.errors.push_back("revision " + key + " does not exist");
          continue;
        }
        auto it = batch.revisions.find(id);
        if (it == batch.revisions.end()) {
          out.errors.push_back("the wiki sent nothing for revision " + key);
          continue;
        }
        rev = &it->second;
      } else {
        std::string title = key;
        if (auto n = batch.normalized.find(title); n != batch.normalized.end()) {
          out.notes.push_back("'" + key + "' is written '" + n->second + "' on the wiki");
          title = n->second;
        }
        if (batch.interwiki.count(title)) {
          out.errors.push_back("'" + key + "' names a page on another wiki (interwiki prefix)");
          continue;
        }
        for (int hop = 0; hop < 10; ++hop) {
          auto r = batch.redirects.find(title);
          if (r == batch.redirects.end()) break;
          if (f.redirected_from.empty()) f.redirected_from = title;
          title = r->second;
        }
        if (!f.redirected_from.empty())
          out.notes.push_back("'" + f.redirected_from + "' redirects to '" + title +
                              "'; checking '" + title + "'");
        auto p = batch.pages.find(title);
        if (p == batch.pages.end()) {
          out.errors.push_back("the wiki sent nothing for '" + key + "'");
          continue;
        }
        if (p->second.invalid) {
          out.errors.push_back(
              "'" + key + "' is not a valid title" +
              (p->second.invalid_reason.empty() ? std::string() : ": " + p->second.invalid_reason));
          continue;
        }
        if (p->second.missing) {
          out.errors.push_back("page '" + title + "' does not exist");
          continue;
        }
        if (p->second.revision_ids.empty()) {
          out.errors.push_back("the wiki sent no revision of '" + title + "'");
          continue;
        }
        rev = &batch.revisions[p->second.revision_ids.front()];
      }
      const PageInfo& page = batch.pages[rev->page_title];
      if (!rev->text) {
        out.errors.push_back("revision " + std::to_string(rev->revision_id) + " of '" +
                             rev->page_title + "': its text is hidden, deleted or was not sent");
        continue;
      }
      f.title = rev->page_title;
      f.ns = page.ns;
      f.page_id = page.page_id;
      f.revision_id = rev->revision_id;
      f.parent_id = rev->parent_id;
      f.timestamp = rev->timestamp;
      f.text = *rev->text;
      out.revisions.push_back(std::move(f));
    }
  }
  return out;
}

}  // namespace wikivet::wiki
