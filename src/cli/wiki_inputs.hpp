#pragma once
// `check --wiki URL TITLE...`: the pages to check come from a wiki's Action API instead of
// files. This fetches them (and, for --baseline-revision, the revisions to compare with),
// optionally saves them (--save DIR), and hands check what it needs: a path per page, the
// fetched text (positions point into it), the old revisions as a baseline, the site's info.
#include <cstdint>
#include <functional>
#include <map>
#include <string>
#include <vector>

#include "engine/baseline.hpp"
#include "input/load.hpp"
#include "input/site_info.hpp"

namespace wikivet::cli {

struct WikiRequest {
  std::string wiki;                 // --wiki URL
  std::vector<std::string> titles;  // positional arguments
  std::vector<uint64_t> revisions;  // --revision N (repeatable)
  std::string baseline_revision;    // --baseline-revision: "", "parent" or a revision id
  std::string save_dir;             // --save DIR
  long backoff_ms = 1000;           // first wait of the retry back-off (tests shorten it)
  long timeout_ms = 60000;          // per request
};

struct WikiPage {
  std::string path;   // the saved file, or the page's title when nothing is saved
  std::string title;  // on the wiki, after redirects
  std::string text;
  uint64_t revision_id = 0;
};

struct WikiInputs {
  SiteInfo site;
  std::vector<WikiPage> pages;                               // in the order asked for
  std::map<std::string, BaselineProvider::OldRevision> old;  // by path (--baseline-revision)
  std::vector<std::string> errors;  // one line each; each makes the exit code 2
  std::vector<std::string> notes;   // for standard error
  bool fatal = false;               // nothing could be fetched at all
};

// Fetches everything the request names. Never throws; failures are in errors.
WikiInputs fetch_wiki_inputs(const WikiRequest& request);

// A loader for EditCheck that serves the fetched pages from memory (each Source carries the
// page's title, for links to its edit view) and any other path from disk.
std::function<LoadResult(const std::string&)> wiki_loader(const WikiInputs& inputs);

// The file name --save gives a title: spaces as underscores, '/' and a leading '.' escaped
// (%2F, %2E), so that every title is one plain file inside DIR.
std::string saved_name(const std::string& title, uint64_t revision, bool with_revision);

}  // namespace wikivet::cli
