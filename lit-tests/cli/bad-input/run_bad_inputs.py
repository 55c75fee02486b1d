"""Feeds each command bad input and checks how it fails.

Usage: run_bad_inputs.py EXITBAR WORKDIR

For every case: the exit code is 2, stderr is one line that names the input
file (and, where the format has one, the place in it), and the output file
the command was asked to write does not exist afterwards. `policy check` is
the exception by design (docs/cli.md): it exits 1 and lists every problem on
stdout, each line naming the file. Prints one line
per case, "ok: <case>" or "FAIL: <case>: <why>", then a summary; exits 1 if
any case failed.
"""
import os
import shutil
import subprocess
import sys

exitbar, work = sys.argv[1], sys.argv[2]
shutil.rmtree(work, ignore_errors=True)
os.makedirs(work)

# Directory and file names with spaces and non-ASCII characters, so the
# messages must carry them whole.
base = os.path.join(work, "in put", "données")
os.makedirs(base)


def write(name, data):
    path = os.path.join(base, name)
    os.makedirs(os.path.dirname(path), exist_ok=True)
    with open(path, "wb") as f:
        f.write(data if isinstance(data, bytes) else data.encode())
    return path


POLICY_OK = '{"schema": "exitbar.policy", "criteria": [{"id": "t", "category": "quality", "level": "must", "metric": "tests.failed", "comparison": "<=", "threshold": 0}]}'
json_bad = {
    "truncated": b'{"schema": "exitbar.policy", "crit',
    "wrong-type": b'{"schema": "exitbar.policy", "criteria": "all of them"}',
    "huge-number": b'{"schema": "exitbar.policy", "criteria": [{"id": "x", "category": "quality", "level": "must", "metric": "tests.total", "comparison": ">=", "threshold": 1e999999}]}',
    "invalid-utf8": b'{"schema": "exitbar.policy", "criteria": [], "release_version": "\xff\xfe1.0"}',
    "deep-nesting": b'{"criteria": ' + b"[" * 200000 + b"]" * 200000 + b"}",
    "empty": b"",
    # A float where evidence has an integer: converting 1e300 to int is
    # undefined behaviour unless the reader checks.
    "float-for-int": b'{"schema": "exitbar.tests", "schema_version": 1, "passed": 1e300, "failed": 0, "skipped": 0, "errored": 0, "seconds": 0, "failing_tests": [], "flaky_tests": []}',
    "binary": bytes(range(256)) * 4,
}
xml_bad = {
    "truncated": b'<?xml version="1.0"?><testsuites><testsuite name="a" tests="1"><testcase name="t"',
    "billion-laughs": b'<?xml version="1.0"?><!DOCTYPE lolz [<!ENTITY lol "lol"><!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;"><!ENTITY lol3 "&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;"><!ENTITY lol4 "&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;">]><testsuites><testsuite name="&lol4;"><testcase name="&lol4;"/></testsuite></testsuites>',
    "external-entity": b'<?xml version="1.0"?><!DOCTYPE x [<!ENTITY e SYSTEM "file:///etc/passwd">]><testsuites><testsuite name="&e;"><testcase name="t" time="x"/></testsuite></testsuites>',
    "wrong-root": b'<?xml version="1.0"?><coverage line-rate="0.5"/>',
    "huge-number": b'<?xml version="1.0"?><testsuites><testsuite name="s" tests="99999999999999999999999"><testcase name="t" time="1e999999"/></testsuite></testsuites>',
    "invalid-utf8": b'<?xml version="1.0"?><testsuites><testsuite name="\xff\xfe"><testcase name="t" time="abc"/></testsuite></testsuites>',
}
lcov_bad = {
    "truncated": b"TN:\nSF:/src/a.c\nDA:1,",
    "huge-number": b"TN:\nSF:/src/a.c\nDA:99999999999999999999999,1\nend_of_record\n",
    "wrong-type": b"TN:\nSF:/src/a.c\nDA:one,two\nend_of_record\n",
}
bench_bad = {
    "truncated": b'{"context": {}, "benchmarks": [{"name": "BM_a", "real_ti',
    "wrong-type": b'{"context": {}, "benchmarks": {"name": "BM_a"}}',
    "huge-number": b'{"context": {}, "benchmarks": [{"name": "BM_a", "run_type": "iteration", "iterations": 1, "real_time": 1e999999, "cpu_time": 1, "time_unit": "ns"}]}',
}
pem_bad = {
    "truncated": b"-----BEGIN PUBLIC KEY-----\nMCowBQYDK2VwAyEA\n",
    "garbage": b"-----BEGIN PUBLIC KEY-----\n!!!!not base64!!!!\n-----END PUBLIC KEY-----\n",
    "private-as-public": b"-----BEGIN PRIVATE KEY-----\nMC4CAQAwBQYDK2VwBCIEIBo7d4mYfX1X0Z8sZ5p1nX3b3y9v0w2c8p8yq8h6cX2F\n-----END PRIVATE KEY-----\n",
}

