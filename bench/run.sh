#!/usr/bin/env bash
# wikivet's benchmark: builds a corpus of real wikitext (the seed, the fixtures, the real dumps
# and the 71 articles in ../shared/corpus), wraps it as an XML dump and a multistream .bz2, and
# measures parsing, checking and auditing, with mwparserfromhell, wikilint and `lbzip2 -dc`
# side by side where installed. Writes bench/results.md. Runs in a few minutes on 2 cores.
#
#   bench/run.sh [--quick]        (from anywhere; builds build-bench/ in Release if needed)
# Environment: WIKIVET (a built binary to use instead), BENCH_DIR (scratch, default a temp dir),
# BENCH_NO_NPM=1 (do not install wikilint with npm).
set -euo pipefail
HERE=$(cd "$(dirname "$0")" && pwd)
REPO=$(cd "$HERE/.." && pwd)
CORPUS="$REPO/../shared/corpus"
PY=/usr/bin/python3
[ -x "$PY" ] || PY=python3
quick=0
[ "${1:-}" = "--quick" ] && quick=1
W=${BENCH_DIR:-$(mktemp -d /tmp/wikivet-bench.XXXXXX)}
mkdir -p "$W"
[ -n "${BENCH_DIR:-}" ] || trap 'rm -rf "$W"' EXIT
log() { echo "bench: $*" >&2; }

# ---- the binary: a Release build ---------------------------------------------------------------
if [ -n "${WIKIVET:-}" ]; then
  BIN=$WIKIVET
else
  log "building $REPO/build-bench (Release)"
  cmake -S "$REPO" -B "$REPO/build-bench" -DCMAKE_BUILD_TYPE=Release > /dev/null
  cmake --build "$REPO/build-bench" -j2 --target wikivet > /dev/null
  BIN="$REPO/build-bench/wikivet"
fi

