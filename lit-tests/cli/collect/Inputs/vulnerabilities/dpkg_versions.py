# dpkg_versions.py - tricky Debian versions, paired, and dpkg's own verdicts
# SPDX-License-Identifier: Apache-2.0
#
#   dpkg_versions.py pairs   print every unordered pair "A B" of the list
#   dpkg_versions.py dpkg    read pairs, print "A <|=|> B" as dpkg says
#
# The list is generated from parts that exercise every rule of dpkg's
# ordering: epochs, '~' (before the end), letters before other characters,
# numeric runs with leading zeros, '-' in the upstream part, revisions with
# '+' and '~', empty and "0" revisions.
import itertools
import random
import subprocess
import sys

UPSTREAMS = ["0", "1", "1.0", "1.00", "1.0~rc1", "1.0~rc1~1", "1.0~", "1.0~~",
             "1.0a", "1.0A", "1.0+dfsg", "1.0+", "1.0.", "1.0.1", "1.0-beta",
             "1.9", "1.10", "1.010", "1a", "1.0z", "1.2.13.dfsg", "2", "2.0~beta.1",
             "10", "1.0++", "1.0.~", "0.0", "1.0+b1", "1.0-1-2", "9.9999999999"]
EPOCHS = ["", "0:", "1:", "2:", "10:"]
REVISIONS = ["", "-0", "-1", "-1.1", "-2", "-1~bpo12+1", "-1+deb12u1", "-1+b1",
             "-10", "-0~", "-a", "-1ubuntu1"]


def versions():
    out = {"1.0~rc1", "1.0", "1:0", "2", "1.0-1", "1.0-0", "1.0", "1:1.0-1",
           "1.0-beta-1", "1.0+dfsg-1", "1.0.1-1", "0:1.0"}
    rng = random.Random(20240601)  # fixed: the list is the same on every run
    combos = list(itertools.product(EPOCHS, UPSTREAMS, REVISIONS))
    rng.shuffle(combos)
    for epoch, upstream, revision in combos:
        if "-" in upstream and not revision:
            continue  # a hyphen in upstream needs a revision after it
        out.add(epoch + upstream + revision)
        if len(out) >= 80:
            break
    return sorted(out)


def dpkg(a, b):
    run = lambda op: subprocess.run(["dpkg", "--compare-versions", a, op, b]).returncode == 0
    return "<" if run("lt") else "=" if run("eq") else ">"


if sys.argv[1] == "pairs":
    vs = versions()
    assert len(vs) >= 60, len(vs)
    for a, b in itertools.combinations(vs, 2):
        print(a, b)
    for v in vs:
        print(v, v)
else:
    for line in sys.stdin:
        a, b = line.split()
        print(a, dpkg(a, b), b)
