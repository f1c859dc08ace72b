#!/usr/bin/env bash
# `wikivet audit` configured as `check` is: --select/--ignore validated with "did you mean",
# the nearest wikivet.toml above the working directory, --config FILE, --no-config, rule
# options, severities, and [[overrides]] chosen by page title (RE2); broken configs exit 2
# before anything is written.
set -u
bin=$(cd "$(dirname "$1")" && pwd)/$(basename "$1")
PY=/usr/bin/python3
[ -x "$PY" ] || PY=python3
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
fail=0
check() { if ! eval "$2"; then echo "FAIL: $1"; fail=1; fi; }
# "title rule" for each finding of a JSON Lines audit, one a line.
pairs() { "$PY" -c 'import json,sys
for l in sys.stdin:
    p = json.loads(l)
    for f in p.get("findings", []): print(p["title"], f["rule"], f["severity"])'; }

# Three pages: a table whose broken numbering only a `headers` option recognises, and two
# pages invoking a reference that is never defined.
mkdir -p "$tmp/proj/sub"
"$PY" - "$tmp/proj/d.xml" <<'EOF'
import html, sys
table = """{| class="wikitable"
! Pos !! Country
|-
| 1 || Angola
|-
| 2 || Chile
|-
| 2 || Peru
|-
| 4 || Mali
|-
| 5 || Togo
|}
"""
pages = [("Alpha", table), ("Draft:Beta", 'x<ref name="a"/>\n'), ("Gamma", 'Text.<ref name="a"/>\n')]
out = ['<mediawiki xmlns="http://www.mediawiki.org/xml/export-0.11/">']
for i, (t, x) in enumerate(pages):
    out.append(f'<page><title>{html.escape(t)}</title><ns>0</ns><id>{i + 1}</id><revision>'
               f'<id>{i + 10}</id><text xml:space="preserve">{html.escape(x)}</text></revision></page>')
out.append('</mediawiki>')
open(sys.argv[1], 'w').write('\n'.join(out) + '\n')
EOF
dump="$tmp/proj/d.xml"
audit() { "$bin" audit -q --fail-on never "$@"; }

# --select / --ignore: misspelt names exit 2 with the words `check` uses, nothing written.
for opt in select ignore; do
  "$bin" audit -q --$opt tabel-sequence "$dump" >"$tmp/out" 2>"$tmp/err"; rc=$?
  check "--$opt misspelt: exit 2" "[ $rc = 2 ]"
  check "--$opt misspelt: did you mean" "grep -qF \"wikivet audit: unknown rule or category 'tabel-sequence' (did you mean 'table-sequence'?)\" '$tmp/err'"
  check "--$opt misspelt: nothing on standard output" "[ ! -s '$tmp/out' ]"
  (cd "$tmp" && "$bin" check --$opt tabel-sequence "$dump" >/dev/null 2>"$tmp/check-err")
  check "--$opt: same message as check" "[ \"\$(sed 's/^wikivet check: //' '$tmp/check-err')\" = \"\$(sed 's/^wikivet audit: //' '$tmp/err')\" ]"
done
(cd "$tmp" && audit --no-config --select ref-undefined,tables "$dump") | pairs >"$tmp/p"
check "comma list in --select" "[ \"\$(cut -d' ' -f2 '$tmp/p' | sort -u | tr '\n' ' ')\" = 'ref-undefined ' ]"

# No config file anywhere above: every rule at its defaults.
(cd "$tmp" && audit --no-config "$dump") | pairs >"$tmp/defaults"
check "defaults: ref-undefined on both pages" "[ \$(grep -c ' ref-undefined error' '$tmp/defaults') = 2 ]"
check "defaults: no table-sequence (Pos is not a sequence header)" "! grep -q table-sequence '$tmp/defaults'"

# The nearest wikivet.toml above the working directory: rule options, severities, overrides by
# title.
cat >"$tmp/proj/wikivet.toml" <<'EOF'
ignore = ["ref-no-list"]
[severity]
ref-undefined = "warning"
[rules.table-sequence]
headers = ["Pos"]
[[overrides]]
titles = ["^Draft:"]
ignore = ["ref-undefined"]
EOF
(cd "$tmp/proj/sub" && audit "$dump") | pairs >"$tmp/p"
check "config found above the working directory: ignore" "! grep -q ref-no-list '$tmp/p'"
check "config: rule options reach the rules" "grep -q '^Alpha table-sequence' '$tmp/p'"
check "config: severity" "grep -qx 'Gamma ref-undefined warning' '$tmp/p'"
check "override by title applies to the matching page" "! grep -q '^Draft:Beta ref-undefined' '$tmp/p'"
check "override by title leaves the others" "grep -q '^Gamma ref-undefined' '$tmp/p'"
(cd "$tmp/proj/sub" && audit -j2 "$dump") | pairs >"$tmp/p2"
check "same with two workers" "cmp -s '$tmp/p' '$tmp/p2'"
(cd "$tmp/proj/sub" && audit --no-config "$dump") | pairs >"$tmp/p"
check "--no-config: the defaults" "cmp -s '$tmp/p' '$tmp/defaults'"
(cd "$tmp/proj/sub" && audit --select ref-no-list "$dump") | pairs >"$tmp/p"
check "--select wins over the file's ignore" "[ \$(grep -c ref-no-list '$tmp/p') = 2 ]"
(cd "$tmp/proj" && "$bin" config --show --title 'Draft:Beta') >"$tmp/show"
check "config --show --title: the override applies" "grep -q 'titles = \[\"^Draft:\"\]: applied' '$tmp/show' && grep -q '^ref-undefined = \"off\"' '$tmp/show'"
(cd "$tmp/proj" && "$bin" config --show --title 'Gamma') >"$tmp/show"
check "config --show --title: not for another title" "grep -q 'not applied to this path or title' '$tmp/show' && grep -q '^ref-undefined = \"warning\"' '$tmp/show'"

# --config FILE wins over discovery.
printf 'select = ["tables"]\n' >"$tmp/only-tables.toml"
(cd "$tmp/proj/sub" && audit --config "$tmp/only-tables.toml" "$dump") | pairs >"$tmp/p"
check "--config FILE" "[ -z \"\$(grep -v ' table-' '$tmp/p')\" ]"
(cd "$tmp/proj" && "$bin" audit -q --config x.toml --no-config "$dump" >/dev/null 2>"$tmp/err"); rc=$?
check "--config with --no-config: exit 2" "[ $rc = 2 ]"
(cd "$tmp/proj" && "$bin" audit -q --config "$tmp/none.toml" "$dump" >"$tmp/out" 2>"$tmp/err"); rc=$?
check "missing --config file: exit 2, file:1:1" "[ $rc = 2 ] && grep -q 'none.toml:1:1: cannot read' '$tmp/err' && [ ! -s '$tmp/out' ]"

# Mistakes in the discovered file: exit 2 with file:line:col, nothing on standard output.
expect_error() {  # name, toml, expected stderr fragment
  mkdir -p "$tmp/bad"
  printf '%b' "$2" >"$tmp/bad/wikivet.toml"
  (cd "$tmp/bad" && "$bin" audit -q "$dump" >"$tmp/out" 2>"$tmp/err"); rc=$?
  check "$1: exit 2" "[ $rc = 2 ]"
  check "$1: message" "grep -qF -- \"$3\" '$tmp/err'"
  check "$1: nothing written to standard output" "[ ! -s '$tmp/out' ]"
}
expect_error "misspelt rule in the file" 'select = ["tabel-sequence"]\n' "wikivet.toml:1:11: unknown rule or category 'tabel-sequence' in select (did you mean 'table-sequence'?)"
expect_error "misspelt option" '[rules.table-sequence]\nheader = ["Pos"]\n' "wikivet.toml:2:1: rule 'table-sequence' has no option 'header' (did you mean 'headers'?)"
expect_error "bad title pattern" '[[overrides]]\ntitles = ["(unclosed"]\nignore = ["refs"]\n' "wikivet.toml:2:11: bad RE2 pattern '(unclosed' in titles: missing )"
expect_error "override naming neither files nor titles" '[[overrides]]\nignore = ["refs"]\n' "wikivet.toml:1:1: [[overrides]] needs files = [\\\"glob\\\", ...] or titles = [\\\"RE2 pattern\\\", ...]"
exit $fail
