#!/usr/bin/env python3
# juliet_by_case.py - Juliet results per test case: flagged in a bad function, in a good one
# SPDX-License-Identifier: Apache-2.0
"""Juliet C/C++ 1.3 results per test case (docs/checks/precision/*.md).
Per Juliet test case (a flow variant, all its a/b/c files): was the check
reported in a bad function, in a good function?
usage: juliet_by_case.py results.txt filelist.txt CWEnn check [show-missed]"""
import sys, re, collections
res, flist, cwe, chk = sys.argv[1:5]
def case(f):
    b = f.split('/')[-1]
    return re.sub(r'([0-9]+)([a-e]|_bad|_good\w*)?\.(c|cpp)$', r'\1', b)
cases = {case(l.strip()) for l in open(flist) if f'testcases/{cwe}_' in l and not l.strip().endswith('.h')}
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
bad, good, other = set(), collections.defaultdict(list), collections.defaultdict(list)
for line in open(res):
    m = re.match(r'(.*?):(\d+):(\d+): warning: (.*) \[(exitbar-[\w-]+)\]', line)
    if not m or m.group(5) != chk or f'testcases/{cwe}_' not in m.group(1): continue
    f, ln = m.group(1), int(m.group(2)); c = case(f); fn = enclosing(f, ln).lower()
    if 'bad' in fn: bad.add(c)
    elif 'good' in fn: good[c].append(f"{f.split('/')[-1]}:{ln}")
    else: other[c].append(f"{f.split('/')[-1]}:{ln}")
print(f"{cwe} {chk}: cases {len(cases)}, flagged in bad {len(bad & cases)}, with good-function hits {len(set(good) & cases)} ({sum(len(v) for v in good.values())} diags), other {len(other)}")
if len(sys.argv) > 5:
    groups = collections.Counter(re.sub(r'.*_(\d+)$', r'\1', c) for c in cases - bad)
    print('missed by variant:', dict(sorted(groups.items())))
    missedsrc = collections.Counter(re.sub(r'^.*?__', '', re.sub(r'_\d+$', '', c)) for c in cases - bad)
    print('missed by combo:', dict(sorted(missedsrc.items())))
    for c in list(good)[:10]: print('good hit', good[c])