# ---- the corpus --------------------------------------------------------------------------------
sources=("$REPO/fixtures")
if [ -d "$CORPUS" ]; then
  sources+=("$CORPUS/articles-en")
  for f in "$CORPUS"/dumps/*.xml "$CORPUS"/dumps/*.xml.bz2 "$CORPUS"/dumps/*.xml.xz; do
    [ -e "$f" ] && sources+=("$f")
  done
else
  log "$CORPUS is absent: the corpus is the repository's fixtures only"
fi
log "assembling the corpus"
"$PY" "$REPO/tests/cli/audit_make_dump.py" "$W/corpus" "${sources[@]}" --as-articles --parts 100
# Each page also as a .wiki file, for `check` and the other tools.
mkdir -p "$W/pages"
"$PY" - "$W/corpus.jsonl" "$W/pages" <<'PY'
import json, sys
for i, line in enumerate(open(sys.argv[1], encoding="utf-8")):
    with open("%s/%05d.wiki" % (sys.argv[2], i), "w", encoding="utf-8") as f:
        f.write(json.loads(line)["text"])
PY
# The articles alone (seed, fixtures, the 71 articles): the set the slow tools run on.
mkdir -p "$W/articles"
find "$REPO/fixtures" -name '*.wiki' -exec cp {} "$W/articles/" \;
[ -d "$CORPUS/articles-en" ] && cp "$CORPUS"/articles-en/*.wiki "$W/articles/"
# The multistream .bz2: one bzip2 stream per part, like Wikimedia's, and its index.
log "compressing $(ls "$W/corpus.parts" | wc -l) multistream parts"
ls "$W"/corpus.parts/part-*.xml | xargs -P 2 -n 8 bzip2 -9
: > "$W/corpus.xml.bz2"
for p in "$W"/corpus.parts/part-*.xml.bz2; do cat "$p" >> "$W/corpus.xml.bz2"; done

xml_bytes=$(stat -c %s "$W/corpus.xml")
bz2_bytes=$(stat -c %s "$W/corpus.xml.bz2")
pages=$(wc -l < "$W/corpus.titles")
page_bytes=$(cat "$W"/pages/*.wiki | wc -c)
art_bytes=$(cat "$W"/articles/*.wiki | wc -c)
art_files=$(ls "$W"/articles | wc -l)
log "corpus: $pages pages, $((page_bytes / 1000000)) MB wikitext, XML $((xml_bytes / 1000000)) MB, bz2 $((bz2_bytes / 1000000)) MB"

# The machine may be shared: the load before measuring says how far to trust the numbers.
load_before=$(cut -d' ' -f1-3 /proc/loadavg)

# ---- measuring ---------------------------------------------------------------------------------
rows=()
# measure NAME INPUT_DESC BYTES PAGES CMD...: runs CMD under /usr/bin/time, records wall time,
# cpu time (user + system, all threads), MB/s of BYTES by wall time and per core (by cpu time),
# pages/s and peak RSS. Exit status 0 and 1 (findings) count as success. With KEY set, the
# figures are also kept under that key (for the goals at the end) and KEY is cleared.
declare -A wall_of cpu_of rss_of bytes_of
KEY=""
measure() {
  local name=$1 desc=$2 bytes=$3 npages=$4
  shift 4
  local rc=0
  /usr/bin/time -f "%e %M %U %S" -o "$W/time.txt" "$@" > /dev/null 2> "$W/stderr.txt" || rc=$?
  if [ $rc -gt 1 ]; then
    log "$name failed (exit $rc): $(tail -2 "$W/stderr.txt")"
    rows+=("| $name | $desc | failed (exit $rc) | | | | | | |")
    KEY=""
    return
  fi
  local secs rss user sys cpu
  read -r secs rss user sys < <(tail -1 "$W/time.txt")
  cpu=$(awk -v u="$user" -v s="$sys" 'BEGIN { printf "%.2f", u + s }')
  last_secs=$secs last_rss=$rss last_cpu=$cpu
  if [ -n "$KEY" ]; then
    wall_of[$KEY]=$secs cpu_of[$KEY]=$cpu rss_of[$KEY]=$rss bytes_of[$KEY]=$bytes
    KEY=""
  fi
  rows+=("$(awk -v n="$name" -v d="$desc" -v b="$bytes" -v p="$npages" -v s="$secs" -v c="$cpu" -v r="$rss" 'BEGIN {
    t = (s > 0 ? s : 0.005); u = (c > 0 ? c : 0.005);
    printf "| %s | %s | %.1f | %.2f | %.2f | %.1f | %.1f | %s | %.0f |", n, d, b / 1e6, s, c, b / 1e6 / t,
      b / 1e6 / u, (p > 0 ? sprintf("%.0f", p / t) : ""), r / 1024 }')")
  log "${rows[-1]}"
}

AUDIT=("$BIN" audit -q --fail-on never)
measure "parse only (audit --parse-only -j1)" "corpus.xml (wikitext MB)" "$page_bytes" "$pages" \
  "${AUDIT[@]}" --parse-only -j1 "$W/corpus.xml"
measure "parse only (audit --parse-only -j2)" "corpus.xml (wikitext MB)" "$page_bytes" "$pages" \
  "${AUDIT[@]}" --parse-only -j2 "$W/corpus.xml"
# The articles are small: give them 20 times in one run so the time is measurable.
art_list=()
for _ in $(seq 20); do art_list+=("$W"/articles/*.wiki); done
KEY=articles measure "check, all rules" "$art_files articles x 20 (.wiki)" "$((art_bytes * 20))" \
  "$((art_files * 20))" "$BIN" check --fail-on never "${art_list[@]}"
# The English articles with tables (../shared/corpus/articles-en-tables): table-heavy pages,
# where the article model does the most.
if [ -d "$CORPUS/articles-en-tables" ]; then
  tab_files=$(ls "$CORPUS"/articles-en-tables/*.wiki | wc -l)
  tab_bytes=$(cat "$CORPUS"/articles-en-tables/*.wiki | wc -c)
  KEY=tables measure "check, all rules" "$tab_files English articles with tables (.wiki)" "$tab_bytes" \
    "$tab_files" "$BIN" check --fail-on never "$CORPUS"/articles-en-tables/*.wiki
fi
# Linearity over many pages: the corpus's .wiki files given 1x, 4x, 16x in one run.
scales=(1 4 16)
[ $quick -eq 1 ] && scales=(1 4)
for k in "${scales[@]}"; do
  KEY=corpus$k measure "check, all rules, ${k}x corpus" "$((pages * k)) pages (.wiki)" "$((page_bytes * k))" \
    "$((pages * k))" sh -c "for i in \$(seq $k); do find \"$W/pages\" -name '*.wiki' -print0; done | xargs -0 -n 2000 \"$BIN\" check --fail-on never"
done
# One page of real wikitext: article bodies (the articles with tables, then the 71 articles)
# concatenated to 3 MB, then that page 4 and 16 times over; and one 50 MB page (the bodies
# again and again), also wrapped as a one-page XML dump for audit. Check's memory on one page
# grows with the page (the tree and the model are the page's); the goal is at most 3 bytes of
# RSS per byte of the largest page plus a constant.
"$PY" - "$W" "$REPO/tests/cli" "$CORPUS" "$REPO/fixtures" <<'PY'
import glob, sys
from xml.sax.saxutils import escape
w, cli, corpus, fixtures = sys.argv[1:5]
sys.path.insert(0, cli)
from audit_make_dump import HEADER, FOOTER
files = sorted(glob.glob(corpus + "/articles-en-tables/*.wiki")) + sorted(glob.glob(corpus + "/articles-en/*.wiki"))
files = files or sorted(glob.glob(fixtures + "/**/*.wiki", recursive=True))
bodies = [open(f, encoding="utf-8", errors="replace").read() for f in files]
def page(size):
    out, n = [], 0
    while n < size:
        for b in bodies:
            if n >= size:
                break
            out.append(b + "\n")
            n += len(b.encode()) + 1
    return "".join(out)
