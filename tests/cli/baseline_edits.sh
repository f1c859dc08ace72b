#!/usr/bin/env bash
# Edits against a git baseline, as a user makes them (issue 13): a `git mv` keeps the old
# findings old, `--fix` under a baseline changes only what the edit brought (the table-sequence
# renumbering leaves an old duplicate alone; `--fix-all` renumbers it too), safe and unsafe
# fixes, `--diff=words`, and fatal errors that print no clean-looking totals.
set -u
bin=$(cd "$(dirname "$1")" && pwd)/$(basename "$1")
seed=$PWD/fixtures/seed/foreign-relations-of-mali.wiki
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
fail=0
check() { if eval "$2"; then echo "ok   $1"; else echo "FAIL $1"; fail=1; fi; }
# rows N...: a numbered table, one row per number.
rows() {
  echo '{| class="wikitable"'
  echo '! # !! Country !! Date'
  local i=0
  for n in "$@"; do
    i=$((i + 1))
    printf '|-\n|%s || {{Flag|C%s}} || %s\n' "$n" "$i" "$((1950 + i))"
  done
  echo '|}'
}

cd "$tmp" || exit 1
git init -q repo && cd repo || exit 1
git config user.email t@example.org && git config user.name test
mkdir articles && cp "$seed" articles/mali.wiki
rows 1 2 3 3 4 5 6 7 8 >articles/list.wiki # an old duplicate 3
git add . && git commit -qm base

# --- a rename is not a new article ----------------------------------------------------------
git mv articles/mali.wiki articles/renamed-mali.wiki
"$bin" check --baseline-git HEAD --color never articles/renamed-mali.wiki >mv.out
check "git mv: exit 0, every finding unchanged" \
  "[ $? = 0 ] && tail -1 mv.out | grep -Eq 'against the baseline: 0 new, [1-9][0-9]* unchanged, 0 fixed\$'"
mkdir other && git mv articles/renamed-mali.wiki other/moved.wiki
(cd other && "$bin" check --baseline-git HEAD --color never moved.wiki) >mv2.out
check "git mv to another folder, checked from inside it: still unchanged" \
  "tail -1 mv2.out | grep -Eq '0 new, [1-9][0-9]* unchanged, 0 fixed\$'"
# A renamed file that was also edited: only the edit's findings are new.
sed -i 's/^|{{Flag|Uruguay}}/|{{Flag|Uruguay}} || Unknown/' other/moved.wiki
"$bin" check --baseline-git HEAD --format json other/moved.wiki >mv3.json
check "git mv plus an edit: the renamed file's old findings are still unchanged" \
  "python3 -c 'import json,sys; s=json.load(open(\"mv3.json\"))[\"summary\"][\"baseline\"]; sys.exit(0 if s[\"unchanged\"]>=25 and s[\"new\"]<=2 else 1)'"
cp other/moved.wiki untracked.wiki
"$bin" check --baseline-git HEAD --color never untracked.wiki >new.out
check "a copy that git does not know is a new file: all findings new" \
  "tail -1 new.out | grep -Eq 'against the baseline: [1-9][0-9]* new, 0 unchanged'"
git reset -q --hard && rm -f untracked.wiki

# --- --fix under a baseline: only what the edit touched ---------------------------------------
rows 1 2 3 3 4 5 6 7 7 8 >articles/list.wiki # the edit adds a row numbered 7 again
git diff --quiet && echo "FAIL the edit did not change the file" && fail=1
"$bin" check --baseline-git HEAD --color never articles/list.wiki >list.out
check "the new duplicate is new, the old one is not reported" \
  "grep -q 'number 7 is used twice' list.out && ! grep -q 'number 3 is used twice' list.out"
check "its fix is unsafe: marked [?], with the --unsafe-fixes hint" \
  "grep -q 'number 7 is used twice.*\\[table-sequence\\] \\[?\\]\$' list.out && grep -q '^\\[?\\] 1 finding has an unsafe fix' list.out"
"$bin" check --baseline-git HEAD --fix articles/list.wiki >/dev/null 2>fix0.err
check "--fix alone withholds it and says so" \
  "grep -q 'unsafe fix withheld (--unsafe-fixes applies it)' fix0.err && [ \"\$(rows 1 2 3 3 4 5 6 7 7 8)\" = \"\$(cat articles/list.wiki)\" ]"
"$bin" check --baseline-git HEAD --unsafe-fixes --diff articles/list.wiki >narrow.diff 2>/dev/null
check "--diff: only the rows after the new duplicate change" \
  "grep -q '^-|7 || {{Flag|C9}}' narrow.diff && grep -q '^+|8 || {{Flag|C9}}' narrow.diff && grep -q '^+|9 || {{Flag|C10}}' narrow.diff && ! grep -q '^[-+]|[0-9]* || {{Flag|C[1-8]}}' narrow.diff"
