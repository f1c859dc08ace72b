#!/usr/bin/env bash
# `cmake --install BUILD --prefix P` (README "Install"): the binary, its docs and the hooks land
# under P, and the installed binary runs from anywhere with nothing of the checkout around it.
set -uo pipefail
bin=$(cd "$(dirname "$1")" && pwd)/$(basename "$1")
build=$(dirname "$bin")
root=$PWD
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
fail=0
check() { if eval "$2"; then echo "ok   $1"; else echo "FAIL $1"; fail=1; fi; }

cmake --install "$build" --prefix "$tmp/p" >"$tmp/install.out" 2>&1
check "cmake --install succeeds" "[ $? = 0 ]"
check "the binary is installed" "[ -x '$tmp/p/bin/wikivet' ]"
check "the docs are installed" \
  "[ -f '$tmp/p/share/doc/wikivet/README.md' ] && [ -f '$tmp/p/share/doc/wikivet/configuration.md' ] && [ -f '$tmp/p/share/doc/wikivet/rules.md' ]"
check "the plain git hook is installed, executable" "[ -x '$tmp/p/share/wikivet/wikivet-pre-commit' ]"
check "the pre-commit hooks file and the workflow are installed" \
  "[ -f '$tmp/p/share/wikivet/.pre-commit-hooks.yaml' ] && [ -f '$tmp/p/share/wikivet/wikivet.yml' ]"
cp "$root/fixtures/seed/foreign-relations-of-mali.wiki" "$tmp/mali.wiki"
cd /
version=$("$tmp/p/bin/wikivet" --version)
check "the installed binary runs: $version" "[[ '$version' == 'wikivet '* ]]"
"$tmp/p/bin/wikivet" check --color never "$tmp/mali.wiki" >"$tmp/out" 2>&1
rc=$?
check "the installed binary checks the seed away from the checkout (exit 1, findings)" \
  "[ $rc = 1 ] && grep -q 'table-sequence' '$tmp/out'"
"$bin" check --color never "$tmp/mali.wiki" >"$tmp/out.built" 2>&1
check "the installed binary reports what the built one does" "cmp -s '$tmp/out' '$tmp/out.built'"

# scripts/install-deps.sh --runtime: what running needs, and nothing of building or testing.
runtime=$(bash "$root/scripts/install-deps.sh" --runtime --list)
all=$(bash "$root/scripts/install-deps.sh" --list)
check "install-deps --runtime lists no compiler, test or hook tool" \
  "! grep -qxE 'clang|cmake|build-essential|pre-commit|python3.*|.*-dev|npm' <<<'$runtime'"
check "install-deps without flags installs everything, the runtime list included" \
  "[ -z \"\$(comm -23 <(sort <<<'$runtime') <(sort <<<'$all'))\" ] && grep -qx clang <<<'$all' && grep -qx pre-commit <<<'$all'"
if command -v dpkg-query >/dev/null && command -v ldd >/dev/null && command -v readelf >/dev/null; then
  # Every shared library the binary links (its NEEDED entries) comes from a package of the
  # runtime list (libc, libgcc and libstdc++ are on every Debian system: apt itself needs them).
  # What those libraries load in turn (libcurl's TLS and HTTP/2 libraries) their own packages
  # declare, and apt installs with them. A sanitizer build links the sanitizer runtimes, which
  # belong to the compiler, not to what a user installs.
  needed=$(readelf -d "$bin" | sed -n 's/.*(NEEDED).*\[\(.*\)\]/\1/p')
  owners=$(ldd "$bin" | awk -v want="$(tr '\n' ' ' <<<"$needed")" \
      'BEGIN { n = split(want, w, " "); for (i = 1; i <= n; i++) keep[w[i]] = 1 }
       $3 ~ /^\// && ($1 in keep) {print $3}' | while read -r lib; do
    dpkg-query -S "$(readlink -f "$lib")" 2>/dev/null | head -1 | cut -d: -f1
  done | sort -u | grep -vxE 'libc6|libgcc-s1|libstdc\+\+6|lib(a|ub|l|t)san[0-9]+' || true)
  # libcurl is not linked but loaded when --wiki first needs it (src/wiki/curl_api.cpp): its
  # package must be on the runtime list all the same.
  curl_owner=$(dpkg-query -S "$(readlink -f /usr/lib/*/libcurl.so.4 2>/dev/null | head -1)" 2>/dev/null |
    head -1 | cut -d: -f1)
  [ -n "$curl_owner" ] && owners=$(printf '%s\n%s\n' "$owners" "$curl_owner" | sort -u)
  check "libcurl is loaded on first use, not linked (it and its libraries cost every start)" \
    "! grep -q '^libcurl' <<<'$needed'"
  missing=$(comm -23 <(printf '%s\n' "$owners") <(sort <<<"$runtime"))
  check "install-deps --runtime covers every library the binary loads${missing:+ (missing: $missing)}" \
    "[ -z '$missing' ] && [ -n '$owners' ]"
else
  echo "SKIP runtime library check (no dpkg-query or ldd)"
fi
exit $fail
