#!/usr/bin/env python3
# shard_example.py - splits an example's single-run work into CI shards, merges them, compares verdicts
# SPDX-License-Identifier: Apache-2.0
"""Re-does the work of one `exitbar` gate run of a built example as N CI
shards would, merges the shards with `exitbar merge` and checks that the
merged evidence gives the same verdict as the single run.

Each shard analyses a quarter of the translation units (the findings
fragments, round-robin, with its own expected-sources list), runs a
quarter of the tests (`ctest -I k,,N`) with coverage counted from zero, and
collects findings, tests and coverage with the pipeline's run id. The
kinds that do not add up (readiness, SBOM, vulnerabilities) are copied into
every shard, signatures, benchmarks and approvals into the first only, as
a release job would collect them. Prints `same verdict: <STATUS>` or the
differences (exit 1).
"""
import argparse
import glob
import json
import os
import shutil
import subprocess
import sys

PIPELINE = "pipeline-42"


def run(cmd, ok=(0,), **kw):
    p = subprocess.run(cmd, stdout=subprocess.PIPE, stderr=subprocess.STDOUT,
                       text=True, **kw)
    if p.returncode not in ok:
        sys.exit("command failed (%d): %s\n%s" % (p.returncode, " ".join(cmd),
                                                   p.stdout))
    return p


def restamp(src, dst, run_id):
    with open(src) as f:
        j = json.load(f)
    j["run"] = run_id
    os.makedirs(os.path.dirname(dst), exist_ok=True)
    with open(dst, "w") as f:
        json.dump(j, f)


def summary(verdict_path):
    with open(verdict_path) as f:
        v = json.load(f)
    criteria = {c["id"]: (c.get("passed"), c.get("actual"))
                for c in v["criteria"]}
    return {"status": v["status"], "readiness_score": v["readiness_score"],
            "criteria": criteria}


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--exitbar", required=True)
    ap.add_argument("--ctest", required=True)
    ap.add_argument("--build-dir", required=True)
    ap.add_argument("--source-dir", required=True)
    ap.add_argument("--out", required=True)
    ap.add_argument("--shards", type=int, default=4)
    ap.add_argument("--exclude", action="append", default=[])
    a = ap.parse_args()

    build, source, out = a.build_dir, a.source_dir, a.out
    single = os.path.join(build, "exitbar", "evidence")
    with open(os.path.join(single, "findings.json")) as f:
        single_run = json.load(f)["run"]
    with open(os.path.join(build, "exitbar", "verdict.json")) as f:
        version = json.load(f)["release_version"]
    shutil.rmtree(out, ignore_errors=True)
    fragments, project_wide = [], []
    for frag in sorted(glob.glob(os.path.join(
            build, "exitbar", "fragments", "findings", "*.json"))):
        with open(frag) as f:
            # A translation unit's fragment names its source; the others
            # (deployment files: infra.json) are the project's, and every
            # shard's job would write them alike.
            (fragments if "source" in json.load(f) else project_wide).append(
                frag)
    excludes = sum((["--exclude", g] for g in a.exclude), [])

    shard_dirs = []
    for k in range(1, a.shards + 1):
        shard = os.path.join(out, "shard-%d" % k)
        evidence = os.path.join(shard, "evidence")
        os.makedirs(evidence)
        shard_dirs.append(evidence)
        collect = [a.exitbar, "collect", "--run-id", PIPELINE]

        # This shard's translation units.
        frag_dir = os.path.join(shard, "build", "exitbar", "fragments",
                                "findings")
        os.makedirs(frag_dir)
        mine = fragments[k - 1::a.shards]
        for frag in project_wide:
            shutil.copy(frag, frag_dir)
        sources = []
        for frag in mine:
            shutil.copy(frag, frag_dir)
            with open(frag) as f:
                sources.append(json.load(f)["source"])
        expected = os.path.join(shard, "sources.txt")
        with open(expected, "w") as f:
            f.write("".join(s + "\n" for s in sources))
        run(collect + ["findings", "--build-dir",
                       os.path.join(shard, "build"), "--source-dir", source,
                       "--expect-sources", expected, "-o",
                       os.path.join(evidence, "findings.json")])

        # This shard's tests, coverage counted from zero.
        for gcda in glob.glob(os.path.join(build, "**", "*.gcda"),
                              recursive=True):
            os.remove(gcda)
        junit = os.path.join(shard, "junit.xml")
        run([a.ctest, "--test-dir", build, "-I", "%d,,%d" % (k, a.shards),
             "-E", "^exitbar$", "--output-junit", junit],
            ok=range(0, 256))
        if os.path.exists(junit):
            run(collect + ["tests", "--junit", junit, "-o",
                           os.path.join(evidence, "tests.json")])
        run(collect + ["coverage", "--build-dir", build, "--source-dir",
                       source] + excludes +
            ["-o", os.path.join(evidence, "coverage.json")])

        kinds = ["readiness.json", "sbom.json", "vulnerabilities.json"]
        if k == 1:
            kinds += ["signatures.json", "benchmarks.json", "approvals.json"]
        for kind in kinds:
            if os.path.exists(os.path.join(single, kind)):
                restamp(os.path.join(single, kind),
                        os.path.join(evidence, kind), PIPELINE)

    merged = os.path.join(out, "merged")
    print(run([a.exitbar, "merge"] + shard_dirs +
              ["-o", merged, "--run-id", PIPELINE]).stdout, end="")
    gate = ["--release-version", version, "--source-dir", source]
    run([a.exitbar, "gate", "--evidence", single, "--run-id", single_run,
         "--report-dir", os.path.join(out, "single-report")] + gate,
        ok=(0, 1))
    run([a.exitbar, "gate", "--evidence", merged, "--run-id", PIPELINE,
         "--report-dir", os.path.join(out, "merged-report")] + gate,
        ok=(0, 1))
    one = summary(os.path.join(out, "single-report", "verdict.json"))
    many = summary(os.path.join(out, "merged-report", "verdict.json"))
    if one != many:
        for key in ("status", "readiness_score"):
            if one[key] != many[key]:
                print("%s: single %s, merged %s" % (key, one[key], many[key]))
        for cid in sorted(set(one["criteria"]) | set(many["criteria"])):
            if one["criteria"].get(cid) != many["criteria"].get(cid):
                print("criterion %s: single %s, merged %s" % (
                    cid, one["criteria"].get(cid), many["criteria"].get(cid)))
        return 1
    print("same verdict: %s (score %s, %d criteria)" % (
        one["status"], one["readiness_score"], len(one["criteria"])))
    return 0


if __name__ == "__main__":
    sys.exit(main())
