#!/usr/bin/env bash
# The command-line conventions users bring from ruff, ESLint and markdownlint (issue 13), each
# through the CLI: directories, .gitignore and exclude, globs, -j, --stdin-filename, NO_COLOR,
# comma lists, --help/--version on subcommands, -o, --statistics, fixable marks, fatal errors,
# SARIF's invocation and rule descriptions, config inheritance.
set -uo pipefail
bin=$(cd "$(dirname "$1")" && pwd)/$(basename "$1")
root=$PWD
seed=$root/fixtures/seed/foreign-relations-of-mali.wiki
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
fail=0
check() { if eval "$2"; then echo "ok   $1"; else echo "FAIL $1"; fail=1; fi; }
export GIT_CONFIG_NOSYSTEM=1 HOME=$tmp/home GIT_AUTHOR_NAME=t GIT_AUTHOR_EMAIL=t@example.org
export GIT_COMMITTER_NAME=t GIT_COMMITTER_EMAIL=t@example.org
mkdir -p "$HOME"
unset NO_COLOR
broken='x<ref name="q" />
{{Reflist}}'

# A project: a repository with articles, an ignored folder, drafts excluded by the config.
p=$tmp/proj
mkdir -p "$p/articles/europe" "$p/build" "$p/drafts" "$p/notes"
cd "$p" && git init -q .
cp "$seed" articles/mali.wiki
printf '%s\n' "$broken" >articles/europe/broken.wiki
printf '%s\n' "$broken" >build/generated.wiki
printf '%s\n' "$broken" >drafts/draft.wiki
printf '%s\n' "$broken" >notes/page.mediawiki
printf '%s\n' "$broken" >articles/readme.txt
printf 'build/\n' >.gitignore
printf 'extend-exclude = ["drafts"]\n' >wikivet.toml

# --- paths ---------------------------------------------------------------------------------
"$bin" check --format json . >"$tmp/walk.json"
check "check DIR: exit 1 on findings" "[ $? = 1 ]"
files() { python3 -c 'import json,sys; print(" ".join(f["path"] for f in json.load(open(sys.argv[1]))["files"]))' "$1"; }
check "check DIR walks *.wiki, sorted, skipping .gitignore'd and extend-exclude'd folders" \
  "[ \"\$(files '$tmp/walk.json')\" = 'articles/europe/broken.wiki articles/mali.wiki' ]"
"$bin" check --format json --extension wiki,mediawiki . >"$tmp/ext.json"
check "--extension wiki,mediawiki adds the .mediawiki page" \
  "[ \"\$(files '$tmp/ext.json')\" = 'articles/europe/broken.wiki articles/mali.wiki notes/page.mediawiki' ]"
printf 'extensions = ["mediawiki"]\nexclude = []\n' >notes/wikivet.toml
"$bin" check --format json . >"$tmp/ext2.json"
check "a folder's config file sets its extensions" \
  "[ \"\$(files '$tmp/ext2.json')\" = 'articles/europe/broken.wiki articles/mali.wiki notes/page.mediawiki' ]"
rm notes/wikivet.toml
printf 'exclude = ["europe"]\n' >articles/wikivet.toml
"$bin" check --format json . >"$tmp/excl.json"
check "exclude in a folder's config file skips what it names there" \
  "[ \"\$(files '$tmp/excl.json')\" = 'articles/mali.wiki' ]"
rm articles/wikivet.toml
"$bin" check --format json 'articles/**/*.wiki' >"$tmp/glob.json"
check "a quoted glob is expanded by wikivet ('articles/**/*.wiki')" \
  "[ \"\$(files '$tmp/glob.json')\" = 'articles/europe/broken.wiki articles/mali.wiki' ]"
"$bin" check --format json 'articles/*.wiki' >"$tmp/glob1.json"
check "a glob without ** stays in its folder ('articles/*.wiki')" \
  "[ \"\$(files '$tmp/glob1.json')\" = 'articles/mali.wiki' ]"
"$bin" check 'nothing/*.wiki' >"$tmp/nomatch.out" 2>"$tmp/nomatch.err"
check "a glob that matches nothing: exit 2, one line, no 'no findings' summary" \
  "[ $? = 2 ] && grep -q \"no file matches 'nothing/\\*.wiki'\" '$tmp/nomatch.err' && [ ! -s '$tmp/nomatch.out' ]"
