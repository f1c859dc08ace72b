#!/usr/bin/env python3
"""Golden reports: wikivet's JSON report over reviewed articles, kept in fixtures/.

  golden.py check  WIKIVET   compare every golden report with a fresh run (the test)
  golden.py update WIKIVET   rewrite the golden reports (an explicit, reviewed step)

Each article FILE has its report in FILE.expected.json (FILE without its extension).
Pairs of files that are one article in two forms (the seed's .wiki and its edit-page scrape)
must give the same findings (rule, key, message, snippet), each with positions into its own
file.
"""
import json
import subprocess
import sys

ARTICLES = [
    "fixtures/seed/foreign-relations-of-mali.wiki",
    "fixtures/articles/foreign-relations-of-zembla.wiki",
    "fixtures/articles/zembla-tags.wiki",
    "fixtures/articles/zembla-templates-and-markup.wiki",
    "fixtures/articles/cite-errors.wiki",
    "fixtures/articles/unclosed-formatting.wiki",
    "fixtures/articles/zembla-links.wiki",
]
SAME_ARTICLE = [
    ("fixtures/seed/foreign-relations-of-mali.wiki",
     "fixtures/seed/foreign-relations-of-mali.edit-page.txt"),
]


def expected_path(article):
    return article.rsplit(".", 1)[0] + ".expected.json"


def report(wikivet, path):
    out = subprocess.run([wikivet, "check", "--format", "json", "--fail-on", "never", path],
                         capture_output=True, check=False)
    if out.returncode != 0:
        sys.exit(f"wikivet check {path} exited {out.returncode}: {out.stderr.decode()}")
    doc = json.loads(out.stdout)
    doc.pop("tool", None)  # the version changes with every release, the findings do not
    return doc


def findings(doc):
    return [f for file in doc["files"] for f in file["findings"]]


def main():
    if len(sys.argv) != 3 or sys.argv[1] not in ("check", "update"):
        sys.exit(__doc__)
    mode, wikivet = sys.argv[1], sys.argv[2]
    failures = 0
    for article in ARTICLES:
        doc = report(wikivet, article)
        path = expected_path(article)
        if mode == "update":
            with open(path, "w", encoding="utf-8") as f:
                json.dump(doc, f, indent=2, ensure_ascii=False)
                f.write("\n")
            print(f"wrote {path}: {len(findings(doc))} findings")
            continue
        with open(path, encoding="utf-8") as f:
            want = json.load(f)
        got_f, want_f = findings(doc), findings(want)
        if doc != want:
            failures += 1
            print(f"FAIL {article}: report differs from {path}")
            wk = {(x["rule"], x["key"], x["line"], x["column"], x["message"]) for x in want_f}
            gk = {(x["rule"], x["key"], x["line"], x["column"], x["message"]) for x in got_f}
            for x in sorted(wk - gk):
                print("  missing:", x)
            for x in sorted(gk - wk):
                print("  new:    ", x)
        else:
            print(f"ok   {article}: {len(got_f)} findings as expected")
    if mode == "check":
        for a, b in SAME_ARTICLE:
            fa, fb = findings(report(wikivet, a)), findings(report(wikivet, b))
            ka = sorted((x["rule"], x["key"], x["message"], x["snippet"]) for x in fa)
            kb = sorted((x["rule"], x["key"], x["message"], x["snippet"]) for x in fb)
            if ka != kb:
                failures += 1
                print(f"FAIL {b}: findings differ from {a}")
                for x in sorted(set(ka) ^ set(kb))[:20]:
                    print("  ", x)
            else:
                print(f"ok   {b}: same {len(kb)} findings as {a}, positions in its own file")
        print(f"{failures} failed" if failures else "all golden reports match")
    sys.exit(1 if failures else 0)


if __name__ == "__main__":
    main()
