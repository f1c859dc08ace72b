#!/usr/bin/env bash
# rules/README.md is generated from the registry (`wikivet rules --markdown`); it must not go
# stale. Regenerate with: build/wikivet rules --markdown > rules/README.md
set -euo pipefail
W="$1"
if ! diff -u rules/README.md <("$W" rules --markdown); then
  echo "rules/README.md is stale: run '$W rules --markdown > rules/README.md'"
  exit 1
fi
# Every rule has an id, a summary, a doc with a bad and a good example, and explain works.
fail=0
for id in $("$W" rules | awk '{print $1}'); do
  doc=$("$W" explain "$id")
  grep -q '^Bad' <<<"$doc" || { echo "$id: no bad example"; fail=1; }
  grep -q '^Good' <<<"$doc" || { echo "$id: no good example"; fail=1; }
  [ -f "rules/$id.cpp" ] || { echo "$id: no rules/$id.cpp"; fail=1; }
done
[ $fail = 0 ] && echo "rule catalogue is current: $("$W" rules | wc -l) rules"
exit $fail
