#!/usr/bin/env bash
# `audit --decompressor CMD`: the dump piped through an external decompressor gives exactly the
# results (JSON Lines and summary, seconds aside) of the built-in decoders; a command that is not
# found, or fails at the start or midway, gives one line and exit 2; stopping early (--limit)
# leaves no process behind.
. "$(dirname "$0")/lib/common.sh" "$1"
audit() { "$WIKIVET" audit --fail-on never "$@"; }
untimed() { sed -E 's/"seconds":[0-9.]+/"seconds":_/; s/ in [0-9.]+ s \([0-9.]+ MB\/s\)//' "$1"; }

"$PY" tests/cli/audit_make_dump.py "$T/fx" fixtures --min-pages 250
bzip2 -k "$T/fx.xml"
xz -k "$T/fx.xml"
"$PY" tests/cli/audit_multistream.py "$T/fx.xml" "$T/ms.xml.bz2" --pages 30 > /dev/null
DUMPS="$REPO/../shared/corpus/dumps"

same_as_builtin() { # description, file, decompressor command
  audit -j2 "$2" -o "$T/ref.jsonl" --summary-json "$T/ref.json" 2>"$T/ref.txt"
  local ref_rc=$?
  audit -j2 --decompressor "$3" "$2" -o "$T/ext.jsonl" --summary-json "$T/ext.json" 2>"$T/ext.txt"
  local rc=$?
  check "$1: exit $ref_rc as built in, same JSON Lines, summary JSON and text" \
    '[ $rc -eq $ref_rc ] && [ -s "$T/ref.jsonl" ] && cmp -s "$T/ext.jsonl" "$T/ref.jsonl" &&
     cmp -s <(untimed "$T/ext.json") <(untimed "$T/ref.json") &&
     cmp -s <(untimed "$T/ext.txt") <(untimed "$T/ref.txt")'
}
same_as_builtin "bzip2 -dc" "$T/fx.xml.bz2" "bzip2 -dc"
same_as_builtin "xz -dc" "$T/fx.xml.xz" "xz -dc"
if command -v lbzip2 > /dev/null; then
  same_as_builtin "lbzip2 -dc -n2, multistream" "$T/ms.xml.bz2" "lbzip2 -dc -n2"
  [ -f "$DUMPS/simplewiki.xml.bz2" ] &&
    same_as_builtin "lbzip2 -dc -n1, simplewiki" "$DUMPS/simplewiki.xml.bz2" "lbzip2 -dc -n1"
else
  echo "skip lbzip2: not installed"
fi
audit -q -j2 "$T/fx.xml.bz2" > "$T/fx.jsonl"
audit -q -j2 --decompressor "bzip2 -dc" - < "$T/fx.xml.bz2" > "$T/ext.jsonl"
check "standard input through the decompressor" '[ -s "$T/fx.jsonl" ] && cmp -s "$T/ext.jsonl" "$T/fx.jsonl"'

one_error() { # description, pattern the line must hold, then the audit arguments
  local d=$1 pat=$2
  shift 2
  audit -q "$@" > /dev/null 2>"$T/err"
  local rc=$?
  check "$d: exit 2, one line ($(head -c 100 "$T/err"))" \
    '[ $rc -eq 2 ] && [ "$(wc -l < "$T/err")" -eq 1 ] && grep -q -- "$pat" "$T/err"'
}
one_error "a command not on PATH" "not found on PATH" --decompressor "no-such-unzip-tool -dc" "$T/fx.xml.bz2"
one_error "an empty command" "needs a command" --decompressor " " "$T/fx.xml.bz2"
one_error "a command that fails at once" "failed (exit status" --decompressor "bzip2 -dc" "$T/fx.xml"
head -c 20000 "$T/fx.xml.bz2" > "$T/trunc.xml.bz2"
one_error "a command that fails midway (truncated file)" "failed (exit status" \
  --decompressor "bzip2 -dc" "$T/trunc.xml.bz2"
one_error "with --streams" "not with --streams" --decompressor "bzip2 -dc" --streams 0 "$T/ms.xml.bz2"
one_error "a missing dump" "cannot read" --decompressor "bzip2 -dc" "$T/none.xml.bz2"

# --limit stops reading early: the decompressor is ended, not waited for to its end.
n=$(timeout 20 "$WIKIVET" audit -q --fail-on never --limit 2 --decompressor "bzip2 -dc" "$T/fx.xml.bz2" | wc -l)
check "--limit 2 with a decompressor: 2 pages, no hang" '[ "$n" -eq 2 ]'
exit $((fails > 0))
