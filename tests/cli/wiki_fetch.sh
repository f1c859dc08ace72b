#!/usr/bin/env bash
# `wikivet check --wiki` against a local MediaWiki Action API (tests/tools/fake_wiki.py on
# 127.0.0.1, started and stopped here): the same findings as the file, redirects followed and
# reported, missing pages and revisions, batches of 50 titles, maxlag and a User-Agent on every
# request, 429 with Retry-After, 503, lag, malformed and truncated answers, timeouts, answers
# split with "continue", --revision with --baseline-revision parent, --save, --fix, html.
. "$(dirname "$0")/lib/common.sh" "$1"
SERVER=""
# Replaces common.sh's trap: the local wiki server is stopped before the scratch folder goes.
cleanup() { [ -n "$SERVER" ] && kill "$SERVER" 2>/dev/null; wait 2>/dev/null; rm -rf "$T"; }
trap cleanup EXIT

"$PY" tests/tools/fake_wiki.py "$REPO/fixtures" "$T/port" "$T/log" &
SERVER=$!
for _ in $(seq 100); do [ -s "$T/port" ] && break; sleep 0.05; done
[ -s "$T/port" ] || { echo "FAIL the test server did not start"; exit 1; }
W="http://127.0.0.1:$(cat "$T/port")"
wv() { timeout 60 "$WIKIVET" check --wiki-backoff-ms 20 "$@"; }
# Findings without their path, one JSON object a line, for comparing runs.
findings() { "$PY" -c 'import json,sys
for f in json.load(open(sys.argv[1]))["files"]:
  for x in f["findings"]:
    x.pop("related", None); print(json.dumps(x, sort_keys=True))' "$1"; }
requests() { grep -c "\"mode\": \"$1\"" "$T/log"; }

SEED=fixtures/seed/foreign-relations-of-mali.wiki

# ---- a page, its redirect, a missing page --------------------------------------------------
wv --wiki "$W/ok" --fail-on never --format json -o "$T/mali.json" 'Foreign relations of Mali' \
  'mali relations' 'No such page' 2>"$T/err"; rc=$?
check "a missing page is an error (exit 2), the others are still checked" '[ $rc = 2 ]'
check "the missing page is named" 'grep -q "page '"'"'No such page'"'"' does not exist" "$T/err"'
check "the redirect is followed and reported" \
  'grep -q "'"'"'Mali relations'"'"' redirects to '"'"'Foreign relations of Mali'"'"'" "$T/err"'
check "the title's case is normalised and reported" 'grep -q "is written '"'"'Mali relations'"'"'" "$T/err"'
check "the page and its redirect are checked once" \
  '[ "$("$PY" -c "import json;print(len(json.load(open(\"$T/mali.json\"))[\"files\"]))")" = 1 ]'
"$WIKIVET" check --fail-on never --format json -o "$T/file.json" "$SEED"
check "the fetched page has the file's findings, positions and fingerprints" \
  'diff <(findings "$T/mali.json") <(findings "$T/file.json") >/dev/null && [ -s "$T/file.json" ]'

# ---- every request: maxlag and a User-Agent naming wikivet; siteinfo asked ---------------
check "every request carries maxlag=5" \
  '"$PY" -c "import json,sys; sys.exit(not all(json.loads(l)[\"query\"].get(\"maxlag\")==\"5\" for l in open(\"$T/log\")))"'
check "every request has wikivet's User-Agent" \
  '"$PY" -c "import json,sys; sys.exit(not all(json.loads(l)[\"user_agent\"].startswith(\"wikivet/\") and \"github.com\" in json.loads(l)[\"user_agent\"] for l in open(\"$T/log\")))"'
check "siteinfo (general|namespaces) was asked" 'grep -q "\"siprop\": \"general|namespaces\"" "$T/log"'

# ---- batches of 50 titles -------------------------------------------------------------------
titles=(); for i in $(seq 1 60); do titles+=("Batch page $i"); done
wv --wiki "$W/batch" --fail-on never --format json -o "$T/batch.json" "${titles[@]}" 2>"$T/err"; rc=$?
check "60 titles: exit 0 and 60 pages checked" \
  '[ $rc = 0 ] && [ "$("$PY" -c "import json;print(len(json.load(open(\"$T/batch.json\"))[\"files\"]))")" = 60 ]'
check "60 titles went in two requests of at most 50" \
  '[ "$("$PY" -c "import json
n=[len(json.loads(l)[\"query\"][\"titles\"].split(\"|\")) for l in open(\"$T/log\") if json.loads(l)[\"mode\"]==\"batch\" and \"titles\" in json.loads(l)[\"query\"]]
print(sorted(n))")" = "[10, 50]" ]'
check "each batch page reports its unclosed link" \
  '[ "$(grep -o "syntax-unclosed-link" "$T/batch.json" | wc -l)" -ge 60 ]'

# ---- throttling, unavailability, lag ------------------------------------------------------
start=$(date +%s.%N)
wv --wiki "$W/throttle" --fail-on never 'Foreign relations of Zembla' >/dev/null 2>"$T/err"; rc=$?
secs=$("$PY" -c "print($(date +%s.%N) - $start)")
check "429 with Retry-After: 1 is waited out and retried (exit 0)" '[ $rc = 0 ] && grep -q "HTTP 429" "$T/err"'
check "the wait followed Retry-After (>= 1 s, took $secs s)" '"$PY" -c "import sys; sys.exit(not $secs >= 1.0)"'
wv --wiki "$W/unavailable" --fail-on never 'Foreign relations of Zembla' >/dev/null 2>"$T/err"; rc=$?
check "503 twice, then an answer: retried with back-off (exit 0)" \
  '[ $rc = 0 ] && [ "$(grep -c "HTTP 503" "$T/err")" = 2 ] && [ "$(requests unavailable)" = 4 ]'
wv --wiki "$W/down" 'Foreign relations of Zembla' >/dev/null 2>"$T/err"; rc=$?
check "always 503: gives up after 5 attempts (exit 2)" \
  '[ $rc = 2 ] && grep -q "gave up after 5 attempts" "$T/err" && [ "$(requests down)" = 5 ]'
wv --wiki "$W/maxlag" --fail-on never 'Foreign relations of Zembla' >/dev/null 2>"$T/err"; rc=$?
check "a maxlag answer is waited out (exit 0)" '[ $rc = 0 ] && grep -q "lagged" "$T/err"'

# ---- answers that are not what the API documents: a clear error, exit 2, never a crash -----
for mode in malformed truncated wrongshape odd http404; do
  wv --wiki "$W/$mode" 'Foreign relations of Zembla' >/dev/null 2>"$T/err"; rc=$?
  check "$mode answer: exit 2 with a one-line reason ($(head -c 90 "$T/err" | tr '\n' ' '))" \
    '[ $rc = 2 ] && [ "$(wc -l < "$T/err")" -le 3 ] && grep -q "wikivet: " "$T/err"'
done
check "malformed: says it is not JSON" 'wv --wiki "$W/malformed-2" X 2>&1 | grep -q "not a JSON object"'
wv --wiki "$W/slow" --wiki-timeout-ms 300 'Foreign relations of Zembla' >/dev/null 2>"$T/err"; rc=$?
check "a wiki that does not answer times out (exit 2)" '[ $rc = 2 ] && grep -q "timed out" "$T/err"'
"$PY" -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])' > "$T/closed"
wv --wiki "http://127.0.0.1:$(cat "$T/closed")" X >/dev/null 2>"$T/err"; rc=$?
check "nothing listening: exit 2 at once, named" '[ $rc = 2 ] && grep -q "cannot reach" "$T/err"'
wv --wiki "ftp://example.org" X >/dev/null 2>"$T/err"; rc=$?
check "a --wiki that is not http(s): exit 2" '[ $rc = 2 ] && grep -q "wiki'"'"'s address" "$T/err"'

# ---- an answer split over several requests ("continue") -------------------------------------
wv --wiki "$W/split" --fail-on never --format json -o "$T/split.json" 'Foreign relations of Mali' \
  'Foreign relations of Zembla' 2>"$T/err"; rc=$?
check "answers with continue: both pages arrive (exit 0)" \
  '[ $rc = 0 ] && [ "$("$PY" -c "import json;print(len(json.load(open(\"$T/split.json\"))[\"files\"]))")" = 2 ] && grep -q rvcontinue "$T/log"'

# ---- a revision, and what it added against its parent ---------------------------------------
sed 's/Unknown/12 May 1961/g' "$SEED" > "$T/old.wiki"
wv --wiki "$W/ok" --revision 1002 --baseline-revision parent --fail-on never --format json \
  -o "$T/rev.json" 2>"$T/err"; rc=$?
"$WIKIVET" check --fail-on never --format json -o "$T/rev-file.json" --baseline "$T/old.wiki" "$SEED"
check "--baseline-revision parent reports what the file baseline reports (same fingerprints)" \
  '[ $rc = 0 ] && diff <(findings "$T/rev.json") <(findings "$T/rev-file.json") >/dev/null'
check "... which is only what the edit added (the Unknown dates)" \
  '[ "$(findings "$T/rev.json" | wc -l)" -ge 1 ] && [ "$(findings "$T/rev.json" | wc -l)" -lt "$(findings "$T/file.json" | wc -l)" ] && ! findings "$T/rev.json" | grep -v -q "Unknown"'
check "the parent revision was fetched by id" 'grep -q "\"revids\": \"1001\"" "$T/log"'
wv --wiki "$W/ok" --revision 2001 --baseline-revision parent --fail-on never >/dev/null 2>"$T/err"; rc=$?
check "a page's first revision has no parent: everything is new (exit 0)" \
  '[ $rc = 0 ] && grep -q "created the page" "$T/err"'
wv --wiki "$W/ok" --revision 999999 >/dev/null 2>"$T/err"; rc=$?
check "a revision that does not exist: exit 2, named" '[ $rc = 2 ] && grep -q "revision 999999 does not exist" "$T/err"'
wv --wiki "$W/ok" --revision abc X >/dev/null 2>&1; rc=$?
check "--revision must be a number (exit 2)" '[ $rc = 2 ]'

# ---- --save, --fix (into the saved copy, never the wiki), html with edit links ----------------
wv --wiki "$W/ok" --fail-on never --save "$T/saved" 'Foreign relations of Mali' > "$T/text" 2>"$T/err"
check "--save writes the fetched text byte for byte" 'cmp -s "$T/saved/Foreign_relations_of_Mali.wiki" "$SEED"'
check "positions name the saved file" 'grep -q "^$T/saved/Foreign_relations_of_Mali.wiki:[0-9]*:[0-9]*:" "$T/text"'
wv --wiki "$W/ok" --fix 'Foreign relations of Mali' >/dev/null 2>"$T/err"; rc=$?
check "--fix without --save is refused (exit 2)" '[ $rc = 2 ] && grep -q "save DIR" "$T/err"'
wv --wiki "$W/ok" --fix --fail-on never --save "$T/fixed" 'Foreign relations of Mali' >/dev/null 2>"$T/err"; rc=$?
check "--fix --save fixes the saved copy" \
  '[ $rc = 0 ] && [ -f "$T/fixed/Foreign_relations_of_Mali.wiki" ] && ! cmp -s "$T/fixed/Foreign_relations_of_Mali.wiki" "$SEED"'
check "... and the wiki was only read (GET requests only)" \
  '"$PY" -c "import json,sys; m={json.loads(l)[\"method\"] for l in open(\"$T/log\")}; sys.exit(m!={\"GET\"})"'
cp "$SEED" "$T/local.wiki"
"$WIKIVET" check --fix --fail-on never "$T/local.wiki" >/dev/null 2>&1
check "... with the text --fix makes of the same file" 'cmp -s "$T/local.wiki" "$T/fixed/Foreign_relations_of_Mali.wiki"'
wv --wiki "$W/ok" --fail-on never --format html="$T/page.html" 'Foreign relations of Mali' 2>/dev/null
check "html: the page links to its edit view on the wiki" \
  'grep -q "href=\"$W/w/index.php?title=Foreign_relations_of_Mali&amp;action=edit\"" "$T/page.html"'
check "html: the site named from siteinfo (enwiki)" 'grep -q "data-dbname=\"enwiki\"" "$T/page.html"'

# ---- the wiki profile comes from the wiki's own siteinfo, unless --profile names one ---------
BNPAGE='বাংলা পাতা'
wv --wiki "$W/bnwiki" --fail-on never --format json -o "$T/bn.json" "$BNPAGE" 2>"$T/err"; rc=$?
check "bnwiki's siteinfo chooses the bnwiki profile" \
  '[ $rc = 0 ] && grep -q "profile bnwiki (wiki.s siteinfo (dbname bnwiki))" "$T/err"'
check "... so its {{সূত্র তালিকা}} is a reference list: no ref-no-list" \
  '[ -s "$T/bn.json" ] && ! grep -q "ref-no-list" "$T/bn.json"'
wv --wiki "$W/bnwiki" --profile enwiki --fail-on never --format json -o "$T/bn-en.json" \
  "$BNPAGE" 2>"$T/err"; rc=$?
check "--profile enwiki wins over the siteinfo, which still names the namespaces" \
  '[ $rc = 0 ] && grep -q "profile enwiki (built-in, with the namespaces of the wiki.s siteinfo)" "$T/err"'
check "... and read as English Wikipedia's the page has no list it knows (near miss)" \
  'grep -q "ref-no-list" "$T/bn-en.json"'
wv --wiki "$W/ok" --fail-on never "Foreign relations of Zembla" >/dev/null 2>"$T/err"
check "the English wiki's siteinfo chooses enwiki" \
  'grep -q "profile enwiki (wiki.s siteinfo (dbname enwiki))" "$T/err"'
before=$(requests bnwiki)
wv --wiki "$W/bnwiki" --profile bnwik "$BNPAGE" >/dev/null 2>"$T/err"; rc=$?
check "an unknown --profile: exit 2 with did-you-mean, before anything is fetched" \
  '[ $rc = 2 ] && grep -q "did you mean .bnwiki." "$T/err" && [ "$(requests bnwiki)" = "$before" ]'

[ "$fails" = 0 ] && echo "all passed" || echo "$fails failed"
[ "$fails" = 0 ]