"$bin" check articles/europe/broken.wiki drafts/draft.wiki --format json >"$tmp/explicit.json"
check "a file named on the command line is checked even where a walk would skip it" \
  "[ \"\$(files '$tmp/explicit.json')\" = 'articles/europe/broken.wiki drafts/draft.wiki' ]"

# -j: the same report, in input order, whatever the number of workers.
for i in 1 2 3 4 5 6; do cp "$seed" "$tmp/seed$i.wiki"; printf '%s\n' "$broken" >"$tmp/b$i.wiki"; done
inputs=$(for i in 1 2 3 4 5 6; do printf '%s ' "$tmp/seed$i.wiki" "$tmp/b$i.wiki"; done)
"$bin" check -j1 --format json $inputs >"$tmp/j1.json"
"$bin" check -j4 --format json $inputs >"$tmp/j4.json"
"$bin" check --format json $inputs >"$tmp/jdefault.json"
check "check -j4 writes what -j1 writes, in input order" "cmp -s '$tmp/j1.json' '$tmp/j4.json' && cmp -s '$tmp/j1.json' '$tmp/jdefault.json'"
# Files and options in any order: an option's value is never a file, `--` ends the options, and
# thousands of files cost linear time (boost's own positional parsing is quadratic).
cp "$tmp/b1.wiki" "$tmp/-dash.wiki"
"$bin" check "$tmp/b1.wiki" --format json "$tmp/b2.wiki" -j 2 "$tmp/b3.wiki" -- "$tmp/-dash.wiki" >"$tmp/mixed.json"
check "files between options keep their order; after -- a file may start with '-'" \
  "[ \"\$(files '$tmp/mixed.json' | tr ' ' '\\n' | xargs -n1 basename | tr '\\n' ' ')\" = 'b1.wiki b2.wiki b3.wiki -dash.wiki ' ]"
# Time grows with the number of arguments, not with its square: ten times the files in at most
# 18 times the time (linear gave 11x, the quadratic parser 30x: 0.45 s for 8,000, 13.5 s for
# 80,000). Missing files keep the work per argument small (each is one "cannot read" line).
ms_for() {
  local args start
  args=$(for _ in $(seq 1 "$1"); do printf 'nope.wiki '; done)
  start=$(date +%s%N)
  (cd "$tmp" && "$bin" check $args >/dev/null 2>&1)
  echo $((($(date +%s%N) - start) / 1000000 + 1))
}
small=$(ms_for 8000)
big=$(ms_for 80000)
check "80,000 file arguments take at most 18x the time of 8,000 (${big} ms vs ${small} ms)" \
  "[ $big -le $((small * 18 + 300)) ]"
"$bin" check -j 0 "$tmp/b1.wiki" >/dev/null 2>"$tmp/j0.err"
check "-j 0 is a usage error" "[ $? = 2 ] && grep -q 'at least 1' '$tmp/j0.err'"

# --stdin-filename: the config (and its overrides) of that path, and that path in the report.
printf '[[overrides]]\nfiles = ["articles/europe/*.wiki"]\nignore = ["ref-undefined"]\n' >wikivet.toml
printf '%s\n' "$broken" | "$bin" check --stdin-filename articles/europe/new.wiki - >"$tmp/stdin.out"
check "--stdin-filename: the path's override applies (ref-undefined ignored there)" "[ $? = 0 ] && ! grep -q ref-undefined '$tmp/stdin.out'"
printf '%s\n' "$broken" | "$bin" check --stdin-filename articles/new.wiki - >"$tmp/stdin2.out"
check "--stdin-filename: findings are reported under that path" "grep -q '^articles/new.wiki:1:2: ' '$tmp/stdin2.out'"
check "--stdin-filename without - is a usage error" "! '$bin' check --stdin-filename x.wiki articles/mali.wiki 2>/dev/null"
printf 'extend-exclude = ["drafts"]\n' >wikivet.toml
cd "$tmp"

