#!/usr/bin/python3
"""Validate SARIF files against the official SARIF 2.1.0 schema (JSON Schema draft-04).

usage: validate_sarif.py SCHEMA FILE...
Exit 0 when every file is valid, 1 when one is not (the errors are printed), 77 when the
python3-jsonschema package is missing (the caller reports the test as skipped).
"""
import json
import sys

try:
    import jsonschema
except ImportError:
    print("python3-jsonschema is not installed: SARIF schema validation skipped", file=sys.stderr)
    sys.exit(77)


def main(argv):
    if len(argv) < 3:
        print(__doc__, file=sys.stderr)
        return 2
    with open(argv[1], encoding="utf-8") as f:
        schema = json.load(f)
    validator = jsonschema.Draft4Validator(schema)
    ok = True
    for path in argv[2:]:
        with open(path, encoding="utf-8") as f:
            doc = json.load(f)
        errors = sorted(validator.iter_errors(doc), key=lambda e: list(e.absolute_path))
        for e in errors[:20]:
            where = "/".join(str(p) for p in e.absolute_path)
            print(f"{path}: /{where}: {e.message}", file=sys.stderr)
        if errors:
            ok = False
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main(sys.argv))
