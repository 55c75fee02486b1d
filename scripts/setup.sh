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
  # Debian's licence identifier: `collect readiness` runs it on the LICENSE
  # file (without it a built-in matcher knows only the common texts).
  licensecheck
  # civetweb's header: examples/fails-every-bar (built by the demo too)
  # compiles an unauthenticated civetweb route and webhook for
  # exitbar-unauthenticated-route and exitbar-unverified-webhook (the object
  # is never linked).
  libcivetweb-dev
)
if [[ "${1:-}" == "--test" ]]; then
  # chromium renders the HTML report; nodejs/npm bring the format validators;
  # lcov is the reference the coverage numbers are compared with; xmllint
  # (libxml2-utils) validates Cobertura output against its DTD; git makes
  # the repositories the diff-coverage tests compare with.
  packages+=(googletest libgtest-dev chromium lcov libxml2-utils git)
  # The `format` test (scripts/check-format.sh) formats with Debian's 14.
  packages+=(clang-format-14)
  # Every LLVM Debian 12 ships: the ci preset builds the plugin for each and
  # runs the check and example suites in each one's clang-tidy
  # (docs/llvm-versions.md); the plugin must also refuse to load into a
  # foreign one (lit-tests/checks/plugin-load-foreign-llvm.test).
  # llvm-<major>-dev holds the LLVMConfig.cmake the plugin's build reads
  # its header settings from; libclang-<major>-dev does not pull it in.
  for major in 15 16 19; do
    packages+=("llvm-$major-dev" "libclang-$major-dev" "clang-tidy-$major")
  done
  # lintian checks the Debian package (docs/install.md).
  packages+=(dpkg-dev lintian)
  # nginx (with its WebDAV module) is the real cache server the remote
  # findings cache is tested against (lit-tests/cli/tidy/remote-cache.test).
  packages+=(nginx)
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
