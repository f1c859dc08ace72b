#include "cli/wiki_inputs.hpp"

#include <sys/stat.h>

#include <cerrno>
#include <cstring>
#include <iostream>
#include <memory>
#include <set>

#include "engine/fix.hpp"
#include "wiki/action_api.hpp"

namespace wikivet::cli {

std::string saved_name(const std::string& title, uint64_t revision, bool with_revision) {
  std::string out;
  for (size_t i = 0; i < title.size(); ++i) {
    const char c = title[i];
    if (c == ' ') {
      out += '_';
    } else if (c == '/') {
      out += "%2F";
    } else if (c == '.' && i == 0) {
      out += "%2E";
    } else if (c == '%') {
      out += "%25";
    } else {
      out += c;
    }
  }
  // Titles are at most 255 bytes, escapes may triple some of them: stay under NAME_MAX.
  if (out.size() > 200) out.resize(200);
  while (!out.empty() && (static_cast<unsigned char>(out.back()) & 0xC0) == 0x80) out.pop_back();
  if (!out.empty() && static_cast<unsigned char>(out.back()) >= 0xC0) out.pop_back();
  if (with_revision) out += "@" + std::to_string(revision);
  return out + ".wiki";
}

WikiInputs fetch_wiki_inputs(const WikiRequest& rq) {
  WikiInputs in;
  wiki::ApiOptions o;
  o.wiki = rq.wiki;
  o.http.user_agent = wiki::default_user_agent();
  o.http.timeout_ms = rq.timeout_ms;
  o.retry.backoff_ms = rq.backoff_ms;
  o.note = [](const std::string& line) { std::cerr << "wikivet: " << line << "\n"; };
  std::string error;
  if (wiki::ActionApi::endpoint_of(rq.wiki, error).empty()) {
    in.errors.push_back(error);
    in.fatal = true;
    return in;
  }
  for (const auto& t : rq.titles) {
    // '|' separates titles in a request, and MediaWiki forbids it (and these) in titles.
    if (t.empty() || t.find_first_of("|#<>[]{}") != std::string::npos) {
      in.errors.push_back("'" + t + "' is not a valid page title");
      in.fatal = rq.titles.size() == 1 && rq.revisions.empty();
    }
  }
  if (in.fatal) return in;
  wiki::ActionApi api(o);

  // The wiki describes itself first: its id chooses the profile, its address the edit links.
  if (!api.site_info(in.site, error)) {
    in.errors.push_back(rq.wiki + ": siteinfo: " + error);
    in.fatal = true;
    return in;
  }
  // The wiki's id (dbname) chooses the wiki profile (cmd_check, profile_from_siteinfo); it is
  // reported and kept in `site` (the HTML report shows it and links to the edit views).
  in.notes.push_back("wiki " + in.site.dbname +
                     (in.site.sitename.empty() ? "" : " (" + in.site.sitename + ")") + " at " +
                     api.endpoint());

  std::vector<std::string> titles;
  for (const auto& t : rq.titles)
    if (!t.empty() && t.find_first_of("|#<>[]{}") == std::string::npos) titles.push_back(t);
  std::vector<wiki::FetchedRevision> fetched;
  auto take = [&](wiki::FetchResult r) {
    for (auto& e : r.errors) in.errors.push_back(rq.wiki + ": " + e);
    for (auto& n : r.notes) in.notes.push_back(std::move(n));
    for (auto& f : r.revisions) fetched.push_back(std::move(f));
  };
  if (!titles.empty()) {
    std::string fatal;
    take(api.current(titles, fatal));
    if (!fatal.empty()) {
      in.errors.push_back(rq.wiki + ": " + fatal);
      in.fatal = true;
      return in;
    }
  }
  if (!rq.revisions.empty()) {
    std::string fatal;
    take(api.revisions(rq.revisions, fatal));
    if (!fatal.empty()) {
      in.errors.push_back(rq.wiki + ": " + fatal);
      in.fatal = true;
      return in;
    }
  }

  // The old revisions: each one's parent, or the one revision named.
  std::map<uint64_t, wiki::FetchedRevision> old_by_id;
  if (!rq.baseline_revision.empty() && !fetched.empty()) {
    std::vector<uint64_t> ids;
    if (rq.baseline_revision == "parent") {
      std::set<uint64_t> seen;
      for (const auto& f : fetched)
        if (f.parent_id && seen.insert(f.parent_id).second) ids.push_back(f.parent_id);
    } else {
      ids.push_back(std::stoull(rq.baseline_revision));
    }
    if (!ids.empty()) {
      std::string fatal;
      wiki::FetchResult r = api.revisions(ids, fatal);
      if (!fatal.empty()) {
        in.errors.push_back(rq.wiki + ": the baseline revisions: " + fatal);
        in.fatal = true;
        return in;
      }
      for (auto& e : r.errors) in.errors.push_back(rq.wiki + ": baseline: " + e);
      for (auto& f : r.revisions) old_by_id.emplace(f.revision_id, std::move(f));
    }
  }

  if (!rq.save_dir.empty()) {
    struct stat st {};
    if (::stat(rq.save_dir.c_str(), &st) != 0 && ::mkdir(rq.save_dir.c_str(), 0777) != 0) {
      in.errors.push_back("--save: cannot create '" + rq.save_dir + "': " + std::strerror(errno));
      in.fatal = true;
      return in;
    }
  }
  std::set<std::string> paths;
  for (auto& f : fetched) {
    WikiPage page;
    page.title = f.title;
    page.revision_id = f.revision_id;
    const bool by_revision = f.requested.rfind("revision ", 0) == 0;
    if (rq.save_dir.empty()) {
      page.path = by_revision ? f.title + "@" + std::to_string(f.revision_id) : f.title;
    } else {
      page.path = rq.save_dir + "/" + saved_name(f.title, f.revision_id, by_revision);
    }
    if (!paths.insert(page.path).second) continue;  // asked for twice (a title and its redirect)
    in.notes.push_back("fetched '" + f.title + "' revision " + std::to_string(f.revision_id) +
                       (f.timestamp.empty() ? "" : " (" + f.timestamp + ")") +
                       (rq.save_dir.empty() ? "" : " into " + page.path));
    if (!rq.save_dir.empty()) {
      if (const std::string e = atomic_write_file(page.path, f.text); !e.empty()) {
        in.errors.push_back("--save: " + e);
        continue;
      }
    }
    page.text = std::move(f.text);
    if (!rq.baseline_revision.empty()) {
      const uint64_t want =
          rq.baseline_revision == "parent" ? f.parent_id : std::stoull(rq.baseline_revision);
      BaselineProvider::OldRevision old;
      if (want == 0) {
        old.origin = "no parent revision (the page's first)";
        in.notes.push_back("'" + f.title + "' revision " + std::to_string(f.revision_id) +
                           " created the page: every finding is new");
      } else if (auto it = old_by_id.find(want); it != old_by_id.end()) {
        old.origin = "revision " + std::to_string(want) + " of '" + it->second.title + "'";
        old.source = std::make_shared<const Source>(old.origin, it->second.text);
        in.notes.push_back("against " + old.origin);
      } else {
        continue;  // its error is already listed: the page is not checked without its baseline
      }
      in.old.emplace(page.path, std::move(old));
    }
    in.pages.push_back(std::move(page));
  }
  return in;
}

std::function<LoadResult(const std::string&)> wiki_loader(const WikiInputs& inputs) {
  auto texts = std::make_shared<std::map<std::string, std::pair<std::string, std::string>>>();
  for (const auto& p : inputs.pages) (*texts)[p.path] = {p.title, p.text};
  return [texts](const std::string& path) {
    auto it = texts->find(path);
    if (it == texts->end()) return load_source(path);
    LoadResult r;
    // The API gives wikitext: no edit-page detection, what is parsed is what was fetched.
    r.source.emplace(path, it->second.second);
    r.source->title = it->second.first;
    return r;
  };
}

}  // namespace wikivet::cli
