#!/usr/bin/env bash
# Audits many dump files at once with GNU parallel, one `wikivet audit` per file, on this
# machine or over SSH on several hosts; or splits one JSON Lines stream of pages across jobs
# (the map-step contract: one result line per input line, in input order).
#
#   parallel-audit.sh [options] DUMP...         one job per dump file
#   parallel-audit.sh [options] --jsonl FILE    JSON Lines pages (- for standard input) cut
#                                               into blocks; results on standard output, in order
# Options:
#   -j JOBS        concurrent jobs per host (default 2)
#   -t THREADS     worker threads of each wikivet (wikivet -j; default 1: the jobs are the
#                  parallelism)
#   -S HOSTS       comma-separated SSH logins for GNU parallel (--sshlogin), ":" is this machine;
#                  remote hosts need wikivet on their PATH and the dump files at the same path
#                  (a shared filesystem); results come back through the shared output directory
#   -o DIR         output directory for per-dump results (default ./audit-out):
#                  DIR/NAME.jsonl, DIR/NAME.summary.json, DIR/NAME.stderr, DIR/joblog
#   -N LINES       --jsonl: pages per block (default 1000)
#   -- ARGS        further options for `wikivet audit` (e.g. -- --ns 0,14 --select refs)
# Environment: WIKIVET (the binary; default: wikivet on PATH).
# Exit code: 2 if any job had an input error, else 1 if any job had findings at the --fail-on
# level, else 0 (the same contract as one `wikivet audit`).
set -euo pipefail

jobs=2 threads=1 hosts="" outdir="audit-out" jsonl="" block=1000
wikivet=${WIKIVET:-wikivet}
usage() { sed -n '2,25p' "$0" | sed 's/^# \{0,1\}//'; exit 2; }
files=()
while [ $# -gt 0 ]; do
  case "$1" in
    -j) jobs=$2; shift 2 ;;
    -t) threads=$2; shift 2 ;;
    -S) hosts=$2; shift 2 ;;
    -o) outdir=$2; shift 2 ;;
    -N) block=$2; shift 2 ;;
    --jsonl) jsonl=$2; shift 2 ;;
    -h|--help) usage ;;
    --) shift; break ;;
    -*) echo "parallel-audit: unknown option $1" >&2; usage ;;
    *) files+=("$1"); shift ;;
  esac
done
extra=("$@")
command -v parallel > /dev/null || { echo "parallel-audit: GNU parallel is not installed" >&2; exit 2; }
remote=()
[ -n "$hosts" ] && remote=(--sshlogin "$hosts")

# Joblog columns: Seq Host Starttime JobRuntime Send Receive Exitval Signal Command.
# worst_exit JOBLOG: 2 if a job failed on input (or died), else 1 if a job had findings, else 0.
worst_exit() {
  local worst=0 seq exitval signal
  while IFS=$'\t' read -r seq _ _ _ _ _ exitval signal _; do
    if [ "$signal" != "0" ] || [ "$exitval" -ge 2 ]; then
      worst=2
    elif [ "$exitval" -eq 1 ] && [ $worst -eq 0 ]; then
      worst=1
    fi
  done < <(tail -n +2 "$1")
  echo $worst
}

if [ -n "$jsonl" ]; then
  # --pipe cuts the input at line boundaries into blocks of $block lines; --keep-order puts the
  # blocks' results back in input order. Each block is one `wikivet audit --input jsonl`, so
  # the "line" field of a result counts lines within its block; --block only sizes parallel's
  # read buffer (records are never split).
  joblog=$(mktemp)
  trap 'rm -f "$joblog"' EXIT
  src=(cat)
  [ "$jsonl" != "-" ] && src=(cat -- "$jsonl")
  "${src[@]}" | parallel "${remote[@]}" --pipe -N "$block" --block 64M --keep-order -j "$jobs" \
    --joblog "$joblog" "$wikivet" audit --input jsonl -q -j "$threads" "${extra[@]}" || true
  exit "$(worst_exit "$joblog")"
fi

[ ${#files[@]} -gt 0 ] || usage
mkdir -p "$outdir"
outdir=$(cd "$outdir" && pwd)
abs=()
for f in "${files[@]}"; do abs+=("$(realpath "$f")"); done
# {/} is the file's basename: each dump writes its own result files. --joblog records every
# job's exit value; `|| true` because parallel's own status counts failed jobs (and exit 1
# just means findings).
parallel "${remote[@]}" -j "$jobs" --joblog "$outdir/joblog" \
  "$wikivet" audit -q -j "$threads" "${extra[@]}" \
  --output "$outdir/{/}.jsonl" --summary-json "$outdir/{/}.summary.json" {} \
  '2>' "$outdir/{/}.stderr" ::: "${abs[@]}" || true

pages=0
for f in "${abs[@]}"; do
  name=$(basename "$f")
  [ -s "$outdir/$name.stderr" ] && sed "s/^/parallel-audit: /" "$outdir/$name.stderr" >&2
  if [ -f "$outdir/$name.summary.json" ]; then
    n=$(grep -o '"pages":[0-9]*' "$outdir/$name.summary.json" | head -1 | cut -d: -f2)
    pages=$((pages + ${n:-0}))
  fi
done
echo "parallel-audit: ${#files[@]} dumps, $pages pages; results in $outdir" >&2
exit "$(worst_exit "$outdir/joblog")"
