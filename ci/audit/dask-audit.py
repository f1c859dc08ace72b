#!/usr/bin/python3
"""Audits one multistream .bz2 dump on a Dask cluster: one task per range of streams, each
running `wikivet audit --streams A-B`, the results merged in page order by `wikivet audit
--merge` into exactly the JSON Lines and summary one `wikivet audit` of the dump writes.

    dask-audit.py [options] DUMP [-- AUDIT-OPTIONS...]

Options:
  --local-workers N   start a local cluster of N worker processes on 127.0.0.1 (default 2)
  --scheduler ADDR    use a running cluster instead (tcp://HOST:8786); every worker needs
                      wikivet and the dump (and the index) at the same paths as here
  --index FILE        the dump's multistream index (*-index.txt.bz2): streams are numbered from
                      it, and no worker scans the dump for its streams
  --streams-per-task K  streams in one task (default: the dump's streams cut into 4 tasks per
                      worker, at least 1 each)
  --wikivet PATH      the wikivet binary on the workers (default: wikivet on PATH)
  -o FILE             the JSON Lines results (default: standard output)
  --summary-json FILE the summary, as `wikivet audit --summary-json` writes it
  -q                  no text summary on standard error
AUDIT-OPTIONS go to every part and to the merge (--fail-on) as they are, e.g. -- --ns 0,14 -j 1.

Exit status: the one `wikivet audit` of the whole dump has (0 clean, 1 findings at the
--fail-on level, 2 an input error, also a part that failed).
"""
import argparse
import logging
import os
import shutil
import subprocess
import sys
import tempfile


def run_part(wikivet, dump, index, first, last, audit_args):
    """One task: audits streams first..last; returns (rc, JSON Lines bytes, summary, stderr)."""
    with tempfile.TemporaryDirectory(prefix="wikivet-part-") as d:
        out, summary = os.path.join(d, "part.jsonl"), os.path.join(d, "part.json")
        cmd = [wikivet, "audit", "-q", "--streams", f"{first}-{last}", dump, "-o", out,
               "--summary-json", summary] + (["--index", index] if index else []) + audit_args
        p = subprocess.run(cmd, stdin=subprocess.DEVNULL, capture_output=True)
        results = open(out, "rb").read() if os.path.exists(out) else b""
        summ = open(summary, "rb").read() if os.path.exists(summary) else b""
        return p.returncode, results, summ, p.stderr.decode("utf-8", "replace")


def stream_count(wikivet, dump, index):
    cmd = [wikivet, "audit", "--list-streams", dump] + (["--index", index] if index else [])
    p = subprocess.run(cmd, capture_output=True, text=True)
    if p.returncode != 0:
        sys.exit(f"dask-audit: {p.stderr.strip() or 'wikivet audit --list-streams failed'}")
    return len(p.stdout.splitlines())


def main():
    argv = sys.argv[1:]
    audit_args = []
    if "--" in argv:
        at = argv.index("--")
        argv, audit_args = argv[:at], argv[at + 1:]
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("dump")
    ap.add_argument("--local-workers", type=int, default=2)
    ap.add_argument("--scheduler")
    ap.add_argument("--index")
    ap.add_argument("--streams-per-task", type=int, default=0)
    ap.add_argument("--wikivet", default=shutil.which("wikivet") or "wikivet")
    ap.add_argument("-o", dest="output", default="-")
    ap.add_argument("--summary-json")
    ap.add_argument("-q", dest="quiet", action="store_true")
    a = ap.parse_args(argv)
    from dask.distributed import Client, LocalCluster, as_completed

    dump = os.path.abspath(a.dump)
    index = os.path.abspath(a.index) if a.index else None
    n = stream_count(a.wikivet, dump, index)
    if a.scheduler:
        client = Client(a.scheduler)
    else:
        cluster = LocalCluster(n_workers=a.local_workers, threads_per_worker=1, processes=True,
                               host="127.0.0.1", dashboard_address=None,
                               silence_logs=logging.ERROR)
        client = Client(cluster)
    workers = max(1, len(client.scheduler_info()["workers"]))
    per_task = a.streams_per_task or max(1, -(-n // (4 * workers)))
    ranges = [(s, min(s + per_task, n) - 1) for s in range(0, n, per_task)]
    futures = {client.submit(run_part, a.wikivet, dump, index, f, l, audit_args, pure=False): i
               for i, (f, l) in enumerate(ranges)}
    rc = 0
    with tempfile.TemporaryDirectory(prefix="wikivet-dask-") as d:
        # Each part's results are kept on the client's disk as they arrive, whatever the order;
        # the merge puts them in page order.
        for future in as_completed(futures):
            i = futures[future]
            part_rc, results, summary, err = future.result()
            if part_rc not in (0, 1) or not summary:
                first, last = ranges[i]
                sys.stderr.write(f"dask-audit: streams {first}-{last}: {err.strip()}\n")
                rc = 2
            with open(os.path.join(d, f"{i}.jsonl"), "wb") as f:
                f.write(results)
            with open(os.path.join(d, f"{i}.json"), "wb") as f:
                f.write(summary)
        client.close()
        if rc:
            return rc
        fail_on = []
        for j, arg in enumerate(audit_args):
            if arg == "--fail-on" and j + 1 < len(audit_args):
                fail_on = ["--fail-on", audit_args[j + 1]]
            elif arg.startswith("--fail-on="):
                fail_on = [arg]
        cmd = [a.wikivet, "audit", "--merge", "-o", a.output] + fail_on
        cmd += [os.path.join(d, f"{i}.jsonl") for i in range(len(ranges))]
        for i in range(len(ranges)):
            cmd += ["--part-summary", os.path.join(d, f"{i}.json")]
        if a.summary_json:
            cmd += ["--summary-json", a.summary_json]
        if a.quiet:
            cmd.append("-q")
        return subprocess.run(cmd).returncode


if __name__ == "__main__":
    sys.exit(main())
