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
# FAIL_ON CONDITIONAL, or when evidence cannot be collected.

cmake_minimum_required(VERSION 3.25)

# Lists arrive joined with '|' (see _exitbar_add_gate).
string(REPLACE "|" ";" EXITBAR_COVERAGE_EXCLUDE "${EXITBAR_COVERAGE_EXCLUDE}")
string(REPLACE "|" ";" EXITBAR_TRUSTED_KEYS "${EXITBAR_TRUSTED_KEYS}")

foreach(_required EXITBAR_EXECUTABLE EXITBAR_BUILD_DIR EXITBAR_SOURCE_DIR)
  if(NOT DEFINED ${_required})
    message(FATAL_ERROR "ExitBarCollect.cmake: ${_required} is not set")
  endif()
endforeach()

set(_evidence "${EXITBAR_BUILD_DIR}/exitbar/evidence")

# Every evidence file of this run carries its id, and the gate counts no
# other: a file an earlier run left behind (coverage since turned off, a
# collector that failed to run) is stale, never a pass.
string(TIMESTAMP _now "%Y%m%dT%H%M%S" UTC)
string(RANDOM LENGTH 12 ALPHABET "0123456789abcdef" _nonce)
set(_run "${_now}-${_nonce}")

# Keys given as env://NAME are in this script's environment; the tests and
# benchmarks it runs are the project's code and must not inherit them (a
# test could print or send the release key). `cmake -E env --unset=NAME`
# runs them without those variables: the attestation key's, and the signing
# key's that exitbar_sign_artifacts() recorded in exitbar/secret-env.txt.
set(_exitbar_no_secrets "${CMAKE_COMMAND}" -E env)
set(_secret_names)
if(EXITBAR_ATTEST_KEY MATCHES "^env://(.+)$")
  list(APPEND _secret_names "${CMAKE_MATCH_1}")
endif()
if(EXISTS "${EXITBAR_BUILD_DIR}/exitbar/secret-env.txt")
  file(STRINGS "${EXITBAR_BUILD_DIR}/exitbar/secret-env.txt" _recorded)
  list(APPEND _secret_names ${_recorded})
endif()
foreach(_name IN LISTS _secret_names)
  list(APPEND _exitbar_no_secrets "--unset=${_name}")
endforeach()

# Energy and CO2e (GRID_INTENSITY): the test run below is measured by
# `exitbar collect energy`, which starts it; the build is priced from
# Ninja's log. An earlier gate's figures are never evidence of this one.
file(REMOVE "${_evidence}/energy.json")
set(_exitbar_energy)
if(EXITBAR_GRID_INTENSITY)
  set(_exitbar_energy "${EXITBAR_EXECUTABLE}" collect --run-id "${_run}" energy
    --grid-intensity "${EXITBAR_GRID_INTENSITY}")
  if(EXITBAR_POLICY)
    list(APPEND _exitbar_energy --policy "${EXITBAR_POLICY}")
  endif()
  if(EXITBAR_ENERGY_BASELINE)
    list(APPEND _exitbar_energy --baseline "${EXITBAR_ENERGY_BASELINE}")
  endif()
  if(EXISTS "${EXITBAR_BUILD_DIR}/.ninja_log")
    list(APPEND _exitbar_energy --ninja-log "${EXITBAR_BUILD_DIR}/.ninja_log")
  endif()
  list(APPEND _exitbar_energy -o "${_evidence}/energy.json" --)
endif()
# A measurement asked for and not made stops the gate: the collector said
# why (a policy it could not read, a baseline of another kind).
function(_exitbar_require_energy_evidence)
  if(EXITBAR_GRID_INTENSITY AND NOT EXISTS "${_evidence}/energy.json")
    message(FATAL_ERROR "ExitBar: measuring energy and CO2e failed (see above)")
  endif()
