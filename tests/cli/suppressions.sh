#!/usr/bin/env bash
# Inline suppressions through the binary: silenced findings leave the exit code alone, and
# --show-suppressed keeps them in SARIF with suppressions of kind inSource.
set -uo pipefail
W="$1"
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
py=/usr/bin/python3
[ -x "$py" ] || py=python3
fail=0
printf '<!-- wikivet-disable-next-line ref-undefined -->\nb<ref name=y/>\n{{Reflist}}\n' >"$tmp/s.wiki"
"$W" check "$tmp/s.wiki" >"$tmp/out" 2>&1 || { echo "FAIL: suppressed finding still fails the check"; cat "$tmp/out"; fail=1; }
"$W" check --show-suppressed --format sarif "$tmp/s.wiki" >"$tmp/out.sarif"
"$py" - "$tmp/out.sarif" <<'P' || fail=1
import json, sys
results = json.load(open(sys.argv[1]))["runs"][0]["results"]
assert [(r["ruleId"], r.get("suppressions")) for r in results] == \
    [("ref-undefined", [{"kind": "inSource"}])], results
print("ok   --show-suppressed keeps the finding with an inSource suppression")
P
"$W" check --show-suppressed --format text --color never "$tmp/s.wiki" >"$tmp/t.txt"
grep -q "(suppressed)" "$tmp/t.txt" ||
  { echo "FAIL: text output does not mark the suppressed finding"; fail=1; }
# A suppression naming a rule that does not exist is reported.
printf 'a <!-- wikivet-disable-line no-such-rule -->\n' >"$tmp/u.wiki"
"$W" check --format text --color never "$tmp/u.wiki" >"$tmp/u.txt"
grep -q "unknown rule 'no-such-rule'.*\[unused-suppression\]" "$tmp/u.txt" ||
  { echo "FAIL: misspelt suppression not reported"; fail=1; }
[ $fail = 0 ] && echo "suppression checks passed"
exit $fail
