#!/usr/bin/env python3
# compare_findings.py - fails unless pairs of findings evidence files report the same findings
# SPDX-License-Identifier: Apache-2.0
"""Usage: compare_findings.py A1 B1 [A2 B2 ...]

Each pair is the findings.json of one project built with two builds of the
plugin (CI: the optimised one and the assertion-enabled one). They must
exist, name the same findings (check, file, line, column, message) and the
same analysis errors, and neither may have an analysis error: a crash in
one build is exactly what this comparison is for.
"""
import json
import sys


def load(path):
    try:
        with open(path, encoding="utf-8") as f:
            doc = json.load(f)
    except (OSError, ValueError) as e:
        sys.exit(f"compare_findings: {path}: {e}")
    findings = sorted(
        (x["check"], x["file"], x["line"], x["column"], x["message"])
        for x in doc["findings"])
    errors = sorted((x["file"], x["message"]) for x in doc["analysis_errors"])
    return findings, errors


def main(argv):
    if len(argv) < 2 or len(argv) % 2:
        sys.exit(__doc__)
    failed = False
    for a, b in zip(argv[0::2], argv[1::2]):
        fa, ea = load(a)
        fb, eb = load(b)
        for path, errors in ((a, ea), (b, eb)):
            for file, message in errors:
                print(f"{path}: analysis error: {file}: {message}")
                failed = True
        for item in sorted(set(fa) ^ set(fb)):
            where = a if item in fa else b
            print(f"only in {where}: {item[1]}:{item[2]}:{item[3]}: {item[4]} [{item[0]}]")
            failed = True
        print(f"{a} vs {b}: {len(fa)} and {len(fb)} findings")
    if failed:
        sys.exit(1)
    print("identical findings")


if __name__ == "__main__":
    main(sys.argv[1:])