one = page(3_000_000)
for k in (1, 4, 16):
    open("%s/page%dx.wiki" % (w, k), "w", encoding="utf-8").write(one * k)
big = page(50_000_000)
open(w + "/page50.wiki", "w", encoding="utf-8").write(big)
with open(w + "/page50.xml", "w", encoding="utf-8") as o:
    o.write(HEADER + "  <page>\n    <title>Large page</title>\n    <ns>0</ns>\n    <id>1</id>\n"
            "    <revision>\n      <id>1</id>\n      <text xml:space=\"preserve\">")
    o.write(escape(big) + "</text>\n    </revision>\n  </page>\n" + FOOTER)
PY
echo "One line of prose." > "$W/tiny.wiki"
KEY=tiny measure "check, all rules, one line" "one-line page (.wiki)" "$(stat -c %s "$W/tiny.wiki")" 1 \
  "$BIN" check --fail-on never "$W/tiny.wiki"
page_notes=()
for k in "${scales[@]}"; do
  b=$(stat -c %s "$W/page${k}x.wiki")
  KEY=page$k measure "check, all rules, one page ${k}x" "$((b / 1000000)) MB page (.wiki)" "$b" 1 \
    "$BIN" check --fail-on never "$W/page${k}x.wiki"
  page_notes+=("$(awk -v k="$k" -v b="$b" -v r="$last_rss" 'BEGIN { printf "one page %sx (%.0f MB): %.1f bytes of RSS per byte", k, b / 1e6, r * 1024 / b }')")
done
big_bytes=$(stat -c %s "$W/page50.wiki")
KEY=page50 measure "check, all rules, one 50 MB page" "$((big_bytes / 1000000)) MB page (.wiki)" "$big_bytes" 1 \
  "$BIN" check --fail-on never "$W/page50.wiki"
page_notes+=("$(awk -v b="$big_bytes" -v r="$last_rss" 'BEGIN { printf "check of one 50 MB page: %.1f bytes of RSS per byte of the page", r * 1024 / b }')")
KEY=audit50 measure "audit -j1, one 50 MB page" "one-page XML dump (wikitext MB)" "$big_bytes" 1 \
  "${AUDIT[@]}" -j1 "$W/page50.xml"
