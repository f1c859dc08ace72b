#!/usr/bin/env python3
"""Recompresses a MediaWiki XML dump as a multistream .bz2 the way Wikimedia cuts theirs: one
stream holding the header (<mediawiki> and <siteinfo>), streams of N whole pages each, one stream
holding </mediawiki>; and writes its index (offset:page_id:title, one line a page).

    audit_multistream.py DUMP OUT.xml.bz2 [--pages N] [--index OUT-index.txt]

DUMP is .xml, .xml.bz2 or .xml.xz. The bytes of the header and of each page are kept as they
are, so an audit of OUT reads the same XML as one of DUMP; a truncated DUMP is cut after its last
complete page and closed.
"""
import argparse
import bz2
import html
import lzma
import re


def read_xml(path):
    opener = bz2.open if path.endswith(".bz2") else lzma.open if path.endswith(".xz") else open
    with opener(path, "rb") as f:
        data = f.read() if opener is open else _read_truncated(f)
    return data


def _read_truncated(f):
    """Everything a compressed file yields, up to an error (a truncated .xz or .bz2)."""
    chunks = []
    try:
        while True:
            b = f.read(1 << 20)
            if not b:
                break
            chunks.append(b)
    except (EOFError, lzma.LZMAError, OSError):
        pass
    return b"".join(chunks)


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("dump")
    ap.add_argument("out")
    ap.add_argument("--pages", type=int, default=100)
    ap.add_argument("--index")
    a = ap.parse_args()
    data = read_xml(a.dump)
    # A page starts where its line does ("  <page>"), so the indentation stays with it.
    starts = [m.start() for m in re.finditer(rb"^[ \t]*<page>", data, re.M)]
    if not starts:
        raise SystemExit(f"{a.dump}: no <page>")
    last_end = data.rfind(b"</page>")
    cut = data.index(b"\n", last_end) + 1
    starts = [s for s in starts if s < last_end]
    header, pieces = data[: starts[0]], []
    for i in range(0, len(starts), a.pages):
        end = starts[i + a.pages] if i + a.pages < len(starts) else cut
        pieces.append((data[starts[i]:end], starts[i:i + a.pages]))
    tail = data[cut:]
    if b"</mediawiki>" not in tail:
        tail = b"</mediawiki>\n"
    index = []
    with open(a.out, "wb") as out:
        out.write(bz2.compress(header))
        for piece, page_starts in pieces:
            offset = out.tell()
            for s in page_starts:
                page = data[s:data.index(b"</page>", s)]
                title = re.search(rb"<title>(.*?)</title>", page, re.S)
                pid = re.search(rb"<id>(\d+)</id>", page)
                index.append("%d:%s:%s" % (offset, pid.group(1).decode() if pid else "0",
                                           html.unescape(title.group(1).decode("utf-8", "replace"))
                                           if title else ""))
            out.write(bz2.compress(piece))
        out.write(bz2.compress(tail))
    if a.index:
        with open(a.index, "w", encoding="utf-8") as f:
            f.write("\n".join(index) + "\n")
    print(len(pieces) + 2)


if __name__ == "__main__":
    main()
