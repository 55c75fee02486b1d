#!/usr/bin/env python3
# juliet_by_function.py - Juliet diagnostics per check, CWE and kind of enclosing function
# SPDX-License-Identifier: Apache-2.0
"""Juliet C/C++ 1.3 results per check and function kind (docs/checks/precision/*.md).
Classifies Juliet diagnostics by the enclosing function: a function whose
name contains 'bad' is a flawed one, 'good' a fixed one.
usage: juliet_by_function.py results.txt [check-substring]  -> per check, per CWE: bad/good hits"""
import sys, re, collections
cache = {}
def enclosing(f, ln):
    if f not in cache:
        cache[f] = open(f, errors='replace').read().split('\n')
    src = cache[f]
    for i in range(ln - 1, -1, -1):
        s = src[i]
        if s[:1] in (' ', '\t', '{', '}', '#', '/', '*', '') : continue
        m = re.match(r'^(?:static\s+)?(?:inline\s+)?[\w:<>\s\*&]*?\b([\w:~]+)\s*\(', s)
        if m: return m.group(1)
    return '?'
rows = collections.Counter(); seen = set(); detail = collections.defaultdict(list)
for line in open(sys.argv[1]):
    m = re.match(r'(.*?):(\d+):(\d+): warning: (.*) \[(exitbar-[\w-]+)\]', line)
    if not m: continue
    f, ln, msg, chk = m.group(1), int(m.group(2)), m.group(4), m.group(5)
    if (f, ln, chk) in seen: continue
    seen.add((f, ln, chk))
    cwe = re.search(r'testcases/(CWE\d+)', f).group(1)
    fn = enclosing(f, ln)
    lfn = fn.lower()
    kind = 'bad' if 'bad' in lfn else ('good' if 'good' in lfn else 'other')
    rows[(chk, cwe, kind)] += 1
    detail[(chk, cwe, kind)].append(f"{f.split('/')[-1]}:{ln} {fn} | {msg[:90]}")
for k in sorted(rows): print(*k, rows[k])
if len(sys.argv) > 2:
    for k in sorted(detail):
        if sys.argv[2] in k[0] or sys.argv[2] == 'all':
            print('==', *k); print('\n'.join(detail[k][:int(sys.argv[3]) if len(sys.argv) > 3 else 20]))