"$bin" check --baseline-git HEAD --unsafe-fixes --fix articles/list.wiki >fix.out 2>fix.err
check "--fix --unsafe-fixes: exit 0, applied 1 fix" "[ $? = 0 ] && grep -q 'applied 1 fix in 1 file' fix.err"
check "... the old duplicate 3 is left as it was, the new one renumbered" \
  "[ \"\$(rows 1 2 3 3 4 5 6 7 8 9)\" = \"\$(cat articles/list.wiki)\" ]"
check "... git diff shows only the lines the edit brought" \
  "[ \$(git diff -U0 | grep -c '^[-+]|') = 2 ] && ! git diff -U0 | grep -q '^-|'"
"$bin" check --baseline-git HEAD --unsafe-fixes --fix articles/list.wiki >/dev/null 2>again.err
check "a second --fix changes nothing" "[ \"\$(rows 1 2 3 3 4 5 6 7 8 9)\" = \"\$(cat articles/list.wiki)\" ]"
rows 1 2 3 3 4 5 6 7 7 8 >articles/list.wiki
"$bin" check --baseline-git HEAD --unsafe-fixes --fix-all --fix articles/list.wiki >/dev/null 2>all.err
check "--fix-all: the baseline's duplicate is renumbered too" \
  "[ \"\$(rows 1 2 3 4 5 6 7 8 9 10)\" = \"\$(cat articles/list.wiki)\" ]"
check "--fix-all without a baseline is a usage error" \
  "'$bin' check --fix --fix-all articles/list.wiki >/dev/null 2>&1; [ \$? = 2 ]"
git checkout -q articles/list.wiki

# --- --diff=words ---------------------------------------------------------------------------
rows 1 2 3 3 4 5 6 7 7 8 >articles/list.wiki
"$bin" check --baseline-git HEAD --unsafe-fixes --diff=words articles/list.wiki >words.diff 2>/dev/null
check "--diff=words: [-old-]{+new+} on the numbers alone, hunk headers as in --diff" \
  "grep -qx '|\\[-7-\\]{+8+} || {{Flag|C9}} || 1959' words.diff && grep -qx '|\\[-8-\\]{+9+} || {{Flag|C10}} || 1960' words.diff && [ \"\$(grep '^@@' words.diff)\" = \"\$(grep '^@@' narrow.diff)\" ]"
check "--diff=words writes nothing" "[ \"\$(rows 1 2 3 3 4 5 6 7 7 8)\" = \"\$(cat articles/list.wiki)\" ]"
printf '{{Use dmy dates}}\nA long paragraph that says the embassy opened on August 20, 1960, and much more.\n' >dates.wiki
"$bin" check --diff=words dates.wiki >dates.diff 2>/dev/null
check "--diff=words: a date in a long line is shown in place" \
  "grep -qx 'A long paragraph that says the embassy opened on \\[-August 20, 1960,-\\]{+20 August 1960,+} and much more.' dates.diff"
"$bin" check --diff dates.wiki >/dev/null 2>&1
check "--diff FILE still reads FILE as an input (exit 1: a finding)" "[ \$? = 1 ]"
check "--diff=other is a usage error" "'$bin' check --diff=other dates.wiki >/dev/null 2>&1; [ \$? = 2 ]"
git checkout -q articles/list.wiki && rm -f dates.wiki

# --- fatal errors print no totals -------------------------------------------------------------
"$bin" check --statistics "$tmp/nope.wiki" >stats.out 2>stats.err
check "--statistics with no readable input: exit 2, no 'total: 0 findings'" \
  "[ $? = 2 ] && ! grep -q total stats.out && grep -q nope.wiki stats.err"
"$bin" check --format json "$tmp/nope.wiki" >fatal.json 2>/dev/null
check "json: the summary counts the input that was not checked" \
  "python3 -c 'import json,sys; s=json.load(open(\"fatal.json\"))[\"summary\"]; sys.exit(0 if s[\"files\"]==0 and s[\"input_errors\"]==1 else 1)'"
mkdir -p "$tmp/norepo" && cp articles/list.wiki "$tmp/norepo/"
"$bin" check --baseline-git HEAD --statistics "$tmp/norepo/list.wiki" >ng.out 2>ng.err
check "--statistics --baseline-git outside a repository: exit 2, no totals" \
  "[ $? = 2 ] && [ ! -s ng.out ] && grep -q 'not in a git repository' ng.err"

exit $fail
