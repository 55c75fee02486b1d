#!/usr/bin/env python3
# extract_commit.py - writes the files of one commit of a git directory into a folder
# SPDX-License-Identifier: Apache-2.0
"""usage: extract_commit.py <git dir> <commit> <dest> [paths...]
Like `git archive | tar x`, but skips blobs a partial mirror lacks (large
binaries) instead of failing; never touches the git directory's index."""
import os, subprocess, sys
g, c, d, paths = sys.argv[1], sys.argv[2], sys.argv[3], sys.argv[4:]
ls = subprocess.run(['git', '-C', g, 'ls-tree', '-r', '-z', c, '--'] + paths, capture_output=True, check=True).stdout.split(b'\0')
ents = []
for e in ls:
    if not e: continue
    meta, path = e.split(b'\t', 1)
    mode, typ, obj = meta.split()
    if typ == b'blob': ents.append((mode, obj, path.decode()))
p = subprocess.Popen(['git', '-C', g, 'cat-file', '--batch'], stdin=subprocess.PIPE, stdout=subprocess.PIPE)
missing = 0
for mode, obj, path in ents:
    p.stdin.write(obj + b'\n'); p.stdin.flush()
    head = p.stdout.readline().split()
    if head[-1] == b'missing': missing += 1; continue
    data = p.stdout.read(int(head[2])); p.stdout.read(1)
    out = os.path.join(d, path); os.makedirs(os.path.dirname(out), exist_ok=True)
    if mode == b'120000':
        if not os.path.lexists(out): os.symlink(data.decode(), out)
        continue
    with open(out, 'wb') as f: f.write(data)
    if mode == b'100755': os.chmod(out, 0o755)
p.stdin.close(); p.wait()
print(f'{d}: {len(ents) - missing} files, {missing} absent from the mirror', file=sys.stderr)
