#!/usr/bin/env python3
# infra_anchors.py - `exitbar collect infra` on the published test fixtures of KICS and Checkov
# SPDX-License-Identifier: Apache-2.0
"""How ExitBar's deployment-file rules compare with KICS's and Checkov's on
the same files (docs/infra.md, "Compared with Checkov, tfsec/Trivy and KICS").

What it measures: every fixture file is copied alone into a fresh temporary
folder (under a name ExitBar recognises: *.tf, *.yaml, *.dockerfile,
Dockerfile, docker-compose.yml), `exitbar collect infra` runs on it, and the
findings of the ExitBar rule that corresponds to the anchor's query or check
are compared with what the anchor's own tests expect:

- KICS (github.com/Checkmarx/kics, assets/queries/<platform>/.../<query>/test/):
  each line of positive_expected_result.json should have an ExitBar finding
  on that line, else in the same nested block (ingress, security_rule, a
  module's list object; a YAML list item such as a container), else in the
  same top-level block (resource, module; a YAML document); findings are
  matched one to one. A negative file should have no finding of the rule.
  Findings in a positive file that match no expected line are listed as extra.
- Checkov (github.com/bridgecrewio/checkov, tests/...): the failing and
  passing resources of the check's test (the `failing_resources = {...}` and
  `passing_resources = {...}` sets of test_*.py, or an expected.json next to
  the fixtures where the test only asserts counts or inline dicts): a failing
  resource should have a finding of the rule inside its block, a passing one
  none. Resources are Terraform blocks (`type.name`, a for_each key maps to
  its block), YAML documents (`file#N`, the Nth document) or whole files
  (`path#1`).

Getting the fixtures (a local measurement copy: never commit them). Nothing
is downloaded here; FIXTURES must hold
  kics/<query>/positive*.{tf,yaml,dockerfile}, negative*..., positive_expected_result.json
  checkov/<CHECK_ID>/<fixture files>, test_*.py and/or expected.json
with <query> the KICS query folder name and CHECK_ID one of those in CHECKOV
below. Copy each query's test/ folder from a KICS checkout and each check's
example folder and test_*.py from a Checkov checkout. A KICS expected entry
may carry an "origin" (where a fixture file and its expected JSON came from
different versions and the line was re-derived); it is printed, not used.

usage: infra_anchors.py [--exitbar build/bin/exitbar] [--only NAME] FIXTURES
"""
import argparse
import json
import os
import re
import shutil
import subprocess
import sys
import tempfile

OPEN = "exitbar-infra-open-admin-port"
PRIV = "exitbar-infra-privileged-container"
ROOT = "exitbar-infra-root-container"
COMPOSE = "exitbar-infra-compose-public-port"

# KICS query folder -> (platform, query name, ExitBar rule)
KICS = {
    "security_group_with_unrestricted_access_to_ssh": ("terraform/aws", "Security Group With Unrestricted Access To SSH", OPEN),
    "remote_desktop_port_open_to_internet": ("terraform/aws", "Remote Desktop Port Open To Internet", OPEN),
    "sensitive_port_is_exposed_to_entire_network": ("terraform/aws", "Sensitive Port Is Exposed To Entire Network", OPEN),
    "ssh_access_is_not_restricted": ("terraform/gcp", "SSH Access Is Not Restricted", OPEN),
    "rdp_access_is_not_restricted": ("terraform/gcp", "RDP Access Is Not Restricted", OPEN),
    "google_compute_network_using_firewall_rule_allows_port_range": ("terraform/gcp", "Google Compute Network Using Firewall Rule that Allows Port Range", OPEN),
    "ssh_is_exposed_to_the_internet": ("terraform/azure", "SSH Is Exposed To The Internet", OPEN),
    "rdp_is_exposed_to_the_internet": ("terraform/azure", "RDP Is Exposed To The Internet", OPEN),
    "container_is_privileged": ("k8s", "Container Is Privileged", PRIV),
    "containers_running_as_root": ("k8s", "Container Running As Root", ROOT),
    "service_type_is_nodeport": ("k8s", "Service Type is NodePort", OPEN),
    "missing_user_instruction": ("dockerfile", "Missing User Instruction", ROOT),
    "container_traffic_not_bound_to_host_interface": ("dockerCompose", "Container Traffic Not Bound To Host Interface", COMPOSE),
}

# Checkov check id -> ExitBar rule
CHECKOV = {
    "CKV_AWS_24": OPEN, "CKV_AWS_25": OPEN, "CKV_GCP_2": OPEN, "CKV_GCP_3": OPEN,
    "CKV_AZURE_9": OPEN, "CKV_AZURE_10": OPEN,
    "CKV_K8S_16": PRIV, "CKV_K8S_23": ROOT, "CKV_DOCKER_3": ROOT,
}