# --- conventions ---------------------------------------------------------------------------
colour_of() { script -qec "$*" /dev/null | grep -c $'\e\\[' ; }
if command -v script >/dev/null; then
  check "colour on a terminal by default" "[ \$(colour_of '$bin' check '$tmp/b1.wiki') -gt 0 ]"
  check "NO_COLOR=1 turns it off" "[ \$(NO_COLOR=1 colour_of '$bin' check '$tmp/b1.wiki') = 0 ]"
  check "--color always wins over NO_COLOR" "[ \$(NO_COLOR=1 colour_of '$bin' check --color always '$tmp/b1.wiki') -gt 0 ]"
else
  echo "SKIP NO_COLOR (no script(1) to fake a terminal)"
fi
"$bin" check -o "$tmp/o.json" --format sarif="$tmp/s.sarif" --format json="$tmp/j.json" "$tmp/b1.wiki" 2>"$tmp/o.err"
check "-o FILE when every format names its own file: exit 2 and why" "[ $? = 2 ] && grep -q 'names its own file' '$tmp/o.err' && [ ! -e '$tmp/o.json' ]"
"$bin" check -o "$tmp/o.json" --format sarif="$tmp/s.sarif" --format json "$tmp/b1.wiki" >/dev/null
check "-o FILE goes to the format that names none" "python3 -c 'import json; json.load(open(\"$tmp/o.json\"))[\"files\"]' && [ -s '$tmp/s.sarif' ]"
"$bin" check --select date-unknown,table-sequence --format json "$seed" >"$tmp/comma.json"
"$bin" check --select date-unknown --select table-sequence --format json "$seed" >"$tmp/repeat.json"
check "--select a,b is --select a --select b" \
  "cmp -s '$tmp/comma.json' '$tmp/repeat.json' && grep -q '\"date-unknown\"' '$tmp/comma.json' && grep -q '\"table-sequence\"' '$tmp/comma.json'"
"$bin" check --ignore dates,tables --format json "$seed" "$tmp/b1.wiki" >"$tmp/ign.json"
check "--ignore takes a comma list" "! grep -q '\"date-' '$tmp/ign.json' && ! grep -q '\"table-' '$tmp/ign.json' && grep -q '\"ref-' '$tmp/ign.json'"
check "--select with an unknown id in a comma list: exit 2" "! '$bin' check --select ref-undefined,nope '$seed' 2>/dev/null; [ \$? = 0 ]"
for c in explain rules parse check audit config; do
  check "wikivet $c --help: exit 0 with a usage line" "'$bin' $c --help | head -1 | grep -q 'wikivet $c'"
  check "wikivet $c --version" "[ \"\$('$bin' $c --version)\" = \"\$('$bin' --version)\" ]"
done

# --statistics and fixable marks.
"$bin" check --statistics "$seed" "$tmp/b1.wiki" >"$tmp/stats.out"
check "--statistics: exit 1 as a check" "[ $? = 1 ]"
check "--statistics: a count per rule, most first, [?] for unsafe fixes only" \
  "grep -Eq '^ +2  table-sequence +\\[\\?\\] ' '$tmp/stats.out' && grep -Eq '^ +1  ref-undefined +[A-Z]' '$tmp/stats.out' && [ \"\$(head -1 '$tmp/stats.out' | awk '{print \$1}')\" -ge \"\$(sed -n 2p '$tmp/stats.out' | awk '{print \$1}')\" ]"
"$bin" check --format json "$seed" "$tmp/b1.wiki" >"$tmp/seed.json"
total=$(python3 -c "import json; print(json.load(open('$tmp/seed.json'))['summary']['findings'])")
check "--statistics: the total is the check's ($total)" "grep -qx 'total: $total findings' '$tmp/stats.out'"
check "--statistics with a report on standard output: exit 2" "! '$bin' check --statistics --format json '$seed' >/dev/null 2>&1; [ \$? = 0 ]"
"$bin" check --color never "$seed" >"$tmp/seed.txt"
check "text marks safe fixes with [*], unsafe ones with [?]" "grep -q '\\[date-format\\] \\[\\*\\]\$' '$tmp/seed.txt' && grep -q '\\[table-sequence\\] \\[?\\]\$' '$tmp/seed.txt' && grep -q '\\[ref-missing\\]\$' '$tmp/seed.txt'"
fixable=$(grep -c '\] \[\*\]$' "$tmp/seed.txt")
unsafe=$(grep -c '\] \[?\]$' "$tmp/seed.txt")
check "the summary counts the $fixable safe and $unsafe unsafe fixes, then the summary line stays last" \
  "grep -q '^\\[\\*\\] $fixable findings have a fix' '$tmp/seed.txt' && grep -q '^\\[?\\] $unsafe finding has an unsafe fix: add \`--unsafe-fixes\`' '$tmp/seed.txt' && tail -1 '$tmp/seed.txt' | grep -q ' in 1 file\$'"
