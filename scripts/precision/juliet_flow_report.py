#!/usr/bin/env python3
# juliet_flow_report.py - recall and fixed-function rate per CWE and flow-variant group
# SPDX-License-Identifier: Apache-2.0
"""Markdown rows for docs/checks/precision/juliet-flow.md.
usage: juliet_flow_report.py results.txt filelist.txt CWEnn check [label]
A test case (all its a/b/c files) is found when the check reports in a
function whose name contains 'bad'; it is a false positive when the check
reports in one whose name contains 'good'. Variant groups: across functions
in one file (21, 41-45), across files (22, 51-54, 61-68), through containers
and classes (72-74, 81-84), within one function (01-18, 31-34)."""
import collections, os, re, sys
sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
res, flist, cwe, chk = sys.argv[1:5]
label = sys.argv[5] if len(sys.argv) > 5 else ''

def case(f):
    b = f.split('/')[-1]
    return re.sub(r'([0-9]+)([a-e]|_bad|_good\w*)?\.(c|cpp)$', r'\1', b)

def group(c):
    v = int(re.sub(r'.*_(\d+)$', r'\1', c))
    if v in (21,) or 41 <= v <= 45: return 'across functions'
    if v == 22 or 51 <= v <= 54 or 61 <= v <= 68: return 'across files'
    if 72 <= v <= 74 or 81 <= v <= 84: return 'containers, classes'
    return 'one function'

cache = {}
def enclosing(f, ln):
    if f not in cache: cache[f] = open(f, errors='replace').read().split('\n')
    src = cache[f]
    for i in range(ln - 1, -1, -1):
        s = src[i]
        if s[:1] in (' ', '\t', '{', '}', '#', '/', '*', ''): continue
        m = re.match(r'^(?:static\s+)?(?:inline\s+)?[\w:<>\s\*&]*?\b([\w:~]+)\s*\(', s)
        if m: return m.group(1)
    return '?'

cases = {case(l.strip()) for l in open(flist) if f'testcases/{cwe}_' in l and not l.strip().endswith('.h')}
bad, good = set(), set()
for line in open(res):
    m = re.match(r'(.*?):(\d+):(\d+): warning: (.*) \[(exitbar-[\w-]+)\]', line)
    if not m or m.group(5) != chk or f'testcases/{cwe}_' not in m.group(1): continue
    fn = enclosing(m.group(1), int(m.group(2))).lower()
    c = case(m.group(1))
    if 'bad' in fn: bad.add(c)
    elif 'good' in fn: good.add(c)
by = collections.defaultdict(set)
for c in cases: by[group(c)].add(c)
def row(name, cs):
    if not cs: return
    n = len(cs); b = len(bad & cs); g = len(good & cs)
    print(f'| {cwe} | `{chk}` | {name} | {label} | {n} | {b} ({b / n:.2f}) | {g} ({g / n:.2f}) |')
for name in ('across functions', 'across files', 'containers, classes', 'one function'):
    row(name, by[name])
row('all', cases)
