#!/usr/bin/env bash
# Builds bench/parse_bench.cpp against a Release build's library and runs it: the parser's own
# MB/s (and, with --model, parser + article model) on real pages, one page at a time.
#
#   bench/parse_bench.sh BUILD_DIR [--rounds N] [--model] FILE...
# BUILD_DIR is a Release build of wikivet (it must hold libwikivet_lib.a).
set -euo pipefail
HERE=$(cd "$(dirname "$0")" && pwd)
REPO=$(cd "$HERE/.." && pwd)
BUILD=$1
shift
out="$BUILD/parse_bench"
if [ ! -x "$out" ] || [ "$BUILD/libwikivet_lib.a" -nt "$out" ] || [ "$HERE/parse_bench.cpp" -nt "$out" ]; then
  g++ -std=c++20 -O2 -I"$REPO/src" -o "$out" "$HERE/parse_bench.cpp" "$BUILD/libwikivet_lib.a" \
    $(pkg-config --libs re2) -lboost_json -lexpat -lbz2 -llzma -lpthread
fi
exec "$out" "$@"