endfunction()
if(EXITBAR_GRID_INTENSITY AND NOT EXITBAR_COVERAGE)
  if(EXISTS "${EXITBAR_BUILD_DIR}/.ninja_log")
    # The gate runs no tests without COVERAGE: the build alone.
    list(REMOVE_AT _exitbar_energy -1)
    execute_process(COMMAND ${_exitbar_energy})
    _exitbar_require_energy_evidence()
  else()
    message(STATUS "ExitBar: energy: the gate runs no tests (no COVERAGE) "
      "and the generator keeps no .ninja_log; nothing to measure")
  endif()
endif()

if(EXITBAR_COVERAGE)
  # The tests run on every gate, into a JUnit file of this run only: results
  # of an earlier run (before a test was added, or before the build changed
  # in a way no timestamp shows) are never evidence.
  set(_profiles "${EXITBAR_BUILD_DIR}/exitbar/profiles")
  file(GLOB _old_junit "${EXITBAR_BUILD_DIR}/exitbar/ctest-junit*.xml")
  if(_old_junit)
    file(REMOVE ${_old_junit})
  endif()
  set(_junit "${EXITBAR_BUILD_DIR}/exitbar/ctest-junit-${_run}.xml")
  message(STATUS "ExitBar: running the tests for fresh results")
  # Counts of an earlier run (of code since changed, or of a test executable
  # since deleted) must not add to this run's coverage: Clang's profiles and
  # every GCC .gcda in the build tree go before the tests run.
  file(REMOVE_RECURSE "${_profiles}")
  if(NOT EXITBAR_LLVM_COV)
    file(GLOB_RECURSE _counts "${EXITBAR_BUILD_DIR}/*.gcda")
    if(_counts)
      file(REMOVE ${_counts})
    endif()
  endif()
  # Failing tests are evidence, not an error of this script. With
  # GRID_INTENSITY the energy collector runs them and measures them.
  execute_process(
    COMMAND ${_exitbar_energy} ${_exitbar_no_secrets} "${EXITBAR_CTEST}"
            --test-dir "${EXITBAR_BUILD_DIR}" --output-junit "${_junit}" -E "^exitbar$"
    OUTPUT_QUIET)
  _exitbar_require_energy_evidence()
  execute_process(
    COMMAND "${EXITBAR_EXECUTABLE}" collect --run-id "${_run}" tests --junit "${_junit}"
            -o "${_evidence}/tests.json"
    RESULT_VARIABLE _rc)
  if(NOT _rc EQUAL 0)
    message(FATAL_ERROR "ExitBar: collecting test results failed (exit code ${_rc})")
  endif()
  set(_excludes)
  foreach(_glob IN LISTS EXITBAR_COVERAGE_EXCLUDE)
    list(APPEND _excludes --exclude "${_glob}")
  endforeach()
  if(EXITBAR_LLVM_COV)
    set(_tools --llvm-profdata "${EXITBAR_LLVM_PROFDATA}" --llvm-cov "${EXITBAR_LLVM_COV}")
  else()
    set(_tools --gcov "${EXITBAR_GCOV}")
  endif()
  execute_process(
    COMMAND "${EXITBAR_EXECUTABLE}" collect --run-id "${_run}" coverage ${_excludes}
            --build-dir "${EXITBAR_BUILD_DIR}" --source-dir "${EXITBAR_SOURCE_DIR}"
            ${_tools}
            --cobertura "${EXITBAR_BUILD_DIR}/exitbar/coverage.xml"
            --html "${EXITBAR_BUILD_DIR}/exitbar/coverage"
            --lcov "${EXITBAR_BUILD_DIR}/exitbar/coverage.info"
    RESULT_VARIABLE _rc)
  if(NOT _rc EQUAL 0)
    message(FATAL_ERROR "ExitBar: collecting coverage failed (exit code ${_rc})")
  endif()
endif()

