#!/usr/bin/env bash
# The integrations of ci/ in temporary git repositories, offline (issue 5):
#  1. Debian's pre-commit with wikivet as a local hook: committing the deletion of the France
#     row is blocked with the message, and passes after `wikivet check --fix`;
#  2. pre-commit with the repository's own .pre-commit-hooks.yaml (from a local hooks repo);
#  3. the plain git hook ci/pre-commit/wikivet-pre-commit (checks the staged content);
#  4. the check step of ci/github/wikivet.yml, run as a shell script against a base branch, and
#     its push step (the default branch's analysis); the workflow's shape (pinned, cached).
# Every hook runs the binary given as $1 (through PATH): .ci/run passes the installed one.
set -u
bin=$(cd "$(dirname "$1")" && pwd)/$(basename "$1")
root=$PWD
seed=$root/fixtures/seed/foreign-relations-of-mali.wiki
edit=$root/tests/cli/seed_edit.py
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
fail=0
py=/usr/bin/python3
[ -x "$py" ] || py=python3
check() { if eval "$2"; then echo "ok   $1"; else echo "FAIL $1"; fail=1; fi; }

# Hermetic: no user or system configuration, caches in the temporary folder, no network.
export HOME=$tmp/home PRE_COMMIT_HOME=$tmp/pre-commit-home XDG_CACHE_HOME=$tmp/cache
export GIT_CONFIG_NOSYSTEM=1 GIT_AUTHOR_NAME=t GIT_AUTHOR_EMAIL=t@example.org
export GIT_COMMITTER_NAME=t GIT_COMMITTER_EMAIL=t@example.org
export PATH="$(dirname "$bin"):$PATH"
mkdir -p "$HOME"
git config --global init.defaultBranch main
git config --global protocol.allow never  # nothing is fetched from anywhere...
git config --global protocol.file.allow always  # ...but local repositories

"$py" "$edit" delete-bilateral-row France "$seed" "$tmp/deleted.wiki" || exit 1

# new_repo DIR CONFIG: a repository whose first commit holds the seed (and CONFIG, if any).
new_repo() {
  mkdir -p "$1/articles" && cd "$1" && git init -q . && cp "$seed" articles/mali.wiki
  [ -n "${2:-}" ] && printf '%s\n' "$2" >.pre-commit-config.yaml
  git add -A && git commit -qm "seed article" --no-verify
}
# the_deletion: stage the edit that deletes the France row.
the_deletion() { cp "$tmp/deleted.wiki" articles/mali.wiki && git add articles/mali.wiki; }

# The hooks name `wikivet` and find it on PATH: the binary under test, which CI (.ci/run) sets
# to the installed /usr/bin/wikivet of the .deb, and ctest to the build tree's.
check "the hooks' \`wikivet\` is $bin" '[ "$(command -v wikivet)" = "$bin" ]'
if ! command -v pre-commit >/dev/null; then
  # CI sets WIKIVET_REQUIRE_PRE_COMMIT=1: there, a missing pre-commit is a failure, not a skip.
  if [ "${WIKIVET_REQUIRE_PRE_COMMIT:-0}" = 1 ]; then
    echo "FAIL pre-commit is not installed (scripts/install-deps.sh)"; fail=1
  else
    echo "SKIP pre-commit framework tests (pre-commit is not installed)"
  fi
else
  # --- 1. local hook ---------------------------------------------------------------------------
  new_repo "$tmp/local" "repos:
