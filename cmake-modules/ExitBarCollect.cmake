# ExitBarCollect.cmake - build/test-time script: collect evidence, apply the exit bar
# SPDX-License-Identifier: Apache-2.0
#
# Run by the `exitbar` target and ctest test that exitbar_enable() creates:
#
#   cmake -DEXITBAR_EXECUTABLE=<exitbar> -DEXITBAR_BUILD_DIR=<build>
#         -DEXITBAR_SOURCE_DIR=<source> [-DEXITBAR_POLICY=<file>]
#         [-DEXITBAR_FAIL_ON=NO_GO|CONDITIONAL] [-DEXITBAR_RELEASE_VERSION=<v>]
#         [-DEXITBAR_BASELINE=<file>] [-DEXITBAR_WAIVERS=<file>]
#         [-DEXITBAR_TRUSTED_KEYS=<dir-or-file>|...] [-DEXITBAR_REQUIRE_SIGNED=ON]
#         [-DEXITBAR_ATTEST_KEY=<file|env://NAME>]
#         [-DEXITBAR_BENCHMARK_BASELINE=<file>] [-DEXITBAR_OSV_DATABASE=<dir>]
#         [-DEXITBAR_GRID_INTENSITY=<gCO2e/kWh>] [-DEXITBAR_ENERGY_BASELINE=<file>]
#         [-DEXITBAR_APPROVALS_DIR=<dir>]
#         -P ExitBarCollect.cmake
#
# Fails (exit code 1) when the verdict is NO_GO, or CONDITIONAL with
# FAIL_ON CONDITIONAL, or when evidence cannot be collected. The steps are
# `exitbar run`'s (docs/cli.md).

cmake_minimum_required(VERSION 3.25)

# Lists arrive joined with '|' (see _exitbar_add_gate).
string(REPLACE "|" ";" EXITBAR_COVERAGE_EXCLUDE "${EXITBAR_COVERAGE_EXCLUDE}")
string(REPLACE "|" ";" EXITBAR_TRUSTED_KEYS "${EXITBAR_TRUSTED_KEYS}")

foreach(_required EXITBAR_EXECUTABLE EXITBAR_BUILD_DIR EXITBAR_SOURCE_DIR)
  if(NOT DEFINED ${_required})
    message(FATAL_ERROR "ExitBarCollect.cmake: ${_required} is not set")
  endif()
endforeach()

# The pipeline itself is `exitbar run` (the library's runPipeline): this
# script only turns the variables exitbar_enable() recorded into its
# options, so the target, a CI job and ExitBar's own gate run one pipeline.
set(_run "${EXITBAR_EXECUTABLE}" run
  --build-dir "${EXITBAR_BUILD_DIR}" --source-dir "${EXITBAR_SOURCE_DIR}"
  --cmake "${CMAKE_COMMAND}")
foreach(_pair
    "POLICY;--policy" "RELEASE_VERSION;--release-version"
    "BASELINE;--baseline" "WAIVERS;--waivers"
    "ATTEST_KEY;--private-key" "BENCHMARK_BASELINE;--benchmark-baseline"
    "OSV_DATABASE;--osv-db" "GRID_INTENSITY;--grid-intensity"
    "ENERGY_BASELINE;--energy-baseline" "APPROVALS_DIR;--approvals-dir")
  list(GET _pair 0 _variable)
  list(GET _pair 1 _option)
  if(EXITBAR_${_variable})
    list(APPEND _run ${_option} "${EXITBAR_${_variable}}")
  endif()
endforeach()
foreach(_key IN LISTS EXITBAR_TRUSTED_KEYS)
  list(APPEND _run --trusted-keys "${_key}")
endforeach()
if(EXITBAR_REQUIRE_SIGNED)
  list(APPEND _run --require-signed)
endif()
if(EXITBAR_FAIL_ON STREQUAL "CONDITIONAL")
  list(APPEND _run --fail-on conditional)
endif()
# With COVERAGE the tests run on every gate, for fresh results and fresh
# coverage counts.
if(EXITBAR_COVERAGE)
  list(APPEND _run --ctest "${EXITBAR_CTEST}")
  if(EXITBAR_LLVM_COV)
    list(APPEND _run --llvm-profdata "${EXITBAR_LLVM_PROFDATA}"
      --llvm-cov "${EXITBAR_LLVM_COV}")
  elseif(EXITBAR_GCOV)
    list(APPEND _run --gcov "${EXITBAR_GCOV}")
  endif()
  foreach(_glob IN LISTS EXITBAR_COVERAGE_EXCLUDE)
    list(APPEND _run --coverage-exclude "${_glob}")
  endforeach()
endif()

execute_process(COMMAND ${_run} RESULT_VARIABLE _rc)
if(_rc EQUAL 1)
  message(FATAL_ERROR "ExitBar: the release does not meet the exit bar "
    "(see ${EXITBAR_BUILD_DIR}/exitbar/report.html)")
elseif(NOT _rc EQUAL 0)
  message(FATAL_ERROR "ExitBar: the gate could not run (exit code ${_rc})")
endif()