# The findings cache's statistics of the build since the last gate.
set(_cache_stats "${EXITBAR_BUILD_DIR}/exitbar/fragments/tidy-cache-stats.txt")
if(EXISTS "${_cache_stats}")
  file(STRINGS "${_cache_stats}" _outcomes)
  set(_hits 0)
  set(_misses 0)
  set(_corrupt 0)
  foreach(_o IN LISTS _outcomes)
    if(_o STREQUAL "hit" OR _o STREQUAL "remote-hit")
      math(EXPR _hits "${_hits} + 1")
    elseif(_o STREQUAL "corrupt")
      math(EXPR _corrupt "${_corrupt} + 1")
      math(EXPR _misses "${_misses} + 1")
    else()
      math(EXPR _misses "${_misses} + 1")
    endif()
  endforeach()
  message(STATUS "ExitBar: findings cache: ${_hits} hits, ${_misses} misses"
    " (${_corrupt} corrupted entries ignored) since the last gate")
  file(REMOVE "${_cache_stats}")
endif()

# Deployment files (Terraform, Kubernetes, Dockerfiles, Compose): their
# findings join the checks' as one more fragment, so `collect findings`
# merges them and baselines, waivers and SARIF treat both alike.
execute_process(
  COMMAND "${EXITBAR_EXECUTABLE}" collect --run-id "${_run}" infra
          --source-dir "${EXITBAR_SOURCE_DIR}"
          --build-dir "${EXITBAR_BUILD_DIR}"
  RESULT_VARIABLE _rc)
if(NOT _rc EQUAL 0)
  message(FATAL_ERROR "ExitBar: scanning deployment files failed (exit code ${_rc})")
endif()

execute_process(
  COMMAND "${EXITBAR_EXECUTABLE}" collect --run-id "${_run}" findings
          --source-dir "${EXITBAR_SOURCE_DIR}"
          --build-dir "${EXITBAR_BUILD_DIR}"
  RESULT_VARIABLE _rc)
if(NOT _rc EQUAL 0)
  message(FATAL_ERROR "ExitBar: collecting findings failed (exit code ${_rc})")
endif()

set(_readiness "${EXITBAR_EXECUTABLE}" collect --run-id "${_run}" readiness
  --source-dir "${EXITBAR_SOURCE_DIR}" -o "${_evidence}/readiness.json")
if(EXITBAR_POLICY)
  list(APPEND _readiness --policy "${EXITBAR_POLICY}")
endif()
execute_process(COMMAND ${_readiness} RESULT_VARIABLE _rc)
if(NOT _rc EQUAL 0)
  message(FATAL_ERROR "ExitBar: collecting readiness failed (exit code ${_rc})")
endif()

# Benchmarks: each executable exitbar_enable(BENCHMARKS ...) named runs with
# Google Benchmark's JSON output (short runs: the gate compares against a
# baseline recorded the same way), then the results become evidence.
set(_benchmark_list "${EXITBAR_BUILD_DIR}/exitbar/benchmarks.txt")
file(REMOVE "${_evidence}/benchmarks.json")
if(EXISTS "${_benchmark_list}")
  file(STRINGS "${_benchmark_list}" _benchmarks)
  set(_inputs)
  foreach(_bench IN LISTS _benchmarks)
    get_filename_component(_name "${_bench}" NAME)
    set(_out "${EXITBAR_BUILD_DIR}/exitbar/benchmarks/${_name}.json")
    file(MAKE_DIRECTORY "${EXITBAR_BUILD_DIR}/exitbar/benchmarks")
    # Coverage data of benchmark runs goes to a throw-away folder: it must
    # not add to the tests' coverage in a later gate run.
    execute_process(
      COMMAND ${_exitbar_no_secrets}
              "GCOV_PREFIX=${EXITBAR_BUILD_DIR}/exitbar/benchmarks/coverage"
              "LLVM_PROFILE_FILE=${EXITBAR_BUILD_DIR}/exitbar/benchmarks/coverage/%p.profraw"
              "${_bench}" "--benchmark_out=${_out}" --benchmark_out_format=json
              --benchmark_min_time=0.05
      OUTPUT_QUIET ERROR_VARIABLE _bench_log RESULT_VARIABLE _rc)
    if(NOT _rc EQUAL 0)
      message(FATAL_ERROR "ExitBar: benchmark ${_bench} failed (exit code ${_rc}):\n${_bench_log}")
    endif()
    list(APPEND _inputs --input "${_out}")
  endforeach()
  if(_inputs)
    set(_baseline_args)
    if(EXITBAR_BENCHMARK_BASELINE)
      set(_baseline_args --baseline "${EXITBAR_BENCHMARK_BASELINE}")
    endif()
    execute_process(
      COMMAND "${EXITBAR_EXECUTABLE}" collect --run-id "${_run}" benchmarks ${_inputs} ${_baseline_args}
              -o "${_evidence}/benchmarks.json"
      RESULT_VARIABLE _rc)
    if(NOT _rc EQUAL 0)
      message(FATAL_ERROR "ExitBar: collecting benchmarks failed (exit code ${_rc})")
    endif()
  endif()
