#!/usr/bin/env bash
# Inline suppressions through the binary: silenced findings leave the exit code alone, and
# --show-suppressed keeps them in SARIF with suppressions of kind inSource; disable-file covers
# the whole file; a misspelt rule or directive is reported.
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
# wikivet-disable-file: one comment, anywhere (here the last line), silences a rule in the
# whole file; the other rules still report.
seed=fixtures/seed/foreign-relations-of-mali.wiki
n_seq=$("$W" check --format jsonl --select table-sequence "$seed" | grep -c "\"rule\":")
n_all=$("$W" check --format jsonl "$seed" | grep -c "\"rule\":")
{ cat "$seed"; printf '\n<!-- wikivet-disable-file table-sequence -->\n'; } >"$tmp/f.wiki"
"$W" check --format jsonl "$tmp/f.wiki" >"$tmp/f.jsonl"
if [ "$n_seq" -gt 0 ] && ! grep -q '"table-sequence"' "$tmp/f.jsonl" &&
  [ "$(grep -c "\"rule\":" "$tmp/f.jsonl")" = $((n_all - n_seq)) ]; then
  echo "ok   wikivet-disable-file silences the $n_seq table-sequence findings, keeps the other $((n_all - n_seq))"
else
  echo "FAIL wikivet-disable-file: $(wc -l <"$tmp/f.jsonl") findings left of $n_all ($n_seq table-sequence)"; fail=1
fi
"$W" check --show-suppressed --format sarif "$tmp/f.wiki" >"$tmp/f.sarif"
"$py" - "$tmp/f.sarif" "$n_seq" <<'P' || fail=1
import json, sys
res = json.load(open(sys.argv[1]))["runs"][0]["results"]
sup = [r for r in res if r.get("suppressions")]
assert len(sup) == int(sys.argv[2]) and {r["ruleId"] for r in sup} == {"table-sequence"}, sup[:2]
print("ok   --show-suppressed: the file-wide suppression marks them inSource")
P
printf 'fine\n<!-- wikivet-disable-file ref-undefined -->\n' >"$tmp/fu.wiki"
"$W" check --format text --color never "$tmp/fu.wiki" >"$tmp/fu.txt"
grep -q "2:1: warning: suppression silences nothing \[unused-suppression\]" "$tmp/fu.txt" &&
  echo "ok   a wikivet-disable-file that silences nothing is reported" ||
  { echo "FAIL unused wikivet-disable-file not reported"; cat "$tmp/fu.txt"; fail=1; }
# A misspelt directive is reported (with a guess), and silences nothing.
printf 'a<ref name=x/> <!-- wikivet-disabel ref-undefined -->\n<!-- wikivet-enable-nextline -->\nb<ref name=y/>\n{{Reflist}}\n' >"$tmp/d.wiki"
"$W" check --format text --color never "$tmp/d.wiki" >"$tmp/d.txt"; rc=$?
if [ $rc = 1 ] &&
  grep -q "1:16: warning: unknown directive 'wikivet-disabel' (did you mean 'wikivet-disable'?) \[unused-suppression\]" "$tmp/d.txt" &&
  grep -q "2:1: warning: unknown directive 'wikivet-enable-nextline' (did you mean 'wikivet-disable-next-line'?)" "$tmp/d.txt" &&
  [ "$(grep -c '\[ref-undefined\]' "$tmp/d.txt")" = 2 ]; then
  echo "ok   misspelt directives are reported, with the closest directive, and silence nothing"
else
  echo "FAIL misspelt directives"; cat "$tmp/d.txt"; fail=1
fi
# Prose that mentions wikivet is not a directive.
printf 'a<ref name=x/> <!-- see wikivet-disable in the docs -->\n{{Reflist}}\n' >"$tmp/p.wiki"
"$W" check --format text --color never "$tmp/p.wiki" >"$tmp/p.txt"
! grep -q "unused-suppression" "$tmp/p.txt" && echo "ok   a comment mentioning a directive is not one" ||
  { echo "FAIL prose taken for a directive"; cat "$tmp/p.txt"; fail=1; }
[ $fail = 0 ] && echo "suppression checks passed"
exit $fail
