#!/usr/bin/env python3
"""Checks the DOM of a wikivet HTML report, as a browser left it (chromium --dump-dom), against
the JSON summary of the same run. Prints one "ok"/"FAIL" line per check; exit 1 on any failure.

  html_dom.py check DOM CHECK_JSON [--profiles NAME=N,...]
                                              counts equal `check --format json`'s summary;
                                              the page names these wiki profiles (N files each)
  html_dom.py audit DOM SUMMARY_JSON [--edit-prefix URL] [--cap RULE]
                                              counts equal `audit --summary-json`'s, and the
                                              page names the summary's profile
  html_dom.py filter DOM RULE SEVERITY        after "#rule=RULE&severity=SEVERITY": only that
                                              rule's findings of that severity are visible
  html_dom.py offline HTML                    nothing in the page can reach the network
"""
import json
import re
import sys
from html.parser import HTMLParser

fails = 0


def check(what, ok):
    global fails
    print(("ok   " if ok else "FAIL ") + what)
    if not ok:
        fails += 1


class Dom(HTMLParser):
    """Elements as (tag, attrs, ancestors' attrs), plus the text of a few ids."""

    VOID = {"meta", "link", "br", "img", "input", "hr", "source", "wbr", "col", "area", "base"}

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.elements = []  # (tag, attrs dict, tuple of open ancestor indexes)
        self.stack = []
        self.parts = {}  # element index -> the pieces of text inside it (text_of joins them)

    def handle_starttag(self, tag, attrs):
        a = dict(attrs)
        idx = len(self.elements)
        self.elements.append((tag, a, tuple(self.stack)))
        self.parts[idx] = []
        if tag not in self.VOID:
            self.stack.append(idx)

    def handle_endtag(self, tag):
        for i in range(len(self.stack) - 1, -1, -1):
            if self.elements[self.stack[i]][0] == tag:
                del self.stack[i:]
                return

    def handle_data(self, data):
        # Appended, not concatenated: `text += data` on every open element copied the whole
        # body's text again for each piece, which took 14 s on a 500-page audit report.
        for i in self.stack:
            self.parts[i].append(data)

    def text_of(self, i):
        return "".join(self.parts[i])

    def by_id(self, ident):
        for i, (_, a, _) in enumerate(self.elements):
            if a.get("id") == ident:
                return i, a
        return None, {}

    def with_class(self, cls):
        return [(i, a) for i, (_, a, _) in enumerate(self.elements)
                if cls in (a.get("class") or "").split()]

    def hidden(self, i):
        """Hidden by the filter script: the element or one of its ancestors has class hidden."""
        for j in (i,) + self.elements[i][2]:
            if "hidden" in (self.elements[j][1].get("class") or "").split():
                return True
        return False

    def inside(self, i, ancestor):
        return ancestor in self.elements[i][2]


def load_dom(path):
    d = Dom()
    d.feed(open(path, encoding="utf-8").read())
    return d


def count(d, ident):
    _, a = d.by_id(ident)
    return int(a["data-count"]) if "data-count" in a else None


def chart(d):
    return {a["data-rule"]: a for _, a in
            [(i, a) for i, (t, a, _) in enumerate(d.elements) if t == "tr" and "data-rule" in a]}


def common(d, findings, by_severity, by_rule, units):
    check(f"total findings {count(d, 'total-findings')} == summary {findings}",
          count(d, "total-findings") == findings)
    check(f"{count(d, 'total-units')} checked == summary {units}", count(d, "total-units") == units)
    for s in ("error", "warning", "info"):
        check(f"{s}: {count(d, 'total-' + s)} == summary {by_severity.get(s, 0)}",
              count(d, "total-" + s) == by_severity.get(s, 0))
    rows = chart(d)
    check(f"chart has one bar per rule with findings ({len(rows)} == {len(by_rule)})",
          set(rows) == set(by_rule))
    for rule, n in sorted(by_rule.items()):
        got = int(rows[rule]["data-count"]) if rule in rows else None
        check(f"chart {rule}: {got} == summary {n}", got == n)
    worklists = {a["data-rule"]: (i, a) for i, a in d.with_class("worklist")}
    check("one worklist per rule", set(worklists) == set(by_rule))
    for rule, (i, a) in sorted(worklists.items()):
        check(f"worklist {rule} counts {a.get('data-count')} == {by_rule.get(rule)}",
              int(a["data-count"]) == by_rule.get(rule))
        frames = [j for j, _ in d.with_class("frame") if d.inside(j, i)]
        check(f"worklist {rule} shows code frames ({len(frames)})", len(frames) > 0)
    _, st = d.by_id("filter-status")
    listed = len(d.with_class("finding"))
    check(f"the filter script ran: {st.get('data-shown')} listed == {listed} findings in the page",
          st.get("data-shown") == str(listed))
    return worklists