endif()

# Release artifacts and their signatures (the list of the enabled targets'
# files is written at generate time).
set(_signatures "${EXITBAR_EXECUTABLE}" collect --run-id "${_run}" signatures
  --build-dir "${EXITBAR_BUILD_DIR}" -o "${_evidence}/signatures.json")
foreach(_key IN LISTS EXITBAR_TRUSTED_KEYS)
  # A folder (with or without trust.json) or a trust file; a lone key file
  # is trusted for artifact signing.
  if(IS_DIRECTORY "${_key}" OR _key MATCHES "\\.json$")
    list(APPEND _signatures --trusted-keys "${_key}")
  else()
    list(APPEND _signatures --trusted-key "${_key}")
  endif()
endforeach()
if(EXITBAR_POLICY)
  list(APPEND _signatures --policy "${EXITBAR_POLICY}")
endif()
execute_process(COMMAND ${_signatures} RESULT_VARIABLE _rc)
if(NOT _rc EQUAL 0)
  message(FATAL_ERROR "ExitBar: collecting signatures failed (exit code ${_rc})")
endif()

# The SBOM: `collect sbom` re-runs cmake itself when the File API reply is
# missing or older than the cache. Each target also gets its own SBOM. The
# cmake it re-runs is the one running this script, never a path read from
# the build tree's cache.
set(_sbom "${EXITBAR_EXECUTABLE}" collect --run-id "${_run}" sbom
  --build-dir "${EXITBAR_BUILD_DIR}" --source-dir "${EXITBAR_SOURCE_DIR}"
  --cmake "${CMAKE_COMMAND}"
  --target-sboms "${EXITBAR_BUILD_DIR}/exitbar/sbom/targets")
if(EXITBAR_POLICY)
  list(APPEND _sbom --policy "${EXITBAR_POLICY}")
endif()
if(EXITBAR_RELEASE_VERSION)
  list(APPEND _sbom --release-version "${EXITBAR_RELEASE_VERSION}")
endif()
execute_process(COMMAND ${_sbom} RESULT_VARIABLE _rc)
if(NOT _rc EQUAL 0)
  message(FATAL_ERROR "ExitBar: collecting the SBOM failed (exit code ${_rc})")
endif()

# Known vulnerabilities of the SBOM's components, from an offline OSV
# database. Without one, an old vulnerabilities.json must not linger: its
# absence is what makes the criterion not applicable.
file(REMOVE "${_evidence}/vulnerabilities.json")
if(EXITBAR_OSV_DATABASE)
  execute_process(
    COMMAND "${EXITBAR_EXECUTABLE}" collect --run-id "${_run}" vulnerabilities
            --sbom "${EXITBAR_BUILD_DIR}/exitbar/sbom.cdx.json"
            --osv-db "${EXITBAR_OSV_DATABASE}"
            -o "${_evidence}/vulnerabilities.json"
    RESULT_VARIABLE _rc)
  if(NOT _rc EQUAL 0)
    message(FATAL_ERROR "ExitBar: collecting vulnerabilities failed (exit code ${_rc})")
  endif()
