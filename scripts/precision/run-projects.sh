#!/bin/bash
# SPDX-License-Identifier: Apache-2.0
# Runs the eight checks of docs/checks/precision/{secrets,taint,random-stub-unsafe}.md
# over the projects, one clang-tidy at a time:
#   P=<plugin .so> TREES=<dir> OUT=<results dir> run-projects.sh [project|all]
# $TREES holds the extracted trees (git archive of the commits in taint.md):
# curl, httplib, civetweb, mongoose, nginx, openvpn, libarchive, mosquitto, redis.
# $CONFIGS (default: configs/ next to this script) holds the hand-written
# configuration headers of netcrypto.md: openvpn/config.h, libarchive/config.h,
# nginx/ngx_auto_{config,headers}.h.
P=${P:?plugin}
TREES=${TREES:?trees}
CONFIGS=${CONFIGS:-$(cd "$(dirname "$0")" && pwd)/configs}
CT=/usr/lib/llvm-14/bin/clang-tidy
C='--checks=-*,exitbar-hardcoded-secret,exitbar-default-credentials,exitbar-secret-in-log,exitbar-command-injection,exitbar-path-traversal,exitbar-insecure-random,exitbar-stub-implementation,exitbar-unsafe-function'
F="-ferror-limit=0 -Wno-everything"
# THREAT_MODELS (default remote, what a project gets unless it asks for more):
# the taint checks' threat models, e.g. THREAT_MODELS='remote;local'.
THREATS="--config={CheckOptions: [{key: exitbar.ThreatModels, value: '${THREAT_MODELS:-remote}'}]}"
out=$(realpath -m ${OUT:?results dir}); mkdir -p $out
proj=${1:-all}
# With EXITBAR=<exitbar>, each file is analysed as a build does (`exitbar
# tidy`, one fragment per file) and `exitbar collect findings` then links the
# taint summaries of one project's files: $out/<project>-linked.txt lists the
# findings whose path crosses files. One project per run in this mode.
if [[ -n $EXITBAR ]]; then
  [[ $proj == all ]] && { echo "EXITBAR needs one project" >&2; exit 2; }
  frag=$out/$proj-build/exitbar/fragments/findings; rm -rf $out/$proj-build; mkdir -p $frag
  run() { timeout 180 $EXITBAR tidy --clang-tidy $CT --source-dir $TREES --fragments $frag -- --load=$P "$C" "$THREATS" $EXTRA_ARGS "$@" 2>/dev/null | grep 'warning:'; }
else
  run() { timeout 180 $CT --load=$P "$C" "$THREATS" $EXTRA_ARGS "$@" 2>/dev/null | grep 'warning:'; }
fi
if [[ $proj == all || $proj == curl ]]; then
cd $TREES/curl/docs/examples && for f in *.c; do run $f -- -I $TREES/curl/include $F; done | sort -u > $out/curl.txt; fi
if [[ $proj == all || $proj == httplib ]]; then
cd $TREES/httplib/example && for f in *.cc; do run --header-filter='httplib\.h' $f -- -std=c++17 -I .. -DCPPHTTPLIB_OPENSSL_SUPPORT $F; done | sort -u > $out/httplib.txt; fi
if [[ $proj == all || $proj == civetweb ]]; then
cd $TREES/civetweb && (for f in src/civetweb.c src/main.c; do run --header-filter='civetweb/(src|include)' $f -- -I include -I src -DUSE_IPV6 -DUSE_WEBSOCKET $F; done; run src/CivetServer.cpp -- -std=c++11 -I include $F; for f in $(find examples -name '*.c' -o -name '*.cpp'); do run $f -- -I include $F; done) | sort -u > $out/civetweb.txt; fi
if [[ $proj == all || $proj == mongoose ]]; then
cd $TREES/mongoose && (run mongoose.c -- -I . $F; T=tutorials; [[ -d tut/tutorials ]] && T=tut/tutorials; for f in $(find $T -name main.c); do run $f -- -I . $F; done) | sort -u > $out/mongoose.txt; fi
if [[ $proj == all || $proj == openvpn ]]; then
mkdir -p $out/openvpn-gen && sed 's/@OPENVPN_VERSION_MAJOR@/2/; s/@OPENVPN_VERSION_MINOR@/7/; s/@OPENVPN_VERSION_PATCH@/0/' \
  $TREES/openvpn/include/openvpn-plugin.h.in > $out/openvpn-gen/openvpn-plugin.h
cd $TREES/openvpn/src/openvpn && for f in *.c; do run $f -- -DHAVE_CONFIG_H -I $CONFIGS/openvpn -I $out/openvpn-gen -I . -I ../compat -I ../../include $F; done | sort -u > $out/openvpn.txt; fi
if [[ $proj == all || $proj == libarchive ]]; then
cd $TREES/libarchive/libarchive && for f in *.c; do run $f -- -DHAVE_CONFIG_H -I $CONFIGS/libarchive -I . $F; done | sort -u > $out/libarchive.txt; fi
if [[ $proj == all || $proj == nginx ]]; then
cd $TREES/nginx && I="-I $CONFIGS/nginx -I src/core -I src/event -I src/event/modules -I src/event/quic -I src/os/unix -I src/http -I src/http/modules -I src/http/v2 -I src/http/v3 -I src/stream -I src/mail"; for f in $(find src/core src/event src/http src/stream src/mail -name '*.c' | grep -v -e win32 -e quic -e v3); do run $f -- $I $F; done | sort -u > $out/nginx.txt; fi
if [[ $proj == all || $proj == mosquitto ]]; then
cd $TREES/mosquitto && I="-I . -I include -I lib -I src -I deps -I common -DWITH_BROKER -DWITH_TLS -DWITH_TLS_PSK -DWITH_SOCKS -DWITH_EPOLL"; (for f in src/*.c; do run $f -- $I $F; done; for f in lib/*.c client/*.c apps/*/*.c plugins/*/*.c; do run $f -- -I . -I include -I lib -I client -I deps -I common -DWITH_TLS -DWITH_TLS_PSK $F; done) | sort -u > $out/mosquitto.txt; fi
if [[ $proj == all || $proj == redis ]]; then
cd $TREES/redis/src && for f in *.c; do run $f -- -I . -I ../deps/hiredis -I ../deps/linenoise -I ../deps/lua/src -I ../deps/hdr_histogram -I ../deps/fpconv -I ../deps/fast_float $F; done | sort -u > $out/redis.txt; fi
if [[ -n $EXITBAR ]]; then
  $EXITBAR collect findings --build-dir $out/$proj-build -o $out/$proj-findings.json > /dev/null
  python3 -c '
import json, sys
for f in json.load(open(sys.argv[1]))["findings"]:
    if any(s["file"] != f["file"] for s in f.get("path", [])):
        print("%s:%d: %s: %s" % (f["file"], f["line"], f["check"], f["message"][:60]))
        for s in f["path"]:
            print("    %s:%d %s" % (s["file"], s["line"], s["message"]))
' $out/$proj-findings.json > $out/$proj-linked.txt
fi
