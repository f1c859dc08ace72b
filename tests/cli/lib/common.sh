# Set-up shared by the shell tests, sourced as `. "$(dirname "$0")/lib/common.sh" "$1"` from the
# repository root (where ctest runs them). Not a test itself: ctest runs tests/cli/*.sh only.
#   WIKIVET  the binary under test (the first argument), as an absolute path
#   REPO     the repository root;  PY  a python3;  T  a scratch folder removed on exit
#   pass / fail / check DESCRIPTION 'SHELL TEST' count failures into $fails
set -u
WIKIVET=$(realpath "$1")
REPO=$(pwd)
PY=/usr/bin/python3
[ -x "$PY" ] || PY=python3
T=$(mktemp -d)
trap 'rm -rf "$T"' EXIT
fails=0
pass() { echo "ok   $*"; }
fail() { echo "FAIL $*"; fails=$((fails + 1)); }
check() { if eval "$2"; then pass "$1"; else fail "$1  [$2]"; fi; }
