#!/usr/bin/env bash
# Config files through the real binary: discovery (nearest wins), --config, --no-config,
# `config --show`, and every kind of mistake ending in exit 2 with file:line:col.
set -u
bin=$(cd "$(dirname "$1")" && pwd)/$(basename "$1")
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
fail=0
check() { if ! eval "$2"; then echo "FAIL: $1"; fail=1; fi; }

mkdir -p "$tmp/proj/sub/deeper" "$tmp/proj/drafts"
printf 'ignore = ["dates"]\n' >"$tmp/proj/wikivet.toml"
printf 'ignore = ["refs"]\n[[overrides]]\nfiles = ["*.draft.wiki"]\nselect = ["tables"]\n' >"$tmp/proj/sub/.wikivet.toml"
printf 'x\n' >"$tmp/proj/sub/deeper/a.wiki"
printf 'x\n' >"$tmp/proj/sub/deeper/b.draft.wiki"
printf 'x\n' >"$tmp/proj/top.wiki"

out=$("$bin" config --show "$tmp/proj/sub/deeper/a.wiki"); rc=$?
check "show exits 0" "[ $rc = 0 ]"
check "nearest file wins" "grep -q '^# from: $tmp/proj/sub/.wikivet.toml\$' <<<\"\$out\""
check "its ignore list" "grep -q '^ignore = \[\"refs\"\]\$' <<<\"\$out\""
check "override not applied" "grep -q 'not applied to this path' <<<\"\$out\""

out=$("$bin" config --show "$tmp/proj/sub/deeper/b.draft.wiki")
check "override applied" "grep -q ': applied\$' <<<\"\$out\" && grep -q '^select = \[\"tables\"\]\$' <<<\"\$out\""

out=$("$bin" config --show "$tmp/proj/top.wiki")
check "upper file for a file above" "grep -q '^# from: $tmp/proj/wikivet.toml\$' <<<\"\$out\""

out=$(cd "$tmp/proj/sub" && "$bin" config --show)
check "directory defaults to the working directory" "grep -q '^# from: $tmp/proj/sub/.wikivet.toml\$' <<<\"\$out\""

out=$("$bin" config --show --config "$tmp/proj/wikivet.toml" "$tmp/proj/sub/deeper/a.wiki")
check "--config wins over discovery" "grep -q '^# from: $tmp/proj/wikivet.toml\$' <<<\"\$out\""

out=$("$bin" config --show --no-config "$tmp/proj/sub/deeper/a.wiki")
check "--no-config" "grep -q '^# from: defaults' <<<\"\$out\""

"$bin" config >/dev/null 2>&1; rc=$?
check "config without --show exits 2" "[ $rc = 2 ]"

# check uses the config files (exit 0/1, never 2, with good configs).
"$bin" check --color never "$tmp/proj/sub/deeper/a.wiki" "$tmp/proj/top.wiki" >/dev/null 2>&1; rc=$?
check "check with discovered configs" "[ $rc -le 1 ]"

# Mistakes: exit 2, file:line:col, the choices.
expect_error() {  # name, toml, expected stderr fragment
  mkdir -p "$tmp/bad"
  printf '%b' "$2" >"$tmp/bad/wikivet.toml"
  printf 'x\n' >"$tmp/bad/a.wiki"
  "$bin" check "$tmp/bad/a.wiki" >"$tmp/out" 2>"$tmp/err"; rc=$?
  check "$1: exit 2" "[ $rc = 2 ]"
  check "$1: message" "grep -qF -- \"$3\" '$tmp/err'"
  check "$1: nothing written to standard output" "[ ! -s '$tmp/out' ]"
}
expect_error "misspelt key" 'ignore = []\nselct = ["tables"]\n' "$tmp/bad/wikivet.toml:2:1: unknown key 'selct' (did you mean 'select'?)"
expect_error "misspelt category" 'ignore = ["tabels"]\n' "wikivet.toml:1:11: unknown rule or category 'tabels' in ignore (did you mean 'tables'?)"
expect_error "bad severity" '[severity]\ntables = "loud"\n' "wikivet.toml:2:10: bad severity 'loud' for 'tables'; valid: error, warning, info, off"
expect_error "bad type" 'select = "tables"\n' "wikivet.toml:1:10: 'select' must be a list of strings"
expect_error "bad TOML" 'select = [\n' "wikivet.toml:"
expect_error "override without files" '[[overrides]]\nignore = []\n' "wikivet.toml:1:1: [[overrides]] needs files"

"$bin" check --config "$tmp/nonexistent.toml" "$tmp/proj/top.wiki" >/dev/null 2>"$tmp/err"; rc=$?
check "missing --config file exits 2" "[ $rc = 2 ] && grep -q 'nonexistent.toml:1:1: cannot read' '$tmp/err'"

"$bin" check --select tabels "$tmp/proj/top.wiki" >/dev/null 2>"$tmp/err"; rc=$?
check "misspelt --select exits 2" "[ $rc = 2 ] && grep -q \"did you mean 'tables'\" '$tmp/err'"
# Issue 9 row 14: a glob of a million '?' is one clear line on stderr, none of RE2's own.
python3 -c "print('exclude = [\"' + '?' * 1000000 + '\"]')" >"$tmp/huge.toml"
"$bin" check --config "$tmp/huge.toml" "$tmp/proj/top.wiki" >/dev/null 2>"$tmp/err"; rc=$?
check "a 1M-character glob: exit 2, one short line, no RE2 log" \
  "[ $rc = 2 ] && [ \$(wc -l <'$tmp/err') = 1 ] && [ \$(wc -c <'$tmp/err') -lt 300 ] && grep -q 'longer than 4096 bytes' '$tmp/err'"
"$bin" audit -q --title-regex "$(python3 -c "print('a?' * 30000)")" /dev/null >/dev/null 2>"$tmp/err"; rc=$?
check "a 60 KB --title-regex: exit 2, one short line" \
  "[ $rc = 2 ] && [ \$(wc -l <'$tmp/err') = 1 ] && [ \$(wc -c <'$tmp/err') -lt 300 ]"
exit $fail
