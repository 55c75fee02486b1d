# coverage.py DIR OUT - coverage evidence for diff-coverage-names.test: line 2
# of each file with an odd name under DIR, never run.
import json
import os
import sys

root = sys.argv[1]
names = ["t\tab.c", 'q"uote.c', "\u00e9.c"]
files = [{"path": os.path.join(root, n), "lines": [[1, 1], [2, 0], [3, 1]],
          "branches": [], "functions": []} for n in names]
with open(sys.argv[2], "w", encoding="utf-8") as out:
    json.dump({"schema": "exitbar.coverage", "schema_version": 1,
               "tool": "gcov", "totals": {"lines_found": 9, "lines_hit": 6},
               "files": files}, out)
