#!/usr/bin/env bash
# Rewrites the golden reports (fixtures/**/*.expected.json) from the current build.
# Review `git diff fixtures/` afterwards: every change must be one you meant.
set -euo pipefail
cd "$(dirname "$0")/.."
python3 tests/tools/golden.py update "${1:-build/wikivet}"
