#!/usr/bin/env bash
# Wiki profiles from the command line: --profile on check, audit and config (an unknown name is
# exit 2 with did-you-mean), `profile =` in wikivet.toml, `config --show` naming the profile in
# use, and an audit of each shared dump (../shared/corpus/dumps/*) taking its profile from the
# dump's <siteinfo> (the dbname it names, as the summary JSON says).
. "$(dirname "$0")/lib/common.sh" "$1"

printf 'Text.<ref>Source</ref>\n== Примечания ==\n{{Примечания}}\n' > "$T/ru.wiki"
"$WIKIVET" check --no-config --profile ruwiki --select ref-no-list "$T/ru.wiki" >/dev/null; rc=$?
check "check --profile ruwiki: {{Примечания}} is its reference list (exit 0)" '[ $rc = 0 ]'
"$WIKIVET" check --no-config --profile ru --select ref-no-list "$T/ru.wiki" >/dev/null; rc=$?
check "a language code names its Wikipedia (ru)" '[ $rc = 0 ]'
"$WIKIVET" check --no-config --select ref-no-list "$T/ru.wiki" >/dev/null; rc=$?
check "near miss: read as enwiki's page the list is unknown (exit 1)" '[ $rc = 1 ]'
for cmd in "check $T/ru.wiki" "audit -" "config --show"; do
  "$WIKIVET" $cmd --profile ruwik </dev/null >/dev/null 2>"$T/err"; rc=$?
  check "${cmd%% *} --profile ruwik: exit 2, did you mean ruwiki" \
    '[ $rc = 2 ] && grep -q "unknown profile .ruwik.; did you mean .ruwiki." "$T/err"'
done
mkdir -p "$T/proj"
printf 'profile = "viwiki"\n[profiles.viwiki]\nlist = ["Chú thích"]\n' > "$T/proj/wikivet.toml"
printf 'Văn bản.<ref>Nguồn</ref>\n{{Chú thích}}\n' > "$T/proj/a.wiki"
"$WIKIVET" check --select ref-no-list "$T/proj/a.wiki" >/dev/null; rc=$?
check "profile = \"viwiki\" and its [profiles.viwiki] list apply (exit 0)" '[ $rc = 0 ]'
(cd "$T/proj" && "$WIKIVET" config --show) > "$T/show"
check "config --show prints the profile and where it came from" \
  'grep -q "^profile = \"viwiki\"" "$T/show" && grep -q "profile = \"viwiki\" in .*wikivet.toml, with the additions of" "$T/show"'
"$WIKIVET" config --show --no-config > "$T/show"
check "config --show without a config: enwiki, the default" \
  'grep -q "^profile = \"enwiki\"" "$T/show" && grep -q "the default" "$T/show"'
printf 'profile = "xxwiki"\n' > "$T/proj/wikivet.toml"
"$WIKIVET" check "$T/proj/a.wiki" >/dev/null 2>"$T/err"; rc=$?
check "an unknown profile in wikivet.toml: exit 2, file and line named" \
  '[ $rc = 2 ] && grep -q "wikivet.toml:1:.*unknown profile .xxwiki." "$T/err"'

# ---- every shared dump: its profile comes from its own <siteinfo> ---------------------------
DUMPS="$REPO/../shared/corpus/dumps"
if [ -d "$DUMPS" ]; then
  for d in "$DUMPS"/*; do
    name=$(basename "$d")
    # The dbname the dump's <siteinfo> names, read here independently of wikivet.
    db=$("$PY" - "$d" <<'PYEOF'
import bz2, lzma, re, sys
p = sys.argv[1]
head = open(p, "rb").read(6)
opener = lzma.open if head.startswith(b"\xfd7zXZ") else bz2.open if head.startswith(b"BZh") else open
with opener(p, "rb") as f:
    text = f.read(1 << 16).decode("utf-8", "replace")
m = re.search(r"<dbname>\s*([^<]*?)\s*</dbname>", text)
print(m.group(1) if m else "")
PYEOF
)
    "$WIKIVET" audit -q --no-config --limit 3 --fail-on never --summary-json "$T/s.json" "$d" \
      >/dev/null 2>&1
    got=$("$PY" -c 'import json,sys; p=json.load(open(sys.argv[1]))["profiles"][0]; print(p["profile"] + "|" + p["origin"])' "$T/s.json" 2>/dev/null)
    check "$name: profile $db from the dump's siteinfo (${got#*|})" \
      '[ -n "$db" ] && [ "${got%%|*}" = "$db" ] && [[ "${got#*|}" == "dump'"'"'s siteinfo"* ]]'
  done
  "$WIKIVET" audit -q --no-config --limit 3 --fail-on never --profile elwiki \
    --summary-json "$T/s.json" "$DUMPS/bnwiki-truncated-100k.xml.xz" >/dev/null 2>&1
  check "--profile elwiki wins over the bn dump's siteinfo" \
    'grep -q "\"profile\":\"elwiki\"" "$T/s.json"'
else
  echo "skip the shared dumps: $DUMPS is absent"
fi

[ "$fails" = 0 ] && echo "all passed" || echo "$fails failed"
[ "$fails" = 0 ]