def profiles(d):
    """The wiki profiles the page names: {name: count of inputs read with it}."""
    i, _ = d.by_id("profiles")
    shown = {a["data-profile"]: int(a["data-count"]) for j, a in d.with_class("profile")
             if i is not None and d.inside(j, i)}
    return i, shown


def main(argv):
    mode = argv[1]
    if mode == "check":
        d = load_dom(argv[2])
        s = json.load(open(argv[3]))["summary"]
        common(d, s["findings"], s["by_severity"], s["by_rule"], s["files"])
        if "--profiles" in argv:
            want = {k: int(v) for k, v in (x.split("=") for x in
                                           argv[argv.index("--profiles") + 1].split(","))}
            i, shown = profiles(d)
            check(f"the page names the wiki profiles {shown} == {want}", shown == want)
    elif mode == "audit":
        d = load_dom(argv[2])
        s = json.load(open(argv[3]))
        by_rule = {k: v["total"] for k, v in s["by_rule"].items()}
        worklists = common(d, s["findings"], s["by_severity"], by_rule, s["pages"])
        top = [a for _, a in [(i, a) for i, (t, a, anc) in enumerate(d.elements)
                              if t == "li" and "data-count" in a]]
        want = [p["findings"] for p in s["top_pages"]]
        check(f"top pages begin with the summary's {want[:5]}...",
              [int(a["data-count"]) for a in top[:len(want)]] == want)
        want = {p["profile"] for p in s.get("profiles", [])}
        i, shown = profiles(d)
        check(f"the page names the summary's wiki profile {sorted(shown)} == {sorted(want)}",
              want and set(shown) == want and sum(shown.values()) == s["pages"])
        origins = [p["origin"] for p in s.get("profiles", [])]
        # The summary words the default at more length ("the default: no --profile and ...").
        check(f"...and how it was chosen ({origins})", i is not None and all(
            o in d.text_of(i) or (o.startswith("the default") and "the default" in d.text_of(i))
            for o in origins))
        args = argv[4:]
        if "--edit-prefix" in args:
            prefix = args[args.index("--edit-prefix") + 1]
            edits = [a["href"] for _, a in d.with_class("edit")]
            check(f"{len(edits)} edit links, all to {prefix}...?action=edit",
                  len(edits) > 0 and all(h.startswith(prefix) and h.endswith("action=edit")
                                         for h in edits))
        else:
            check("no edit links where the dump names no wiki address", not d.with_class("edit"))
        if "--cap" in args:
            rule = args[args.index("--cap") + 1]
            i, a = worklists[rule]
            pages = [j for j, _ in d.with_class("page") if d.inside(j, i)]
            caps = [j for j, _ in d.with_class("cap") if d.inside(j, i)]
            check(f"worklist {rule} is capped at 100 pages ({len(pages)}) and says so",
                  len(pages) == 100 and len(caps) == 1 and "first 100 of" in d.text_of(caps[0]))
        if s.get("error"):
            _, notes = d.by_id("notes")
            i, _ = d.by_id("notes")
            check("the input error is shown", i is not None and "ends early" in d.text_of(i))
    elif mode == "filter":
        d = load_dom(argv[2])
        rule, severity = argv[3], argv[4]
        visible = [(i, a) for i, a in d.with_class("finding") if not d.hidden(i)]
        inside = {a["data-rule"]: i for i, a in d.with_class("worklist")}
        ok = all(d.inside(i, inside[rule]) and a["data-severity"] == severity for i, a in visible)
        expected = [i for i, a in d.with_class("finding")
                    if d.inside(i, inside[rule]) and a["data-severity"] == severity]
        check(f"filter {rule}/{severity}: {len(visible)} visible findings, all of them",
              ok and len(visible) == len(expected) and len(visible) > 0)
        shown_rows = [a["data-rule"] for i, a in chart(d).items()
                      if not d.hidden(next(j for j, (t, b, _) in enumerate(d.elements)
                                           if t == "tr" and b.get("data-rule") == i))]
        check(f"chart shows only {rule}: {shown_rows}", shown_rows == [rule])
        _, st = d.by_id("filter-status")
        check(f"status says {st.get('data-shown')} listed", st.get("data-shown") == str(len(visible)))
    elif mode == "offline":
        text = open(argv[2], encoding="utf-8").read()
        d = Dom()
        d.feed(text)
        bad = []
        for tag, a, _ in d.elements:
            if tag in ("link", "img", "iframe", "object", "embed", "audio", "video", "source"):
                bad.append(tag)
            if tag == "script" and "src" in a:
                bad.append("script src")
            if tag == "a" and not (a.get("href", "").startswith("#") or "edit" in a.get("class", "")):
                bad.append("link " + a.get("href", ""))
        if re.search(r"url\(|@import|@font-face", text):
            bad.append("css url/import/font")
        check(f"self-contained: no external resource ({bad[:3]})", not bad)
        check("a Content-Security-Policy forbids the network",
              "default-src 'none'" in text and "Content-Security-Policy" in text)
    else:
        print("unknown mode " + mode)
        return 2
    return 1 if fails else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
