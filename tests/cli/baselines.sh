#!/usr/bin/env bash
# Edit-aware checks through the real binary (issue 5): the France-row replay, fingerprints that
# survive unrelated edits (JSON), recorded baselines, --baseline-git, --show-baseline in SARIF,
# --diff and --fix, and the usage errors of these options.
set -u
bin=$(cd "$(dirname "$1")" && pwd)/$(basename "$1")
seed=$PWD/fixtures/seed/foreign-relations-of-mali.wiki
edit=$PWD/tests/cli/seed_edit.py
root=$PWD
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
fail=0
py=/usr/bin/python3
[ -x "$py" ] || py=python3
check() { if eval "$2"; then echo "ok   $1"; else echo "FAIL $1"; fail=1; fi; }
# json FILE EXPR: evaluates a Python expression over the parsed JSON document `d`.
json() { "$py" -c 'import json,sys; d=json.load(open(sys.argv[1])); sys.exit(0 if eval(sys.argv[2]) else 1)' "$1" "$2"; }

cp "$seed" "$tmp/seed.wiki"
"$py" "$edit" delete-bilateral-row France "$tmp/seed.wiki" "$tmp/mali.wiki" || exit 1
cd "$tmp" || exit 1

# --- The replay: an edit deletes the France row of the bilateral table -----------------------
"$bin" check --baseline seed.wiki mali.wiki --format json >replay.json
rc=$?
check "replay: exit 1 (a new error)" "[ $rc = 1 ]"
check "replay: exactly one new finding, ref-undefined ':1'" \
  "json replay.json 'len(d[\"files\"][0][\"findings\"])==1 and d[\"files\"][0][\"findings\"][0][\"rule\"]==\"ref-undefined\" and d[\"files\"][0][\"findings\"][0][\"key\"]==\":1\"'"
"$bin" check seed.wiki --format json >seed.json
check "replay: none of the seed's findings is reported" \
  "$py -c 'import json; s={f[\"fingerprint\"] for f in json.load(open(\"seed.json\"))[\"files\"][0][\"findings\"]}; r=[f[\"fingerprint\"] for f in json.load(open(\"replay.json\"))[\"files\"][0][\"findings\"]]; assert s and not (s & set(r))'"
check "replay: summary counts new / unchanged / absent" \
  "json replay.json 'd[\"summary\"][\"baseline\"][\"new\"]==1 and d[\"summary\"][\"baseline\"][\"unchanged\"]>=30 and d[\"summary\"][\"baseline\"][\"absent\"]>=0'"
"$bin" check --baseline seed.wiki mali.wiki >replay.txt
check "replay: the text summary line has the counts" \
  "tail -n1 replay.txt | grep -Eq 'against the baseline: 1 new, [0-9]+ unchanged, [0-9]+ fixed\$'"

cp mali.wiki before-fix.wiki
"$bin" check --baseline seed.wiki mali.wiki --diff >fix.diff 2>diff.err
check "--diff writes nothing" "cmp -s mali.wiki before-fix.wiki"
check "--diff shows the definition moving into the list" "grep -q '^+|{{dts|20 August 1960}}<ref name=\":1\">{{Cite web' fix.diff"
"$bin" check --baseline seed.wiki mali.wiki --fix >fix.txt 2>fix.err
rc=$?
check "--fix: exit 0 after the fix" "[ $rc = 0 ]"
check "--fix: says what it did" "grep -q 'mali.wiki: applied 1 fix' fix.err"
# The definition as the seed has it, now in row 1 of the list (the row numbered 1, France).
"$py" - <<'PY' || { echo "FAIL --fix: row 1 of the list does not hold the seed's definition"; fail=1; }
import re
seed = open("seed.wiki", encoding="utf-8").read()
fixed = open("mali.wiki", encoding="utf-8").read()
definition = re.search(r'<ref name=":1">.*?</ref>', seed).group(0)
rows = fixed.split("\n|-\n")
row1 = next(r for r in rows if r.startswith("|1\n"))
assert "{{Flag|France}}" in row1 and definition in row1, row1[:200]
assert fixed.count(definition) == 1
PY
echo "ok   --fix: row 1 of the list holds the seed's definition"
"$bin" check mali.wiki --format json >recheck.json
check "re-check: no ref-undefined" "json recheck.json 'not any(f[\"rule\"]==\"ref-undefined\" for f in d[\"files\"][0][\"findings\"])'"
cp mali.wiki after-fix.wiki
"$bin" check --baseline seed.wiki mali.wiki --fix >/dev/null 2>&1
check "a second --fix changes nothing" "cmp -s mali.wiki after-fix.wiki"
cp before-fix.wiki patched.wiki && sed 's#a/mali.wiki#a/patched.wiki#; s#b/mali.wiki#b/patched.wiki#' fix.diff | patch -s -p1
check "the --diff patch gives what --fix wrote" "cmp -s patched.wiki after-fix.wiki"