cases = []  # (name, argv, input file, output file or None)
for kind, data in json_bad.items():
    f = write(f"policy-{kind}.json", data)
    out = os.path.join(work, "out", f"policy-{kind}")
    cases.append((f"policy check: {kind}", ["policy", "check", f], f, "LIST"))
    cases.append((f"gate --policy: {kind}",
                  ["gate", "--policy", f, "--evidence", os.path.join(work, "empty-evidence"),
                   "--report-dir", out], f, os.path.join(out, "verdict.json")))
    # The same text as an evidence file the gate loads.
    ev = os.path.join(work, f"evidence-{kind}")
    os.makedirs(ev)
    shutil.copy(f, os.path.join(ev, "tests.json"))
    cases.append((f"gate --evidence tests.json: {kind}",
                  ["gate", "--evidence", ev, "--report-dir", ev + "-report"],
                  os.path.join(ev, "tests.json"), os.path.join(ev + "-report", "verdict.json")))
    osv = os.path.join(work, f"osv-{kind}")
    os.makedirs(osv)
    shutil.copy(f, os.path.join(osv, "REC-1.json"))
    cases.append((f"collect vulnerabilities OSV record: {kind}",
                  ["collect", "vulnerabilities", "--purl", "pkg:generic/x@1.0", "--osv-db", osv,
                   "-o", os.path.join(work, "out", f"vuln-{kind}.json")],
                  os.path.join(osv, "REC-1.json"), os.path.join(work, "out", f"vuln-{kind}.json")))
    cases.append((f"collect coverage gcov/coverage JSON: {kind}",
                  ["collect", "coverage", "--source-dir", work, "--input", f,
                   "-o", os.path.join(work, "out", f"cov-json-{kind}.json")],
                  f, os.path.join(work, "out", f"cov-json-{kind}.json")))
for kind, data in xml_bad.items():
    f = write(f"junit-{kind}.xml", data)
    out = os.path.join(work, "out", f"junit-{kind}.json")
    cases.append((f"collect tests JUnit: {kind}", ["collect", "tests", "--junit", f, "-o", out], f, out))
    c = write(f"cobertura-{kind}.xml", data.replace(b"testsuites", b"coverage"))
    out = os.path.join(work, "out", f"cobertura-{kind}.json")
    cases.append((f"collect coverage Cobertura: {kind}",
                  ["collect", "coverage", "--source-dir", work, "--input", c, "-o", out], c, out))
for kind, data in lcov_bad.items():
    f = write(f"lcov-{kind}.info", data)
    out = os.path.join(work, "out", f"lcov-{kind}.json")
    cases.append((f"collect coverage LCOV: {kind}",
                  ["collect", "coverage", "--source-dir", "/src", "--input", f, "-o", out], f, out))
for kind, data in bench_bad.items():
    f = write(f"bench-{kind}.json", data)
    out = os.path.join(work, "out", f"bench-{kind}.json")
    cases.append((f"collect benchmarks: {kind}",
                  ["collect", "benchmarks", "--input", f, "-o", out], f, out))
for kind, data in pem_bad.items():
    f = write(f"key-{kind}.pem", data)
    target = write("artifact.bin", b"release")
    cases.append((f"verify --trusted-key: {kind}", ["verify", "--trusted-key", f, target], f, None))

# An SBOM whose components nest 100,000 levels deep: refused by the JSON
# depth bound (input.json.too-deep, line:column), not a stack overflow.
deep_sbom = write("deep.cdx.json", b'{"bomFormat": "CycloneDX", "components": '
                  + b'[{"name": "c", "components": ' * 100000 + b"[]" + b"}]" * 100000 + b"}")
