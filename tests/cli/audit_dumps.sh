#!/usr/bin/env bash
# `wikivet audit` end to end: a dump built from the repository's fixtures as .xml, .xml.bz2 and
# multistream .xml.bz2 (with and without its index, serial and parallel), broken input
# (truncated and corrupt bz2, malformed XML, entity declarations, gzip), filters, ordering,
# and the real dumps in ../shared/corpus/dumps (skipped with a message when absent).
. "$(dirname "$0")/lib/common.sh" "$1"
. "$(dirname "$0")/lib/dumps.sh"
# Titles of a JSON Lines result, one a line.
titles() { "$PY" -c 'import json,sys
for l in sys.stdin: print(json.loads(l).get("title",""))'; }
audit() { "$WIKIVET" audit -q --fail-on never "$@"; }

# ---- a dump from the fixtures: >= 250 pages so the multistream file has several streams -----
make_fixture_multistream "$T/fx" 100
bzip2 -k "$T/fx.xml"
streams=$(ls "$T"/fx.parts | wc -l)
check "multistream file has $streams streams" '[ "$streams" -ge 4 ]'

# What the default filters keep: namespace 0, no redirects.
grep -v -x -e 'Redirect to seed' -e 'Project:About' "$T/fx.titles" > "$T/expected.titles"
n_expected=$(wc -l < "$T/expected.titles")

audit -j1 "$T/fx.xml" > "$T/ref.jsonl"; rc=$?
check "plain .xml exits 0" '[ $rc -eq 0 ]'
titles < "$T/ref.jsonl" > "$T/ref.titles"
check "plain .xml: $n_expected pages, titles in order (redirect and ns 4 skipped)" \
  'cmp -s "$T/ref.titles" "$T/expected.titles"'
check "XML specials in titles are decoded" 'grep -qx "Quotes \"&\" <angles>" "$T/ref.titles"'

# Issue 9 row 16: pages whose <ns> holds no namespace number are skipped (counted), never
# audited as articles, even with --ns all; a negative one is a namespace like any other.
{
  echo '<mediawiki>'
  for ns in abc 12345678901234567890 '' -1 0; do
    echo "<page><title>NS [$ns]</title><ns>$ns</ns><id>1</id><revision><id>2</id><text>[[x</text></revision></page>"
  done
  echo '</mediawiki>'
} > "$T/odd-ns.xml"
n=$(audit "$T/odd-ns.xml" | titles)
check "odd <ns> values: only the ns 0 page is audited" '[ "$n" = "NS [0]" ]'
n=$(audit --ns all "$T/odd-ns.xml" | titles | tr '\n' ' ')
check "odd <ns> values with --ns all: -1 and 0 audited, the unreadable ones not" '[ "$n" = "NS [-1] NS [0] " ]'
"$WIKIVET" audit --fail-on never "$T/odd-ns.xml" 2>"$T/odd-ns.err" >/dev/null
check "odd <ns> values: counted as skipped" 'grep -q "4 skipped" "$T/odd-ns.err"'
printf '{"title":"J","text":"[[x","ns":"abc"}\n{"title":"K","text":"[[x","ns":0}\n' > "$T/odd-ns.jsonl"
"$WIKIVET" audit -q --fail-on never --input jsonl --ns all "$T/odd-ns.jsonl" > "$T/odd-ns.out"
check "JSON Lines: a string ns is skipped with its reason" \
  'head -1 "$T/odd-ns.out" | grep -q "unreadable namespace" && [ "$(wc -l < "$T/odd-ns.out")" = 2 ]'

for variant in "-j1 fx.xml.bz2" "-j2 fx.xml.bz2" "-j1 ms.xml.bz2" "-j2 ms.xml.bz2" \
  "-j2 --bz2-chunk-bytes 1 ms.xml.bz2" "-j2 --bz2-chunk-bytes 1 --index ms-index.txt.bz2 ms.xml.bz2" \
  "-j2 --index ms-index.txt ms.xml.bz2" "-j2 fx.xml"; do
  # shellcheck disable=SC2086
  (cd "$T" && audit $variant > out.jsonl); rc=$?
  check "$variant: exit 0, output identical to -j1 .xml" '[ $rc -eq 0 ] && cmp -s "$T/out.jsonl" "$T/ref.jsonl"'
done
audit -j2 < "$T/ms.xml.bz2" - > "$T/out.jsonl"
check "multistream on standard input" 'cmp -s "$T/out.jsonl" "$T/ref.jsonl"'
audit -j2 --unordered "$T/ms.xml.bz2" | titles | sort > "$T/unordered.titles"
check "--unordered: same pages" 'sort "$T/ref.titles" | cmp -s - "$T/unordered.titles"'

# A wrong index (offsets inside streams) must not change the output: boundaries are verified.
awk -F: '{ printf "%d:%s:%s\n", $1 + 17, $2, $3 }' "$T/ms-index.txt" > "$T/bad-index.txt"
audit -j2 --bz2-chunk-bytes 1 --index "$T/bad-index.txt" "$T/ms.xml.bz2" > "$T/out.jsonl"; rc=$?
check "wrong index offsets: still exit 0 and the same output" '[ $rc -eq 0 ] && cmp -s "$T/out.jsonl" "$T/ref.jsonl"'

# ---- filters ---------------------------------------------------------------------------------
n=$(audit --ns all --include-redirects "$T/fx.xml" | wc -l)
check "--ns all --include-redirects: every page" '[ "$n" -eq "$(wc -l < "$T/fx.titles")" ]'
n=$(audit --ns 4 "$T/fx.xml" | titles)
check "--ns 4: only the project page" '[ "$n" = "Project:About" ]'
n=$(audit --ns 0,4 "$T/fx.xml" | wc -l)
check "--ns 0,4 (comma list)" '[ "$n" -eq $((n_expected + 1)) ]'
n=$(audit --limit 7 -j2 "$T/ms.xml.bz2" | wc -l)
check "--limit 7" '[ "$n" -eq 7 ]'
n=$(audit --title-regex '\(copy 1[0-9]\)$' "$T/fx.xml" | wc -l)
bases=$(grep -c '<title>.* (copy 1)</title>' "$T/fx.xml")  # one per fixture article
check "--title-regex: copies 10..19" '[ "$n" -eq $((10 * bases)) ]'
"$WIKIVET" audit -q --title-regex '(' "$T/fx.xml" > /dev/null 2>&1; rc=$?
check "bad --title-regex: exit 2" '[ $rc -eq 2 ]'

# ---- summary and output files ----------------------------------------------------------------
audit -j2 --output "$T/o.jsonl" --summary-json "$T/summary.json" "$T/ms.xml.bz2"
check "--output equals stdout" 'cmp -s "$T/o.jsonl" "$T/ref.jsonl"'
check "--summary-json: pages and bytes" "\"$PY\" -c 'import json,sys
s=json.load(open(\"$T/summary.json\")); sys.exit(not (s[\"pages\"]==$n_expected and s[\"pages_skipped\"]==2 and s[\"bytes\"][\"decompressed\"]==$(stat -c %s "$T/fx.xml")))'"
"$WIKIVET" audit --fail-on never "$T/fx.xml" 2> "$T/err.txt" > /dev/null
check "text summary on stderr" 'grep -q "^audit: $n_expected pages" "$T/err.txt"'
check "no progress line when stderr is not a terminal" '! grep -q "MB/s  ETA" "$T/err.txt"'

# ---- broken input: exit 2, one clear line, every page before it reported ---------------------
size=$(stat -c %s "$T/ms.xml.bz2")
head -c $((size * 6 / 10)) "$T/ms.xml.bz2" > "$T/trunc.xml.bz2"
# The oracle: every page in the blocks that decode whole. `bzip2 -dc` is not one: on a truncated
# file it drops the output it had not flushed yet, so it may count a page fewer than the file holds.
good=$("$PY" -c 'import bz2, sys
data, out = open(sys.argv[1], "rb").read(), b""
d = bz2.BZ2Decompressor()
while data:
    out += d.decompress(data)
    if not d.eof: break
    data, d = d.unused_data, bz2.BZ2Decompressor()
print(out.count(b"</page>"))' "$T/trunc.xml.bz2")
for j in 1 2; do
  "$WIKIVET" audit -q --fail-on never --ns all --include-redirects -j$j "$T/trunc.xml.bz2" \
    > "$T/out.jsonl" 2> "$T/err.txt"; rc=$?
  n=$(wc -l < "$T/out.jsonl")
  check "truncated .bz2 -j$j: exit 2" '[ $rc -eq 2 ]'
  check "truncated .bz2 -j$j: $good complete pages reported (as many as the whole blocks hold)" '[ "$n" -eq "$good" ] && [ "$good" -gt 0 ]'
  check "truncated .bz2 -j$j: one line naming the cause, offsets and last page" \
    '[ "$(wc -l < "$T/err.txt")" -eq 1 ] && grep -q "truncated bz2 stream.*at byte [0-9]* of the decompressed stream (byte [0-9]* of the compressed file); last good page: " "$T/err.txt"'
done

# Corrupt: flip bytes in the middle of the second page stream.
cp "$T/ms.xml.bz2" "$T/corrupt.xml.bz2"
printf 'XXXXXXXXXXXXXXXX' | dd of="$T/corrupt.xml.bz2" bs=1 seek=$((size / 2)) conv=notrunc 2> /dev/null
for j in 1 2; do
  "$WIKIVET" audit -q --fail-on never -j$j "$T/corrupt.xml.bz2" > "$T/out.jsonl" 2> "$T/err.txt"; rc=$?
  # libbz2 hands out a block's bytes before it checks the block's CRC, so the garbage may reach
  # the XML parser first: either error is a clear one.
  check "corrupt .bz2 -j$j: exit 2 with a clear message" '[ $rc -eq 2 ] && grep -qE "corrupt bz2 data|malformed XML" "$T/err.txt"'
  check "corrupt .bz2 -j$j: the pages before it are reported" '[ "$(wc -l < "$T/out.jsonl")" -gt 0 ]'
done

# Malformed XML: the third page's </title> misspelt.
"$PY" - "$T/fx.xml" "$T/bad.xml" <<'PY'
import sys
s = open(sys.argv[1], encoding="utf-8").read()
i = -1
for _ in range(3):
    i = s.index("</title>", i + 1)
open(sys.argv[2], "w", encoding="utf-8").write(s[:i] + "</titel>" + s[i + 8:])
PY
"$WIKIVET" audit -q --fail-on never --ns all --include-redirects "$T/bad.xml" > "$T/out.jsonl" 2> "$T/err.txt"; rc=$?
check "malformed XML: exit 2" '[ $rc -eq 2 ]'
check "malformed XML: the two pages before it reported" '[ "$(wc -l < "$T/out.jsonl")" -eq 2 ]'
check "malformed XML: message with line, byte offset and last good page" \
  'grep -q "malformed XML: mismatched tag (line [0-9]*, column [0-9]*) at byte [0-9]*; last good page: .Redirect to seed." "$T/err.txt"'

# Entity declarations are refused (no billion laughs).
cat > "$T/laughs.xml" <<'XML'
<?xml version="1.0"?>
<!DOCTYPE mediawiki [
  <!ENTITY a "aaaaaaaaaa">
  <!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;">
  <!ENTITY c "&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;">
]>
<mediawiki><page><title>Laughs</title><ns>0</ns><id>1</id><revision><id>2</id><text>&c;&c;&c;</text></revision></page></mediawiki>
XML
"$WIKIVET" audit -q "$T/laughs.xml" > "$T/out.jsonl" 2> "$T/err.txt"; rc=$?
check "entity declarations: exit 2, refused" '[ $rc -eq 2 ] && grep -q "entity declaration" "$T/err.txt" && [ ! -s "$T/out.jsonl" ]'

gzip -c "$T/fx.xml" > "$T/fx.xml.gz"
"$WIKIVET" audit -q "$T/fx.xml.gz" > /dev/null 2> "$T/err.txt"; rc=$?
check "gzip input: exit 2 with advice" '[ $rc -eq 2 ] && grep -q "gzip-compressed" "$T/err.txt"'
cp "$T/fx.xml.bz2" "$T/disguised.txt"
n=$(audit "$T/disguised.txt" | wc -l)
check "compression detected by content, not by name" '[ "$n" -eq "$n_expected" ]'
"$WIKIVET" audit -q "$T/missing.xml" > /dev/null 2>&1; rc=$?
check "missing file: exit 2" '[ $rc -eq 2 ]'

# ---- the real dumps --------------------------------------------------------------------------
D=$(shared_dumps_dir)
if [ ! -d "$D" ]; then
  echo "skip real dumps: $D is absent"
else
  for f in "$D"/*.xml "$D"/*.xml.bz2; do
    [ -e "$f" ] || continue
    case "$f" in *.bz2) cat=(bzip2 -dc) ;; *) cat=(cat) ;; esac
    expected=$("${cat[@]}" "$f" | grep -o '<title>[^<]*</title>' | sed 's/<[^>]*>//g' |
      "$PY" -c 'import html,sys
for l in sys.stdin: print(html.unescape(l.rstrip("\n")))')
    for j in 1 2; do
      got=$(audit -j$j --ns all --include-redirects "$f" | titles); rc=$?
      check "$(basename "$f") -j$j: exit 0, every page, in order" '[ $rc -eq 0 ] && [ "$got" = "$expected" ]'
    done
  done
  for f in "$D"/*.xml.xz; do
    [ -e "$f" ] || continue
    complete=$(xz -dc "$f" 2> /dev/null | grep -c '</page>')
    "$WIKIVET" audit -q --fail-on never --ns all --include-redirects -j2 "$f" > "$T/out.jsonl" 2> "$T/err.txt"; rc=$?
    n=$(wc -l < "$T/out.jsonl")
    check "$(basename "$f"): exit 2, all $complete complete pages reported ($n)" '[ $rc -eq 2 ] && [ "$n" -eq "$complete" ]'
    check "$(basename "$f"): one error line with offset and last good page" \
      '[ "$(wc -l < "$T/err.txt")" -eq 1 ] && grep -q "at byte [0-9]* of the decompressed stream.*last good page: " "$T/err.txt"'
    "$WIKIVET" audit -q --fail-on never -j1 "$f" > "$T/j1.jsonl" 2> /dev/null
    "$WIKIVET" audit -q --fail-on never -j2 "$f" > "$T/j2.jsonl" 2> /dev/null
    check "$(basename "$f"): -j2 output equals -j1" 'cmp -s "$T/j1.jsonl" "$T/j2.jsonl" && [ -s "$T/j1.jsonl" ]'
  done
fi

echo "$fails failure(s)"
[ "$fails" -eq 0 ]
