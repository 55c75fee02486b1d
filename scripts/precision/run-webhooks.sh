#!/bin/bash
# SPDX-License-Identifier: Apache-2.0
# Runs exitbar-unverified-webhook (and exitbar-unauthenticated-route) over
# the webhook receivers of docs/checks/precision/routes.md, one clang-tidy
# per file:
#   P=<plugin .so> TREES=<dir> OUT=<results dir> run-webhooks.sh
# $TREES holds the extracted trees, each named <owner>+<repo> (git archive
# of the commits routes.md lists), and the library headers the receivers
# need and Debian 12 does not package: crow/include (CrowCpp/Crow),
# drogon/lib/inc (drogonframework/drogon), trantor (an-tao/trantor).
# Debian packages used: libcpp-httplib-dev, libasio-dev, libssl-dev,
# nlohmann-json3-dev, libjsoncpp-dev, libspdlog-dev, libfmt-dev.
# A header that is neither in the tree nor packaged (a project's generated
# version.hpp, prometheus-cpp, cpr, restclient-cpp) would stop clang at the
# include; each one becomes an empty stand-in under $OUT/stubs/<tree>, so
# the rest of the file is analysed (the uses of what it declared are then
# errors clang recovers from, counted as such). Export-macro headers get
# their macro.
# Prints one line per file: the file, the stand-ins made, clang's error
# count, then the checks' diagnostics.
P=${P:?plugin}
TREES=$(realpath "${TREES:?trees}")
CT=${CT:-/usr/lib/llvm-14/bin/clang-tidy}
C='--checks=-*,exitbar-unverified-webhook,exitbar-unauthenticated-route'
F="-std=c++20 -ferror-limit=0 -Wno-everything -I /usr/include/jsoncpp"
out=$(realpath -m "${OUT:?results dir}"); mkdir -p "$out"
run() { # <tree> <file> [flags...]
  local tree=$1 file=$2; shift 2
  local log=$out/$tree-$(echo "$file" | tr / _).log stubs=$out/stubs/$tree made=0
  mkdir -p "$stubs"
  for _ in $(seq 20); do
    (cd "$TREES/$tree" && timeout 300 "$CT" --load="$P" "$C" "$file" -- $F -I "$stubs" "$@" > "$log" 2>&1)
    local missing; missing=$(grep -o "error: '[^']*' file not found" "$log" | head -1 | cut -d"'" -f2)
    [[ -z $missing ]] && break
    mkdir -p "$stubs/$(dirname "$missing")"
    case $missing in
      */exports.h) m=$(basename "$(dirname "$missing")" | tr a-z A-Z)_EXPORT; echo "#define $m" > "$stubs/$missing" ;;
      *) : > "$stubs/$missing" ;;
    esac
    made=$((made + 1))
  done
  echo "== $tree/$file: $made stand-ins, $(grep -c ' error: ' "$log") errors"
  grep -E 'warning: .*\[exitbar-' "$log" | sed "s|^$TREES/||" | sort -u
}
run bain3+navis main.cpp -I . -I libs
# The project's own template of its configuration header.
mkdir -p "$out/stubs/Fulu1014+SmartPR-Reviewer"
cp "$TREES/Fulu1014+SmartPR-Reviewer/include/config.h.exemple" "$out/stubs/Fulu1014+SmartPR-Reviewer/config.h"
run Fulu1014+SmartPR-Reviewer src/main.cpp -I include -I src
run ohto-ai+webhook src/webhook_manager.cpp -I src -I inc
run HomericIntelligence+Agamemnon src/routes.cpp -I include -I src
run HomericIntelligence+Agamemnon src/github_webhook.cpp -I include -I src
run bouldev+pv4 modules/user_center/user_center.cpp -I . -I modules -I /usr/include -include httplib.h
run panayiotissavva8-dev+devlpulse src/main.cpp -I src -I include -I "$TREES/crow/include"
run AdityaRoy999+StackPilot src/controllers/GitHubWebhookController.cpp -I src -I include -I "$TREES/drogon/lib/inc" -I "$TREES/trantor"
run Luma-exe+luma-tools src/routes_account.cpp -I src -I src/headers
run ryanignatius+Anagraman src/main.cpp -I src -I include -I "$TREES/crow/include"
