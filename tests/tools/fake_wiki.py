#!/usr/bin/env python3
"""A small MediaWiki Action API on 127.0.0.1 for the tests of `wikivet check --wiki`.

It answers what wikivet asks (action=query with meta=siteinfo, or prop=revisions by titles or
revids, format=json&formatversion=2) in the shape MediaWiki's api.php documents: "normalized"
and "redirects" lists, pages with "missing"/"invalid", "badrevids", revisions with their main
slot, "continue" when an answer is split, and error objects ("toomanyvalues" past 50 titles, as
the real API refuses them). Its pages are the repository's fixtures.

The path before /w/api.php picks a behaviour, counted per path so each test has its own:
  /ok               answers normally
  /throttle         first request: 429 with Retry-After: 1, then normally
  /unavailable      first two requests: 503 without Retry-After, then normally
  /down             always 503 (wikivet must give up)
  /maxlag           first request: a "maxlag" error with Retry-After: 1, then normally
  /malformed        a body that is not JSON
  /truncated        JSON cut in the middle
  /wrongshape       JSON whose "query.pages" is a string
  /odd              JSON of the right outline with wrong types everywhere inside
  /slow             waits 5 s before answering (wikivet's timeout must fire)
  /split            revisions of several pages arrive one per answer, with "continue"
  /http404          404 for everything
  /bnwiki           answers as the Bengali Wikipedia: its siteinfo (wikiid bnwiki, the local
                    namespace names its dumps' <siteinfo> gives) and a page in Bengali

Usage: fake_wiki.py FIXTURES_DIR PORT_FILE LOG_FILE. Binds an ephemeral port, writes it to
PORT_FILE, logs every request as a JSON line (path, query, user agent, status) to LOG_FILE, and
exits by itself after 300 s in case the test forgets to stop it.
"""
import json
import os
import sys
import threading
import time
import urllib.parse
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

FIXTURES = sys.argv[1]
PORT_FILE = sys.argv[2]
LOG = open(sys.argv[3], "a", buffering=1)
counts = {}
lock = threading.Lock()


def read(path):
    with open(os.path.join(FIXTURES, path), encoding="utf-8") as f:
        return f.read()


SEED = read("seed/foreign-relations-of-mali.wiki")
ZEMBLA = read("articles/foreign-relations-of-zembla.wiki")
# The revision before the current seed: "Unknown" dates still had a value.
SEED_OLD = SEED.replace("Unknown", "12 May 1961")

PAGES = {}  # title -> dict(pageid, ns, revisions=[(revid, parentid, timestamp, text)], redirect)
REVS = {}


def add(title, pageid, revisions, redirect=None, ns=0):
    PAGES[title] = {"pageid": pageid, "ns": ns, "revisions": revisions, "redirect": redirect}
    for r in revisions:
        REVS[r[0]] = (title, r)


add("Foreign relations of Mali", 101,
    [(1001, 0, "2024-01-02T10:00:00Z", SEED_OLD), (1002, 1001, "2024-03-04T12:30:00Z", SEED)])
add("Foreign relations of Zembla", 102, [(2001, 0, "2024-05-06T08:00:00Z", ZEMBLA)])
add("Mali relations", 103, [(3001, 0, "2024-01-01T00:00:00Z",
                             "#REDIRECT [[Foreign relations of Mali]]")],
    redirect="Foreign relations of Mali")
# A Bengali article: its reference list and its image link in the wiki's own names.
add("বাংলা পাতা", 201, [(20001, 0, "2024-02-02T00:00:00Z",
                         "'''বাংলা পাতা''' একটি পাতা।<ref>সূত্র</ref>\n"
                         "[[চিত্র:মানচিত্র.png|থাম্ব|[[ঢাকা]] শহর]]\n\n"
                         "== তথ্যসূত্র ==\n{{সূত্র তালিকা}}\n")])
# The examples of docs/wiki.md, which tests/cli/docs_commands.sh runs against this server: an
# enwiki revision that changed "12 May 1961" to "Unknown" (of a page of its own, so that the
# tests above keep their revision ids), and two Bengali pages, one with a reference the page
# never defines, one with no reference list.
add("Mali–France relations", 104,
    [(1189999990, 0, "2023-12-01T00:00:00Z", SEED_OLD),
     (1190000000, 1189999990, "2023-12-20T00:00:00Z", SEED)])
add("বাংলাদেশ", 202, [(20002, 0, "2024-02-03T00:00:00Z",
                      "'''বাংলাদেশ''' দক্ষিণ এশিয়ার একটি রাষ্ট্র।<ref name=\"ক\"/>\n\n"
                      "== তথ্যসূত্র ==\n{{সূত্র তালিকা}}\n")])
