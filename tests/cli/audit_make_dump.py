#!/usr/bin/env python3
"""Wraps wikitext as a MediaWiki XML dump, for the audit tests and the benchmark.

Sources are .wiki files, directories (every *.wiki below them), or existing dumps (.xml,
.xml.bz2, .xml.xz; their pages are taken as they are, a truncated dump up to its last complete
page). Writes OUT.xml, and with --parts N also OUT.parts/part-NNNNN.xml: a header part, parts of
N pages each and a footer part, the way Wikimedia cuts a multistream dump (the caller compresses
each part with the bzip2 CLI and concatenates them). Titles are written to OUT.titles, one a line
(page order), and pages as JSON Lines to OUT.jsonl.
"""
import argparse
import bz2
import json
import lzma
import os
import sys
import xml.etree.ElementTree as ET
from xml.sax.saxutils import escape

HEADER = """<mediawiki xmlns="http://www.mediawiki.org/xml/export-0.10/" version="0.10" xml:lang="en">
  <siteinfo>
    <sitename>wikivet test</sitename>
    <dbname>testwiki</dbname>
    <namespaces>
      <namespace key="0" case="first-letter" />
      <namespace key="4" case="first-letter">Project</namespace>
    </namespaces>
  </siteinfo>
"""
FOOTER = "</mediawiki>\n"


def dump_pages(path):
    """(title, ns, redirect, text) of each complete page of an existing dump."""
    opener = open
    if path.endswith(".bz2"):
        opener = bz2.open
    elif path.endswith(".xz"):
        opener = lzma.open
    with opener(path, "rb") as f:
        try:
            for _, el in ET.iterparse(f, events=("end",)):
                if el.tag.rsplit("}", 1)[-1] != "page":
                    continue
                title, ns, redirect, text = "", 0, False, ""
                for child in el.iter():
                    name = child.tag.rsplit("}", 1)[-1]
                    if name == "title":
                        title = child.text or ""
                    elif name == "ns":
                        ns = int(child.text or 0)
                    elif name == "redirect":
                        redirect = True
                    elif name == "text":
                        text = child.text or ""
                yield title, ns, redirect, text
                el.clear()
        except (ET.ParseError, EOFError, lzma.LZMAError, OSError):
            return  # a truncated dump: keep the complete pages


def sources(paths):
    for p in paths:
        if os.path.isdir(p):
            for root, _, files in sorted(os.walk(p)):
                for name in sorted(files):
                    if name.endswith(".wiki"):
                        yield from sources([os.path.join(root, name)])
        elif ".xml" in os.path.basename(p):
            yield from dump_pages(p)
        else:
            with open(p, encoding="utf-8", errors="replace") as f:
                title = os.path.basename(p).rsplit(".", 1)[0].replace("-", " ").replace("_", " ")
                yield title, 0, False, f.read()


def page_xml(pid, title, ns, redirect, text):
    out = ["  <page>\n", "    <title>%s</title>\n" % escape(title), "    <ns>%d</ns>\n" % ns,
           "    <id>%d</id>\n" % pid]
    if redirect:
        out.append('    <redirect title="x" />\n')
    out += ["    <revision>\n", "      <id>%d</id>\n" % (pid * 10 + 1),
            "      <contributor><username>t</username><id>99</id></contributor>\n",
            '      <text bytes="%d" xml:space="preserve">%s</text>\n' % (
                len(text.encode()), escape(text)),
            "    </revision>\n", "  </page>\n"]
    return "".join(out)


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("out")
    ap.add_argument("sources", nargs="+")
    ap.add_argument("--repeat", type=int, default=1, help="copies of every page (distinct titles)")
    ap.add_argument("--min-pages", type=int, default=0, help="repeat until at least this many")
    ap.add_argument("--parts", type=int, default=0, help="pages per multistream part")
    ap.add_argument("--extras", action="store_true",
                    help="add a redirect, a Project: page and a title with XML specials")
    ap.add_argument("--as-articles", action="store_true",
                    help="put every page in namespace 0, no redirects (benchmark corpus)")
    a = ap.parse_args()

    base = list(sources(a.sources))
    if not base:
        sys.exit("no pages in " + " ".join(a.sources))
    if a.as_articles:
        base = [(t, 0, False, x) for t, _, _, x in base]
    repeat = max(a.repeat, -(-a.min_pages // len(base)) if a.min_pages else 1)
    pages = []
    for k in range(repeat):
        for title, ns, redirect, text in base:
            pages.append((title if k == 0 else "%s (copy %d)" % (title, k), ns, redirect, text))
    if a.extras:
        pages.insert(1, ("Redirect to seed", 0, True, "#REDIRECT [[Somewhere]]\n"))
        pages.insert(2, ("Project:About", 4, False, "A project page.\n"))
        pages.insert(3, ('Quotes "&" <angles>', 0, False, "Text with & and <b>tags</b>.\n"))

    xmls = [page_xml(i + 1, *p) for i, p in enumerate(pages)]
    with open(a.out + ".xml", "w", encoding="utf-8") as f:
        f.write(HEADER)
        f.writelines(xmls)
        f.write(FOOTER)
    with open(a.out + ".titles", "w", encoding="utf-8") as f:
        for t, *_ in pages:
            f.write(t + "\n")
    with open(a.out + ".jsonl", "w", encoding="utf-8") as f:
        for i, (t, ns, redirect, text) in enumerate(pages):
            f.write(json.dumps({"title": t, "id": i + 1, "ns": ns, "redirect": redirect,
                                "text": text}, ensure_ascii=False) + "\n")
    if a.parts:
        d = a.out + ".parts"
        os.makedirs(d, exist_ok=True)
        parts = [HEADER] + ["".join(xmls[i:i + a.parts]) for i in range(0, len(xmls), a.parts)]
        parts.append(FOOTER)
        for i, text in enumerate(parts):
            with open(os.path.join(d, "part-%05d.xml" % i), "w", encoding="utf-8") as f:
                f.write(text)


if __name__ == "__main__":
    main()
