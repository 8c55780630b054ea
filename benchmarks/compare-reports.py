#!/usr/bin/env python3
# Compares our report (publicador-check --json) with frictionless' (validate
# --json) on the error types both know: the set of (type, row, field) each
# found. Prints one line per file; exits 1 when they differ.
#   compare-reports.py OURS.json THEIRS.json NAME
import json
import sys

# Not encoding-error: frictionless guesses the encoding with a charset
# detector and decodes with the guess, so it never reports the invalid UTF-8
# bytes we point at (utf8-invalid.csv).
SHARED = {"blank-label", "duplicate-label", "blank-header", "extra-cell", "missing-cell",
          "blank-row", "duplicate-row", "type-error"}


def ours(path):
    r = json.load(open(path))["files"][0]["report"]
    return {(e["type"], e.get("rowNumber"), e.get("fieldNumber"))
            for e in r.get("errors", []) if e["type"] in SHARED}


def theirs(path):
    r = json.load(open(path))
    found = set()
    for task in r.get("tasks", []):
        for e in task.get("errors", []):
            if e["type"] in SHARED:
                found.add((e["type"], e.get("rowNumber"), e.get("fieldNumber")))
    return found


a, b = ours(sys.argv[1]), theirs(sys.argv[2])
name = sys.argv[3]
if a == b:
    print(f"  {name:28} agree ({len(a)} errors)")
    sys.exit(0)
print(f"  {name:28} DIFFER: only ours {sorted(a - b, key=str)[:5]}, only frictionless {sorted(b - a, key=str)[:5]}")
sys.exit(1)