add("ভারত", 203, [(20003, 0, "2024-02-04T00:00:00Z",
                   "'''ভারত''' দক্ষিণ এশিয়ার একটি রাষ্ট্র।<ref>সূত্র</ref>\n"
                   "[[চিত্র:মানচিত্র.png|থাম্ব|মানচিত্র]]\n")])
for i in range(1, 61):
    add(f"Batch page {i}", 1000 + i,
        [(10000 + i, 0, "2024-01-01T00:00:00Z",
          f"'''Batch page {i}''' has a [[link that never closes.\n")])


def normalize(t):
    t = t.replace("_", " ").strip()
    return t[:1].upper() + t[1:]


def revision_json(r):
    revid, parent, ts, text = r
    return {"revid": revid, "parentid": parent, "timestamp": ts,
            "slots": {"main": {"contentmodel": "wikitext", "contentformat": "text/x-wiki",
                               "content": text}}}


def page_json(title, revs):
    p = PAGES[title]
    return {"pageid": p["pageid"], "ns": p["ns"], "title": title,
            "revisions": [revision_json(r) for r in revs]}


def siteinfo(host):
    return {"batchcomplete": True, "query": {
        "general": {"mainpage": "Main Page", "base": f"http://{host}/wiki/Main_Page",
                    "sitename": "Wikipedia", "wikiid": "enwiki", "lang": "en",
                    "server": f"http://{host}", "servername": host.split(":")[0],
                    "scriptpath": "/w", "articlepath": "/wiki/$1", "generator": "MediaWiki 1.42"},
        "namespaces": {"0": {"id": 0, "case": "first-letter", "name": "", "content": True},
                       "6": {"id": 6, "case": "first-letter", "name": "File", "canonical": "File"},
                       "10": {"id": 10, "case": "first-letter", "name": "Template",
                              "canonical": "Template"},
                       "14": {"id": 14, "case": "first-letter", "name": "Category",
                              "canonical": "Category"}}}}


def siteinfo_bn(host):
    """bnwiki's siteinfo: the names its pages-articles dump's <siteinfo> gives (the shared
    corpus's bnwiki dump), in the API's shape."""
    names = {0: "", 6: "চিত্র", 10: "টেমপ্লেট", 14: "বিষয়শ্রেণী", -2: "মিডিয়া"}
    canonical = {6: "File", 10: "Template", 14: "Category", -2: "Media"}
    return {"batchcomplete": True, "query": {
        "general": {"mainpage": "প্রধান পাতা", "base": f"http://{host}/wiki/প্রধান_পাতা",
                    "sitename": "উইকিপিডিয়া", "wikiid": "bnwiki", "lang": "bn",
                    "server": f"http://{host}", "servername": host.split(":")[0],
                    "scriptpath": "/w", "articlepath": "/wiki/$1", "generator": "MediaWiki 1.42"},
        "namespaces": {str(k): dict({"id": k, "case": "first-letter", "name": v},
                                    **({"canonical": canonical[k]} if k in canonical else {}))
                       for k, v in names.items()}}}


def revisions_answer(q, split, cont_from):
    """The answer to prop=revisions; with split, one page's revision per answer."""
    query = {}
    pages = []  # (title, [revisions])
    if "titles" in q:
        titles = q["titles"].split("|")
        if len(titles) > 50:
            return {"error": {"code": "toomanyvalues",
                              "info": "Too many values supplied for parameter \"titles\". "
                                      "The limit is 50."}}
        normalized, redirects, seen = [], [], set()
        for t in titles:
            n = normalize(t)
            if n != t:
                normalized.append({"fromencoded": False, "from": t, "to": n})
            target = n
            if n in PAGES and PAGES[n]["redirect"] and q.get("redirects"):
                target = PAGES[n]["redirect"]
                redirects.append({"from": n, "to": target})
            if target in seen:
                continue
            seen.add(target)
            if target in PAGES:
                pages.append((target, [PAGES[target]["revisions"][-1]]))
            else:
                pages.append((target, None))
        if normalized:
            query["normalized"] = normalized
        if redirects:
            query["redirects"] = redirects
    else:
        bad = {}
        by_page = {}
        for s in q.get("revids", "").split("|"):
            rid = int(s)
            if rid in REVS:
                title, r = REVS[rid]
                by_page.setdefault(title, []).append(r)
            else:
                bad[str(rid)] = {"revid": rid, "missing": True}
        if bad:
            query["badrevids"] = bad
        pages = list(by_page.items())
    out = []
    with_revs = [i for i, (_, r) in enumerate(pages) if r]
    for i, (title, revs) in enumerate(pages):
        if revs is None:
            out.append({"ns": 0, "title": title, "missing": True})
        elif split and i != with_revs[cont_from]:
            out.append({"pageid": PAGES[title]["pageid"], "ns": 0, "title": title})
        else:
            out.append(page_json(title, revs))
    query["pages"] = out
    answer = {"query": query}
    if split and cont_from + 1 < len(with_revs):
        answer["continue"] = {"rvcontinue": str(cont_from + 1), "continue": "||"}
    else:
        answer["batchcomplete"] = True
    return answer


