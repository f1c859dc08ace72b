#!/usr/bin/env bash
# The block decoder (`audit -jN` of a .bz2 without an index): single-stream files as `bzip2`
# writes them, several blocks each (-1: 100 kB blocks), of random bytes and of text, decoded
# byte for byte as `bzip2 -dc` decodes them (`--decompress-only`, a hidden option); an audit of
# a single-stream dump equal at -j1 and -j2; a truncated one ends in the one-line error and exit
# 2; hostile input (block magics back to back) ends in an error, in time linear in its size.
. "$(dirname "$0")/lib/common.sh" "$1"
. "$(dirname "$0")/lib/dumps.sh"
audit() { "$WIKIVET" audit -q --fail-on never "$@"; }

# Random bytes (incompressible: blocks of about 100 kB compressed) and words (compressible).
"$PY" - "$T" <<'PY'
import random, sys
r = random.Random(15)
words = ["the ", "[[Mali]] ", "{{cite web|url=x}} ", "\n== History ==\n", "1960 ", "<ref>a</ref> "]
for n in (0, 1, 40000, 250000, 700000, 2500000):
    open(f"{sys.argv[1]}/rand-{n}", "wb").write(r.randbytes(n))
    s, size = [], 0
    while size < n:
        w = r.choice(words); s.append(w); size += len(w)
    open(f"{sys.argv[1]}/text-{n}", "w").write("".join(s)[:n])
PY
for f in "$T"/rand-* "$T"/text-*; do
  bzip2 -1 -c "$f" > "$f.bz2"
  for j in 2 3; do
    audit -j$j --decompress-only "$f.bz2" > "$T/out"; rc=$?
    check "$(basename "$f").bz2 ($(stat -c %s "$f.bz2") bytes) -j$j: exit 0, bytes as bzip2 -dc's" \
      '[ $rc -eq 0 ] && bzip2 -dc "$f.bz2" | cmp -s - "$T/out"'
  done
done
# Level 9 (900 kB blocks) and several streams one after another, one of them empty.
cat "$T/text-2500000" "$T/text-2500000" "$T/rand-700000" | bzip2 -9 > "$T/l9.bz2"
{ bzip2 -1 -c "$T/text-700000"; bzip2 -c /dev/null; bzip2 -5 -c "$T/rand-250000"; } > "$T/cat.bz2"
for f in "$T/l9.bz2" "$T/cat.bz2"; do
  audit -j2 --decompress-only "$f" > "$T/out"; rc=$?
  check "$(basename "$f") -j2: exit 0, bytes as bzip2 -dc's" '[ $rc -eq 0 ] && bzip2 -dc "$f" | cmp -s - "$T/out"'
done

# ---- a dump compressed as one stream -----------------------------------------------------------
make_fixture_multistream "$T/fx" 10
bzip2 -1 -c "$T/fx.xml" > "$T/one.xml.bz2"
audit -j1 "$T/fx.xml" > "$T/ref.jsonl"
for j in 1 2; do
  audit -j$j "$T/one.xml.bz2" > "$T/out.jsonl"; rc=$?
  check "single-stream dump ($(stat -c %s "$T/one.xml.bz2") bytes) -j$j: exit 0, output as the .xml's" \
    '[ $rc -eq 0 ] && cmp -s "$T/out.jsonl" "$T/ref.jsonl" && [ -s "$T/ref.jsonl" ]'
done
size=$(stat -c %s "$T/one.xml.bz2")
head -c $((size * 6 / 10)) "$T/one.xml.bz2" > "$T/trunc.xml.bz2"
for j in 1 2; do
  "$WIKIVET" audit -q --fail-on never -j$j "$T/trunc.xml.bz2" > "$T/trunc-$j.jsonl" 2> "$T/err"; rc=$?
  check "truncated single-stream dump -j$j: exit 2, one line naming the cause, offsets and last page" \
    '[ $rc -eq 2 ] && [ "$(wc -l < "$T/err")" -eq 1 ] && grep -q "truncated bz2 stream.*at byte [0-9]* of the decompressed stream (byte '"$((size * 6 / 10))"' of the compressed file); last good page: " "$T/err"'
done
check "truncated single-stream dump: -j2 reports the pages -j1 reports" \
  'cmp -s "$T/trunc-1.jsonl" "$T/trunc-2.jsonl" && [ -s "$T/trunc-1.jsonl" ]'

# ---- hostile: block magics back to back (every one a false block), 1 MB and 4 MB ----------------
hostile() { # FILE MEGABYTES
  "$PY" -c 'import sys; sys.stdout.buffer.write(b"BZh9" + bytes.fromhex("314159265359") * (int(sys.argv[1]) * 174763))' "$2" > "$1"
}
hostile "$T/h1.bz2" 1
hostile "$T/h4.bz2" 4
secs() { # prints the seconds an audit of FILE takes; its exit code and stderr in $T/h.rc, $T/h.err
  local t0 t1
  t0=$(date +%s.%N)
  "$WIKIVET" audit -q -j2 "$1" > /dev/null 2> "$T/h.err"; echo $? > "$T/h.rc"
  t1=$(date +%s.%N)
  echo "$t1 - $t0" | bc
}
s1=$(secs "$T/h1.bz2")
s4=$(secs "$T/h4.bz2")
check "hostile magics: exit 2, one line ($(head -c 80 "$T/h.err"))" \
  '[ "$(cat "$T/h.rc")" -eq 2 ] && [ "$(wc -l < "$T/h.err")" -eq 1 ]'
check "hostile magics: 4x the bytes in less than 8x the time + 1 s (${s1} s, ${s4} s)" \
  '[ "$(echo "$s4 < 8 * $s1 + 1" | bc)" = 1 ]'
exit $((fails > 0))