endif()

# Approvals of this version at the commit checked out; outside a git work
# tree, or without a release version (project(VERSION), RELEASE_VERSION or
# the policy's), there is nothing to approve and nothing is collected.
file(REMOVE "${_evidence}/approvals.json")
execute_process(
  COMMAND git -C "${EXITBAR_SOURCE_DIR}" rev-parse HEAD
  OUTPUT_VARIABLE _commit OUTPUT_STRIP_TRAILING_WHITESPACE
  ERROR_QUIET RESULT_VARIABLE _rc)
if(NOT EXITBAR_RELEASE_VERSION AND NOT EXITBAR_POLICY)
  message(STATUS "ExitBar: no release version; no approvals collected")
elseif(_rc EQUAL 0 AND _commit)
  set(_approvals "${EXITBAR_EXECUTABLE}" collect --run-id "${_run}" approvals
    --source-dir "${EXITBAR_SOURCE_DIR}" --commit "${_commit}"
    -o "${_evidence}/approvals.json")
  if(EXITBAR_APPROVALS_DIR)
    list(APPEND _approvals --approvals-dir "${EXITBAR_APPROVALS_DIR}")
  endif()
  if(EXITBAR_RELEASE_VERSION)
    list(APPEND _approvals --release-version "${EXITBAR_RELEASE_VERSION}")
  endif()
  if(EXITBAR_POLICY)
    list(APPEND _approvals --policy "${EXITBAR_POLICY}")
  endif()
  foreach(_key IN LISTS EXITBAR_TRUSTED_KEYS)
    list(APPEND _approvals --trusted-keys "${_key}")
  endforeach()
  execute_process(COMMAND ${_approvals} RESULT_VARIABLE _rc)
  if(NOT _rc EQUAL 0)
    message(FATAL_ERROR "ExitBar: collecting approvals failed (exit code ${_rc})")
  endif()
else()
  message(STATUS "ExitBar: ${EXITBAR_SOURCE_DIR} is not a git work tree; no approvals collected")
endif()

set(_gate "${EXITBAR_EXECUTABLE}" gate --evidence "${_evidence}" --run-id "${_run}"
  --report-dir "${EXITBAR_BUILD_DIR}/exitbar"
  --source-dir "${EXITBAR_SOURCE_DIR}")
if(EXITBAR_BASELINE)
  list(APPEND _gate --baseline "${EXITBAR_BASELINE}")
endif()
if(EXITBAR_WAIVERS)
  list(APPEND _gate --waivers "${EXITBAR_WAIVERS}")
endif()
if(EXITBAR_POLICY)
  list(APPEND _gate --policy "${EXITBAR_POLICY}")
endif()
if(EXITBAR_RELEASE_VERSION)
  list(APPEND _gate --release-version "${EXITBAR_RELEASE_VERSION}")
endif()
if(EXITBAR_REQUIRE_SIGNED)
  list(APPEND _gate --require-signed)
endif()
if(EXITBAR_ATTEST_KEY)
  list(APPEND _gate --build-dir "${EXITBAR_BUILD_DIR}"
    --attest "${EXITBAR_BUILD_DIR}/exitbar/verdict.intoto.json"
    --private-key "${EXITBAR_ATTEST_KEY}")
endif()
if(EXITBAR_FAIL_ON STREQUAL "CONDITIONAL")
  list(APPEND _gate --fail-on conditional)
endif()
execute_process(COMMAND ${_gate} RESULT_VARIABLE _rc)
if(_rc EQUAL 1)
  message(FATAL_ERROR "ExitBar: the release does not meet the exit bar "
    "(see ${EXITBAR_BUILD_DIR}/exitbar/report.html)")
elseif(NOT _rc EQUAL 0)
  message(FATAL_ERROR "ExitBar: the gate could not run (exit code ${_rc})")
endif()