class Handler(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"

    def log_message(self, *args):
        pass

    def send(self, status, body, headers=()):
        data = body.encode("utf-8") if isinstance(body, str) else body
        self.send_response(status)
        self.send_header("Content-Type", "application/json; charset=utf-8")
        self.send_header("Content-Length", str(len(data)))
        for k, v in headers:
            self.send_header(k, v)
        self.end_headers()
        self.wfile.write(data)

    def do_GET(self):
        url = urllib.parse.urlsplit(self.path)
        q = dict(urllib.parse.parse_qsl(url.query, keep_blank_values=True))
        mode = url.path.split("/w/api.php")[0].strip("/") or "ok"
        with lock:
            counts[mode] = counts.get(mode, 0) + 1
            n = counts[mode]
        status, body, headers = 200, None, []
        kind = mode.split("-")[0]  # "throttle-2" behaves as "throttle"
        if not url.path.endswith("/w/api.php") or kind == "http404":
            status, body = 404, "<html>not found</html>"
        elif kind == "throttle" and n == 1:
            status, body, headers = 429, '{"error":"too many requests"}', [("Retry-After", "1")]
        elif kind == "unavailable" and n <= 2:
            status, body = 503, "<html>Service Unavailable</html>"
        elif kind == "down":
            status, body = 503, "<html>Service Unavailable</html>"
        elif kind == "maxlag" and n == 1:
            body = json.dumps({"error": {"code": "maxlag", "info": "Waiting for 10.0.0.1: 7 "
                                         "seconds lagged.", "host": "10.0.0.1", "lag": 7}})
            headers = [("Retry-After", "1"), ("X-Database-Lag", "7")]
        elif kind == "malformed":
            body = "<!DOCTYPE html><html><body>Wikimedia Error</body></html>"
        elif kind == "truncated":
            body = json.dumps(siteinfo(self.headers.get("Host", "")))[:40]
        elif kind == "wrongshape" and "prop" in q:
            body = json.dumps({"query": {"pages": "none"}})
        elif kind == "odd" and "prop" in q:
            body = json.dumps({"query": {
                "normalized": [1, {"from": 2}, None], "redirects": "x", "badrevids": [None, 3],
                "interwiki": {"a": 1},
                "pages": [{"title": 5}, 7, {"title": "Foreign relations of Zembla", "ns": "x",
                                              "pageid": -1, "missing": "yes",
                                              "revisions": [7, {"revid": "abc"},
                                                            {"revid": 2001, "parentid": 1e300,
                                                             "slots": {"main": {"content": 12}}}]}]},
                "continue": {"rvcontinue": None}})
        elif kind == "slow" and "prop" in q:
            time.sleep(5)
            body = json.dumps({"query": {}})
        if body is None:
            if q.get("action") != "query" or q.get("format") != "json":
                body = json.dumps({"error": {"code": "badvalue", "info": "unexpected request"}})
            elif q.get("meta") == "siteinfo":
                info = siteinfo_bn if kind == "bnwiki" else siteinfo
                body = json.dumps(info(self.headers.get("Host", "")))
            elif q.get("prop") == "revisions":
                body = json.dumps(revisions_answer(q, kind == "split",
                                                   int(q.get("rvcontinue", "0"))))
            else:
                body = json.dumps({"error": {"code": "badvalue", "info": "unexpected request"}})
        LOG.write(json.dumps({"method": self.command, "mode": mode, "path": url.path,
                              "query": q, "status": status,
                              "user_agent": self.headers.get("User-Agent", "")}) + "\n")
        try:
            self.send(status, body, headers)
        except (BrokenPipeError, ConnectionResetError):
            pass

    # Anything but GET is logged (the test checks that the wiki is only ever read) and refused.
    def refuse(self):
        LOG.write(json.dumps({"method": self.command, "mode": "", "path": self.path, "query": {},
                              "status": 405, "user_agent": self.headers.get("User-Agent", "")})
                  + "\n")
        self.send(405, '{"error":"read only"}')

    do_POST = do_PUT = do_DELETE = do_PATCH = refuse


def main():
    server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    server.daemon_threads = True
    threading.Timer(300, lambda: os._exit(0)).start()
    with open(PORT_FILE + ".tmp", "w") as f:
        f.write(str(server.server_address[1]))
    os.rename(PORT_FILE + ".tmp", PORT_FILE)
    server.serve_forever()


if __name__ == "__main__":
    main()
