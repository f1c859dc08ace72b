"""Compares what Neovim showed (tests/lsp/neovim_client.lua's output) with `wikivet check`.

usage: neovim_expect.py WIKIVET FILE NVIM_OUT FIXED_FILE
The CLI's byte offsets give each finding's line and byte column, which is what Neovim shows
after turning the server's UTF-16 positions into bytes of its buffer: equal only if the server
counted UTF-16 units right (the file has astral characters and invalid UTF-8 before findings).
The fix Neovim applied must give the bytes the CLI's fix gives, and the diagnostics after it
must be the CLI's on the fixed file.
"""
import bisect
import json
import subprocess
import sys

wikivet, path, nvim_out, fixed_path = sys.argv[1:5]
SEV = {"error": 1, "warning": 2, "info": 3}  # vim.diagnostic.severity: ERROR 1, WARN 2, INFO 3
fail = []


def expected(p):
    data = open(p, "rb").read()
    r = subprocess.run([wikivet, "check", "--format", "json", p], capture_output=True)
    findings = json.loads(r.stdout)["files"][0]["findings"]
    starts = [0] + [i + 1 for i, b in enumerate(data) if b == 0x0A]

    def lc(off):
        line = bisect.bisect_right(starts, off) - 1
        return line, off - starts[line]
    rows = []
    for f in findings:
        l0, c0 = lc(f["offset"])
        l1, c1 = lc(f["end_offset"])
        rows.append((f["rule"], l0, c0, l1, c1, SEV[f["severity"]]))
    return data, findings, sorted(rows)


lines = [l.rstrip("\n").split("\t") for l in open(nvim_out, encoding="utf-8", errors="replace")]
for l in lines:
    if l[0] == "error":
        fail.append("neovim: " + l[1])
got = sorted((l[1], *map(int, l[2:7])) for l in lines if l[0] == "diag")
data, findings, exp = expected(path)
if got != exp:
    fail.append("diagnostics differ from the CLI's\n  cli only: %s\n  nvim only: %s"
                % (sorted(set(exp) - set(got))[:6], sorted(set(got) - set(exp))[:6]))
if not got:
    fail.append("no diagnostics")
hover = [l for l in lines if l[0] == "hover"]
if not hover or hover[0][1] not in hover[0][2]:
    fail.append("hover does not name the rule: %s" % hover)
else:
    explain = subprocess.run([wikivet, "explain", hover[0][1]], capture_output=True, text=True).stdout
    summary = explain.split("\n\n")[1].strip()
    if summary not in hover[0][2]:
        fail.append("hover lacks the rule's summary %r" % summary)
fix = [l for l in lines if l[0] == "fix"]
if not fix or fix[0][1] == "none":
    fail.append("no quick fix applied")
else:
    rule, lnum, col = fix[0][1], int(fix[0][2]), int(fix[0][3])
    starts = [0] + [i + 1 for i, b in enumerate(data) if b == 0x0A]
    f = next((f for f in findings if f["rule"] == rule and f["offset"] == starts[lnum] + col
              and f.get("fix")), None)
    if f is None:
        fail.append("Neovim fixed a %s at %d:%d where the CLI has no such fixable finding"
                    % (rule, lnum, col))
    want = data
    for e in sorted(f["fix"]["edits"] if f else [], key=lambda e: -e["offset"]):
        want = want[:e["offset"]] + e["replacement"].encode() + want[e["end_offset"]:]
    if open(fixed_path, "rb").read() != want:
        fail.append("the buffer after Neovim applied the fix differs from the CLI's fix")
    after = sorted((l[1], *map(int, l[2:7])) for l in lines if l[0] == "after")
    _, _, exp_after = expected(fixed_path)
    if after != exp_after:
        fail.append("diagnostics after the fix differ from the CLI's on the fixed file\n"
                    "  cli only: %s\n  nvim only: %s"
                    % (sorted(set(exp_after) - set(after))[:6], sorted(set(after) - set(exp_after))[:6]))
if not any(l[0] == "done" for l in lines):
    fail.append("the Neovim script did not finish")
for f in fail:
    print("FAIL: %s: %s" % (path, f))
print("%s: %d diagnostics in Neovim, fix: %s" % (path, len(got), fix[0][1:2] if fix else "none"))
sys.exit(1 if fail else 0)