os.makedirs(os.path.join(work, "osv-empty"), exist_ok=True)
cases.append(("collect vulnerabilities --sbom: deeply nested components",
              ["collect", "vulnerabilities", "--sbom", deep_sbom, "--osv-db", os.path.join(work, "osv-empty"),
               "-o", os.path.join(work, "out", "vuln-deep.json")],
              deep_sbom, os.path.join(work, "out", "vuln-deep.json")))

# Deep nesting where the gate and the collector copy JSON (findings member,
# a findings fragment, waivers): refused at the depth bound, not a crash.
deep = b"[" * 200000 + b"]" * 200000
ev = os.path.join(work, "evidence-deep-findings")
os.makedirs(ev)
with open(os.path.join(ev, "findings.json"), "wb") as f:
    f.write(b'{"schema": "exitbar.findings", "schema_version": 1, "findings": ' + deep + b"}")
cases.append(("gate --evidence findings.json: deeply nested findings",
              ["gate", "--evidence", ev, "--report-dir", ev + "-report"],
              os.path.join(ev, "findings.json"), os.path.join(ev + "-report", "verdict.json")))
frag_build = os.path.join(work, "build-deep-fragment")
frag = os.path.join(frag_build, "exitbar", "fragments", "findings", "zz.json")
os.makedirs(os.path.dirname(frag))
with open(frag, "wb") as f:
    f.write(b'{"schema": "exitbar.findings", "schema_version": 1, "findings": ' + deep + b"}")
cases.append(("collect findings: deeply nested fragment",
              ["collect", "findings", "--build-dir", frag_build,
               "-o", os.path.join(work, "out", "findings-deep.json")],
              frag, os.path.join(work, "out", "findings-deep.json")))
waivers = write("waivers-deep.json", b'{"schema": "exitbar.waivers", "waivers": ' + deep + b"}")
cases.append(("gate --waivers: deeply nested",
              ["gate", "--evidence", os.path.join(work, "empty-evidence"), "--waivers", waivers,
               "--report-dir", os.path.join(work, "out", "waivers-deep")],
              waivers, os.path.join(work, "out", "waivers-deep", "verdict.json")))

# Negative counts in hand-written evidence: "failed": -1 gave GO.
for name, text in [
        ("tests.json", '{"schema": "exitbar.tests", "schema_version": 1, "passed": 3, "failed": -1, "skipped": 0, "errored": 0, "seconds": 0, "failing_tests": [], "flaky_tests": []}'),
        ("findings.json", '{"schema": "exitbar.findings", "schema_version": 1, "translation_units": -5, "findings": [], "analysis_errors": []}')]:
    ev = os.path.join(work, "evidence-negative-" + name)
    os.makedirs(ev)
    with open(os.path.join(ev, name), "w") as f:
        f.write(text)
    cases.append((f"gate --evidence {name}: a negative count",
                  ["gate", "--evidence", ev, "--report-dir", ev + "-report"],
                  os.path.join(ev, name), os.path.join(ev + "-report", "verdict.json")))

# The per-test list `exitbar merge` unites: an unknown outcome or a wrong
# type is bad input, in the gate and in the merge.
for label, tests in [("an unknown outcome", '[{"suite": "s", "name": "t", "outcomes": ["maybe"]}]'),
                     ("a list that is no array", '{"suite": "s"}')]:
    ev = os.path.join(work, "evidence-tests-list-" + str(len(label)))
    os.makedirs(ev)
    with open(os.path.join(ev, "tests.json"), "w") as f:
        f.write('{"schema": "exitbar.tests", "schema_version": 1, "passed": 0, "failed": 0, "skipped": 0, "errored": 0, "seconds": 0, "failing_tests": [], "flaky_tests": [], "tests": ' + tests + '}')
    cases.append((f"gate --evidence tests.json: {label}",
                  ["gate", "--evidence", ev, "--report-dir", ev + "-report"],
                  os.path.join(ev, "tests.json"), os.path.join(ev + "-report", "verdict.json")))
    cases.append((f"merge tests.json: {label}",
                  ["merge", ev, "-o", ev + "-merged"],
                  os.path.join(ev, "tests.json"), os.path.join(ev + "-merged", "tests.json")))