# --- Fingerprints survive unrelated edits (JSON) ---------------------------------------------
survives() {  # survives NAME EDIT...: every seed fingerprint is still there, nothing new
  local name=$1; shift
  "$py" "$edit" "$@" seed.wiki "$name.wiki" || { echo "FAIL $name: edit"; fail=1; return; }
  "$bin" check "$name.wiki" --format json >"$name.json"
  check "$name: every seed fingerprint survives" \
    "$py -c 'import json; s={f[\"fingerprint\"] for f in json.load(open(\"seed.json\"))[\"files\"][0][\"findings\"]}; n={f[\"fingerprint\"] for f in json.load(open(\"$name.json\"))[\"files\"][0][\"findings\"]}; assert s <= n, s - n'"
  "$bin" check --baseline seed.wiki "$name.wiki" --format json >"$name.base.json"
  check "$name: no new finding against the seed" "json $name.base.json 'd[\"summary\"][\"baseline\"][\"new\"]==0 and d[\"summary\"][\"baseline\"][\"absent\"]==0'"
}
survives row-inserted-above insert-row-above
survives sections-reordered swap-sections "Diplomatic relations" "Bilateral relations"
survives citation-added-in-row cite-in-row Ukraine
check "sections-reordered: the findings really moved" \
  "! $py -c 'import json,sys; a=[f[\"line\"] for f in json.load(open(\"seed.json\"))[\"files\"][0][\"findings\"]]; b=[f[\"line\"] for f in json.load(open(\"sections-reordered.json\"))[\"files\"][0][\"findings\"]]; sys.exit(0 if sorted(a)==sorted(b) else 1)'"

# --- Recorded baselines ----------------------------------------------------------------------
mkdir -p repo/articles && cp seed.wiki repo/articles/mali.wiki
(cd repo && "$bin" check --write-baseline wikivet-baseline.json articles/mali.wiki 2>wb.err)
rc=$?
check "--write-baseline: exit 0" "[ $rc = 0 ]"
check "--write-baseline: says how many" "grep -Eq 'recorded [0-9]+ findings of 1 files' repo/wb.err"
check "--write-baseline: documented shape" \
  "json repo/wikivet-baseline.json 'd[\"wikivet_baseline\"]==1 and d[\"files\"][0][\"path\"]==\"articles/mali.wiki\" and all(set(f)>={\"rule\",\"key\",\"fingerprint\"} for f in d[\"files\"][0][\"findings\"])'"
(cd repo/articles && "$bin" check --baseline ../wikivet-baseline.json mali.wiki >../rb.txt)
rc=$?
check "--baseline FILE (recorded) from another folder: old findings hidden, exit 0" "[ $rc = 0 ] && tail -n1 repo/rb.txt | grep -q '0 new'"
cp before-fix.wiki repo/articles/mali.wiki
(cd repo && "$bin" check --baseline wikivet-baseline.json articles/mali.wiki --format json >rb.json)
check "--baseline FILE (recorded): the France deletion is the one new finding" \
  "json repo/rb.json 'len(d[\"files\"][0][\"findings\"])==1 and d[\"files\"][0][\"findings\"][0][\"key\"]==\":1\"'"

# --- --baseline-git ---------------------------------------------------------------------------
export GIT_AUTHOR_NAME=t GIT_AUTHOR_EMAIL=t@example.org GIT_COMMITTER_NAME=t GIT_COMMITTER_EMAIL=t@example.org
mkdir g && cd g && git init -q . && mkdir articles && cp ../seed.wiki articles/mali.wiki \
  && git add . && git commit -qm seed && cp ../before-fix.wiki articles/mali.wiki \
  && printf 'New page.<ref name="n" />\n{{Reflist}}\n' >articles/new.wiki