"$bin" check --color never --unsafe-fixes --diff "$seed" >/dev/null 2>&1
"$bin" check --color never --unsafe-fixes "$seed" >"$tmp/seed-unsafe.txt"
check "--unsafe-fixes: unsafe fixes are marked [*] and counted with the others" \
  "grep -q '\\[table-sequence\\] \\[\\*\\]\$' '$tmp/seed-unsafe.txt' && grep -q '^\\[\\*\\] $((fixable + unsafe)) findings have a fix' '$tmp/seed-unsafe.txt' && ! grep -q '^\\[?\\]' '$tmp/seed-unsafe.txt'"
cp "$seed" "$tmp/tofix.wiki"
"$bin" check --fix "$tmp/tofix.wiki" >/dev/null 2>"$tmp/fix.err"
check "--fix says how many fixes it applied in how many files, and how many unsafe ones it withheld" \
  "grep -Eq '^wikivet: applied $fixable fixes in 1 file; 1 unsafe fix withheld \\(--unsafe-fixes applies it\\)\$' '$tmp/fix.err'"
check "--fix: the renumbering was withheld (124 still twice)" "[ \$(grep -c '^|124' '$tmp/tofix.wiki') = 2 ]"
"$bin" check --fix --unsafe-fixes "$tmp/tofix.wiki" >/dev/null 2>"$tmp/fix2.err"
check "--fix --unsafe-fixes applies the renumbering" \
  "grep -q '^wikivet: applied 1 fix in 1 file\$' '$tmp/fix2.err' && [ \$(grep -c '^|124' '$tmp/tofix.wiki') = 1 ] && grep -q '^|125' '$tmp/tofix.wiki'"

# --- fatal errors are not "no findings" ----------------------------------------------------
"$bin" check "$tmp/nope.wiki" >"$tmp/fatal.out" 2>"$tmp/fatal.err"
check "an unreadable only input: exit 2, the error, no summary" \
  "[ $? = 2 ] && grep -q nope.wiki '$tmp/fatal.err' && ! grep -q 'no findings' '$tmp/fatal.out'"
mkdir -p "$tmp/norepo" && cp "$tmp/b1.wiki" "$tmp/norepo/"
"$bin" check --baseline-git HEAD "$tmp/norepo/b1.wiki" >"$tmp/git.out" 2>"$tmp/git.err"
check "--baseline-git outside a repository: exit 2, the error, no summary" \
  "[ $? = 2 ] && grep -q 'not in a git repository' '$tmp/git.err' && ! grep -q 'no findings' '$tmp/git.out'"
"$bin" check "$tmp/b1.wiki" "$tmp/nope.wiki" --color never >"$tmp/mixed.out" 2>/dev/null
check "with one good input the summary says one input was not checked" \
  "tail -1 '$tmp/mixed.out' | grep -q 'in 1 file (1 input not checked'"
"$bin" check --format sarif "$tmp/nope.wiki" >"$tmp/fatal.sarif" 2>/dev/null
"$bin" check --format sarif "$tmp/b1.wiki" >"$tmp/ok.sarif"
sarif() { python3 -c "import json,sys; d=json.load(open(sys.argv[1])); r=d['runs'][0]; sys.exit(0 if ($2) else 1)" "$1"; }
check "SARIF: executionSuccessful false, with a notification naming the input" \
  "sarif '$tmp/fatal.sarif' \"not r['invocations'][0]['executionSuccessful'] and 'nope.wiki' in r['invocations'][0]['toolExecutionNotifications'][0]['message']['text']\""
python3 "$root/tests/tools/validate_sarif.py" "$root/tests/data/sarif-schema-2.1.0.json" "$tmp/fatal.sarif" "$tmp/ok.sarif" >"$tmp/schema.out" 2>&1
rc=$?
check "SARIF with the notification, and with helpUri, is valid against the schema" "[ $rc = 0 ] || [ $rc = 77 ]"
check "SARIF: executionSuccessful true when every input was checked" \
  "sarif '$tmp/ok.sarif' \"r['invocations'][0]['executionSuccessful']\""