FIXTURE_EXT = (".tf", ".yaml", ".yml", ".dockerfile")


# --- running ExitBar ---------------------------------------------------------

def scan_name(path, compose):
    """The name the file gets in the scan folder, so that ExitBar reads it as the anchor does."""
    base = os.path.basename(path)
    if compose:
        return "docker-compose.yml"
    if base == "Dockerfile" or base.startswith("Dockerfile."):
        return "Dockerfile"
    return base


def run_exitbar(exitbar, path, compose=False):
    """Findings of `exitbar collect infra` on this one file: [(rule, line, message)]."""
    work = tempfile.mkdtemp(prefix="exitbar-anchor-")
    try:
        src = os.path.join(work, "src")
        os.mkdir(src)
        shutil.copyfile(path, os.path.join(src, scan_name(path, compose)))
        out = os.path.join(work, "infra.json")
        proc = subprocess.run([exitbar, "collect", "infra", "--source-dir", src, "-o", out],
                              capture_output=True, text=True)
        if proc.returncode != 0 or not os.path.exists(out):
            sys.exit(f"exitbar failed on {path}: {proc.stderr.strip()}")
        with open(out) as f:
            data = json.load(f)
        return [(x["check"], int(x["line"]), x["message"]) for x in data.get("findings", [])]
    finally:
        shutil.rmtree(work, ignore_errors=True)


# --- structure of a fixture file: which lines belong together ------------------

def read_lines(path):
    with open(path, errors="replace") as f:
        return f.read().split("\n")


def hcl_blocks(lines):
    """Brace ranges [(first, last, depth, header)] (1-based lines), strings and comments skipped."""
    out, stack, in_str, heredoc = [], [], False, None
    for no, text in enumerate(lines, 1):
        if heredoc:
            if text.strip() == heredoc:
                heredoc = None
            continue
        m = re.search(r"<<-?(\w+)\s*$", text)
        i = 0
        while i < len(text):
            c = text[i]
            if in_str:
                if c == "\\":
                    i += 1
                elif c == '"':
                    in_str = False
            elif c == '"':
                in_str = True
            elif c == "#" or text.startswith("//", i):
                break
            elif c in "{[":
                stack.append((no, c, text.strip()))
            elif c in "}]" and stack:
                first, kind, header = stack.pop()
                if kind == "{":
                    out.append((first, no, len(stack), header))
            i += 1
        if m and not in_str:
            heredoc = m.group(1)
    return out


def hcl_resources(lines):
    """Top-level blocks: {"type.name": (first, last)} for resource/data/module blocks."""
    res = {}
    for first, last, depth, header in hcl_blocks(lines):
        if depth:
            continue
        m = re.match(r'(resource|data|module)\s+"?([\w-]+)"?(?:\s+"([^"]+)")?', header)
        if not m:
            continue
        key = f"{m.group(2)}.{m.group(3)}" if m.group(1) == "resource" else \
              f"data.{m.group(2)}.{m.group(3)}" if m.group(1) == "data" else f"module.{m.group(2)}"
        res[key] = (first, last)
    return res


def yaml_documents(lines):
    """[(first, last)] of the YAML documents that hold something other than comments."""
    docs, start = [], 1
    for no, text in enumerate(lines + ["---"], 1):
        if re.match(r"^---\s*$", text) or no == len(lines) + 1:
            body = [t for t in lines[start - 1:no - 1] if t.strip() and not t.lstrip().startswith("#")]
            if body:
                docs.append((start, min(no - 1, len(lines))))
            start = no + 1
    return docs


def yaml_item(lines, line):
    """The YAML list item (`- ...` and what is indented under it) holding this line, as (first, last)."""
    def indent(t):
        return len(t) - len(t.lstrip())
    ref = indent(lines[line - 1]) if line <= len(lines) else 0
    for no in range(line, 0, -1):
        t = lines[no - 1]
        if not t.strip():
            continue
        if t.lstrip().startswith("- ") and (no == line or indent(t) < ref):
            ind, last = indent(t), no
            for nxt in range(no + 1, len(lines) + 1):
                u = lines[nxt - 1]
                if u.strip() and (indent(u) < ind or (indent(u) == ind and u.lstrip().startswith("- "))):
                    break
                if u.strip():
                    last = nxt
            return (no, last)
        if t.strip() and indent(t) < ref:
            ref = indent(t)
        if re.match(r"^---\s*$", t):
            break
    return None


