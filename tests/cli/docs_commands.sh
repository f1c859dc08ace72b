#!/usr/bin/env bash
# Every command the README and docs/*.md show is run (tests/tools/docs_commands.py, which
# states the convention: ```sh blocks are run, <!-- not-run: REASON --> says why one is not).
# First, the runner itself must fail on a broken example, a fence without a language and a
# not-run without a reason, so that a runner that passes everything cannot pass this test.
set -u
py=/usr/bin/python3
[ -x "$py" ] || py=python3
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
fail=0
# Each case: LANG, BODY, what the runner must say about it.
for bad in 'sh|wikivet check --no-such-option article.wiki|exit 2: wikivet check --no-such' \
  'sh|wikivet check missing.wiki|exit 2: wikivet check missing.wiki' \
  '|wikivet check article.wiki|a fence without a language' \
  'toml|selct = ["tables"]|wikivet reads this config (exit 2)' \
  'yaml|repos: [a|the yaml does not parse' \
  'sh|<!-- not-run: -->|not run: (no reason given)'; do
  IFS='|' read -r lang body want <<<"$bad"
  if [ "$body" = '<!-- not-run: -->' ]; then
    printf '# t\n\n<!-- not-run: -->\n```sh\nwikivet check article.wiki\n```\n' >"$tmp/t.md"
  else
    printf '# t\n\n```%s\n%s\n```\n' "$lang" "$body" >"$tmp/t.md"
  fi
  if "$py" tests/tools/docs_commands.py "$1" "$tmp/t.md" >"$tmp/out" 2>&1; then
    cat "$tmp/out"; echo "FAIL the docs runner passed a broken example: $(tr '\n' ' ' <"$tmp/t.md")"; fail=1
  else
    if grep -q "^FAIL .*$want" "$tmp/out"; then
      echo "ok   the docs runner fails on: $(grep -m1 "^FAIL .*$want" "$tmp/out")"
    else
      cat "$tmp/out"; echo "FAIL the docs runner failed, but not with '$want'"; fail=1
    fi
  fi
done
"$py" tests/tools/docs_commands.py "$1" README.md docs/*.md || fail=1
exit $fail
