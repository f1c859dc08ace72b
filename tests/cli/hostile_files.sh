#!/usr/bin/env bash
# Hostile file systems (issue 9): reports that cannot be written, outputs that are inputs,
# absurd --jobs, inputs of 4 GiB, and --fix on files it must not replace. Where permissions
# matter the case also runs as an unprivileged user (root may write anything).
set -uo pipefail
W="$(realpath "$1")"
tmp=$(mktemp -d)
chmod 755 "$tmp"
trap 'rm -rf "$tmp"' EXIT
fail=0
expect() {  # expect CODE DESCRIPTION -- command...
  local want=$1 what=$2
  shift 3
  "$@" >"$tmp/out" 2>"$tmp/err"
  local got=$?
  if [ "$got" != "$want" ]; then
    echo "FAIL $what: exit $got, want $want"; cat "$tmp/err"; fail=1
  else
    echo "ok   $what (exit $got)"
  fi
}
err_has() {  # err_has DESCRIPTION TEXT: the last command's stderr says TEXT, on one line
  if ! grep -q -- "$2" "$tmp/err"; then echo "FAIL $1: stderr lacks '$2'"; cat "$tmp/err"; fail=1; fi
}
same() {  # same DESCRIPTION FILE1 FILE2
  cmp -s "$2" "$3" || { echo "FAIL $1: $2 was changed"; fail=1; }
}

# An article with fixable findings (a date in the wrong format under {{Use dmy dates}}).
article="$tmp/article.wiki"
cp fixtures/seed/foreign-relations-of-mali.wiki "$article"
cp "$article" "$tmp/pristine.wiki"

# Row 5: every report write is checked.
expect 2 "json to /dev/full" -- "$W" check --format json=/dev/full "$article"
err_has "json to /dev/full" "cannot write '/dev/full'"
expect 2 "text on a full standard output" -- bash -c '"$0" check "$1" >/dev/full' "$W" "$article"
err_has "full standard output" "cannot write to standard output"

# Row 6: an output that is an input, or two outputs to one file, are refused before writing.
expect 2 "-o onto the input" -- "$W" check -o "$article" "$article"
same "-o onto the input" "$tmp/pristine.wiki" "$article"
expect 2 "--format json= onto the input" -- "$W" check --format "json=$article" "$article"
same "--format json= onto the input" "$tmp/pristine.wiki" "$article"
ln -sf "$article" "$tmp/alias.wiki"
expect 2 "output onto the input by another name" -- "$W" check -o "$tmp/alias.wiki" "$article"
same "output onto the input by another name" "$tmp/pristine.wiki" "$article"
expect 2 "--write-baseline onto the input" -- "$W" check --write-baseline "$article" "$article"
same "--write-baseline onto the input" "$tmp/pristine.wiki" "$article"
expect 2 "two formats to one file" -- \
  "$W" check --format "json=$tmp/r.out" --format "sarif=$tmp/r.out" "$article"
[ ! -e "$tmp/r.out" ] || { echo "FAIL two formats to one file: something was written"; fail=1; }
expect 1 "two formats to two files" -- \
  "$W" check --format "json=$tmp/r.json" --format "sarif=$tmp/r.sarif" "$article"

# Row 7: --jobs out of range is a usage error, not an abort.
expect 2 "audit -j -1" -- "$W" audit -j -1 /dev/null
err_has "audit -j -1" "--jobs must be"
expect 2 "audit -j 40000" -- "$W" audit -j 40000 /dev/null

# Row 8: a 60 GB (sparse) input is refused up front; the other inputs are still checked.
if truncate -s 60G "$tmp/huge.wiki" 2>/dev/null; then
  expect 2 "input of 60 GB" -- "$W" check "$tmp/huge.wiki" "$article"
  err_has "input of 60 GB" "larger than 4 GiB"
  grep -q "infos in 1 file" "$tmp/out" || { echo "FAIL input of 60 GB: the other file unchecked"; fail=1; }
  rm -f "$tmp/huge.wiki"
