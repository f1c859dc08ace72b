#!/usr/bin/env bash
# The Dask recipe (ci/audit/dask-audit.py) for real: a local cluster of two worker processes on
# 127.0.0.1, one task per range of streams, merged; its JSON Lines and summary must be byte for
# byte those of one `wikivet audit` of the same dump. Over the shared dumps recompressed as
# multistream files (../shared/corpus/dumps), or the fixtures when those are absent. Needs
# Debian's python3-distributed (skipped with a message without it).
. "$(dirname "$0")/lib/common.sh" "$1"
. "$(dirname "$0")/lib/dumps.sh"
PY=/usr/bin/python3
if ! "$PY" -c 'import dask.distributed' 2>/dev/null; then
  echo "skip: $PY cannot import dask.distributed (apt install python3-distributed)"
  exit 0
fi
untimed() { sed -E 's/"seconds":[0-9.]+/"seconds":_/; s/ in [0-9.]+ s \([0-9.]+ MB\/s\)//' "$1"; }
# The summary's own lines: Dask's processes may add warnings of theirs to the same stderr.
summary_lines() { grep -E '^(audit: |findings per rule:$|pages with most findings:$| +[0-9]+  )'; }
DUMPS=$(shared_dumps_dir)
sources=()
if [ -d "$DUMPS" ]; then
  for d in "$DUMPS"/*.xml*; do sources+=("$d"); done
else
  echo "note: $DUMPS is absent: the fixtures' dump instead"
  "$PY" tests/cli/audit_make_dump.py "$T/fx" fixtures --min-pages 250
  sources=("$T/fx.xml")
fi
done=0
for d in "${sources[@]}"; do
  name=$(basename "$d")
  count=$("$PY" tests/cli/audit_multistream.py "$d" "$T/ms.xml.bz2" --pages 40 --index "$T/index.txt")
  if [ "$count" -lt 6 ]; then
    echo "skip $name: $count streams (audit_streams.sh covers the small dumps)"
    continue
  fi
  "$WIKIVET" audit --fail-on never -j2 "$T/ms.xml.bz2" -o "$T/one.jsonl" \
    --summary-json "$T/one.json" 2>"$T/one.txt"
  one_rc=$?
  args=()
  # The first dump with its index, the others by scanning: both ways of numbering the streams.
  [ "$((++done))" -eq 1 ] && args=(--index "$T/index.txt")
  "$PY" ci/audit/dask-audit.py --local-workers 2 --streams-per-task 3 --wikivet "$WIKIVET" \
    "${args[@]}" "$T/ms.xml.bz2" -o "$T/dask.jsonl" --summary-json "$T/dask.json" \
    -- -j 1 --fail-on never 2>"$T/dask.txt"
  rc=$?
  check "$name: dask-audit exits as one audit does ($one_rc)" '[ $rc -eq $one_rc ]'
  check "$name: JSON Lines identical to one audit's ($(wc -l < "$T/one.jsonl") pages)" \
    'cmp -s "$T/dask.jsonl" "$T/one.jsonl" && [ -s "$T/one.jsonl" ]'
  check "$name: summary JSON identical" 'cmp -s <(untimed "$T/dask.json") <(untimed "$T/one.json")'
  check "$name: text summary identical" \
    'cmp -s <(summary_lines < "$T/dask.txt" | untimed /dev/stdin) <(untimed "$T/one.txt")'
done
check "at least one dump went through the cluster" '[ "$done" -ge 1 ]'
exit $((fails > 0))
