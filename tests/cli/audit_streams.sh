#!/usr/bin/env bash
# Partial audits of a multistream dump (`audit --streams A-B`, with and without the index),
# `--list-streams`, and `--merge`: the merged parts must be byte for byte what one audit of the
# whole dump writes (JSON Lines, the summary JSON and the text summary, seconds aside). A part
# decompresses only its own streams (and stream 0's header): a corrupt stream elsewhere must not
# touch it. Over a dump made from the fixtures and over the shared dumps in
# ../shared/corpus/dumps (skipped with a message when absent).
. "$(dirname "$0")/lib/common.sh" "$1"
. "$(dirname "$0")/lib/dumps.sh"
audit() { "$WIKIVET" audit --fail-on never "$@"; }
# The summaries without their timing (the only figure that differs from run to run).
untimed() { sed -E 's/"seconds":[0-9.]+/"seconds":_/; s/ in [0-9.]+ s \([0-9.]+ MB\/s\)//' "$1"; }

# Audits DUMP whole and in the parts given (stream ranges), merges the parts and compares.
# Extra audit arguments after the ranges, following --.
compare_parts() {
  local name=$1 dump=$2
  shift 2
  local ranges=() extra=()
  while [ $# -gt 0 ] && [ "$1" != -- ]; do ranges+=("$1"); shift; done
  [ $# -gt 0 ] && shift && extra=("$@")
  audit "${extra[@]}" "$dump" -o "$T/full.jsonl" --summary-json "$T/full.json" 2>"$T/full.txt"
  local full_rc=$? parts=() sums=() i=0 prc=0
  for r in "${ranges[@]}"; do
    audit "${extra[@]}" --streams "$r" "$dump" -o "$T/p$i.jsonl" --summary-json "$T/p$i.json" \
      2>/dev/null || prc=$?
    parts+=("$T/p$i.jsonl"); sums+=(--part-summary "$T/p$i.json"); i=$((i + 1))
  done
  audit --merge "${parts[@]}" "${sums[@]}" -o "$T/merged.jsonl" --summary-json "$T/merged.json" \
    2>"$T/merged.txt"
  local mrc=$?
  check "$name: parts ${ranges[*]} exit 0, merged exit = full audit's ($full_rc)" \
    '[ $prc -eq 0 ] && [ $mrc -eq $full_rc ]'
  check "$name: merged JSON Lines identical to one audit's ($(wc -l < "$T/full.jsonl") pages)" \
    'cmp -s "$T/merged.jsonl" "$T/full.jsonl" && [ -s "$T/full.jsonl" ]'
  check "$name: merged summary JSON identical" \
    'cmp -s <(untimed "$T/merged.json") <(untimed "$T/full.json")'
  check "$name: merged text summary identical" \
    'cmp -s <(untimed "$T/merged.txt") <(untimed "$T/full.txt")'
}

# ---- a multistream dump made from the fixtures, cut as Wikimedia cuts theirs ----------------
make_fixture_multistream "$T/fx" 40
n=$(ls "$T"/fx.parts | wc -l)
last=$((n - 1))

audit --list-streams "$T/ms.xml.bz2" > "$T/streams.tsv"; rc=$?
check "--list-streams: exit 0, one line per stream ($n)" '[ $rc -eq 0 ] && [ "$(wc -l < "$T/streams.tsv")" -eq "$n" ]'
check "--list-streams: numbered from 0, contiguous byte ranges from 0 to the file's size" \
  'awk -v size="$(stat -c %s "$T/ms.xml.bz2")" '\''BEGIN{e=0} $1!=NR-1||$2!=e{exit 1} {e=$3} END{exit e!=size}'\'' "$T/streams.tsv"'
audit --list-streams --index "$T/ms-index.txt.bz2" "$T/ms.xml.bz2" > "$T/istreams.tsv"
check "--list-streams --index: the header stream, then the index's (the closing stream joins the last)" \
  '[ "$(wc -l < "$T/istreams.tsv")" -eq $((n - 1)) ] && head -n $((n - 2)) "$T/streams.tsv" | cmp -s - <(head -n $((n - 2)) "$T/istreams.tsv")'

compare_parts "fixtures" "$T/ms.xml.bz2" 0-0 1-2 3-$((last - 2)) $((last - 1))-
compare_parts "fixtures -j2" "$T/ms.xml.bz2" 0-1 2-4 5- -- -j2
compare_parts "fixtures, parts given out of order" "$T/ms.xml.bz2" 3- 0-2
compare_parts "fixtures --index" "$T/ms.xml.bz2" 0-1 2-$((last - 2)) $((last - 1))- -- --index "$T/ms-index.txt.bz2"
compare_parts "fixtures, one stream a part" "$T/ms.xml.bz2" $(seq 0 $last) -- --ns all --include-redirects

# Only the part's streams (and stream 0's header) are decompressed: a corrupt stream 1 breaks
# the full audit and the part that holds it, not the others.
s1=$(awk '$1==1{print $2}' "$T/streams.tsv")
cp "$T/ms.xml.bz2" "$T/corrupt.xml.bz2"
printf '\x55\xaa\x55\xaa' | dd of="$T/corrupt.xml.bz2" bs=1 seek=$((s1 + 40)) conv=notrunc 2>/dev/null
audit -q "$T/corrupt.xml.bz2" > /dev/null 2>&1; rc=$?
check "a corrupt stream 1: the full audit fails (exit 2)" '[ $rc -eq 2 ]'
audit -q --streams 2- "$T/corrupt.xml.bz2" > "$T/p.jsonl" 2>"$T/err"; rc=$?
audit -q --streams 2- "$T/ms.xml.bz2" > "$T/ref.jsonl"
check "a corrupt stream 1: streams 2- are audited as from the good file" '[ $rc -eq 0 ] && cmp -s "$T/p.jsonl" "$T/ref.jsonl"'
audit -q -j2 --streams 1-2 "$T/corrupt.xml.bz2" > /dev/null 2>"$T/err"; rc=$?
check "a corrupt stream 1: the part holding it fails (exit 2)" '[ $rc -eq 2 ] && grep -q corrupt "$T/err"'

# ---- errors: one line and exit 2 -------------------------------------------------------------
one_error() { # description, then the audit arguments
  local d=$1
  shift
  audit -q "$@" > /dev/null 2>"$T/err"
  local rc=$?
  check "$d: exit 2, one line ($(head -c 90 "$T/err"))" '[ $rc -eq 2 ] && [ "$(wc -l < "$T/err")" -eq 1 ]'
}
one_error "a range beyond the dump" --streams 0-$n "$T/ms.xml.bz2"
one_error "a range beyond the dump (A-)" --streams $((n + 3))- "$T/ms.xml.bz2"
one_error "a range B < A" --streams 3-1 "$T/ms.xml.bz2"
one_error "a range that is not numbers" --streams x "$T/ms.xml.bz2"
one_error "not a bz2 file" --streams 0 "$T/fx.xml"
one_error "--list-streams of a non-bz2 file" --list-streams "$T/fx.xml"
one_error "--streams from standard input" --streams 0 - < "$T/ms.xml.bz2"
awk -F: '{ printf "%d:%s:%s\n", $1 + 17, $2, $3 }' "$T/ms-index.txt" > "$T/bad-index.txt"
one_error "an index whose offsets are not streams" --streams 1-2 --index "$T/bad-index.txt" "$T/ms.xml.bz2"
echo "12:x" > "$T/junk-index.txt"; echo "junk" >> "$T/junk-index.txt"
one_error "an index that is not offset:id:title lines" --streams 1 --index "$T/junk-index.txt" "$T/ms.xml.bz2"
echo "99999999:1:Far" > "$T/far-index.txt"
one_error "an index beyond the dump" --list-streams --index "$T/far-index.txt" "$T/ms.xml.bz2"
# A multistream file not cut at pages (as parallel compressors cut theirs).
mkdir "$T/cut"
split -d -a 4 -b 3000 "$T/fx.xml" "$T/cut/"
for f in "$T"/cut/*; do bzip2 -c "$f"; done > "$T/cut.xml.bz2"
one_error "a multistream file not cut at pages" --streams 1-2 "$T/cut.xml.bz2"
audit -q --streams 0-1 "$T/ms.xml.bz2" -o "$T/a.jsonl" --summary-json "$T/a.json"
audit -q --streams 3- "$T/ms.xml.bz2" -o "$T/b.jsonl" --summary-json "$T/b.json"
one_error "--merge with a gap between the parts" --merge "$T/a.jsonl" "$T/b.jsonl" \
  --part-summary "$T/a.json" --part-summary "$T/b.json"
one_error "--merge with streams in two parts" --merge "$T/a.jsonl" "$T/a.jsonl" \
  --part-summary "$T/a.json" --part-summary "$T/a.json"
one_error "--merge without the summaries" --merge "$T/a.jsonl"
one_error "--merge of a full audit's summary" --merge "$T/full.jsonl" --part-summary "$T/full.json"

# ---- the shared dumps, recompressed as multistream files -----------------------------------
DUMPS=$(shared_dumps_dir)
if [ ! -d "$DUMPS" ]; then
  echo "skip the shared dumps: $DUMPS is absent"
else
  for d in "$DUMPS"/*.xml*; do
    name=$(basename "$d")
    count=$("$PY" tests/cli/audit_multistream.py "$d" "$T/shared.xml.bz2" --pages 50 \
      --index "$T/shared-index.txt") || { fail "$name: cannot recompress"; continue; }
    if [ "$count" -lt 4 ]; then
      compare_parts "$name" "$T/shared.xml.bz2" 0 1- -- -j2
    else
      compare_parts "$name" "$T/shared.xml.bz2" 0-$((count / 3)) $((count / 3 + 1))-$((count / 2)) \
        $((count / 2 + 1))- -- -j2 --ns all
    fi
  done
fi
exit $((fails > 0))
