# check_inputs.py - asserts that verdict.json, the audit log's last entry and
# (when given) the attestation record the SHA-256 of the waivers and baseline.
import base64
import hashlib
import json
import sys


def digest(path):
    with open(path, "rb") as f:
        return hashlib.sha256(f.read()).hexdigest()


report_dir, waivers, baseline = sys.argv[1:4]
attestation = sys.argv[4] if len(sys.argv) > 4 else None
expected = {"waivers": {"path": waivers, "sha256": digest(waivers)},
            "baseline": {"path": baseline, "sha256": digest(baseline)}}
with open(report_dir + "/verdict.json") as f:
    verdict = json.load(f)
assert verdict["inputs"] == expected, verdict.get("inputs")
with open(report_dir + "/audit-log.jsonl") as f:
    entry = json.loads(f.read().splitlines()[-1])
assert entry["inputs"] == expected, entry.get("inputs")
if attestation:
    with open(attestation) as f:
        statement = json.loads(base64.b64decode(json.load(f)["payload"]))
    predicate = statement["predicate"]
    assert predicate["exitbar"]["inputs"] == expected, predicate["exitbar"]
    uris = {i["uri"]: i["digest"]["sha256"]
            for i in predicate["inputAttestations"]}
    for kind, item in expected.items():
        assert uris.get(kind + ":" + item["path"]) == item["sha256"], uris
print("inputs recorded")
