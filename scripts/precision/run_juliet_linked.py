#!/usr/bin/env python3
# run_juliet_linked.py - Juliet test cases analysed as a build does, each case's files linked by `collect findings`
# SPDX-License-Identifier: Apache-2.0
"""Runs `exitbar tidy` on every file of each Juliet test case (its a-e files
are one program), then `exitbar collect findings` over the case's
fragments, so flows across the case's files are linked from the taint
summaries. Prints every finding in clang's diagnostic format, which
juliet_flow_report.py and juliet_by_function.py read.

usage: P=<plugin .so> JULIET=<suite root> EXITBAR=<exitbar> \\
         run_juliet_linked.py <file list, paths relative to $JULIET> > results.txt
CLANG_TIDY (default clang-tidy-14), JOBS (default 2) and CHECKS (default
the two taint checks) may be set."""
import concurrent.futures
import json
import os
import re
import subprocess
import sys
import tempfile

PLUGIN = os.environ["P"]
JULIET = os.path.abspath(os.environ["JULIET"])
EXITBAR = os.environ["EXITBAR"]
CLANG_TIDY = os.environ.get("CLANG_TIDY", "/usr/lib/llvm-14/bin/clang-tidy")
# Juliet's sources are the network, the console, the environment and files.
THREAT_MODELS = os.environ.get("THREAT_MODELS", "all")
# Declaration-only Windows headers (scripts/precision/winmock) for the w32
# sinks, as run-juliet.sh uses them.
WINMOCK = ["-I", os.environ["WINMOCK"]] if os.environ.get("WINMOCK") else []
CHECKS = os.environ.get(
    "CHECKS", "-*,exitbar-command-injection,exitbar-path-traversal")
JOBS = int(os.environ.get("JOBS", "2"))


def case_of(path):
    return re.sub(r"([0-9]+)([a-e]|_bad|_good\w*)?\.(c|cpp)$", r"\1", path)


def analyse(files):
    with tempfile.TemporaryDirectory() as tmp:
        fragments = os.path.join(tmp, "build", "exitbar", "fragments",
                                 "findings")
        os.makedirs(fragments)
        for rel in files:
            src = os.path.join(JULIET, rel)
            std = ["-std=c++17"] if src.endswith(".cpp") else []
            subprocess.run(
                [EXITBAR, "tidy", "--clang-tidy", CLANG_TIDY, "--source-dir",
                 JULIET, "--fragments", fragments, "--",
                 f"--load={PLUGIN}", f"--checks={CHECKS}", "--quiet",
                 "--config={CheckOptions: [{key: exitbar.ThreatModels, "
                 f"value: '{THREAT_MODELS}'}}]}}", src,
                 "--", "cc", "-c", *std, "-I",
                 os.path.join(JULIET, "testcasesupport"), *WINMOCK,
                 "-Wno-everything", src],
                stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        out = os.path.join(tmp, "findings.json")
        subprocess.run([EXITBAR, "collect", "findings", "--build-dir",
                        os.path.join(tmp, "build"), "-o", out],
                       stdout=subprocess.DEVNULL, check=True)
        lines = []
        for f in json.load(open(out))["findings"]:
            lines.append(f"{os.path.join(JULIET, f['file'])}:{f['line']}:"
                         f"{f['column']}: warning: {f['message']} "
                         f"[{f['check']}]")
        return lines


def main():
    cases = {}
    for line in open(sys.argv[1]):
        rel = line.strip()
        if rel and not rel.endswith(".h"):
            cases.setdefault(case_of(rel), []).append(rel)
    with concurrent.futures.ThreadPoolExecutor(JOBS) as pool:
        for lines in pool.map(analyse, [cases[c] for c in sorted(cases)]):
            for l in lines:
                print(l, flush=True)


if __name__ == "__main__":
    main()