- repo: local
  hooks:
  - id: wikivet
    name: wikivet
    entry: wikivet check --baseline-git HEAD --color never
    language: system
    files: \\.wiki\$"
  pre-commit install >/dev/null || { echo "FAIL pre-commit install"; fail=1; }
  the_deletion
  git commit -qm "delete the France row" >"$tmp/c1.out" 2>&1
  rc=$?
  check "pre-commit (local hook): the deletion is blocked" "[ $rc != 0 ] && [ \$(git rev-list --count HEAD) = 1 ]"
  check "pre-commit (local hook): with the message" \
    "grep -q \"named reference ':1' is invoked but never defined\" '$tmp/c1.out' && grep -q 'ref-undefined' '$tmp/c1.out'"
  check "pre-commit (local hook): old findings are not mentioned" "! grep -q 'table-sequence' '$tmp/c1.out'"
  "$bin" check --baseline-git HEAD --fix articles/mali.wiki >/dev/null 2>&1
  git add articles/mali.wiki
  git commit -qm "delete the France row, keep its reference" >"$tmp/c2.out" 2>&1
  rc=$?
  check "pre-commit (local hook): passes after --fix" "[ $rc = 0 ] && [ \$(git rev-list --count HEAD) = 2 ]"
  check "pre-commit (local hook): the commit holds the restored definition" \
    "git show HEAD:articles/mali.wiki | grep -q '^|{{dts|20 August 1960}}<ref name=\":1\">{{Cite web'"

  # --- 2. the repository's .pre-commit-hooks.yaml ----------------------------------------------
  mkdir -p "$tmp/hooks" && cp "$root/.pre-commit-hooks.yaml" "$tmp/hooks/" \
    && (cd "$tmp/hooks" && git init -q . && git add -A && git commit -qm hooks)
  rev=$(git -C "$tmp/hooks" rev-parse HEAD)
  new_repo "$tmp/shared" "repos:
- repo: $tmp/hooks
  rev: $rev
  hooks:
  - id: wikivet"
  pre-commit install >/dev/null
  the_deletion
  git commit -qm "delete the France row" >"$tmp/c3.out" 2>&1
  rc=$?
  check "pre-commit (.pre-commit-hooks.yaml): the deletion is blocked" "[ $rc != 0 ] && grep -q 'ref-undefined' '$tmp/c3.out'"
  pre-commit try-repo "$tmp/hooks" wikivet-fix --files articles/mali.wiki >"$tmp/c4.out" 2>&1
  check "pre-commit (.pre-commit-hooks.yaml): the wikivet-fix hook restores the definition" \
    "grep -q '^|{{dts|20 August 1960}}<ref name=\":1\">{{Cite web' articles/mali.wiki"
  git add articles/mali.wiki
  git commit -qm "delete the France row, keep its reference" >"$tmp/c5.out" 2>&1
  rc=$?
  check "pre-commit (.pre-commit-hooks.yaml): then the commit passes" "[ $rc = 0 ]"
fi

# --- 3. the plain git hook ---------------------------------------------------------------------
new_repo "$tmp/plain"
cp "$root/ci/pre-commit/wikivet-pre-commit" .git/hooks/pre-commit && chmod +x .git/hooks/pre-commit
export WIKIVET="$bin" WIKIVET_ARGS="--color never"
the_deletion
git commit -qm "delete the France row" >"$tmp/p1.out" 2>&1
rc=$?
check "plain hook: the deletion is blocked" "[ $rc != 0 ] && [ \$(git rev-list --count HEAD) = 1 ]"
check "plain hook: with the message and the way out" \
  "grep -q 'ref-undefined' '$tmp/p1.out' && grep -q 'commit blocked' '$tmp/p1.out' && grep -q -- '--fix' '$tmp/p1.out'"
check "plain hook: paths as in the repository" "grep -q '^articles/mali.wiki:21:' '$tmp/p1.out'"
"$bin" check --baseline-git HEAD --fix articles/mali.wiki >/dev/null 2>&1
git commit -qm "still the staged deletion" >"$tmp/p2.out" 2>&1
rc=$?
check "plain hook: the staged content is checked, not the (fixed, unstaged) working tree" "[ $rc != 0 ]"
git add articles/mali.wiki
git commit -qm "delete the France row, keep its reference" >"$tmp/p3.out" 2>&1
rc=$?
check "plain hook: passes once the fix is staged" "[ $rc = 0 ]"
printf 'Clean prose.\n' >notes.txt && git add notes.txt && git commit -qm "no wiki files" >/dev/null 2>&1
check "plain hook: commits without .wiki files pass" "[ \$? = 0 ]"
unset WIKIVET WIKIVET_ARGS

