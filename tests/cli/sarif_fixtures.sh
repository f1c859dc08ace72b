#!/usr/bin/env bash
# SARIF of the seed and every fixture, read as a consumer would (tests/tools/sarif_consumer.py).
set -uo pipefail
py=/usr/bin/python3
[ -x "$py" ] || py=python3
mapfile -t files < <(find fixtures -name '*.wiki' -o -name '*.edit-page.txt' | sort)
"$py" tests/tools/sarif_consumer.py "$1" tests/data/sarif-schema-2.1.0.json "${files[@]}"
rc=$?
[ $rc = 77 ] && { echo "skipped: python3-jsonschema missing"; exit 0; }
exit $rc