page_notes+=("$(awk -v b="$big_bytes" -v r="$last_rss" 'BEGIN { printf "audit of the one-page dump: %.1f bytes of RSS per byte of the page", r * 1024 / b }')")
rm -f "$W"/page*x.wiki "$W/page50.wiki" "$W/page50.xml"
for j in 1 2; do
  measure "audit -j$j" "corpus.xml (XML MB)" "$xml_bytes" "$pages" "${AUDIT[@]}" -j$j "$W/corpus.xml"
done
for j in 1 2; do
  KEY=bz2_j$j measure "audit -j$j" "corpus.xml.bz2 multistream (XML MB)" "$xml_bytes" "$pages" \
    "${AUDIT[@]}" -j$j "$W/corpus.xml.bz2"
done
if command -v lbzip2 > /dev/null; then
  for j in 1 2; do
    KEY=lbzip2_n$j measure "lbzip2 -dc -n$j (decompression floor)" "corpus.xml.bz2 (XML MB)" "$xml_bytes" "" \
      lbzip2 -dc -n$j "$W/corpus.xml.bz2"
  done
else
  rows+=("| lbzip2 -dc | not installed (apt-get install lbzip2) | | | | | | | |")
fi
measure "bzip2 -dc (reference)" "corpus.xml.bz2 (XML MB)" "$xml_bytes" "" bzip2 -dc "$W/corpus.xml.bz2"

# Scaling: the corpus body repeated 1x, 4x, 16x, streamed through a pipe (no disk needed).
sed -n '1,/<\/siteinfo>/p' "$W/corpus.xml" > "$W/head.xml"
sed -n '/<\/siteinfo>/,$p' "$W/corpus.xml" | sed '1d;$d' > "$W/body.xml"
for k in "${scales[@]}"; do
  measure "audit -j2, ${k}x corpus (stdin)" "$((xml_bytes * k / 1000000)) MB XML" \
    "$((xml_bytes * k))" "$((pages * k))" \
    sh -c "{ cat \"$W/head.xml\"; for i in \$(seq $k); do cat \"$W/body.xml\"; done; echo '</mediawiki>'; } | \"$BIN\" audit -q --fail-on never -j2 -"
done

# ---- the other tools, on the articles ----------------------------------------------------------
if "$PY" -c 'import mwparserfromhell' 2> /dev/null; then
  KEY=mwph measure "mwparserfromhell parse+walk" "$art_files articles (.wiki)" "$art_bytes" "$art_files" \
    "$PY" "$HERE/mwph_bench.py" "$W/articles"
else
  rows+=("| mwparserfromhell | not installed (apt-get install python3-mwparserfromhell) | | | | | | | |")
fi
WIKILINT="$HERE/node_modules/wikilint/bin/cli.js"
if [ ! -f "$WIKILINT" ] && [ -z "${BENCH_NO_NPM:-}" ] && command -v npm > /dev/null; then
  log "installing wikilint into bench/node_modules (not committed)"
  (cd "$HERE" && timeout 300 npm install --no-save --no-audit --no-fund --prefix "$HERE" wikilint > /dev/null 2>&1) || true
