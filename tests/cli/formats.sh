#!/usr/bin/env bash
# Every output format through the real binary: text, json, jsonl, github, sarif (validated
# against the official schema), --output and several formats in one run.
set -u
bin=$(cd "$(dirname "$1")" && pwd)/$(basename "$1")
seed=fixtures/seed/foreign-relations-of-mali.wiki
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
fail=0
py=/usr/bin/python3
[ -x "$py" ] || py=python3
check() { if ! eval "$2"; then echo "FAIL: $1"; fail=1; fi; }

# Exit 0 or 1 (findings) is fine; 2 is not.
run() { "$bin" "$@"; rc=$?; [ "$rc" -le 1 ] || { echo "FAIL: exit $rc for: $*"; fail=1; }; }

run check "$seed" --format text --color never >"$tmp/out.txt"
check "text ends with a summary line" "tail -n1 '$tmp/out.txt' | grep -Eq ' in 1 file\$'"

run check "$seed" --format json >"$tmp/out.json"
check "json parses and has version 1" \
  "$py -c 'import json,sys; d=json.load(open(sys.argv[1])); assert d[\"version\"]==1 and d[\"summary\"][\"files\"]==1' '$tmp/out.json'"

run check "$seed" "$seed" --format jsonl >"$tmp/out.jsonl"
check "jsonl: every line parses, last is the summary" \
  "$py -c 'import json,sys; L=[json.loads(l) for l in open(sys.argv[1])]; assert all(\"rule\" in x and \"path\" in x for x in L[:-1]); assert L[-1][\"summary\"][\"files\"]==2' '$tmp/out.jsonl'"

run check "$seed" --format github >"$tmp/out.gh"
check "github: annotations or the summary only" \
  "! grep -Evq '^(::(error|warning|notice) file=[^,]*,line=[0-9]+,col=[0-9]+,endLine=[0-9]+,endColumn=[0-9]+,title=[a-z-]+::.*|wikivet: .* in 1 file)\$' '$tmp/out.gh'"
check "github: ends with the summary" "tail -n1 '$tmp/out.gh' | grep -q '^wikivet: '"

# Several formats at once, --output for the first one.
run check "$seed" --format json --format "sarif=$tmp/out.sarif" --format text -o "$tmp/first.json" >"$tmp/rest.txt"
check "--output took the first format" "$py -c 'import json,sys; json.load(open(sys.argv[1]))' '$tmp/first.json'"
check "text went to standard output" "tail -n1 '$tmp/rest.txt' | grep -q ' in 1 file'"
"$py" tests/tools/validate_sarif.py tests/data/sarif-schema-2.1.0.json "$tmp/out.sarif"
rc=$?
if [ "$rc" = 77 ]; then echo "SKIP: SARIF schema validation (python3-jsonschema missing)";
elif [ "$rc" != 0 ]; then echo "FAIL: SARIF of the seed is not valid"; fail=1; fi
check "sarif uri relative to the working directory" \
  "$py -c 'import json,sys; r=json.load(open(sys.argv[1]))[\"runs\"][0]; assert all(a[\"location\"][\"uri\"]==\"$seed\" for a in r[\"artifacts\"]), r[\"artifacts\"]' '$tmp/out.sarif'"

# --srcroot: URIs relative to it.
run check "$seed" --format sarif --srcroot fixtures >"$tmp/root.sarif"
check "--srcroot" \
  "$py -c 'import json,sys; r=json.load(open(sys.argv[1]))[\"runs\"][0]; assert all(a[\"location\"][\"uri\"]==\"seed/foreign-relations-of-mali.wiki\" for a in r[\"artifacts\"])' '$tmp/root.sarif'"

# Unknown format and unwritable output: exit 2.
"$bin" check "$seed" --format xml >/dev/null 2>"$tmp/err"; rc=$?
check "unknown format exits 2" "[ $rc = 2 ] && grep -q 'unknown format' '$tmp/err'"
"$bin" check "$seed" --format "sarif=$tmp/no/such/dir/x.sarif" >/dev/null 2>&1; rc=$?
check "unwritable output exits 2" "[ $rc = 2 ]"
exit $fail
