#!/usr/bin/env bash
# setup.sh - installs the Debian 12 packages ExitBar builds and tests with (when missing)
# SPDX-License-Identifier: Apache-2.0
#
# Usage: scripts/setup.sh [--test]    (--test also installs the test-only tools)
set -euo pipefail

packages=(
  cmake ninja-build g++ python3
  llvm-14-dev libclang-14-dev clang-14 clang-tidy-14 llvm-14-tools
  nlohmann-json3-dev libtinyxml2-dev libfmt-dev libcli11-dev libssl-dev zlib1g-dev
  libbenchmark-dev openssl
)
if [[ "${1:-}" == "--test" ]]; then
  # chromium renders the HTML report; nodejs/npm bring the format validators;
  # lcov is the reference the coverage numbers are compared with; xmllint
  # (libxml2-utils) validates Cobertura output against its DTD; git makes
  # the repositories the diff-coverage tests compare with.
  packages+=(googletest libgtest-dev chromium lcov libxml2-utils git)
  # civetweb's header: examples/fails-every-bar compiles an unauthenticated
  # civetweb route and webhook for exitbar-unauthenticated-route and
  # exitbar-unverified-webhook (the object is never linked).
  packages+=(libcivetweb-dev)
  # A clang-tidy of another LLVM major: the plugin must refuse to load into
  # it with one clear line (lit-tests/checks/plugin-load-foreign-llvm.test).
  packages+=(clang-tidy-15)
  # Node may come from elsewhere than Debian (the machine image ships one);
  # only a machine without npm gets Debian's.
  if ! command -v npm >/dev/null 2>&1; then
    packages+=(nodejs npm)
  fi
fi

missing=()
for p in "${packages[@]}"; do
  if ! dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed"; then
    missing+=("$p")
  fi
done

if ((${#missing[@]})); then
  echo "setup: installing ${missing[*]}"
  sudo=""
  if [[ $(id -u) -ne 0 ]]; then sudo="sudo"; fi
  $sudo apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
fi
