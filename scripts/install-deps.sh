#!/usr/bin/env bash
# Installs every build and test dependency of wikivet from Debian's packages.
# Debian 12 (bookworm). Run as root, or with sudo available.
set -euo pipefail
SUDO=""
if [ "$(id -u)" -ne 0 ]; then SUDO="sudo"; fi
export DEBIAN_FRONTEND=noninteractive
PKGS=(
  build-essential cmake pkg-config git
  libre2-dev                          # RE2: every user-supplied or data-driven pattern
  libboost-program-options1.81-dev    # CLI
  libboost-test1.81-dev               # unit tests
  libboost-json1.81-dev               # JSON reports and JSON Lines input
  libexpat1-dev libbz2-dev liblzma-dev # XML dumps: .xml, .xml.bz2, .xml.xz
  libtomlplusplus-dev                 # wikivet.toml config files
  clang libclang-rt-14-dev            # libFuzzer target and sanitizer runtime
  python3 python3-jsonschema          # SARIF validation against the official schema
  pre-commit                          # integration test of the pre-commit hook
  bzip2 xz-utils patch diffutils      # tests build and break dumps, apply --diff output
  parallel                            # integration test of the GNU parallel recipe
  chromium                            # the HTML report is tested in a real (headless) browser
)
missing=()
for p in "${PKGS[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
if [ ${#missing[@]} -gt 0 ]; then
  $SUDO apt-get update -qq
  $SUDO apt-get install -y -qq --no-install-recommends "${missing[@]}"
fi
