#!/usr/bin/env bash
# The map-step contract of `wikivet audit --input jsonl` (one result line per input line, in
# order, with the title, also for pages without findings and for lines that are not pages), and
# the GNU parallel recipe ci/audit/parallel-audit.sh run for real with two local jobs.
. "$(dirname "$0")/lib/common.sh" "$1"
titles() { "$PY" -c 'import json,sys
for l in sys.stdin: print(json.loads(l).get("title",""))'; }
# The results without their "line" field (which counts lines within one process's input).
no_line() { "$PY" -c 'import json,sys
for l in sys.stdin:
    o = json.loads(l); o.pop("line", None); print(json.dumps(o, sort_keys=True))'; }

"$PY" tests/cli/audit_make_dump.py "$T/fx" fixtures --min-pages 250 --extras
n_in=$(wc -l < "$T/fx.jsonl")

"$WIKIVET" audit -q --fail-on never --input jsonl < "$T/fx.jsonl" > "$T/out.jsonl"; rc=$?
check "jsonl on stdin: exit 0" '[ $rc -eq 0 ]'
check "jsonl: $n_in lines in, as many out" '[ "$(wc -l < "$T/out.jsonl")" -eq "$n_in" ]'
check "jsonl: same titles, same order" 'titles < "$T/out.jsonl" | cmp -s - "$T/fx.titles"'
check "jsonl: every line is an object with findings or skipped" "\"$PY\" -c 'import json,sys
ok = all((\"findings\" in o) != (\"skipped\" in o) for o in map(json.loads, open(\"$T/out.jsonl\")))
sys.exit(not ok)'"
check "jsonl: the redirect and the ns 4 page are marked skipped, not dropped" \
  '[ "$(grep -c "\"skipped\":" "$T/out.jsonl")" -eq 2 ]'
check "jsonl: line numbers and page ids pass through" "\"$PY\" -c 'import json,sys
rows = [json.loads(l) for l in open(\"$T/out.jsonl\")]
sys.exit(not all(o[\"line\"] == i + 1 and o[\"page_id\"] == i + 1 for i, o in enumerate(rows)))'"

"$WIKIVET" audit -q --fail-on never --input jsonl -j2 "$T/fx.jsonl" > "$T/j2.jsonl"
check "jsonl file argument at -j2: same output as stdin -j1" 'cmp -s "$T/j2.jsonl" "$T/out.jsonl"'
bzip2 -k "$T/fx.jsonl"
"$WIKIVET" audit -q --fail-on never --input jsonl "$T/fx.jsonl.bz2" > "$T/bz.jsonl"
check "jsonl.bz2: same output" 'cmp -s "$T/bz.jsonl" "$T/out.jsonl"'

# A broken line in the middle still gets its own result line, and the run exits 2.
{ head -n 3 "$T/fx.jsonl"; echo '{"title": "broken'; echo '[1,2]'; echo; tail -n +4 "$T/fx.jsonl"; } > "$T/bad.jsonl"
"$WIKIVET" audit -q --fail-on never --input jsonl "$T/bad.jsonl" > "$T/out2.jsonl"; rc=$?
check "bad lines: exit 2" '[ $rc -eq 2 ]'
check "bad lines: one output line per input line" '[ "$(wc -l < "$T/out2.jsonl")" -eq "$(wc -l < "$T/bad.jsonl")" ]'
check "bad lines: error lines name their line numbers" \
  'sed -n 4,6p "$T/out2.jsonl" | grep -c "^{\"line\":[456],\"error\":" | grep -qx 3'

# Titles with unusual characters survive the round trip.
printf '%s\n' '{"title":"Tab\there \"quoted\" \u00e9\u4e2d","text":"x"}' > "$T/u.jsonl"
got=$("$WIKIVET" audit -q --input jsonl "$T/u.jsonl" | titles)
check "escaped title round trip" '[ "$got" = "$(printf "Tab\there \"quoted\" é中")" ]'

# ---- GNU parallel ---------------------------------------------------------------------------
if ! command -v parallel > /dev/null; then
  echo "skip GNU parallel recipe: parallel is not installed"
else
  RECIPE=ci/audit/parallel-audit.sh
  export WIKIVET
  # JSON Lines split into blocks across two local jobs: the contract holds across blocks.
  "$RECIPE" -j 2 -N 40 --jsonl "$T/fx.jsonl" -- --fail-on never > "$T/par.jsonl"; rc=$?
  check "recipe --jsonl, 2 jobs: exit 0, output equals one run (but for block-relative line numbers)" \
    '[ $rc -eq 0 ] && cmp -s <(no_line < "$T/par.jsonl") <(no_line < "$T/out.jsonl")'
  "$RECIPE" -j 2 -N 40 --jsonl - -- --fail-on never < "$T/bad.jsonl" > "$T/par2.jsonl"; rc=$?
  check "recipe --jsonl with a bad line: exit 2, one line per input line" \
    '[ $rc -eq 2 ] && cmp -s <(no_line < "$T/par2.jsonl") <(no_line < "$T/out2.jsonl")'

  # Dump files, one job each.
  "$PY" tests/cli/audit_make_dump.py "$T/a" fixtures --min-pages 30
  "$PY" tests/cli/audit_make_dump.py "$T/b" fixtures --min-pages 20 --extras
  bzip2 -k "$T/b.xml"
  "$RECIPE" -j 2 -o "$T/res" "$T/a.xml" "$T/b.xml.bz2" -- --fail-on never 2> "$T/err.txt"; rc=$?
  check "recipe over two dumps: exit 0" '[ $rc -eq 0 ]'
  "$WIKIVET" audit -q --fail-on never "$T/a.xml" > "$T/a.expected"
  "$WIKIVET" audit -q --fail-on never "$T/b.xml.bz2" > "$T/b.expected"
  check "recipe: per-dump results equal single runs" \
    'cmp -s "$T/res/a.xml.jsonl" "$T/a.expected" && cmp -s "$T/res/b.xml.bz2.jsonl" "$T/b.expected"'
  check "recipe: summaries and the total" \
    '[ -s "$T/res/a.xml.summary.json" ] && grep -q "2 dumps, $(( $(wc -l < "$T/a.expected") + $(wc -l < "$T/b.expected") )) pages" "$T/err.txt"'
  bzip2 -k "$T/a.xml"
  head -c 3000 "$T/a.xml.bz2" > "$T/cut.xml.bz2"
  "$RECIPE" -j 2 -o "$T/res2" "$T/cut.xml.bz2" "$T/b.xml.bz2" -- --fail-on never 2> "$T/err2.txt"; rc=$?
  check "recipe with a truncated dump: exit 2, the error relayed" \
    '[ $rc -eq 2 ] && grep -q "cut.xml.bz2: truncated bz2 stream" "$T/err2.txt" && cmp -s "$T/res2/b.xml.bz2.jsonl" "$T/b.expected"'
fi

echo "$fails failure(s)"
[ "$fails" -eq 0 ]