def units(path, lines, line):
    """From finest to coarsest, the ranges that hold this line: nested block, top-level block."""
    if path.endswith(".tf"):
        held = [(f, l, d) for f, l, d, _ in hcl_blocks(lines) if f <= line <= l]
        inner = [(f, l) for f, l, d in sorted(held, key=lambda b: -b[2]) if d >= 1]
        top = [(f, l) for f, l, d in held if d == 0]
        return [inner[0] if inner else None, top[0] if top else None]
    if path.endswith((".yaml", ".yml")):
        doc = next(((f, l) for f, l in yaml_documents(lines) if f <= line <= l), None)
        return [yaml_item(lines, line), doc]
    return [None, (1, len(lines))]          # a Dockerfile: the whole file


# --- comparing --------------------------------------------------------------------

def match(path, lines, expected, found):
    """One-to-one: expected lines x findings, exact line first, then nested block, then top block."""
    pairs, used_e, used_f = {}, set(), set()
    for level in ("exact", 0, 1):
        for e in expected:
            if e in used_e:
                continue
            ue = units(path, lines, e)
            for i, (ln, _msg) in enumerate(found):
                if i in used_f:
                    continue
                ok = ln == e if level == "exact" else (ue[level] is not None and ue[level] == units(path, lines, ln)[level])
                if ok:
                    pairs[e] = i
                    used_e.add(e)
                    used_f.add(i)
                    break
    return pairs, [f for i, f in enumerate(found) if i not in used_f]


class Tally:
    def __init__(self, source, name, rule):
        self.source, self.name, self.rule = source, name, rule
        self.pos = self.pos_ok = self.neg = self.neg_ok = self.extra = self.unknown = 0
        self.notes = []

    def note(self, kind, path, line, text):
        self.notes.append(f"  {kind:<16} {path}:{line}  {text}")


def snippet(lines, line):
    return lines[line - 1].strip()[:100] if 0 < line <= len(lines) else "(past the end of the file)"


def kics_query(root, query, exitbar):
    platform, qname, rule = KICS[query]
    qdir = os.path.join(root, query)
    t = Tally("KICS", f"{platform}/{query}", rule)
    files = sorted(f for f in os.listdir(qdir) if f.startswith(("positive", "negative")) and f.endswith(FIXTURE_EXT))
    positives = [f for f in files if f.startswith("positive")]
    expected = {}
    exp_path = os.path.join(qdir, "positive_expected_result.json")
    for e in (json.load(open(exp_path)) if os.path.exists(exp_path) else []):
        fname = e.get("fileName") or e.get("filename") or (positives[0] if len(positives) == 1 else None)
        if fname is None:
            t.note("anchor?", "positive_expected_result.json", e["line"], "entry names no file and the query has several")
            continue
        expected.setdefault(fname, {})[int(e["line"])] = e.get("origin", "")
    compose = platform == "dockerCompose"
    for f in files:
        path = os.path.join(qdir, f)
        lines = read_lines(path)
        found = [(ln, msg) for r, ln, msg in run_exitbar(exitbar, path, compose) if r == rule]
        if f.startswith("negative"):
            t.neg += 1
            t.neg_ok += not found
            for ln, msg in found:
                t.note("negative hit", f, ln, msg)
            continue
        lines_exp = sorted(expected.get(f, {}))
        stale = [e for e in lines_exp if e > len(lines)]
        for e in stale:
            t.unknown += 1
            t.note("anchor stale", f, e, "expected line is past the end of the stored file (not counted)")
        lines_exp = [e for e in lines_exp if e not in stale]
        pairs, extra = match(f, lines, lines_exp, found)
        t.pos += len(lines_exp)
        t.pos_ok += len(pairs)
        for e in lines_exp:
            if e not in pairs:
                origin = expected[f][e]
                t.note("missed", f, e, snippet(lines, e) + (f"  [{origin}]" if origin.startswith("reconstructed") else ""))
        for ln, msg in extra:
            t.extra += 1
            t.note("extra", f, ln, msg)
        if not lines_exp:
            t.note("anchor?", f, 0, "positive file without an expected line")
    return t


def checkov_expected(cdir):
    """{'failing': [...], 'passing': [...], 'unknown': [...]} from expected.json or test_*.py."""
    p = os.path.join(cdir, "expected.json")
    if os.path.exists(p):
        return json.load(open(p))
    out = {}
    for f in os.listdir(cdir):
        if f.startswith("test_") and f.endswith(".py"):
            text = open(os.path.join(cdir, f)).read()
            for kind in ("failing", "passing"):
                m = re.search(kind + r"_resources\s*=\s*\{(.*?)\}", text, re.S)
                if m:
                    out[kind] = [s.encode().decode("unicode_escape") for s in re.findall(r'"((?:[^"\\]|\\.)*)"', m.group(1))]
    return out