check "SARIF: rule descriptions start with text, are one paragraph, end a sentence" \
  "sarif '$tmp/ok.sarif' \"all(not x['fullDescription']['text'].startswith(('\\\\n',' ')) and '\\\\n' not in x['fullDescription']['text'] and x['fullDescription']['text'].rstrip().endswith(('.', ')')) and not x['help']['text'].startswith('\\\\n') for x in r['tool']['driver']['rules'])\""
check "SARIF: helpUri to each rule's section of the catalogue" \
  "sarif '$tmp/ok.sarif' \"all(x['helpUri'].endswith('rules/README.md#' + x['id']) for x in r['tool']['driver']['rules'])\""
cd "$p/articles"
"$bin" check --format sarif mali.wiki >"$tmp/rel.sarif"
check "SARIF: artifact URIs relative to the repository's top by default, not the working directory" \
  "sarif '$tmp/rel.sarif' \"r['results'][0]['locations'][0]['physicalLocation']['artifactLocation']['uri']=='articles/mali.wiki' and r['originalUriBaseIds']['SRCROOT']['uri'].endswith('/proj/')\""
"$bin" check --format sarif --srcroot . mali.wiki >"$tmp/rel2.sarif"
check "SARIF: --srcroot still decides when given" \
  "sarif '$tmp/rel2.sarif' \"r['results'][0]['locations'][0]['physicalLocation']['artifactLocation']['uri']=='mali.wiki'\""
cd "$tmp"

# --- config inheritance --------------------------------------------------------------------
mkdir -p "$tmp/cfg/team/sub"
printf 'select = ["refs", "tables"]\nignore = ["ref-missing"]\n[severity]\ntable-sequence = "error"\n' >"$tmp/cfg/wikivet.toml"
printf 'extend = "../wikivet.toml"\nextend-select = ["date-unknown"]\nextend-ignore = ["ref-no-list"]\n' >"$tmp/cfg/team/wikivet.toml"
cp "$seed" "$tmp/cfg/team/sub/mali.wiki"
"$bin" config --show "$tmp/cfg/team/sub/mali.wiki" >"$tmp/show.toml"
check "extend: the parent's severity is inherited" "grep -qx 'table-sequence = \"error\"' '$tmp/show.toml'"
check "extend-select adds to the parent's select" "grep -qx 'date-unknown = \"warning\"' '$tmp/show.toml' && grep -qx 'date-format = \"off\"' '$tmp/show.toml'"
check "extend-ignore adds to the parent's ignore" "grep -qx 'ref-missing = \"off\"' '$tmp/show.toml' && grep -qx 'ref-no-list = \"off\"' '$tmp/show.toml'"
printf 'extend = "../wikivet.toml"\nignore = []\n' >"$tmp/cfg/team/wikivet.toml"
"$bin" config --show "$tmp/cfg/team/sub/mali.wiki" >"$tmp/show2.toml"
check "a key of the extending file replaces the parent's (ignore = [] brings ref-missing back)" \
  "grep -qx 'ref-missing = \"warning\"' '$tmp/show2.toml'"
printf 'extend = "team/wikivet.toml"\n' >"$tmp/cfg/wikivet.toml"
printf 'extend = "../wikivet.toml"\n' >"$tmp/cfg/team/wikivet.toml"
"$bin" check "$tmp/cfg/team/sub/mali.wiki" >/dev/null 2>"$tmp/cycle.err"
check "an extend cycle is a config error with file:line:col" "[ $? = 2 ] && grep -q 'wikivet.toml:1:10: .extend. makes a cycle' '$tmp/cycle.err'"
printf 'extend = "missing.toml"\n' >"$tmp/cfg/team/wikivet.toml"
"$bin" check "$tmp/cfg/team/sub/mali.wiki" >/dev/null 2>"$tmp/missing.err"
check "extend of a missing file: exit 2 naming it" "[ $? = 2 ] && grep -q \"cannot read 'missing.toml'\" '$tmp/missing.err'"
exit $fail
