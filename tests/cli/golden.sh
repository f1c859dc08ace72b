#!/usr/bin/env bash
# Golden test: the JSON reports over the reviewed articles must not change unnoticed.
# Refresh them only with `scripts/update-golden.sh`, and review the diff.
set -euo pipefail
exec python3 tests/tools/golden.py check "$1"