"$bin" check --baseline-git HEAD articles/mali.wiki articles/new.wiki --format json >../git.json
(cd articles && "$bin" check --baseline-git HEAD mali.wiki --format json >../../git-sub.json)
cd "$tmp"
check "--baseline-git HEAD: the deletion's finding, and the new file's (empty baseline)" \
  "json git.json '[(f[\"key\"]) for x in d[\"files\"] for f in x[\"findings\"]]==[\":1\",\"n\"]'"
check "--baseline-git from a subfolder" "json git-sub.json 'len(d[\"files\"][0][\"findings\"])==1'"
"$bin" check --baseline-git no-such-rev g/articles/mali.wiki >/dev/null 2>git.err
rc=$?
check "--baseline-git with an unknown revision: exit 2, one line" "[ $rc = 2 ] && grep -q 'unknown revision' git.err"

# --- SARIF with --show-baseline ---------------------------------------------------------------
# The France row holds an ISO date in a {{Cite web}}: reported when citation dates are asked for,
# so the deleted row leaves an absent finding.
printf '[rules.date-format]\ncitation-dates = "yes"\n' >cite-dates.toml
"$bin" check --config cite-dates.toml --baseline seed.wiki before-fix.wiki --show-baseline \
  --format sarif >b.sarif
check "SARIF: baselineState new, unchanged and absent" \
  "json b.sarif 'sorted({r[\"baselineState\"] for r in d[\"runs\"][0][\"results\"]})==[\"absent\",\"new\",\"unchanged\"]'"
check "SARIF: one new result" "json b.sarif 'sum(r[\"baselineState\"]==\"new\" for r in d[\"runs\"][0][\"results\"])==1'"
"$py" "$root/tests/tools/validate_sarif.py" "$root/tests/data/sarif-schema-2.1.0.json" b.sarif >sarif.err 2>&1
rc=$?
if [ "$rc" = 77 ]; then echo "SKIP SARIF schema validation"; else check "SARIF with baselineState is schema-valid" "[ $rc = 0 ]"; fi
"$bin" check --baseline seed.wiki before-fix.wiki --show-baseline --format json >show.json
check "JSON --show-baseline: states and the absent list" \
  "json show.json 'len(d[\"files\"][0][\"absent\"])==d[\"summary\"][\"baseline\"][\"absent\"] and {f[\"baseline_state\"] for f in d[\"files\"][0][\"findings\"]}=={\"new\",\"unchanged\"}'"

# --- Usage errors -----------------------------------------------------------------------------
usage() { "$bin" check "$@" >/dev/null 2>&1; [ $? = 2 ]; }
check "--fix with --diff is a usage error" "usage --fix --diff mali.wiki"
check "--fix-only without --fix" "usage --fix-only date-format mali.wiki"
check "--fix-only an unknown rule" "usage --fix --fix-only no-such-rule mali.wiki"
check "--fix-only a rule without fix" "usage --fix --fix-only date-unknown mali.wiki"
check "--baseline ARTICLE with two inputs" "usage --baseline seed.wiki mali.wiki seed.wiki"
check "--baseline and --baseline-git" "usage --baseline seed.wiki --baseline-git HEAD mali.wiki"
# Issue 9 row 12: baselines that mislead are errors, never a silent "everything new" or "fixed".
check "--baseline-git '' (git would read the index)" "usage --baseline-git '' mali.wiki"
check "--baseline-git -x (an option to git)" "usage --baseline-git --output=x mali.wiki"
"$bin" check --write-baseline whole.json seed.wiki >/dev/null 2>&1
head -c "$(($(wc -c <whole.json) / 2))" whole.json >half.json
"$bin" check --baseline half.json seed.wiki >half.out 2>half.err
rc=$?
check "a baseline cut in half: exit 2, says it is not valid JSON, reports nothing as new" \
  "[ $rc = 2 ] && grep -q \"baseline file 'half.json': not valid JSON\" half.err && ! grep -q new half.out"
"$py" -c 'import json,sys; d=json.load(open("whole.json")); d["files"][0]["findings"][2]["key"]=124; json.dump(d,open("typed.json","w"))'
"$bin" check --baseline typed.json seed.wiki >/dev/null 2>typed.err
rc=$?
check "a baseline entry with a number for its key: exit 2, the entry named" \
  "[ $rc = 2 ] && grep -q 'files\[0\].findings\[2\]: \"key\" must be a string' typed.err"
exit $fail
