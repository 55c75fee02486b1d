#!/usr/bin/env bash
# sbom.sh - exitbar collect sbom on a synthetic File API reply with N targets (default 5000)
# SPDX-License-Identifier: Apache-2.0
#
# Usage: scripts/bench/sbom.sh [targets]
#
# The reply looks like a large real build: every target has 8 sources, an
# artifact of 64 KiB to hash, dependencies on up to 3 earlier targets, links
# the machine's libz/libssl/libcrypto (so the dpkg mapping runs against the
# real /var/lib/dpkg) and includes a system folder. Prints wall time and
# peak memory from /usr/bin/time -v, and the component count.
set -euo pipefail
n="${1:-5000}"
here="$(cd "$(dirname "$0")/../.." && pwd)"
exitbar="${EXITBAR:-$here/build/bin/exitbar}"
tmp="$(mktemp -d)"; trap '[ -n "${KEEP:-}" ] || rm -rf "$tmp"' EXIT

python3 - "$tmp/build" "$n" <<'PY'
import json, os, sys
build, n = sys.argv[1], int(sys.argv[2])
reply = os.path.join(build, ".cmake/api/v1/reply")
os.makedirs(reply); os.makedirs(os.path.join(build, "lib"))
def dump(name, obj):
    with open(os.path.join(reply, name), "w") as f: json.dump(obj, f)
libs = ["/usr/lib/x86_64-linux-gnu/libz.so", "/usr/lib/x86_64-linux-gnu/libssl.so",
        "/usr/lib/x86_64-linux-gnu/libcrypto.so", "-lm", "-pthread"]
blob = os.urandom(64 * 1024)
refs = []
for i in range(n):
    name = "t%05d" % i
    kind = "EXECUTABLE" if i % 10 == 0 else "STATIC_LIBRARY"
    art = ("bin/" if kind == "EXECUTABLE" else "lib/lib") + name + ("" if kind == "EXECUTABLE" else ".a")
    os.makedirs(os.path.dirname(os.path.join(build, art)), exist_ok=True)
    with open(os.path.join(build, art), "wb") as f: f.write(blob + name.encode())
    deps = ["t%05d" % j for j in (i - 1, i - 7, i - 31) if j >= 0]
    refs.append({"name": name, "id": name + "::@1", "jsonFile": "target-%s.json" % name,
                 "directoryIndex": 0, "projectIndex": 0})
    dump("target-%s.json" % name, {
        "name": name, "id": name + "::@1", "type": kind,
        "artifacts": [{"path": art}],
        "sources": [{"path": "src/%s/f%d.cpp" % (name, k), "compileGroupIndex": 0} for k in range(8)],
        "dependencies": [{"id": d + "::@1"} for d in deps],
        "link": {"language": "CXX", "commandFragments":
                 [{"fragment": "-O2", "role": "flags"}] + [{"fragment": l, "role": "libraries"} for l in libs]},
        "compileGroups": [{"language": "CXX", "sourceIndexes": list(range(8)),
                           "includes": [{"path": "/src/include"}, {"path": "/usr/include/openssl"}]}]})
dump("codemodel-v2-1.json", {"kind": "codemodel", "version": {"major": 2, "minor": 4},
     "paths": {"source": "/src", "build": build},
     "configurations": [{"name": "Release", "projects": [{"name": "bench"}], "targets": refs}]})
dump("cache-v2-1.json", {"kind": "cache", "version": {"major": 2, "minor": 0},
     "entries": [{"name": "CMAKE_PROJECT_NAME", "value": "bench", "type": "STATIC"}]})
dump("toolchains-v1-1.json", {"kind": "toolchains", "version": {"major": 1, "minor": 0},
     "toolchains": [{"compiler": {"implicit": {"linkDirectories":
         ["/usr/lib/x86_64-linux-gnu", "/usr/lib", "/lib/x86_64-linux-gnu"]}}}]})
dump("index-2024-01-01T00-00-00-0000.json", {"objects": [
    {"kind": "codemodel", "version": {"major": 2, "minor": 4}, "jsonFile": "codemodel-v2-1.json"},
    {"kind": "cache", "version": {"major": 2, "minor": 0}, "jsonFile": "cache-v2-1.json"},
    {"kind": "toolchains", "version": {"major": 1, "minor": 0}, "jsonFile": "toolchains-v1-1.json"}]})
PY

echo "load: $(cut -d' ' -f1-3 /proc/loadavg)"
echo "machine: $(nproc) cores, $(free -g | awk '/Mem:/ {print $2}') GiB; $(date -u +%Y-%m-%dT%H:%MZ); $n targets; reply $(du -sh "$tmp/build/.cmake" | cut -f1)"
# "target-sboms" adds the per-target CycloneDX files (what the CMake gate
# writes), to show their cost; "rerun" is the same again, when every
# target's file is unchanged and is only compared.
for mode in default --with-sources target-sboms rerun; do
  case "$mode" in
    default) args=() ;;
    target-sboms|rerun) args=(--target-sboms "$tmp/build/exitbar/sbom/targets") ;;
    *) args=("$mode") ;;
  esac
  /usr/bin/time -v "$exitbar" collect sbom --build-dir "$tmp/build" --no-refresh --release-version 1.0 \
    --supplier bench "${args[@]}" >"$tmp/out" 2>"$tmp/time"
  printf '%-15s %s  wall %s s  cpu %s s  peak %s MB  (%s)\n' "$mode" "$(cut -d' ' -f2-5 "$tmp/out")" \
    "$(awk -F': ' '/Elapsed \(wall clock\)/ {print $2}' "$tmp/time" | awk -F: '{print $(NF-1)*60+$NF}')" \
    "$(awk -F': ' '/User time|System time/ {s += $2} END {printf "%.2f", s}' "$tmp/time")" \
    "$(awk -F': ' '/Maximum resident/ {printf "%.0f", $2/1024}' "$tmp/time")" \
    "cdx $(du -h "$tmp/build/exitbar/sbom.cdx.json" | cut -f1), spdx $(du -h "$tmp/build/exitbar/sbom.spdx.json" | cut -f1)"
done