else
  echo "skip input of 60 GB: this file system has no sparse files"
fi

# Row 9: --fix on a pipe is refused, never hangs.
expect 2 "--fix on <(cat f)" -- bash -c '"$0" check --fix <(cat "$1")' "$W" "$article"
err_has "--fix on <(cat f)" "not a regular file"
mkfifo "$tmp/fifo"
(cat "$article" >"$tmp/fifo" &)
expect 2 "--fix on a FIFO" -- timeout 20 "$W" check --fix "$tmp/fifo"
err_has "--fix on a FIFO" "not a regular file"

# Row 10: files a rename would damage are refused, as root and as an unprivileged user.
as_nobody() { setpriv --reuid=65534 --regid=65534 --clear-groups "$@"; }
can_drop=0
if [ "$(id -u)" = 0 ] && command -v setpriv >/dev/null && as_nobody true 2>/dev/null; then
  can_drop=1
fi
run_fix_cases() {  # run_fix_cases LABEL PREFIX...: PREFIX runs the command (empty: as is)
  local label=$1
  shift
  local d="$tmp/fix-$label"
  mkdir -p "$d" && cp "$article" "$d/ro.wiki" && chmod 0444 "$d/ro.wiki"
  cp "$article" "$d/linked.wiki" && ln "$d/linked.wiki" "$d/other-name.wiki"
  cp "$article" "$d/setuid.wiki" && chmod 4755 "$d/setuid.wiki"
  cp "$article" "$d/xattr.wiki"
  cp "$article" "$d/plain.wiki"
  chmod 777 "$d"
  [ "$label" != nobody ] || chown -R 65534:65534 "$d/ro.wiki" "$d/linked.wiki" "$d/setuid.wiki" \
    "$d/xattr.wiki" "$d/plain.wiki" 2>/dev/null
  chmod 4755 "$d/setuid.wiki"  # again: chown clears it
  expect 2 "$label: --fix on a read-only file" -- "$@" "$W" check --fix "$d/ro.wiki"
  err_has "$label: read-only" "read-only"
  same "$label: read-only" "$tmp/pristine.wiki" "$d/ro.wiki"
  expect 2 "$label: --fix on a hard-linked file" -- "$@" "$W" check --fix "$d/linked.wiki"
  err_has "$label: hard links" "hard links"
  same "$label: hard links" "$tmp/pristine.wiki" "$d/linked.wiki"
  expect 1 "$label: --fix on a setuid file keeps the bits" -- "$@" "$W" check --fix "$d/setuid.wiki"
  [ "$(stat -c %a "$d/setuid.wiki")" = 4755 ] ||
    { echo "FAIL $label: setuid bit lost: $(stat -c %a "$d/setuid.wiki")"; fail=1; }
  cmp -s "$tmp/pristine.wiki" "$d/setuid.wiki" && { echo "FAIL $label: setuid file not fixed"; fail=1; }
  if python3 -c 'import os,sys; os.setxattr(sys.argv[1], "user.wikivet", b"1")' "$d/xattr.wiki" 2>/dev/null; then
    expect 2 "$label: --fix on a file with xattrs" -- "$@" "$W" check --fix "$d/xattr.wiki"
    err_has "$label: xattrs" "extended attributes"
    same "$label: xattrs" "$tmp/pristine.wiki" "$d/xattr.wiki"
  else
    echo "skip $label: xattrs: this file system has no user extended attributes"
  fi
  expect 1 "$label: --fix on a plain file" -- "$@" "$W" check --fix "$d/plain.wiki"
}
run_fix_cases self
if [ "$can_drop" = 1 ]; then
  run_fix_cases nobody as_nobody
elif [ "$(id -u)" != 0 ]; then
  run_fix_cases user
else
  echo "skip unprivileged --fix cases: setpriv cannot drop to uid 65534 here"
fi

exit $fail