fi
if [ -f "$WIKILINT" ] && command -v node > /dev/null; then
  wl_version=$(node -p "require('$HERE/node_modules/wikilint/package.json').version")
  KEY=wikilint measure "wikilint $wl_version lint" "$art_files articles (.wiki)" "$art_bytes" "$art_files" \
    node "$WIKILINT" --config enwiki "$W"/articles/*.wiki
else
  rows+=("| wikilint | not installed (npm install --prefix bench wikilint) | | | | | | | |")
fi

# ---- the goals of issue 15, from this run's figures ----------------------------------------------
# fig KEY wall|cpu: MB/s of that row by wall time or per core (cpu time); empty if not measured.
fig() {
  local k=$1 how=$2
  [ -n "${bytes_of[$k]:-}" ] || return 0
  local t=${wall_of[$k]}
  [ "$how" = cpu ] && t=${cpu_of[$k]}
  awk -v b="${bytes_of[$k]}" -v t="$t" 'BEGIN { printf "%.1f", b / 1e6 / (t > 0 ? t : 0.005) }'
}
# ratio A B: A / B to two places, or "n/a" when either is missing.
ratio() {
  if [ -z "$1" ] || [ -z "$2" ]; then echo "n/a"; return; fi
  awk -v a="$1" -v b="$2" 'BEGIN { r = (b > 0 ? a / b : 0); printf (r >= 20 ? "%.0f" : "%.2f"), r }'
}
# verdict VALUE OP LIMIT: "met" or "missed" (or "n/a").
verdict() {
  if [ -z "$1" ] || [ "$1" = n/a ]; then echo "n/a"; return; fi
  awk -v v="$1" -v op="$2" -v l="$3" 'BEGIN { ok = (op == ">=" ? v >= l : v <= l); print (ok ? "met" : "missed") }'
}
goal_rows=()
goal() { goal_rows+=("| $1 | $2 | $3 |"); }
for k in articles tables corpus1; do
  case $k in
    articles) what="the $art_files articles" ;;
    tables) what="the English articles with tables" ;;
    corpus1) what="the corpus's $pages pages (dump pages and articles)" ;;
  esac
  v=$(fig $k cpu)
  goal "check, all rules, $what: 200 MB/s per core or more" "${v:-n/a} MB/s per core ($(fig $k wall) MB/s wall)" "$(verdict "$v" '>=' 200)"
done
v=$(fig page50 cpu)
goal "check, one 50 MB page: 100 MB/s per core or more" "${v:-n/a} MB/s per core" "$(verdict "$v" '>=' 100)"
wl_wall=$(ratio "$(fig articles wall)" "$(fig wikilint wall)")
wl_cpu=$(ratio "$(fig articles cpu)" "$(fig wikilint cpu)")
goal "150x wikilint or more (check of the articles against \`wikilint\` on them, MB/s)" "${wl_wall}x wall, ${wl_cpu}x cpu" "$(verdict "$wl_wall" '>=' 150)"
mem=""
if [ -n "${rss_of[page50]:-}" ] && [ -n "${rss_of[tiny]:-}" ]; then
  mem=$(awk -v r="${rss_of[page50]}" -v c="${rss_of[tiny]}" -v b="${bytes_of[page50]}" 'BEGIN { printf "%.1f", (r - c) * 1024 / b }')
fi
goal "memory: 3 bytes or less per byte of the largest page, plus a constant" "${mem:-n/a} bytes per byte of the 50 MB page above the one-line page's $(( ${rss_of[tiny]:-0} / 1024 )) MB" "$(verdict "$mem" '<=' 3)"
lin_worst=1 lin_notes=""
for pair in "corpus4 corpus1" "corpus16 corpus1" "page4 page1" "page16 page1" "page50 page1"; do
  set -- $pair
  r=$(ratio "$(fig "$1" cpu)" "$(fig "$2" cpu)")
  [ "$r" = n/a ] && continue
  lin_notes+="${1} / ${2}: ${r}; "
  lin_worst=$(awk -v a="$lin_worst" -v r="$r" 'BEGIN { d = (r > 1 ? r - 1 : 1 - r); w = (a > 1 ? a - 1 : 1 - a); print (d > w ? r : a) }')
done
lin_dev=$(awk -v r="$lin_worst" 'BEGIN { printf "%.2f", (r > 1 ? r - 1 : 1 - r) }')
goal "time linear: MB/s per core at 4x and 16x against 1x, and of the 50 MB page against the 3 MB one, within 10%" "${lin_notes%; }" "$(verdict "$lin_dev" '<=' 0.10)"
for j in 1 2; do
  w=$(ratio "${wall_of[bz2_j$j]:-}" "${wall_of[lbzip2_n$j]:-}")
  c=$(ratio "${cpu_of[bz2_j$j]:-}" "${cpu_of[lbzip2_n$j]:-}")
  goal "\`audit -j$j\` of the .bz2 within 1.3x of \`lbzip2 -dc -n$j\` (time)" "${w}x wall, ${c}x cpu" "$(verdict "$w" '<=' 1.3)"
done
mw=$(ratio "$(fig articles wall)" "$(fig mwph wall)")
goal "(no goal) against mwparserfromhell parse and walk of the articles, MB/s" "${mw}x wall, $(ratio "$(fig articles cpu)" "$(fig mwph cpu)")x cpu" ""

# ---- where the time goes -------------------------------------------------------------------------
profile=""
if command -v perf > /dev/null && perf record -q -g -o "$W/perf.data" -- \
    "${AUDIT[@]}" -j1 "$W/corpus.xml.bz2" > /dev/null 2>&1; then
  profile=$(perf report -i "$W/perf.data" --no-children --stdio --percent-limit 2 \
    --sort symbol 2> /dev/null | awk '/^ +[0-9.]+%/ { printf "%8s  %s\n", $1, $3 }' | head -12 || true)
fi

# ---- results.md --------------------------------------------------------------------------------
# Only the part between the markers is this script's; what stands before or after them (notes
# and figures measured by hand) is kept as it is.
START='<!-- generated by bench/run.sh: rewritten on each run -->'
END='<!-- /generated by bench/run.sh -->'
cpu=$(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | sed 's/^ //')
mem=$(awk '/MemTotal/ { printf "%.0f GB", $2 / 1048576 }' /proc/meminfo)
commit=$(git -C "$REPO" rev-parse --short HEAD 2> /dev/null || echo unknown)
{
  echo "Written by \`bench/run.sh\` on $(date -u '+%Y-%m-%d %H:%M UTC'), machine: $cpu, $(nproc) cores, $mem RAM,"
  echo "$(uname -sr); wikivet $("$BIN" --version | cut -d' ' -f2) at commit $commit. Load average before"
  echo "measuring: $load_before (anything near the core count means other jobs shared the cores)."
  echo
  echo "Corpus: $pages pages of real wikitext ($((page_bytes / 1000000)) MB; the seed, the fixtures, the"
  echo "71 articles and the pages of the real dumps in ../shared/corpus), as one XML dump of"
  echo "$((xml_bytes / 1000000)) MB and a multistream .bz2 of $((bz2_bytes / 1000000)) MB ($(ls "$W"/corpus.parts | wc -l) streams of 100 pages)."
  echo "\"articles\" is the subset the slower tools run on: $art_files files, $((art_bytes / 1000)) KB."
  echo
  echo "| what | input | MB | wall s | cpu s | MB/s | MB/s per core | pages/s | peak RSS MB |"
  echo "|---|---|---:|---:|---:|---:|---:|---:|---:|"
  printf '%s\n' "${rows[@]}"
  echo
  echo "MB/s of an audit counts decompressed XML; parse-only counts wikitext; wall-clock time of"
  echo "the whole process (start-up included), peak RSS from /usr/bin/time. \"MB/s per core\" divides by"
  echo "the cpu time (user and system, all threads): \`check\` of many files and \`audit\` use every core."
  echo
  echo "Memory on one page (goal: at most 3 bytes per byte of the largest page plus a constant):"
  echo
  printf -- '- %s\n' "${page_notes[@]}"
  echo
  echo "Goals of issue 15, from the rows above (per core = bytes over the process's cpu time, all"
  echo "threads; the peers' ratios are wikivet's MB/s over theirs on the same files):"
  echo
  echo "| goal | this run | met? |"
  echo "|---|---|---|"
  printf '%s\n' "${goal_rows[@]}"
  if [ -n "$profile" ]; then
    echo
    echo "Hottest functions (perf, \`audit -j1\` of the .bz2, self time):"
    echo
    echo '```'
    echo "$profile"
    echo '```'
  fi
} > "$W/generated.md"
"$PY" - "$HERE/results.md" "$W/generated.md" "$START" "$END" <<'PY'
import os, sys
path, generated, start, end = sys.argv[1], open(sys.argv[2]).read(), sys.argv[3], sys.argv[4]
old = open(path).read() if os.path.exists(path) else ""
if start in old and end in old:
    before, after = old.split(start, 1)[0], old.split(end, 1)[1]
else:  # the first run, or a file from before the markers: keep its hand-written sections
    i = old.find("\n## ")
    before, after = "# Benchmark results\n\n", ("\n\n" + old[i + 1:] if i >= 0 else "\n")
open(path, "w").write(before + start + "\n" + generated + end + after)
PY
log "wrote $HERE/results.md"
cat "$HERE/results.md"