# --- 4. the GitHub workflow's check step -------------------------------------------------------
new_repo "$tmp/gh"
git update-ref refs/remotes/origin/main HEAD
git checkout -q -b pr && the_deletion && git commit -qm "pr" --no-verify
mkdir -p "$tmp/runner"
"$py" - "$root/ci/github/wikivet.yml" "$tmp/push.sh" >"$tmp/step.sh" <<'PY' || { echo "FAIL workflow: its shape"; fail=1; }
import re, sys, yaml
wf = yaml.safe_load(open(sys.argv[1]))
on = wf[True]  # YAML 1.1 reads the key `on` as true
steps = wf["jobs"]["wikivet"]["steps"]
by_name = {s.get("name", ""): s for s in steps}
# wikivet is pinned to a commit and its package cached under that id, not built afresh.
assert re.fullmatch(r"[0-9a-f]{40}", wf["env"]["WIKIVET_COMMIT"]), wf["env"]
cache = next(s for s in steps if s.get("uses", "").startswith("actions/cache@"))
assert "${{ env.WIKIVET_COMMIT }}" in cache["with"]["key"], cache
build = next(s for n, s in by_name.items() if n.startswith("Build the wikivet package"))
assert build["if"] == "steps.cache.outputs.cache-hit != 'true'", build
assert "git clone" not in build["run"] and '"$WIKIVET_COMMIT"' in build["run"], build["run"]
install = next(s for n, s in by_name.items() if n.startswith("Install wikivet"))
assert "wikivet-deb/wikivet_*.deb" in install["run"], install
# The default branch is analysed on push, for code scanning to compare pull requests with.
assert "branches" in on["push"] and on["pull_request"], on
push = next(s for n, s in by_name.items() if n.startswith("Analyse every"))
assert push["if"] == "github.event_name == 'push'", push
upload = next(s for s in steps if s.get("uses", "").startswith("github/codeql-action/upload-sarif"))
# ...and a fork's pull request (read-only token) does not try to upload.
assert "head.repo.full_name == github.repository" in upload["if"], upload["if"]
step = next(s for s in steps if s.get("name", "").startswith("Check the changed"))
assert step["if"] == "github.event_name == 'pull_request'", step
safe = 'git config --global --add safe.directory "$GITHUB_WORKSPACE"'
open(sys.argv[2], "w").write(push["run"].replace(safe, ""))
print(step["run"].replace(safe, ""))
PY
BASE_REF=main RUNNER_TEMP=$tmp/runner bash -e "$tmp/step.sh" >"$tmp/gh.out" 2>&1
rc=$?
check "workflow step: fails on the pull request's new finding" "[ $rc != 0 ]"
check "workflow step: a GitHub annotation for it" "grep -q '^::error file=articles/mali.wiki,line=21,.*title=ref-undefined::' '$tmp/gh.out'"
check "workflow step: one annotation only (old findings hidden)" "[ \$(grep -c '^::' '$tmp/gh.out') = 1 ]"
check "workflow step: SARIF written for the upload" \
  "$py -c 'import json; d=json.load(open(\"wikivet.sarif\")); assert [r[\"ruleId\"] for r in d[\"runs\"][0][\"results\"]]==[\"ref-undefined\"]'"
# The default branch's analysis: every finding of every .wiki file, and the push passes.
git checkout -q main && rm -f wikivet.sarif
bash -e "$tmp/push.sh" >"$tmp/push.out" 2>&1
rc=$?
check "workflow push step: passes on the default branch despite its findings" "[ $rc = 0 ]"
want=$("$bin" check --format jsonl articles/mali.wiki | grep -c "\"rule\":")
"$py" - wikivet.sarif "$want" <<'PY' >"$tmp/push.check" 2>&1
import json, sys
results = json.load(open(sys.argv[1]))["runs"][0]["results"]
assert len(results) == int(sys.argv[2]) > 1, (len(results), sys.argv[2])
uris = {r["locations"][0]["physicalLocation"]["artifactLocation"]["uri"] for r in results}
assert uris == {"articles/mali.wiki"}, uris
PY
rc=$?
check "workflow push step: SARIF of every finding of the default branch ($want)" "[ $rc = 0 ] || ! cat '$tmp/push.check'"
exit $fail
