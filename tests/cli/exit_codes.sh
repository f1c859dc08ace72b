#!/usr/bin/env bash
# Exit codes and one-line errors of `wikivet check`, as the README documents them.
set -uo pipefail
W="$1"
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
fail=0
expect() {  # expect CODE DESCRIPTION -- command...
  local want=$1 what=$2
  shift 3
  "$@" >"$tmp/out" 2>"$tmp/err"
  local got=$?
  if [ "$got" != "$want" ]; then
    echo "FAIL $what: exit $got, want $want"; cat "$tmp/err"; fail=1
  else
    echo "ok   $what (exit $got)"
  fi
}
printf 'Plain prose, nothing to report.\n' >"$tmp/clean.wiki"
printf 'a<ref name="x" />\n{{Reflist}}\n' >"$tmp/broken.wiki"

expect 0 "version" -- "$W" --version
expect 0 "clean file" -- "$W" check "$tmp/clean.wiki"
expect 1 "file with an error" -- "$W" check "$tmp/broken.wiki"
expect 0 "--fail-on never" -- "$W" check --fail-on never "$tmp/broken.wiki"
expect 2 "missing file" -- "$W" check "$tmp/nope.wiki"
[ "$(wc -l <"$tmp/err")" = 1 ] || { echo "FAIL missing file: error is not one line"; fail=1; }
grep -q "nope.wiki" "$tmp/err" || { echo "FAIL missing file: error does not name it"; fail=1; }
expect 1 "directory: walked for its .wiki files (broken.wiki is there)" -- "$W" check "$tmp"
expect 2 "bad option" -- "$W" check --no-such-option "$tmp/clean.wiki"
expect 2 "bad --fail-on" -- "$W" check --fail-on sometimes "$tmp/clean.wiki"
expect 2 "unknown format" -- "$W" check --format yaml "$tmp/clean.wiki"
expect 2 "no files" -- "$W" check
expect 2 "unknown command" -- "$W" frobnicate
# An unreadable file among good ones: the others are still checked, exit 2.
"$W" check --format json "$tmp/broken.wiki" "$tmp/nope.wiki" >"$tmp/out" 2>"$tmp/err"
rc=$?
[ "$rc" = 2 ] || { echo "FAIL mixed inputs: exit $rc, want 2"; fail=1; }
grep -q '"ref-undefined"' "$tmp/out" || { echo "FAIL mixed inputs: the good file was not checked"; fail=1; }
# Standard input.
printf 'a<ref name="x" />\n{{Reflist}}\n' | "$W" check - >"$tmp/out" 2>&1
[ $? = 1 ] || { echo "FAIL stdin: want exit 1"; fail=1; }
grep -q "<stdin>:1:2" "$tmp/out" || { echo "FAIL stdin: position"; cat "$tmp/out"; fail=1; }
# rules / explain
expect 0 "rules" -- "$W" rules
expect 0 "explain" -- "$W" explain table-sequence
expect 2 "explain unknown" -- "$W" explain no-such-rule
[ $fail = 0 ] && echo "all exit-code checks passed"
exit $fail
