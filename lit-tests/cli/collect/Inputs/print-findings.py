# print-findings.py - each finding of a findings.json as "check file:line severity", its path steps below it
# SPDX-License-Identifier: Apache-2.0
import json
import sys

for finding in json.load(open(sys.argv[1]))["findings"]:
    print(f"{finding['check']} {finding['file']}:{finding['line']} {finding['severity']}")
    for step in finding.get("path", []):
        print(f"  {step['file']}:{step['line']} {step['message']}")
