#!/usr/bin/python3
"""Reads wikivet's SARIF as a consumer (GitHub code scanning) would, and checks it.

usage: sarif_consumer.py WIKIVET SCHEMA FILE...

For every FILE (checked one at a time, then all together):
- the log validates against the official SARIF 2.1.0 schema;
- every result's ruleId is tool.driver.rules[ruleIndex].id;
- every region lies inside its file: lines exist, columns within the line (code points),
  charOffset/charLength within the file and consistent with startLine/startColumn;
- partialFingerprints are unchanged after inserting 10 lines at the top of the file.
Exit 0 when all hold, 1 otherwise, 77 when python3-jsonschema is missing.
"""
import json
import os
import subprocess
import sys
import tempfile

try:
    import jsonschema
except ImportError:
    print("python3-jsonschema is not installed: SARIF consumer test skipped", file=sys.stderr)
    sys.exit(77)

failures = []


def fail(msg):
    failures.append(msg)
    print("FAIL", msg)


def sarif(wikivet, paths, cwd=None):
    out = subprocess.run([wikivet, "check", "--format", "sarif", "--fail-on", "never", *paths],
                         capture_output=True, check=False, cwd=cwd)
    if out.returncode != 0:
        fail(f"wikivet exited {out.returncode} on {paths}: {out.stderr.decode()}")
        return None
    return json.loads(out.stdout)


def code_points(b):
    return len(b.decode("utf-8", errors="surrogateescape"))


def check_log(log, validator, base):
    errors = list(validator.iter_errors(log))
    for e in errors[:5]:
        fail(f"schema: {e.message} at {list(e.absolute_path)}")
    run = log["runs"][0]
    rules = run["tool"]["driver"]["rules"]
    results = run.get("results", [])
    for r in results:
        idx = r.get("ruleIndex")
        if idx is None or idx >= len(rules) or rules[idx]["id"] != r["ruleId"]:
            fail(f"ruleIndex {idx} does not name {r['ruleId']}")
        for loc in r["locations"] + r.get("relatedLocations", []):
            phys = loc["physicalLocation"]
            uri = phys["artifactLocation"]["uri"]
            path = uri[len("file://"):] if uri.startswith("file://") else os.path.join(base, uri)
            data = open(path, "rb").read()
            lines = data.split(b"\n")
            reg = phys["region"]
            sl, sc = reg["startLine"], reg.get("startColumn", 1)
            el, ec = reg.get("endLine", sl), reg.get("endColumn", sc)
            if not (1 <= sl <= el <= len(lines)):
                fail(f"{uri}: lines {sl}-{el} outside 1-{len(lines)}")
                continue
            if sc > code_points(lines[sl - 1]) + 1 or ec > code_points(lines[el - 1]) + 2:
                fail(f"{uri}:{sl}: columns {sc}/{ec} outside the line")
            if "charOffset" in reg:
                text = data.decode("utf-8", errors="surrogateescape")
                off, length = reg["charOffset"], reg.get("charLength", 0)
                if off + length > len(text):
                    fail(f"{uri}: charOffset {off}+{length} beyond the file ({len(text)})")
                line_start = sum(len(l.decode("utf-8", errors="surrogateescape")) + 1
                                 for l in lines[:sl - 1])
                if line_start + sc - 1 != off:
                    fail(f"{uri}:{sl}:{sc}: charOffset {off} != {line_start + sc - 1}")
    return results


def fingerprints(results):
    return sorted((r["ruleId"], r["partialFingerprints"]["wikivet/v1"]) for r in results)


def main():
    if len(sys.argv) < 4:
        sys.exit(__doc__)
    wikivet = os.path.abspath(sys.argv[1])
    validator = jsonschema.Draft4Validator(json.load(open(sys.argv[2], encoding="utf-8")))
    files = sys.argv[3:]
    cwd = os.getcwd()
    total = 0
    for path in files:
        log = sarif(wikivet, [path])
        if log is None:
            continue
        results = check_log(log, validator, cwd)
        total += len(results)
        # Insert 10 lines at the top: fingerprints must not move.
        with tempfile.TemporaryDirectory() as tmp:
            data = open(path, "rb").read()
            if b"\nJump to content" in b"\n" + data[:200]:
                continue  # an edit-page scrape: lines above its chrome would break its shape
            moved = os.path.join(tmp, os.path.basename(path))
            with open(moved, "wb") as f:
                f.write(b"Ten lines of new prose.\n" * 10 + data)
            log2 = sarif(wikivet, [moved], cwd=tmp)
            if log2 is not None:
                r2 = check_log(log2, validator, tmp)
                if fingerprints(results) != fingerprints(r2):
                    fail(f"{path}: fingerprints changed after inserting 10 lines at the top")
    log = sarif(wikivet, files)
    if log is not None:
        check_log(log, validator, cwd)
    print(f"{len(files)} files, {total} results checked; {len(failures)} failures")
    sys.exit(1 if failures else 0)


if __name__ == "__main__":
    main()
