# check_entries.py - every findings-cache entry is whole: its digest line matches its body
# SPDX-License-Identifier: Apache-2.0
import glob, hashlib, json, os, sys
entries = glob.glob(os.path.join(sys.argv[1], "*", "*.entry"))
bad = 0
for path in entries:
    data = open(path, "rb").read()
    head, _, body = data.partition(b"\n")
    ok = head == b"exitbar-tidy-cache 1 " + hashlib.sha256(body).hexdigest().encode()
    if ok:
        ok = json.loads(body)["key"] + ".entry" == os.path.basename(path)
    if not ok:
        bad += 1
        print("torn or foreign entry: " + path)
print("entries: %d, bad: %d" % (len(entries), bad))
sys.exit(1 if bad else 0)
