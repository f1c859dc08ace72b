#!/usr/bin/env bash
# `wikivet lsp` with a real client: Neovim (Debian's neovim, 0.7, built-in LSP client),
# headless. For the seed and for a page with astral characters and invalid UTF-8 before its
# findings, Neovim opens the file, starts the server, waits for diagnostics, shows a hover,
# applies a quick fix, and writes what it saw; tests/lsp/neovim_expect.py compares that with
# `wikivet check` on the same bytes. (-b: by default Neovim reads a file that is not valid UTF-8
# as Latin-1, or writes its ill-formed bytes back as '?'; in binary mode the buffer is the bytes.)
set -u
bin=$(cd "$(dirname "$1")" && pwd)/$(basename "$1")
if ! command -v nvim >/dev/null; then
  echo "SKIP: nvim not installed (scripts/install-deps.sh installs neovim)"
  exit 0
fi
here=$(pwd)
tmp=$(mktemp -d)
trap '[ -n "${KEEP:-}" ] || rm -rf "$tmp"' EXIT; [ -n "${KEEP:-}" ] && echo "tmp: $tmp"
py=/usr/bin/python3
[ -x "$py" ] || py=python3
fail=0
cp fixtures/seed/foreign-relations-of-mali.wiki "$tmp/mali.wiki"
# Astral characters (U+1F600, U+1D11E) and bytes that are not UTF-8 (\376\377\303) before
# findings on their lines; a duplicate number with a fix.
printf '%s\n' '{{Use dmy dates}}' \
  'Intro 𝄞😀 [[Mali|x 😀 <ref name="n"/> [[Unclosed' \
  '{| class="wikitable"' '! # !! Country !! Date' '|-' \
  '| 1 || 😀😀 {{Flag|Chad}} || 2001-05-03' '|-' >"$tmp/odd.wiki"
printf '| 1 || \376\377\303 {{Flag|Niger}} || 2002-06-04 [[x\n|-\n| 3 || 𐍈 {{Flag|Benin}} || Unknown\n|}\n' >>"$tmp/odd.wiki"
for name in mali odd; do
  (cd "$tmp" && WIKIVET_BIN="$bin" LSP_OUT="$tmp/$name.out" LSP_FIXED="$tmp/$name.fixed.wiki" \
    timeout 90 nvim --headless -u NONE -i NONE -n -b "$tmp/$name.wiki" \
    -c "luafile $here/tests/lsp/neovim_client.lua" </dev/null >"$tmp/$name.nvim.log" 2>&1)
  rc=$?
  if [ "$rc" != 0 ] || [ ! -s "$tmp/$name.out" ]; then
    echo "FAIL: Neovim on $name.wiki exited $rc"; cat "$tmp/$name.nvim.log"; fail=1; continue
  fi
  "$py" tests/lsp/neovim_expect.py "$bin" "$tmp/$name.wiki" "$tmp/$name.out" "$tmp/$name.fixed.wiki" || fail=1
done
exit $fail
