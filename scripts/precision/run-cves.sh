#!/bin/bash
# SPDX-License-Identifier: Apache-2.0
# Replays the CVEs of cves.tsv (docs/checks/precision/cves.md): for each, runs the
# plugin on the affected file at the vulnerable and at the fixing commit and says
# whether the vulnerable lines are flagged by the CVE's check and whether the
# lines the fix touched are clean.
#   P=<plugin .so> OUT=<work dir> [MIRRORS=<dir of owner+name/repo git dirs>] \
#     run-cves.sh [cves.tsv] > results.md
# cves.tsv's last column names headers to generate in the extracted tree (`x.h.in=x.h`).
# Without MIRRORS each repository is cloned (blobs on demand) from
# https://github.com/<owner>/<name> into $OUT/clones. Sources are extracted under
# $OUT/src; nothing is written into this repository.
set -u
HERE=$(cd "$(dirname "$0")" && pwd)
P=${P:?plugin}
OUT=$(realpath -m "${OUT:?work dir}")
TABLE=${1:-$HERE/cves.tsv}
CONFIGS=${CONFIGS:-$HERE/configs}
CT=${CLANG_TIDY:-/usr/lib/llvm-14/bin/clang-tidy}
# THREAT_MODELS (default all): the corpus's flows start at the network, the
# command line, the environment and files alike (cves.md says which).
# TAINT_MODELS: the project model files to add (e.g. $HERE/models, the
# models of the corpus's own readers: cves.md, "with project models").
THREATS="--config={CheckOptions: [{key: exitbar.ThreatModels, value: '${THREAT_MODELS:-all}'}${TAINT_MODELS:+, {key: exitbar.TaintModels, value: '$TAINT_MODELS'\}}]}"
mkdir -p "$OUT/src" "$OUT/clones" "$OUT/logs"

gitdir() { # owner/name -> a git directory holding its history
  local m=${MIRRORS:-}/${1/\//+}/repo
  if [[ -n ${MIRRORS:-} && -d $m ]]; then echo "$m"; return; fi
  local c=$OUT/clones/${1/\//+}
  [[ -d $c ]] || git clone -q --bare --filter=blob:none "https://github.com/$1" "$c" >&2
  echo "$c"
}

# Lines (new side) of the hunks that `git diff A B -- file` changes in B.
touched() {
  git -C "$1" diff -U0 "$2" "$3" -- "$4" | awk '/^@@/ {
    split($3, a, ","); s = substr(a[1], 2) + 0; n = (a[2] == "" ? 1 : a[2] + 0)
    if (n == 0) { print s } else for (i = s; i < s + n; i++) print i }' | sort -un
}

echo "| CVE | repository | file | check | parse errors (vulnerable) | vulnerable: flagged at the vulnerable lines | vulnerable: diagnostics of the check in the file | fixed: lines the fix touched clean | fixed: diagnostics of the check in the file |"
echo "|---|---|---|---|---|---|---|---|---|"
grep -v '^#' "$TABLE" | while IFS=$'\t' read -r id repo vuln fixed file lines weakness check flags generate; do
  [[ -z $id ]] && continue
  g=$(gitdir "$repo")
  declare -A diags=()
  for side in vuln fixed; do
    commit=$([[ $side == vuln ]] && echo "$vuln" || echo "$fixed")
    full=$(git -C "$g" rev-parse --verify -q "$commit^{commit}")
    dir=$OUT/src/$id-$side
    [[ -d $dir ]] || python3 "$HERE/extract_commit.py" "$g" "$full" "$dir" 2>/dev/null
    # Headers a build would generate: `from=to` pairs, @VARIABLES@ emptied.
    for pair in ${generate//,/ }; do
      [[ -f $dir/${pair#*=} ]] || sed 's/@[A-Z_]*@/0/g' "$dir/${pair%%=*}" > "$dir/${pair#*=}"
    done
    args=${flags//@CONFIGS@/$CONFIGS}
    (cd "$dir" && timeout 300 $CT --load="$P" "--checks=-*,$check" "$THREATS" "$file" -- $args \
       -ferror-limit=0 -Wno-everything 2>/dev/null) > "$OUT/logs/$id-$side.all"
    grep "warning:.*\[$check\]" "$OUT/logs/$id-$side.all" | sed "s|^$dir/||" > "$OUT/logs/$id-$side.txt"
  done
  # How well the file parsed with these flags: a fatal error leaves no AST.
  parse=$(grep -c ' error: ' "$OUT/logs/$id-vuln.all")
  grep -q "file not found" "$OUT/logs/$id-vuln.all" && parse="$parse, header missing"
  # Lines in the vulnerable file that carry a diagnostic of the check.
  vlines=$(sed -n "s|^$file:\([0-9]*\):.*|\1|p" "$OUT/logs/$id-vuln.txt" | sort -un)
  hit=no
  for l in ${lines//,/ }; do grep -qx "$l" <<<"$vlines" && hit=yes; done
  fl=$(sed -n "s|^$file:\([0-9]*\):.*|\1|p" "$OUT/logs/$id-fixed.txt" | sort -un)
  ft=$(touched "$g" "$vuln" "$fixed" "$file")
  clean=yes
  for l in $fl; do grep -qx "$l" <<<"$ft" && clean="no (line $l)"; done
  echo "| $id | $repo | \`$file\` | \`$check\` | $parse | $hit | $(grep -c "^$file:" "$OUT/logs/$id-vuln.txt") | $clean | $(grep -c "^$file:" "$OUT/logs/$id-fixed.txt") |"
done
