#!/usr/bin/env bash
# The corpus check (scripts/corpus-check): no finding judged false comes back, none judged true
# disappears, and the committed snapshot is what wikivet reports now. Skipped (exit 77) where
# ../shared/corpus is absent. Then proves the check can fail: a finding it reports, judged false in
# a scratch copy of the judgements, must make it exit 1.
set -uo pipefail
WIKIVET=$(realpath "$1")
cd "$(dirname "$0")/../.."
python3 scripts/corpus-check --check --wikivet "$WIKIVET"
rc=$?
[ "$rc" -eq 0 ] || exit "$rc"

T=$(mktemp -d)
trap 'rm -rf "$T"' EXIT
cp -r tests/corpus/judged/. "$T/"
# The first finding of the snapshot of any rule that has one, judged false.
row=$(for f in tests/corpus/snapshot/*.tsv; do sed -n 2p "$f" | sed "s|^|$(basename "$f" .tsv)\t|"; done | grep -m1 .)
rule=$(printf '%s' "$row" | cut -f1)
printf '%s\n' "$row" | cut -f2-4 | sed 's/$/\tfalse\tscratch judgement/' > "$T/$rule.tsv.new"
grep -v -F -f <(cut -f1-3 "$T/$rule.tsv.new") "$T/$rule.tsv" 2>/dev/null >> "$T/$rule.tsv.new"
mv "$T/$rule.tsv.new" "$T/$rule.tsv"
if python3 scripts/corpus-check --check --wikivet "$WIKIVET" --judged-dir "$T" 2>"$T/err"; then
  echo "FAIL: a reported finding judged false did not fail the check"; exit 1
fi
grep -q "judged false, reported again" "$T/err" || { echo "FAIL: unexpected message:"; cat "$T/err"; exit 1; }
echo "ok: a finding judged false that is reported fails the check"