def checkov_check(root, check, exitbar):
    rule = CHECKOV[check]
    cdir = os.path.join(root, check)
    t = Tally("Checkov", check, rule)
    exp = checkov_expected(cdir)
    verdict = {r: "failing" for r in exp.get("failing", [])}
    verdict.update({r: "passing" for r in exp.get("passing", [])})
    verdict.update({r: "unknown" for r in exp.get("unknown", [])})
    fixtures = []
    for dirpath, _dirs, names in os.walk(cdir):
        for n in sorted(names):
            if n.endswith(FIXTURE_EXT) or n == "Dockerfile" or n.startswith("Dockerfile."):
                fixtures.append(os.path.relpath(os.path.join(dirpath, n), cdir))
    seen = set()
    for rel in sorted(fixtures):
        path = os.path.join(cdir, rel)
        lines = read_lines(path)
        found = [(ln, msg) for r, ln, msg in run_exitbar(exitbar, path) if r == rule]
        if rel.endswith(".tf"):
            blocks = hcl_resources(lines)
            ranges = {}
            for res in verdict:
                base = re.sub(r"\[.*\]$", "", res)
                if base in blocks:
                    ranges[res] = blocks[base]
        elif rel.endswith((".yaml", ".yml")):
            ranges = {f"{rel}#{i}": d for i, d in enumerate(yaml_documents(lines), 1)}
        else:
            ranges = {f"{rel}#1": (1, len(lines))}
        hit = set()
        for res, (first, last) in ranges.items():
            seen.add(res)
            inside = [(ln, msg) for ln, msg in found if first <= ln <= last]
            hit.update(ln for ln, _ in inside)
            kind = verdict.get(res)
            if kind == "failing":
                t.pos += 1
                t.pos_ok += bool(inside)
                if not inside:
                    t.note("missed", rel, first, f"{res}: {snippet(lines, first)}")
            elif kind == "passing":
                t.neg += 1
                t.neg_ok += not inside
                for ln, msg in inside:
                    t.note("negative hit", rel, ln, f"{res}: {msg}")
            else:
                t.unknown += 1
                for ln, msg in inside:
                    t.note("not judged", rel, ln, f"{res} ({kind or 'not in the test'}): {msg}")
        for ln, msg in found:
            if ln not in hit:
                t.extra += 1
                t.note("extra", rel, ln, msg)
    for res in sorted(set(verdict) - seen):
        t.note("anchor?", check, 0, f"{res} ({verdict[res]}) not found in the fixtures")
    return t


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("fixtures", help="folder holding kics/<query>/ and checkov/<CHECK_ID>/")
    ap.add_argument("--exitbar", default="build/bin/exitbar", help="the exitbar binary")
    ap.add_argument("--only", help="one KICS query folder or Checkov check id")
    args = ap.parse_args()
    tallies = []
    kroot, croot = os.path.join(args.fixtures, "kics"), os.path.join(args.fixtures, "checkov")
    for q in KICS:
        if os.path.isdir(os.path.join(kroot, q)) and args.only in (None, q):
            tallies.append(kics_query(kroot, q, args.exitbar))
    for c in CHECKOV:
        if os.path.isdir(os.path.join(croot, c)) and args.only in (None, c):
            tallies.append(checkov_check(croot, c, args.exitbar))
    if not tallies:
        sys.exit(f"no fixtures under {args.fixtures} (see the docstring)")
    print(f"{'anchor':<8} {'query / check':<70} {'ExitBar rule':<24} {'positives':>9} {'negatives':>9} {'extra':>5} {'not judged':>10}")
    for t in tallies:
        print(f"{t.source:<8} {t.name:<70} {t.rule[14:]:<24} {t.pos_ok:>4}/{t.pos:<4} {t.neg_ok:>4}/{t.neg:<4} {t.extra:>5} {t.unknown:>10}")
    pos = sum(t.pos for t in tallies), sum(t.pos_ok for t in tallies)
    neg = sum(t.neg for t in tallies), sum(t.neg_ok for t in tallies)
    print(f"{'total':<8} {'':<70} {'':<24} {pos[1]:>4}/{pos[0]:<4} {neg[1]:>4}/{neg[0]:<4} {sum(t.extra for t in tallies):>5}")
    print("\n(positives: anchor positives ExitBar also reports; negatives: anchor negatives where ExitBar"
          " reports nothing of the rule; extra: findings in a positive file or outside the judged resources)")
    for t in tallies:
        if t.notes:
            print(f"\n{t.source} {t.name} ({t.rule}):")
            print("\n".join(t.notes))


if __name__ == "__main__":
    main()