# A FIFO under an evidence or fragment name: refused unread, not a hang.
ev = os.path.join(work, "evidence-fifo")
os.makedirs(ev)
os.mkfifo(os.path.join(ev, "tests.json"))
cases.append(("gate --evidence tests.json: a FIFO",
              ["gate", "--evidence", ev, "--report-dir", ev + "-report"],
              os.path.join(ev, "tests.json"), os.path.join(ev + "-report", "verdict.json")))
fifo_build = os.path.join(work, "build-fifo-fragment")
fifo_frag = os.path.join(fifo_build, "exitbar", "fragments", "findings", "zz.json")
os.makedirs(os.path.dirname(fifo_frag))
os.mkfifo(fifo_frag)
cases.append(("collect findings: a FIFO fragment",
              ["collect", "findings", "--build-dir", fifo_build,
               "-o", os.path.join(work, "out", "findings-fifo.json")],
              fifo_frag, os.path.join(work, "out", "findings-fifo.json")))

# Missing files, and a folder where a file is expected.
missing = os.path.join(base, "nicht da.json")
cases.append(("policy check: missing file", ["policy", "check", missing], missing, "LIST"))
cases.append(("collect tests: missing file",
              ["collect", "tests", "--junit", missing, "-o", os.path.join(work, "out", "m.json")],
              missing, os.path.join(work, "out", "m.json")))
cases.append(("collect tests: a folder", ["collect", "tests", "--junit", base, "-o",
                                          os.path.join(work, "out", "d.json")],
              base, os.path.join(work, "out", "d.json")))
# A full disk: the output cannot be written.
good_junit = write("good.xml", '<?xml version="1.0"?><testsuites><testsuite name="s"><testcase name="t"/></testsuite></testsuites>')
cases.append(("collect tests: output to /dev/full",
              ["collect", "tests", "--junit", good_junit, "-o", "/dev/full"], "/dev/full", None))
cases.append(("collect benchmarks baseline: output to /dev/full",
              ["benchmarks", "baseline", "--input", write("bench-good.json", '{"context": {}, "benchmarks": []}'),
               "-o", "/dev/full"], "/dev/full", None))

os.makedirs(os.path.join(work, "empty-evidence"), exist_ok=True)
failed = 0
for name, argv, culprit, output in cases:
    try:
        p = subprocess.run([exitbar] + argv, capture_output=True, timeout=120)
    except subprocess.TimeoutExpired:
        failed += 1
        print(f"FAIL: {name}: did not finish within 120 s")
        continue
    err = p.stderr.decode("utf-8", "replace").strip()
    why = []
    if output == "LIST":  # policy check: problems on stdout, exit 1
        out = p.stdout.decode("utf-8", "replace").strip().splitlines()
        if p.returncode not in (1, 2):
            why.append(f"exit code {p.returncode}, expected 1 or 2")
        lines = out if p.returncode == 1 else err.splitlines()
        if not lines or any(culprit not in line for line in lines):
            why.append("not every problem line names " + culprit)
        output = None
    else:
        if p.returncode != 2:
            why.append(f"exit code {p.returncode}, expected 2")
        if len(err.splitlines()) != 1:
            why.append(f"stderr has {len(err.splitlines())} lines")
        if culprit not in err:
            why.append("stderr does not name " + culprit)
    if output and os.path.exists(output):
        why.append("output file left behind: " + output)
    leftovers = [n for n in os.listdir(os.path.dirname(output))] if output and os.path.isdir(os.path.dirname(output)) else []
    if any(".tmp." in n for n in leftovers):
        why.append("temporary file left behind")
    if why:
        failed += 1
        print(f"FAIL: {name}: {'; '.join(why)} [stderr: {err[:300]}]")
    else:
        print(f"ok: {name}")
# Writing to a device goes into the device: the atomic temp-and-rename must
# not replace /dev/null with a regular file (as root it could).
p = subprocess.run([exitbar, "collect", "tests", "--junit", good_junit, "-o", "/dev/null"],
                   capture_output=True)
if p.returncode != 0 or not os.path.exists("/dev/null") or os.path.isfile("/dev/null"):
    failed += 1
    print("FAIL: -o /dev/null: exit %d, /dev/null is %s" %
          (p.returncode, "a regular file" if os.path.isfile("/dev/null") else "a device"))
else:
    print("ok: -o /dev/null writes into the device")
print(f"{len(cases) + 1} cases, {failed} failed")
sys.exit(1 if failed else 0)
