#!/usr/bin/env bash
# The HTML report in a real browser: `check --format html` on a few files and `audit --format
# html` of a dump (the shared Bengali dump when ../shared/corpus is there, and always one made
# from the fixtures) are rendered by headless chromium; the DOM it leaves (after the page's
# filter script ran) must count what the JSON summaries count, the filters must hide what they
# should, and a screenshot is taken (kept in $WIKIVET_SCREENSHOTS when that names a folder).
. "$(dirname "$0")/lib/common.sh" "$1"
dom() { "$PY" "$REPO/tests/tools/html_dom.py" "$@" || fails=$((fails + 1)); }

BROWSER=$(command -v chromium || command -v chromium-browser || true)
# One browser run: headless, no sandbox (tests may run as root), its own profile, bounded in time.
browse() {
  timeout 90 "$BROWSER" --headless --no-sandbox --disable-gpu --disable-dev-shm-usage \
    --no-first-run --disable-extensions --disable-background-networking \
    --user-data-dir="$T/profile" --window-size=1280,2400 "$@" 2>"$T/browser.log"
}

# ---- check --format html ---------------------------------------------------------------------
files=(fixtures/seed/foreign-relations-of-mali.wiki fixtures/articles/foreign-relations-of-zembla.wiki
  fixtures/seed/foreign-relations-of-mali.edit-page.txt)
for f in "${files[@]}"; do [ -f "$f" ] || { echo "FAIL missing fixture $f"; exit 1; }; done
"$WIKIVET" check --fail-on never --format html="$T/check.html" --format json="$T/check.json" \
  "${files[@]}"
check "check --format html writes a page" '[ -s "$T/check.html" ]'
dom offline "$T/check.html"
"$WIKIVET" check --fail-on never --format html "${files[0]}" > "$T/stdout.html"
check "check --format html to standard output" 'grep -q "</html>" "$T/stdout.html"'

# ---- audit --format html of a dump made from the fixtures (no wiki address: no edit links) ---
# 500 pages: the capped worklist (table-sequence, found in two of the fixture articles) keeps
# more than 100 pages as fixture articles are added (at 250 it fell to exactly 100 with five,
# at 400 to 100 with the eighth, zembla-links).
"$PY" tests/cli/audit_make_dump.py "$T/fx" fixtures --min-pages 500 >/dev/null
"$WIKIVET" audit -q --fail-on never --format html="$T/fx.html" --summary-json "$T/fx.json" "$T/fx.xml"
check "audit --format html writes a page" '[ -s "$T/fx.html" ]'
"$WIKIVET" audit -q --fail-on never --format jsonl="$T/fx.jsonl" --format html="$T/fx2.html" "$T/fx.xml"
check "audit writes JSON Lines and HTML in one run" \
  '[ "$(wc -l < "$T/fx.jsonl")" -gt 200 ] && cmp -s <(sed "/seconds/d" "$T/fx.html") <(sed "/seconds/d" "$T/fx2.html")'
"$WIKIVET" audit -q --format html --format jsonl "$T/fx.xml" > /dev/null 2>"$T/err"; rc=$?
check "html and jsonl both on standard output is refused (exit 2)" '[ $rc = 2 ] && grep -q "html=FILE" "$T/err"'
dom offline "$T/fx.html"

if [ -z "$BROWSER" ]; then
  echo "FAIL chromium is not installed (scripts/install-deps.sh installs it)"
  exit 1
fi
browse --dump-dom "file://$T/check.html" > "$T/check.dom"
check "chromium rendered the check report" '[ -s "$T/check.dom" ]' || cat "$T/browser.log"
dom check "$T/check.dom" "$T/check.json" --profiles enwiki=3
# The wiki profile in use is shown: one chosen by --profile, and two (from two config files).
"$WIKIVET" check --fail-on never --profile ruwiki --format html="$T/ru.html" \
  --format json="$T/ru.json" "${files[0]}"
browse --dump-dom "file://$T/ru.html" > "$T/ru.dom"
dom check "$T/ru.dom" "$T/ru.json" --profiles ruwiki=1
mkdir -p "$T/two/bn" "$T/two/en"
printf 'profile = "bnwiki"\n' > "$T/two/bn/wikivet.toml"
cp "${files[0]}" "$T/two/bn/a.wiki"; cp "${files[0]}" "$T/two/bn/b.wiki"; cp "${files[1]}" "$T/two/en/c.wiki"
"$WIKIVET" check --fail-on never --format html="$T/two.html" --format json="$T/two.json" "$T/two"
browse --dump-dom "file://$T/two.html" > "$T/two.dom"
dom check "$T/two.dom" "$T/two.json" --profiles bnwiki=2,enwiki=1
check "each profile says where it came from" \
  'grep -q "profile = &quot;bnwiki&quot; in .*two/bn/wikivet.toml" "$T/two.html" && grep -q "<b>enwiki</b> (the default" "$T/two.html"'

browse --dump-dom "file://$T/fx.html" > "$T/fx.dom"
dom audit "$T/fx.dom" "$T/fx.json" --cap table-sequence

# ---- the shared Bengali dump: edit links to bn.wikipedia.org, the truncation shown ----------
BN="$REPO/../shared/corpus/dumps/bnwiki-truncated-100k.xml.xz"
shot_of="$T/fx.html"
if [ -f "$BN" ]; then
  "$WIKIVET" audit -q --format html="$T/bn.html" --summary-json "$T/bn.json" "$BN"; rc=$?
  check "the truncated dump exits 2 and still writes its report" '[ $rc = 2 ] && [ -s "$T/bn.html" ]'
  browse --dump-dom "file://$T/bn.html" > "$T/bn.dom"
  # (The cap of 100 pages a worklist is checked on the fixtures' dump above: read with its own
  # profile, no rule of the Bengali dump fills 100 pages.)
  dom audit "$T/bn.dom" "$T/bn.json" --edit-prefix "https://bn.wikipedia.org/wiki/"
  # The filters, driven by the address as a user's link would.
  browse --dump-dom "file://$T/bn.html#rule=ref-undefined&severity=error" > "$T/bn-filter.dom"
  dom filter "$T/bn-filter.dom" ref-undefined error
  shot_of="$T/bn.html"
else
  echo "skip the shared dump: $BN is absent (the fixtures' dump was checked above)"
  browse --dump-dom "file://$T/fx.html#rule=table-sequence&severity=warning" > "$T/fx-filter.dom"
  dom filter "$T/fx-filter.dom" table-sequence warning
fi

browse --screenshot="$T/report.png" "file://$shot_of" >/dev/null
check "screenshot taken (a PNG of some size)" \
  '[ "$(head -c 8 "$T/report.png" | od -An -tx1 | tr -d " ")" = 89504e470d0a1a0a ] && [ "$(stat -c %s "$T/report.png")" -gt 20000 ]'
if [ -n "${WIKIVET_SCREENSHOTS:-}" ] && [ -d "$WIKIVET_SCREENSHOTS" ]; then
  cp "$T/report.png" "$WIKIVET_SCREENSHOTS/html-report.png"
fi

[ "$fails" = 0 ] && echo "all passed" || echo "$fails failed"
[ "$fails" = 0 ]
