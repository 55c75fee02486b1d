# forge.py - builds what an attacker holding only the artifact-signing key
# (or a CI step that signs any file it is given) would try: an approval or an
# attestation whose signature is an artifact signature over chosen bytes.
#   forge.py approval-bytes APPROVAL.json OLD|NEW OUT   the bytes to sign
#   forge.py approval APPROVAL.json SIGFILE KEYID OUT   the forged approval
#   forge.py statement SUBJECT_FILE OUT_PAYLOAD OUT_PAE a PASSED GO verdict
#   forge.py envelope PAYLOAD SIGFILE KEYID OUT         its DSSE envelope
import base64, hashlib, json, sys

APPROVAL_TYPE = "application/vnd.exitbar.approval+json"
INTOTO_TYPE = "application/vnd.in-toto+json"


def pae(payload_type, payload):
    t = payload_type.encode()
    return b"DSSEv1 %d %s %d %s" % (len(t), t, len(payload), payload)


def canonical(obj):
    return (json.dumps(obj, indent=2, sort_keys=True, ensure_ascii=False) + "\n").encode()


cmd = sys.argv[1]
if cmd == "approval-bytes":
    statement = json.load(open(sys.argv[2]))["statement"]
    statement["approver"] = "Mallory"
    text = canonical(statement)
    open(sys.argv[4], "wb").write(text if sys.argv[3] == "OLD" else pae(APPROVAL_TYPE, text))
elif cmd == "approval":
    doc = json.load(open(sys.argv[2]))
    doc["statement"]["approver"] = "Mallory"
    doc["signature"] = open(sys.argv[3]).read().strip()
    doc["key_id"] = sys.argv[4]
    json.dump(doc, open(sys.argv[5], "w"))
elif cmd == "statement":
    digest = hashlib.sha256(open(sys.argv[2], "rb").read()).hexdigest()
    statement = {
        "_type": "https://in-toto.io/Statement/v1",
        "subject": [{"name": "evil", "digest": {"sha256": digest}}],
        "predicateType": "https://slsa.dev/verification_summary/v1",
        "predicate": {"verificationResult": "PASSED", "exitbar": {"status": "GO"}},
    }
    payload = canonical(statement)
    open(sys.argv[3], "wb").write(payload)
    open(sys.argv[4], "wb").write(pae(INTOTO_TYPE, payload))
elif cmd == "envelope":
    payload = open(sys.argv[2], "rb").read()
    sig = open(sys.argv[3]).read().strip()
    json.dump({"payloadType": INTOTO_TYPE,
               "payload": base64.b64encode(payload).decode(),
               "signatures": [{"keyid": sys.argv[4], "sig": sig}]},
              open(sys.argv[5], "w"))
