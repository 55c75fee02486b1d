# restamp.py - copies evidence files into a folder, recording run RUN (or none)
# SPDX-License-Identifier: Apache-2.0
import json, os, sys
run, dest, files = sys.argv[1], sys.argv[2], sys.argv[3:]
os.makedirs(dest, exist_ok=True)
for path in files:
    with open(path) as f:
        j = json.load(f)
    j.pop("run", None)
    if run != "-":
        j["run"] = run
    with open(os.path.join(dest, os.path.basename(path)), "w") as f:
        json.dump(j, f)
