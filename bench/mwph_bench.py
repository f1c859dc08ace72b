#!/usr/bin/env python3
"""mwparserfromhell baseline: parse every .wiki file given (or below a directory) and walk
every node, as a linter would. Prints: files bytes seconds."""
import os
import sys
import time

import mwparserfromhell

paths = []
for arg in sys.argv[1:]:
    if os.path.isdir(arg):
        for root, _, files in os.walk(arg):
            paths += [os.path.join(root, f) for f in files if f.endswith(".wiki")]
    else:
        paths.append(arg)
texts = [open(p, encoding="utf-8", errors="replace").read() for p in sorted(paths)]
size = sum(len(t.encode("utf-8")) for t in texts)
t0 = time.perf_counter()
nodes = 0
for t in texts:
    code = mwparserfromhell.parse(t)
    for _ in code.ifilter(recursive=True):
        nodes += 1
print(len(texts), size, "%.3f" % (time.perf_counter() - t0), nodes)
