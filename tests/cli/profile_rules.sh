#!/usr/bin/env bash
# The hidden --profile-rules of check and audit: one stderr row per enabled rule plus the model,
# and the report itself unchanged by it.
set -uo pipefail
W="$1"
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
fail=0
printf 'a<ref name="x" />\n== H ==\nOn 5 May 2020 and 2020-05-06.\n{{Reflist}}\n' >"$tmp/a.wiki"
printf 'Plain prose.\n' >"$tmp/b.wiki"

"$W" check -j1 --format json "$tmp/a.wiki" "$tmp/b.wiki" >"$tmp/plain.json" 2>"$tmp/plain.err"
"$W" check -j1 --format json --profile-rules "$tmp/a.wiki" "$tmp/b.wiki" >"$tmp/prof.json" 2>"$tmp/prof.err"
cmp -s "$tmp/plain.json" "$tmp/prof.json" || { echo "FAIL the report changed under --profile-rules"; fail=1; }
grep -q 'cpu time' "$tmp/plain.err" && { echo "FAIL timings printed without --profile-rules"; fail=1; }
grep -q 'cpu time per stage, 2 files' "$tmp/prof.err" || { echo "FAIL no header with the file count"; cat "$tmp/prof.err"; fail=1; }
rows=$(grep -cE '^ +[0-9.]+ ms +[0-9.]+%  [a-z]' "$tmp/prof.err" || true)
# Every rule, plus "total".
[ "$rows" -ge 40 ] || { echo "FAIL only $rows rule rows"; cat "$tmp/prof.err"; fail=1; }
for want in '(parse and model)' 'ref-undefined' 'date-format' 'total'; do
  grep -qF "  $want" "$tmp/prof.err" || { echo "FAIL no row for $want"; fail=1; }
done
# --select: only the selected rule and the model are timed.
"$W" check -j1 --select ref-undefined --profile-rules "$tmp/a.wiki" >/dev/null 2>"$tmp/sel.err"
grep -qF '  date-format' "$tmp/sel.err" && ! grep -qE '^ +0\.000 ms.*  date-format$' "$tmp/sel.err" &&
  { echo "FAIL an unselected rule was timed"; cat "$tmp/sel.err"; fail=1; }
# audit too.
{
  printf '<mediawiki><page><title>A</title><ns>0</ns><id>1</id><revision><id>2</id><text>'
  printf 'a&lt;ref name="x" /&gt;</text></revision></page></mediawiki>\n'
} >"$tmp/d.xml"
"$W" audit -j1 -q --profile-rules "$tmp/d.xml" >/dev/null 2>"$tmp/audit.err"
grep -q 'cpu time per stage, 1 files' "$tmp/audit.err" || { echo "FAIL audit: no timings"; cat "$tmp/audit.err"; fail=1; }
[ "$fail" = 0 ] && echo "ok   --profile-rules"
exit $fail
