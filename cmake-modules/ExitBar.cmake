# ExitBar.cmake - public CMake API of ExitBar
# SPDX-License-Identifier: Apache-2.0

#[=======================================================================[.rst:
ExitBar
-------

Turns a production-readiness audit into a build-time gate. Load it with
``find_package(ExitBar)`` (or ``add_subdirectory``/``FetchContent`` of the
ExitBar sources), then call ``exitbar_enable()``.

.. command:: exitbar_enable

  Runs the ``exitbar-*`` checks on targets during the build and creates the
  ``exitbar`` gate target and ctest test::

    exitbar_enable(<ALL | TARGETS <target>...>
                   [POLICY <file>]
                   [FAIL_ON <NO_GO | CONDITIONAL>]
                   [CHECKS <glob-list>]
                   [RELEASE_VERSION <version>]
                   [BASELINE <file>]
                   [WAIVERS <file>]
                   [COVERAGE [COVERAGE_EXCLUDE <glob>...]]
                   [TRUSTED_KEYS <dir-or-file>...]
                   [REQUIRE_SIGNED] [ATTEST_KEY <file | env://NAME>]
                   [SBOM_SUPPLIER <name>] [SBOM_AUTHOR <name>]
                   [OSV_DATABASE <dir>]
                   [APPROVALS_DIR <dir>])

  ``ALL``
    Every executable and library target of the project, including targets
    defined after the call (they are collected when the top-level
    ``CMakeLists.txt`` has been processed), so the call can sit right after
    ``find_package``. ExitBar's own targets are never included.

  ``TARGETS <target>...``
    Only these targets (they may also be defined after the call).

  ``POLICY <file>``
    The policy file the gate applies (relative to the current source
    folder). Default: the built-in policy (``exitbar policy init`` writes it).

  ``FAIL_ON <NO_GO | CONDITIONAL>``
    Which verdict fails the ``exitbar`` target and test. Default ``NO_GO``.

  ``CHECKS <glob-list>``
    clang-tidy ``--checks`` value. Default ``-*,exitbar-*``; the project's own
    ``.clang-tidy`` still supplies check options.

  ``RELEASE_VERSION <version>``
    Version recorded in the verdict. Default: ``CMAKE_PROJECT_VERSION``.

  ``BASELINE <file>``
    A baseline written by ``exitbar baseline update``: findings criteria
    then count only findings that are not in it.

  ``WAIVERS <file>``
    A waiver file accepting findings or failing criteria, each with an
    owner, a reason and an expiry date.

  ``COVERAGE``
    Instrument the enabled targets for coverage (GCC: ``--coverage``;
    Clang: ``-fprofile-instr-generate -fcoverage-mapping``; the gate runs
    the tests with ``LLVM_PROFILE_FILE`` set so profiles land in
    ``<build>/exitbar/profiles``; whatever links an instrumented static
    library gets the coverage runtime) and make the gate collect coverage and
    test results: the ``exitbar`` target removes the coverage counts of
    earlier runs (every ``.gcda`` of the build tree; Clang's profiles) and
    runs ``ctest --output-junit`` into a file of this run every time, then
    ``exitbar collect tests`` and ``exitbar collect coverage`` (with the gcov, or the
    llvm-profdata and llvm-cov, matching the compiler). The cache option
    ``EXITBAR_COVERAGE=ON`` does the same without editing the project.

  ``COVERAGE_EXCLUDE <glob>...``
    Files left out of the coverage evidence, as globs over paths relative
    to the source folder (``*`` matches across ``/``), e.g. ``"tests/*"``.
    Files outside the source folder and in the build folder are always left
    out.

  ``TRUSTED_KEYS <dir-or-file>...``
    PEM public keys (files, or folders of ``*.pem``/``*.pub``/``*.key``)
    trusted to sign the release artifacts. The gate checks the signature of
    every executable and library of the enabled targets (and the files the
    policy's ``signing.artifacts`` names) into
    ``<build>/exitbar/evidence/signatures.json``; the default policy's
    must-pass criterion ``artifacts-signed`` fails on any artifact that is
    unsigned, wrongly signed or signed by another key. A trust file
    (``trust.json``, or a folder holding one) gives each key its purpose:
    ``artifact-signing``, ``attestation`` or ``approval`` with its roles
    (``docs/signing.md``); a folder of keys without one is trusted for
    artifact signing only. When the environment variable
    ``EXITBAR_TRUST_STORE`` is set at build time (by CI, pointing outside
    the repository), it replaces these.

  ``REQUIRE_SIGNED``
    Adds the ``artifacts-signed`` criterion to a policy that lacks it, so a
    project's own ``POLICY`` also refuses unsigned artifacts.

  ``ATTEST_KEY <file | env://NAME>``
    Also write the signed verdict ``<build>/exitbar/verdict.intoto.json``: a
    DSSE envelope of an in-toto statement whose subjects are the artifacts'
    SHA-256 digests and whose predicate is a SLSA Verification Summary
    carrying the verdict, signed with this private key (checked by
    ``exitbar verify-attestation``).
  ``SBOM_SUPPLIER <name>``
    The supplier of the project's own components in the SBOM (an
    organisation or ``Name <mail>``). A policy's ``"sbom"`` section and
    ``exitbar collect sbom --supplier`` take precedence.

  ``SBOM_AUTHOR <name>``
    The author of the SBOM data. Default: the supplier.

  ``OSV_DATABASE <dir>``
    A folder of OSV vulnerability records (one JSON file each, as in the
    ``all.zip`` exports of osv.dev, e.g. ``Debian/``), relative to the
    current source folder. After the SBOM, the gate runs ``exitbar collect
    vulnerabilities`` over ``<build>/exitbar/sbom.cdx.json`` and the
    default policy's must criterion ``no-known-vulnerabilities`` applies.
    Without it that criterion is not applicable (neither passes nor fails).
    Nothing is downloaded: refreshing the folder is the project's job.

  ``GRID_INTENSITY <gCO2e/kWh>``
    Measure the energy and CO2e of what the gate runs: the gate runs the
    tests (``COVERAGE``) under ``exitbar collect energy`` (RAPL counters
    when readable, else a power model), prices the build from Ninja's
    ``.ninja_log`` when there is one, and writes ``evidence/energy.json``;
    the report shows the figures and the method. The policy's ``energy``
    section may set ``pue`` and ``watts_per_core``.

  ``ENERGY_BASELINE <file>``
    An earlier ``energy.json`` (relative to the current source folder) the
    test run's energy is compared with, for a policy criterion on
    ``energy.test_run_growth_percent``. Needs ``GRID_INTENSITY``.

  ``APPROVALS_DIR <dir>``
    The folder of signed release approvals (``exitbar approve``), relative
    to the current source folder. Default: ``.exitbar/approvals`` of the
    top-level source folder. The gate runs ``exitbar collect approvals``
    against the release version, the commit checked out (``git rev-parse
    HEAD``) and the ``TRUSTED_KEYS``; the roles come from the policy's
    ``approvals`` section (default: ``release-manager``). Outside a git work
    tree nothing is collected and the ``approvals`` criterion has no
    evidence.

  The SBOM: ``exitbar_enable`` writes a CMake File API query (codemodel 2,
  cache 2, toolchains 1, cmakeFiles 1) into the build folder and, once the
  top-level ``CMakeLists.txt`` is read, records the packages found with
  ``find_package`` (version, folder, imported targets' files) and the
  project's name and version in ``<build>/exitbar/sbom/cmake-packages.json``.
  The gate runs ``exitbar collect sbom``, which re-runs ``cmake <build>``
  when the File API reply is missing or older than ``CMakeCache.txt`` and
  writes ``<build>/exitbar/sbom.cdx.json`` (CycloneDX 1.5) and
  ``sbom.spdx.json`` (SPDX 2.3).

  The checks run through ``<LANG>_CLANG_TIDY`` with the clang-tidy that
  matches the plugin's LLVM (``ExitBar_CLANG_TIDY``); when the compiler is
  Clang of a major with a compile plugin they run inside the compile
  instead, through ``<LANG>_COMPILER_LAUNCHER`` (``exitbar compile``, put in
  front of the project's own launcher), one parse per translation unit.
  Their diagnostics appear in the normal build output and each translation
  unit leaves a findings fragment under ``<build>/exitbar/fragments/``.

  ``cmake --build <build> --target exitbar`` builds the enabled targets,
  collects evidence into ``<build>/exitbar/evidence/`` and runs the gate,
  which writes ``<build>/exitbar/verdict.json``, ``report.md``,
  ``report.html``, ``exitbar.sarif``, ``exitbar-junit.xml``,
  ``gl-code-quality-report.json`` and ``gl-sast-report.json``, appends to
  ``audit-log.jsonl``, and fails
  on the ``FAIL_ON`` verdict. The ctest test ``exitbar`` does the same
  collection and gate and runs after every other test.

  Example:

  .. code-block:: cmake

    find_package(ExitBar 0.1 REQUIRED)
    exitbar_enable(ALL POLICY exitbar-policy.json)

.. command:: exitbar_sign_artifacts

  Signs release artifacts after they are built::

    exitbar_sign_artifacts(KEY <file | env://NAME>
                           [TARGETS <target>...]
                           [FILES <file>...])

  ``KEY <file | env://NAME>``
    The Ed25519 or ECDSA P-256 private key (unencrypted PEM): a file, or
    ``env://NAME`` for the PEM text in environment variable ``NAME`` at
    build time (never stored in the cache or the build files; the tests
    and benchmarks the gate runs do not inherit it).

  ``TARGETS <target>...``
    Targets whose files are signed. Default: the targets
    ``exitbar_enable()`` enabled (every executable and library with
    ``ALL``).

  ``FILES <file>...``
    Further files to sign (e.g. packages), relative to the build folder.

  The ``exitbar_sign`` target (part of ``all``) runs ``exitbar sign`` once
  the targets are built and writes ``<artifact>.sig`` beside each one; the
  ``exitbar`` gate target depends on it.

  Example:

  .. code-block:: cmake

    exitbar_enable(ALL TRUSTED_KEYS keys/)
    exitbar_sign_artifacts(KEY env://RELEASE_SIGNING_KEY)

Result variables (set by ``find_package(ExitBar)``):

``ExitBar_CLANG_TIDY``
  The clang-tidy executable that loads the plugin: ``EXITBAR_CLANG_TIDY``,
  else the project's Clang's when its LLVM major has a plugin, else the one
  ExitBar was built with, else ``clang-tidy-<major>`` of a plugin's major.

``ExitBar_PLUGIN_LLVM_MAJORS``
  The LLVM majors with a checks plugin (``libExitBarChecks-<major>.so``
  beside ``ExitBar::checks``); the one of ``ExitBar_CLANG_TIDY``'s major runs.

``ExitBar_COMPILE_PLUGIN_LLVM_MAJORS``
  The LLVM majors with a compile plugin (``libExitBarCompilePlugin-<major>.so``
  beside ``ExitBar::checks``), which runs the checks inside Clang compiles.

Imported targets: ``ExitBar::exitbar`` (the command-line tool) and
``ExitBar::checks`` (the clang-tidy plugin module).

Cache variables:

``EXITBAR_CLANG_TIDY``
  Overrides the clang-tidy executable; the plugin of its LLVM major is used,
  and a major without one stops the configure naming what to install.

``EXITBAR_CHECKS_PLUGIN``
  Overrides the checks plugin ``ExitBar::checks`` loads, for example
  ExitBar's assertion-enabled ``libExitBarChecksAssertions.so`` (the checks
  then run in clang-tidy).

``EXITBAR_IN_COMPILE``
  ``OFF`` runs the checks in clang-tidy even when the compiler is Clang of
  a major with a compile plugin (``ExitBar_COMPILE_PLUGIN_LLVM_MAJORS``).

``EXITBAR_DEFER_ANALYSIS``
  ``ON``: where the checks run in clang-tidy (GCC builds), each compile
  only records its unit's analysis, and the build step ``exitbar_analysis``
  runs them all after the links of the analysed targets (``exitbar
  tidy-deferred``), so links and tests wait for nothing but the compiler;
  the gate (``exitbar``) depends on that step. A unit whose recorded
  analysis has not run is an analysis error. Clang builds with the checks
  inside the compile are not affected (``docs/cmake.md``).

``EXITBAR_COVERAGE``
  ``ON`` acts as if ``exitbar_enable`` had been given ``COVERAGE``.

``EXITBAR_CACHE_DIR``
  A folder for the findings cache: a translation unit whose command line,
  tools, check configuration, source and headers are unchanged gets its
  stored diagnostics and findings instead of a second clang-tidy parse
  (``docs/cache.md``). Without it, the environment variable
  ``EXITBAR_CACHE_DIR`` at build time does the same; neither: no cache.
  The gate prints the build's hits and misses.

``EXITBAR_CACHE_MAX_SIZE``
  Bound of the cache folder, e.g. ``500M`` or ``2G`` (default ``5G``, or
  the environment variable of that name); least recently used entries go
  first.

``EXITBAR_REMOTE_CACHE``
  A shared cache server, ``http://host:port/path`` (WebDAV ``GET``/``PUT``,
  as ccache's remote storage), used with ``EXITBAR_CACHE_DIR``; the
  environment variable of that name does the same at build time.
#]=======================================================================]

include_guard(GLOBAL)

block(SCOPE_FOR POLICIES)
cmake_policy(VERSION 3.25)

set(_EXITBAR_MODULE_DIR "${CMAKE_CURRENT_LIST_DIR}" CACHE INTERNAL
  "Folder of ExitBar.cmake and its build-time scripts")

function(exitbar_enable)
  cmake_parse_arguments(PARSE_ARGV 0 arg "ALL;COVERAGE;REQUIRE_SIGNED"
    "POLICY;FAIL_ON;CHECKS;RELEASE_VERSION;BASELINE;WAIVERS;SBOM_SUPPLIER;SBOM_AUTHOR;ATTEST_KEY;BENCHMARK_BASELINE;OSV_DATABASE;APPROVALS_DIR;GRID_INTENSITY;ENERGY_BASELINE"
    "TARGETS;COVERAGE_EXCLUDE;TRUSTED_KEYS;BENCHMARKS")
  if(arg_UNPARSED_ARGUMENTS)
    message(FATAL_ERROR
      "exitbar_enable: unknown arguments: ${arg_UNPARSED_ARGUMENTS}")
  endif()
  if(arg_ALL AND arg_TARGETS)
    message(FATAL_ERROR "exitbar_enable: give ALL or TARGETS, not both")
  endif()
  if(NOT arg_ALL AND NOT arg_TARGETS)
    message(FATAL_ERROR "exitbar_enable: give ALL or TARGETS <target>...")
  endif()
  if(NOT DEFINED arg_FAIL_ON)
    set(arg_FAIL_ON NO_GO)
  endif()
  if(NOT arg_FAIL_ON MATCHES "^(NO_GO|CONDITIONAL)$")
    message(FATAL_ERROR
      "exitbar_enable: FAIL_ON must be NO_GO or CONDITIONAL, not '${arg_FAIL_ON}'")
  endif()
  if(NOT DEFINED arg_CHECKS)
    set(arg_CHECKS "-*,exitbar-*")
  endif()
  if(NOT DEFINED arg_RELEASE_VERSION)
    set(arg_RELEASE_VERSION "${CMAKE_PROJECT_VERSION}")
  endif()
  if(DEFINED arg_GRID_INTENSITY AND (NOT arg_GRID_INTENSITY MATCHES "^[0-9]+(\\.[0-9]+)?$"
      OR arg_GRID_INTENSITY MATCHES "^0+(\\.0+)?$"))
    message(FATAL_ERROR "exitbar_enable: GRID_INTENSITY must be gCO2e per kWh, "
      "a positive number, not '${arg_GRID_INTENSITY}'")
  endif()
  if(DEFINED arg_ENERGY_BASELINE AND NOT DEFINED arg_GRID_INTENSITY)
    message(FATAL_ERROR "exitbar_enable: ENERGY_BASELINE needs GRID_INTENSITY, "
      "which turns the energy measurement on")
  endif()
  set_property(GLOBAL PROPERTY _EXITBAR_GRID_INTENSITY "${arg_GRID_INTENSITY}")
  foreach(_file POLICY BASELINE WAIVERS BENCHMARK_BASELINE ENERGY_BASELINE)
    if(DEFINED arg_${_file})
      cmake_path(ABSOLUTE_PATH arg_${_file} BASE_DIRECTORY
        "${CMAKE_CURRENT_SOURCE_DIR}" NORMALIZE)
      if(NOT EXISTS "${arg_${_file}}")
        message(FATAL_ERROR
          "exitbar_enable: ${_file} file '${arg_${_file}}' does not exist")
      endif()
    endif()
  endforeach()

  set(_trusted)
  foreach(_key IN LISTS arg_TRUSTED_KEYS)
    cmake_path(ABSOLUTE_PATH _key BASE_DIRECTORY "${CMAKE_CURRENT_SOURCE_DIR}"
      NORMALIZE)
    list(APPEND _trusted "${_key}")
  endforeach()
  set_property(GLOBAL PROPERTY _EXITBAR_TRUSTED_KEYS "${_trusted}")
  set_property(GLOBAL PROPERTY _EXITBAR_REQUIRE_SIGNED "${arg_REQUIRE_SIGNED}")
  if(DEFINED arg_ATTEST_KEY AND NOT arg_ATTEST_KEY MATCHES "^env://")
    cmake_path(ABSOLUTE_PATH arg_ATTEST_KEY BASE_DIRECTORY
      "${CMAKE_CURRENT_SOURCE_DIR}" NORMALIZE)
  endif()
  set_property(GLOBAL PROPERTY _EXITBAR_ATTEST_KEY "${arg_ATTEST_KEY}")
  set_property(GLOBAL PROPERTY _EXITBAR_BENCHMARKS "${arg_BENCHMARKS}")
  set_property(GLOBAL PROPERTY _EXITBAR_BENCHMARK_BASELINE "${arg_BENCHMARK_BASELINE}")
  set_property(GLOBAL PROPERTY _EXITBAR_ENERGY_BASELINE "${arg_ENERGY_BASELINE}")
  if(DEFINED arg_OSV_DATABASE)
    cmake_path(ABSOLUTE_PATH arg_OSV_DATABASE BASE_DIRECTORY
      "${CMAKE_CURRENT_SOURCE_DIR}" NORMALIZE)
    if(NOT IS_DIRECTORY "${arg_OSV_DATABASE}")
      message(FATAL_ERROR
        "exitbar_enable: OSV_DATABASE '${arg_OSV_DATABASE}' is not a folder")
    endif()
  endif()
  set_property(GLOBAL PROPERTY _EXITBAR_OSV_DATABASE "${arg_OSV_DATABASE}")
  if(DEFINED arg_APPROVALS_DIR)
    cmake_path(ABSOLUTE_PATH arg_APPROVALS_DIR BASE_DIRECTORY
      "${CMAKE_CURRENT_SOURCE_DIR}" NORMALIZE)
  endif()
  set_property(GLOBAL PROPERTY _EXITBAR_APPROVALS_DIR "${arg_APPROVALS_DIR}")

  get_property(_enabled GLOBAL PROPERTY _EXITBAR_ENABLED)
  if(_enabled)
    message(FATAL_ERROR "exitbar_enable: may be called only once per build")
  endif()
  set_property(GLOBAL PROPERTY _EXITBAR_ENABLED TRUE)
  set_property(GLOBAL PROPERTY _EXITBAR_ALL "${arg_ALL}")
  set_property(GLOBAL PROPERTY _EXITBAR_TARGETS "${arg_TARGETS}")
  set_property(GLOBAL PROPERTY _EXITBAR_CHECKS "${arg_CHECKS}")
  if(EXITBAR_COVERAGE)
    set(arg_COVERAGE TRUE)
  endif()
  set_property(GLOBAL PROPERTY _EXITBAR_COVERAGE "${arg_COVERAGE}")

  _exitbar_tools(_exe _plugin _tidy)
  _exitbar_add_gate("${_exe}" "${arg_POLICY}" "${arg_FAIL_ON}"
    "${arg_RELEASE_VERSION}" "${arg_BASELINE}" "${arg_WAIVERS}"
    "${arg_COVERAGE}" "${arg_COVERAGE_EXCLUDE}")
  # Targets defined after this call are only known once the top-level
  # CMakeLists.txt has been read.
  cmake_language(DEFER DIRECTORY "${CMAKE_SOURCE_DIR}"
    CALL _exitbar_finalize)

  _exitbar_write_file_api_query()
  set_property(GLOBAL PROPERTY _EXITBAR_SBOM_SUPPLIER "${arg_SBOM_SUPPLIER}")
  set_property(GLOBAL PROPERTY _EXITBAR_SBOM_AUTHOR "${arg_SBOM_AUTHOR}")
  cmake_language(DEFER DIRECTORY "${CMAKE_SOURCE_DIR}"
    CALL _exitbar_record_packages)
endfunction()

# Internal use, projects must not call this directly.
# Writes ExitBar's File API query. CMake reads queries before the project's
# CMakeLists.txt runs, so the next configure answers it; `exitbar collect
# sbom` re-runs cmake when the reply is missing or stale.
function(_exitbar_write_file_api_query)
  set(_query "${CMAKE_BINARY_DIR}/.cmake/api/v1/query/client-exitbar/query.json")
  set(_text [=[{
  "requests": [
    {"kind": "codemodel", "version": 2},
    {"kind": "cache", "version": 2},
    {"kind": "toolchains", "version": 1},
    {"kind": "cmakeFiles", "version": 1}
  ]
}
]=])
  if(EXISTS "${_query}")
    file(READ "${_query}" _old)
    if(_old STREQUAL _text)
      return()
    endif()
  endif()
  file(WRITE "${_query}" "${_text}")
endfunction()

# Internal use, projects must not call this directly.
# Sets <out> to <text> as a JSON string literal.
function(_exitbar_json_string text out)
  string(REPLACE "\\" "\\\\" text "${text}")
  string(REPLACE "\"" "\\\"" text "${text}")
  string(REPLACE "\n" "\\n" text "${text}")
  string(REPLACE "\t" "\\t" text "${text}")
  set(${out} "\"${text}\"" PARENT_SCOPE)
endfunction()

# Internal use, projects must not call this directly.
# Appends to <out> the imported targets of <dir> and its subfolders, except
# those of ExitBar's own folders (add_subdirectory/FetchContent): ExitBar's
# build dependencies are not part of the consumer's product.
function(_exitbar_collect_imported dir out)
  get_property(_own_dir GLOBAL PROPERTY _EXITBAR_OWN_BINARY_DIR)
  get_property(_binary DIRECTORY "${dir}" PROPERTY BINARY_DIR)
  if(_own_dir)
    cmake_path(IS_PREFIX _own_dir "${_binary}" NORMALIZE _is_own)
    if(_is_own)
      set(${out} "" PARENT_SCOPE)
      return()
    endif()
  endif()
  get_property(_targets DIRECTORY "${dir}" PROPERTY IMPORTED_TARGETS)
  get_property(_subdirs DIRECTORY "${dir}" PROPERTY SUBDIRECTORIES)
  foreach(_sub IN LISTS _subdirs)
    _exitbar_collect_imported("${_sub}" _more)
    list(APPEND _targets ${_more})
  endforeach()
  set(${out} "${_targets}" PARENT_SCOPE)
endfunction()

# Internal use, projects must not call this directly.
# Appends to <out> the ExternalProject_Add targets of <dir> and its
# subfolders: ExternalProject keeps its arguments as _EP_<KEY> target
# properties, a stable record of where the sources come from (its generated
# download scripts change shape between CMake versions).
function(_exitbar_collect_external_projects dir out)
  set(_found)
  get_property(_targets DIRECTORY "${dir}" PROPERTY BUILDSYSTEM_TARGETS)
  foreach(_t IN LISTS _targets)
    get_property(_git TARGET "${_t}" PROPERTY _EP_GIT_REPOSITORY)
    get_property(_url TARGET "${_t}" PROPERTY _EP_URL)
    if(_git OR _url)
      list(APPEND _found "${_t}")
    endif()
  endforeach()
  get_property(_subdirs DIRECTORY "${dir}" PROPERTY SUBDIRECTORIES)
  foreach(_sub IN LISTS _subdirs)
    _exitbar_collect_external_projects("${_sub}" _more)
    list(APPEND _found ${_more})
  endforeach()
  set(${out} "${_found}" PARENT_SCOPE)
endfunction()

# Internal use, projects must not call this directly.
# Runs once the top-level CMakeLists.txt is read: records the project and
# the packages find_package found (the File API lists neither imported
# targets nor package versions) in <build>/exitbar/sbom/cmake-packages.json.
function(_exitbar_record_packages)
  get_property(_packages GLOBAL PROPERTY PACKAGES_FOUND)
  list(REMOVE_DUPLICATES _packages)
  list(REMOVE_ITEM _packages ExitBar)
  list(SORT _packages)
  _exitbar_collect_imported("${CMAKE_SOURCE_DIR}" _imported)
  list(REMOVE_DUPLICATES _imported)
  list(SORT _imported)

  set(_json "{}")
  foreach(_pair "schema;exitbar.cmake-packages"
      "project_name;${CMAKE_PROJECT_NAME}"
      "project_version;${CMAKE_PROJECT_VERSION}"
      "project_description;${CMAKE_PROJECT_DESCRIPTION}")
    list(GET _pair 0 _key)
    list(SUBLIST _pair 1 -1 _value)
    _exitbar_json_string("${_value}" _value)
    string(JSON _json SET "${_json}" "${_key}" "${_value}")
  endforeach()
  string(JSON _json SET "${_json}" schema_version 1)
  set(_project "{}")
  foreach(_key name version description)
    string(JSON _value GET "${_json}" "project_${_key}")
    _exitbar_json_string("${_value}" _value)
    string(JSON _project SET "${_project}" "${_key}" "${_value}")
    string(JSON _json REMOVE "${_json}" "project_${_key}")
  endforeach()
  string(JSON _json SET "${_json}" project "${_project}")
  foreach(_who SUPPLIER AUTHOR)
    get_property(_value GLOBAL PROPERTY _EXITBAR_SBOM_${_who})
    if(_value)
      string(TOLOWER "${_who}" _key)
      _exitbar_json_string("${_value}" _value)
      string(JSON _json SET "${_json}" "${_key}" "${_value}")
    endif()
  endforeach()

  set(_list "[]")
  set(_index 0)
  foreach(_pkg IN LISTS _packages)
    string(TOUPPER "${_pkg}" _upper)
    set(_version "")
    foreach(_var ${_pkg}_VERSION ${_upper}_VERSION ${_upper}_VERSION_STRING)
      if(NOT _version AND DEFINED ${_var})
        set(_version "${${_var}}")
      endif()
    endforeach()
    set(_dir "")
    if(${_pkg}_DIR AND NOT ${_pkg}_DIR MATCHES "-NOTFOUND$")
      set(_dir "${${_pkg}_DIR}")
    endif()
    # Files of the imported targets named <pkg>::..., which dpkg may own.
    set(_files "[]")
    set(_fi 0)
    string(TOLOWER "${_pkg}::" _prefix)
    foreach(_t IN LISTS _imported)
      string(TOLOWER "${_t}" _lt)
      string(FIND "${_lt}" "${_prefix}" _at)
      # Imported targets of a subfolder (ExitBar's own when it is a
      # subproject) are not visible from the top level.
      if(NOT _at EQUAL 0 OR NOT TARGET "${_t}")
        continue()
      endif()
      # Imported executables (Git::Git, Python::Interpreter) are tools the
      # build runs, not parts of the product.
      get_target_property(_type "${_t}" TYPE)
      if(_type STREQUAL "EXECUTABLE")
        continue()
      endif()
      get_target_property(_configs "${_t}" IMPORTED_CONFIGURATIONS)
      set(_props IMPORTED_LOCATION INTERFACE_INCLUDE_DIRECTORIES)
      foreach(_c IN LISTS _configs)
        list(APPEND _props IMPORTED_LOCATION_${_c})
      endforeach()
      foreach(_p IN LISTS _props)
        get_target_property(_values "${_t}" ${_p})
        foreach(_v IN LISTS _values)
          if(_v AND IS_ABSOLUTE "${_v}" AND NOT _v MATCHES "\\$<")
            _exitbar_json_string("${_v}" _v)
            string(JSON _files SET "${_files}" ${_fi} "${_v}")
            math(EXPR _fi "${_fi} + 1")
          endif()
        endforeach()
      endforeach()
    endforeach()
    if(NOT _version AND _fi EQUAL 0)
      # Found only in a scope the top level does not see (e.g. ExitBar's
      # own folders), or nothing that identifies a package (Threads).
      continue()
    endif()
    set(_entry "{}")
    foreach(_field name version dir)
      if(_field STREQUAL "name")
        _exitbar_json_string("${_pkg}" _value)
      elseif(_field STREQUAL "version")
        _exitbar_json_string("${_version}" _value)
      else()
        _exitbar_json_string("${_dir}" _value)
      endif()
      string(JSON _entry SET "${_entry}" ${_field} "${_value}")
    endforeach()
    string(JSON _entry SET "${_entry}" files "${_files}")
    string(JSON _list SET "${_list}" ${_index} "${_entry}")
    math(EXPR _index "${_index} + 1")
  endforeach()
  string(JSON _json SET "${_json}" packages "${_list}")

  # ExternalProject_Add sources: repository and tag, or URL and hash.
  _exitbar_collect_external_projects("${CMAKE_SOURCE_DIR}" _externals)
  list(SORT _externals)
  set(_list "[]")
  set(_index 0)
  foreach(_t IN LISTS _externals)
    set(_entry "{}")
    _exitbar_json_string("${_t}" _value)
    string(JSON _entry SET "${_entry}" name "${_value}")
    foreach(_key GIT_REPOSITORY GIT_TAG URL URL_HASH)
      get_property(_value TARGET "${_t}" PROPERTY _EP_${_key})
      # URL may list mirrors; the first is the one named in the SBOM.
      if(_value)
        list(GET _value 0 _value)
      endif()
      string(TOLOWER "${_key}" _field)
      _exitbar_json_string("${_value}" _value)
      string(JSON _entry SET "${_entry}" "${_field}" "${_value}")
    endforeach()
    string(JSON _list SET "${_list}" ${_index} "${_entry}")
    math(EXPR _index "${_index} + 1")
  endforeach()
  string(JSON _json SET "${_json}" external_projects "${_list}")

  set(_out "${CMAKE_BINARY_DIR}/exitbar/sbom/cmake-packages.json")
  file(WRITE "${_out}.tmp" "${_json}\n")
  file(COPY_FILE "${_out}.tmp" "${_out}" ONLY_IF_DIFFERENT)
  file(REMOVE "${_out}.tmp")
endfunction()

# Internal use, projects must not call this directly.
# Sets <out> to the LLVM major of the clang-tidy <tidy> (from its
# --version), or to "" when it does not run or does not say.
function(_exitbar_clang_tidy_major tidy out)
  string(MAKE_C_IDENTIFIER "_EXITBAR_TIDY_MAJOR_${tidy}" _key)
  get_property(_known GLOBAL PROPERTY "${_key}" SET)
  if(NOT _known)
    set(_major "")
    execute_process(COMMAND "${tidy}" --version RESULT_VARIABLE _rc
      OUTPUT_VARIABLE _version ERROR_QUIET TIMEOUT 60)
    if(_rc EQUAL 0 AND _version MATCHES "LLVM version ([0-9]+)")
      set(_major "${CMAKE_MATCH_1}")
    endif()
    set_property(GLOBAL PROPERTY "${_key}" "${_major}")
  endif()
  get_property(_major GLOBAL PROPERTY "${_key}")
  set(${out} "${_major}" PARENT_SCOPE)
endfunction()

# Internal use, projects must not call this directly.
# Sets <out> to the clang-tidy ExitBar's checks run in, for a package whose
# plugins are built for the LLVM majors <majors> (first: the major ExitBar
# was built with, whose clang-tidy was <built_with>): EXITBAR_CLANG_TIDY when
# set; else the clang-tidy of the project's compiler when that is Clang of
# one of <majors> (it then parses with the compiler's own options); else
# <built_with>; else clang-tidy-<major> for the first of <majors> installed.
# Sets <out> to "" when none is installed.
function(_exitbar_find_clang_tidy majors built_with out)
  if(EXITBAR_CLANG_TIDY)
    set(${out} "${EXITBAR_CLANG_TIDY}" PARENT_SCOPE)
    return()
  endif()
  set(_candidates)
  foreach(_lang CXX C)
    if(CMAKE_${_lang}_COMPILER_ID STREQUAL "Clang"
        AND CMAKE_${_lang}_COMPILER_VERSION MATCHES "^([0-9]+)"
        AND CMAKE_MATCH_1 IN_LIST majors)
      list(APPEND _candidates "clang-tidy-${CMAKE_MATCH_1}")
      break()
    endif()
  endforeach()
  if(built_with AND EXISTS "${built_with}")
    list(APPEND _candidates "${built_with}")
  endif()
  foreach(_major IN LISTS majors)
    list(APPEND _candidates "clang-tidy-${_major}")
  endforeach()
  foreach(_candidate IN LISTS _candidates)
    if(IS_ABSOLUTE "${_candidate}")
      set(${out} "${_candidate}" PARENT_SCOPE)
      return()
    endif()
    string(REGEX REPLACE "^clang-tidy-" "" _major "${_candidate}")
    unset(_tidy)
    find_program(_tidy NAMES "${_candidate}" NO_CACHE
      HINTS "/usr/lib/llvm-${_major}/bin")
    if(NOT _tidy)
      unset(_tidy)
      find_program(_tidy NAMES clang-tidy NO_CACHE NO_DEFAULT_PATH
        PATHS "/usr/lib/llvm-${_major}/bin")
    endif()
    if(_tidy)
      set(${out} "${_tidy}" PARENT_SCOPE)
      return()
    endif()
  endforeach()
  set(${out} "" PARENT_SCOPE)
endfunction()

# Internal use, projects must not call this directly.
# Sets <plugin_out> to the checks plugin for the clang-tidy <tidy>: the one
# built for its LLVM major (libExitBarChecks-<major>.so beside <plugin>).
# <majors> are the majors there are plugins for. Stops with a message naming
# what to install when there is none: a plugin loads into the clang-tidy of
# its own major only. Sets <target_out> to the plugin's target in an
# add_subdirectory build, else to "".
function(_exitbar_plugin_for tidy plugin majors plugin_out target_out)
  _exitbar_clang_tidy_major("${tidy}" _major)
  string(REPLACE ";" ", " _list "${majors}")
  list(GET majors 0 _first)
  if(NOT _major)
    message(FATAL_ERROR "exitbar_enable: cannot tell the LLVM major of "
      "clang-tidy '${tidy}' ('${tidy} --version' fails or names none); "
      "ExitBar's checks need clang-tidy of LLVM ${_list}, e.g. clang-tidy-${_first}")
  endif()
  if(NOT _major IN_LIST majors)
    message(FATAL_ERROR "exitbar_enable: clang-tidy '${tidy}' is LLVM ${_major}, "
      "but this ExitBar has checks plugins for LLVM ${_list} only: install "
      "clang-tidy-${_first} and set EXITBAR_CLANG_TIDY to it, or build ExitBar with "
      "-DEXITBAR_PLUGIN_LLVM_VERSIONS=${_major} (needs libclang-${_major}-dev)")
  endif()
  get_filename_component(_dir "${plugin}" DIRECTORY)
  set(${plugin_out} "${_dir}/libExitBarChecks-${_major}.so" PARENT_SCOPE)
  get_property(_target GLOBAL PROPERTY _EXITBAR_PLUGIN_TARGET_${_major})
  set(${target_out} "${_target}" PARENT_SCOPE)
endfunction()

# Internal use, projects must not call this directly.
# Sets <out> to the compile plugin that runs the checks inside <lang>'s
# compiles (libExitBarCompilePlugin-<major>.so beside the checks plugin
# <checks_plugin>), or to "" when the checks run in clang-tidy instead:
# EXITBAR_IN_COMPILE is OFF, the compiler is not Clang of a major with a
# compile plugin, or EXITBAR_CHECKS_PLUGIN names another checks plugin.
function(_exitbar_compile_plugin lang checks_plugin out)
  set(${out} "" PARENT_SCOPE)
  get_property(_majors GLOBAL PROPERTY _EXITBAR_COMPILE_PLUGIN_MAJORS)
  if(NOT _majors)
    set(_majors "${ExitBar_COMPILE_PLUGIN_LLVM_MAJORS}")
  endif()
  if(DEFINED EXITBAR_IN_COMPILE AND NOT EXITBAR_IN_COMPILE)
    return()
  endif()
  if(EXITBAR_CHECKS_PLUGIN OR NOT _majors
      OR NOT CMAKE_${lang}_COMPILER_ID STREQUAL "Clang"
      OR NOT CMAKE_${lang}_COMPILER_VERSION MATCHES "^([0-9]+)\\."
      OR NOT CMAKE_MATCH_1 IN_LIST _majors)
    return()
  endif()
  get_filename_component(_dir "${checks_plugin}" DIRECTORY)
  set(${out} "${_dir}/libExitBarCompilePlugin-${CMAKE_MATCH_1}.so" PARENT_SCOPE)
endfunction()

# Internal use, projects must not call this directly.
# Sets <exe>, <plugin> and <tidy> to the paths of the exitbar tool, the
# checks plugin and the matching clang-tidy; in an add_subdirectory build
# records the plugin's target in the _EXITBAR_PLUGIN_TARGET property.
function(_exitbar_tools exe_var plugin_var tidy_var)
  get_property(_exe GLOBAL PROPERTY _EXITBAR_EXECUTABLE)
  get_property(_plugin GLOBAL PROPERTY _EXITBAR_PLUGIN)
  get_property(_majors GLOBAL PROPERTY _EXITBAR_PLUGIN_MAJORS)
  if(NOT _exe AND TARGET ExitBar::exitbar)
    get_target_property(_exe ExitBar::exitbar LOCATION)
    get_target_property(_plugin ExitBar::checks LOCATION)
    set(_majors "${ExitBar_PLUGIN_LLVM_MAJORS}")
  endif()
  if(NOT _exe)
    message(FATAL_ERROR "exitbar_enable: ExitBar::exitbar is not known; "
      "call find_package(ExitBar) first")
  endif()
  if(EXITBAR_CLANG_TIDY)
    set(_tidy "${EXITBAR_CLANG_TIDY}")
  elseif(ExitBar_CLANG_TIDY)
    set(_tidy "${ExitBar_CLANG_TIDY}")
  else()
    get_property(_tidy GLOBAL PROPERTY _EXITBAR_CLANG_TIDY)
  endif()
  if(NOT _tidy)
    message(FATAL_ERROR "exitbar_enable: no clang-tidy known; set EXITBAR_CLANG_TIDY")
  endif()
  set(_target "")
  if(EXITBAR_CHECKS_PLUGIN)
    if(NOT EXISTS "${EXITBAR_CHECKS_PLUGIN}")
      message(FATAL_ERROR "exitbar_enable: EXITBAR_CHECKS_PLUGIN names "
        "'${EXITBAR_CHECKS_PLUGIN}', which does not exist")
    endif()
    set(_plugin "${EXITBAR_CHECKS_PLUGIN}")
  elseif(_majors)
    _exitbar_plugin_for("${_tidy}" "${_plugin}" "${_majors}" _plugin _target)
  endif()
  set_property(GLOBAL PROPERTY _EXITBAR_PLUGIN_TARGET "${_target}")
  set(${exe_var} "${_exe}" PARENT_SCOPE)
  set(${plugin_var} "${_plugin}" PARENT_SCOPE)
  set(${tidy_var} "${_tidy}" PARENT_SCOPE)
endfunction()

# Internal use, projects must not call this directly.
# Creates the `exitbar` target and ctest test; both run ExitBarCollect.cmake.
function(_exitbar_add_gate exe policy fail_on release_version baseline waivers
    coverage coverage_exclude)
  if(coverage)
    _exitbar_find_coverage_tools(_gcov _profdata _llvm_cov)
  endif()
  get_property(_trusted_keys GLOBAL PROPERTY _EXITBAR_TRUSTED_KEYS)
  get_property(_require_signed GLOBAL PROPERTY _EXITBAR_REQUIRE_SIGNED)
  get_property(_attest_key GLOBAL PROPERTY _EXITBAR_ATTEST_KEY)
  get_property(_benchmark_baseline GLOBAL PROPERTY _EXITBAR_BENCHMARK_BASELINE)
  get_property(_osv_database GLOBAL PROPERTY _EXITBAR_OSV_DATABASE)
  get_property(_approvals_dir GLOBAL PROPERTY _EXITBAR_APPROVALS_DIR)
  get_property(_grid_intensity GLOBAL PROPERTY _EXITBAR_GRID_INTENSITY)
  get_property(_energy_baseline GLOBAL PROPERTY _EXITBAR_ENERGY_BASELINE)
  # A list in a custom command's argument becomes several arguments; lists
  # travel to the script joined with '|' (which globs and paths here lack).
  string(REPLACE ";" "|" coverage_exclude "${coverage_exclude}")
  string(REPLACE ";" "|" _trusted_keys "${_trusted_keys}")
  set(_script_args
    -DEXITBAR_COVERAGE=${coverage}
    "-DEXITBAR_COVERAGE_EXCLUDE=${coverage_exclude}"
    -DEXITBAR_GCOV=${_gcov}
    -DEXITBAR_LLVM_PROFDATA=${_profdata}
    -DEXITBAR_LLVM_COV=${_llvm_cov}
    -DEXITBAR_CTEST=${CMAKE_CTEST_COMMAND}
    -DEXITBAR_BASELINE=${baseline}
    -DEXITBAR_WAIVERS=${waivers}
    -DEXITBAR_EXECUTABLE=${exe}
    -DEXITBAR_BUILD_DIR=${CMAKE_BINARY_DIR}
    -DEXITBAR_SOURCE_DIR=${CMAKE_SOURCE_DIR}
    -DEXITBAR_POLICY=${policy}
    -DEXITBAR_FAIL_ON=${fail_on}
    -DEXITBAR_RELEASE_VERSION=${release_version}
    "-DEXITBAR_TRUSTED_KEYS=${_trusted_keys}"
    -DEXITBAR_REQUIRE_SIGNED=${_require_signed}
    -DEXITBAR_ATTEST_KEY=${_attest_key}
    -DEXITBAR_BENCHMARK_BASELINE=${_benchmark_baseline}
    -DEXITBAR_OSV_DATABASE=${_osv_database}
    -DEXITBAR_APPROVALS_DIR=${_approvals_dir}
    -DEXITBAR_GRID_INTENSITY=${_grid_intensity}
    -DEXITBAR_ENERGY_BASELINE=${_energy_baseline}
    -P "${_EXITBAR_MODULE_DIR}/ExitBarCollect.cmake")
  add_custom_target(exitbar
    COMMAND "${CMAKE_COMMAND}" ${_script_args}
    WORKING_DIRECTORY "${CMAKE_BINARY_DIR}"
    COMMENT "ExitBar: collecting evidence and applying the exit bar"
    USES_TERMINAL
    VERBATIM)
  get_property(_in_tree GLOBAL PROPERTY _EXITBAR_IN_TREE)
  if(_in_tree)
    # The Ninja generator lets a target's objects compile before the targets
    # it depends on are linked, but waits for utility targets: the launcher
    # and plugin must exist before the first compile runs clang-tidy.
    add_custom_target(exitbar_tools)
    get_property(_plugin_target GLOBAL PROPERTY _EXITBAR_PLUGIN_TARGET)
    if(NOT _plugin_target)
      set(_plugin_target ExitBarChecks)
    endif()
    add_dependencies(exitbar_tools exitbar_cli ${_plugin_target})
    if(TARGET ExitBarCompilePlugin)
      add_dependencies(exitbar_tools ExitBarCompilePlugin)
    endif()
    add_dependencies(exitbar exitbar_tools)
  endif()
  # Harmless without enable_testing(): ctest then never sees it.
  add_test(NAME exitbar COMMAND "${CMAKE_COMMAND}" ${_script_args}
    WORKING_DIRECTORY "${CMAKE_BINARY_DIR}")
  set_tests_properties(exitbar PROPERTIES LABELS exitbar)
endfunction()

# Internal use, projects must not call this directly.
# Finds the tools that read the compiler's coverage data: for GCC, sets
# <gcov> to gcov-<major> or gcov beside the compiler (else the first on
# PATH); for Clang, sets <profdata> and <llvm_cov> to llvm-profdata-<major>
# and llvm-cov-<major> (or unversioned, beside the compiler first).
function(_exitbar_find_coverage_tools gcov profdata llvm_cov)
  set(_lang CXX)
  if(NOT CMAKE_CXX_COMPILER_ID)
    set(_lang C)
  endif()
  set(_id "${CMAKE_${_lang}_COMPILER_ID}")
  string(REGEX MATCH "^[0-9]+" _major "${CMAKE_${_lang}_COMPILER_VERSION}")
  get_filename_component(_dir "${CMAKE_${_lang}_COMPILER}" DIRECTORY)
  set(${gcov} "" PARENT_SCOPE)
  set(${profdata} "" PARENT_SCOPE)
  set(${llvm_cov} "" PARENT_SCOPE)
  if(_id STREQUAL "Clang")
    find_program(EXITBAR_LLVM_PROFDATA NAMES llvm-profdata-${_major} llvm-profdata
      HINTS "${_dir}" "/usr/lib/llvm-${_major}/bin"
      DOC "llvm-profdata matching the compiler, for ExitBar's coverage evidence")
    find_program(EXITBAR_LLVM_COV NAMES llvm-cov-${_major} llvm-cov
      HINTS "${_dir}" "/usr/lib/llvm-${_major}/bin"
      DOC "llvm-cov matching the compiler, for ExitBar's coverage evidence")
    if(NOT EXITBAR_LLVM_PROFDATA OR NOT EXITBAR_LLVM_COV)
      message(FATAL_ERROR "exitbar_enable: COVERAGE with Clang ${_major} needs "
        "llvm-profdata-${_major} and llvm-cov-${_major}; install llvm-${_major}")
    endif()
    set(${profdata} "${EXITBAR_LLVM_PROFDATA}" PARENT_SCOPE)
    set(${llvm_cov} "${EXITBAR_LLVM_COV}" PARENT_SCOPE)
    return()
  endif()
  if(NOT _id STREQUAL "GNU")
    message(WARNING "exitbar_enable: COVERAGE supports GCC and Clang; "
      "${_id} builds get no coverage evidence")
  endif()
  find_program(EXITBAR_GCOV NAMES gcov-${_major} gcov HINTS "${_dir}"
    DOC "gcov matching the compiler, for ExitBar's coverage evidence")
  if(NOT EXITBAR_GCOV)
    message(FATAL_ERROR "exitbar_enable: COVERAGE needs gcov-${_major} (or gcov); "
      "install the gcc-${_major} package that provides it")
  endif()
  set(${gcov} "${EXITBAR_GCOV}" PARENT_SCOPE)
endfunction()

# Internal use, projects must not call this directly.
# Appends to <out> the build-system targets of <dir> and its subfolders.
function(_exitbar_collect_targets dir out)
  get_property(_targets DIRECTORY "${dir}" PROPERTY BUILDSYSTEM_TARGETS)
  get_property(_subdirs DIRECTORY "${dir}" PROPERTY SUBDIRECTORIES)
  foreach(_sub IN LISTS _subdirs)
    _exitbar_collect_targets("${_sub}" _more)
    list(APPEND _targets ${_more})
  endforeach()
  set(${out} "${_targets}" PARENT_SCOPE)
endfunction()

# Internal use, projects must not call this directly.
# Appends to <out> the tests of <dir> and its subfolders.
function(_exitbar_collect_tests dir out)
  get_property(_tests DIRECTORY "${dir}" PROPERTY TESTS)
  get_property(_subdirs DIRECTORY "${dir}" PROPERTY SUBDIRECTORIES)
  foreach(_sub IN LISTS _subdirs)
    _exitbar_collect_tests("${_sub}" _more)
    list(APPEND _tests ${_more})
  endforeach()
  set(${out} "${_tests}" PARENT_SCOPE)
endfunction()

# Internal use, projects must not call this directly.
# Escapes <text> for use inside a regular expression.
function(_exitbar_regex_escape text out)
  string(REGEX REPLACE "([][+.*()^$?|\\\\{}])" "\\\\\\1" _escaped "${text}")
  set(${out} "${_escaped}" PARENT_SCOPE)
endfunction()

# Internal use, projects must not call this directly.
# Runs once the top-level CMakeLists.txt is read: puts the checks on the
# enabled targets and orders the `exitbar` test after every other test.
function(_exitbar_finalize)
  get_property(_all GLOBAL PROPERTY _EXITBAR_ALL)
  get_property(_named GLOBAL PROPERTY _EXITBAR_TARGETS)
  get_property(_checks GLOBAL PROPERTY _EXITBAR_CHECKS)
  get_property(_in_tree GLOBAL PROPERTY _EXITBAR_IN_TREE)
  get_property(_own_dir GLOBAL PROPERTY _EXITBAR_OWN_BINARY_DIR)
  get_property(_coverage GLOBAL PROPERTY _EXITBAR_COVERAGE)
  _exitbar_tools(_exe _plugin _tidy)

  if(_all)
    _exitbar_collect_targets("${CMAKE_SOURCE_DIR}" _candidates)
  else()
    set(_candidates ${_named})
    foreach(_t IN LISTS _named)
      if(NOT TARGET "${_t}")
        message(FATAL_ERROR "exitbar_enable: TARGETS names '${_t}', which is not a target")
      endif()
    endforeach()
  endif()

  set(_enabled_targets)
  _exitbar_regex_escape("${CMAKE_SOURCE_DIR}/" _source_regex)
  set(_launcher "${_exe}" tidy
    "--clang-tidy=${_tidy}"
    "--source-dir=${CMAKE_SOURCE_DIR}"
    "--fragments=${CMAKE_BINARY_DIR}/exitbar/fragments/findings")
  # The findings cache: the cache variable, else EXITBAR_CACHE_DIR in the
  # build's environment (read by `exitbar tidy` itself).
  if(EXITBAR_CACHE_DIR)
    list(APPEND _launcher "--cache-dir=${EXITBAR_CACHE_DIR}")
  endif()
  if(EXITBAR_CACHE_MAX_SIZE)
    list(APPEND _launcher "--cache-max-size=${EXITBAR_CACHE_MAX_SIZE}")
  endif()
  if(EXITBAR_REMOTE_CACHE)
    list(APPEND _launcher "--remote-cache=${EXITBAR_REMOTE_CACHE}")
  endif()
  # Deferred: the compile records the analysis; exitbar_analysis runs it
  # after the links (below).
  if(EXITBAR_DEFER_ANALYSIS)
    list(APPEND _launcher --defer)
  endif()
  list(APPEND _launcher
    --
    "--load=${_plugin}"
    "--checks=${_checks}"
    "--header-filter=^${_source_regex}"
    "--warnings-as-errors=-*"
    --quiet
    # GCC-only warning flags must not stop clang from parsing.
    "--extra-arg=-Wno-unknown-warning-option")

  # clang-tidy parses with clang's default language standard unless the
  # command line names one; give it the real compiler's default instead
  # (an explicit -std in the compile command still wins, coming later).
  set(_c_launcher ${_launcher})
  set(_cxx_launcher ${_launcher})
  if(CMAKE_C_STANDARD_COMPUTED_DEFAULT)
    list(APPEND _c_launcher
      "--extra-arg-before=-std=gnu${CMAKE_C_STANDARD_COMPUTED_DEFAULT}")
  endif()
  if(CMAKE_CXX_STANDARD_COMPUTED_DEFAULT)
    list(APPEND _cxx_launcher
      "--extra-arg-before=-std=gnu++${CMAKE_CXX_STANDARD_COMPUTED_DEFAULT}")
  endif()

  # Clang builds: the checks run inside the compile, one parse instead of
  # two (docs/in-compile.md).
  foreach(_lang C CXX)
    _exitbar_compile_plugin(${_lang} "${_plugin}" _compile_plugin)
    set(_${_lang}_compile_launcher)
    if(_compile_plugin)
      set(_${_lang}_compile_launcher "${_exe}" compile
        "--plugin=${_compile_plugin}"
        "--checks=${_checks}"
        "--header-filter=^${_source_regex}"
        "--source-dir=${CMAKE_SOURCE_DIR}"
        "--fragments=${CMAKE_BINARY_DIR}/exitbar/fragments/findings"
        "--compiler=${CMAKE_${_lang}_COMPILER}"
        --)
    endif()
  endforeach()

  foreach(_t IN LISTS _candidates)
    get_target_property(_type "${_t}" TYPE)
    get_target_property(_imported "${_t}" IMPORTED)
    get_target_property(_aliased "${_t}" ALIASED_TARGET)
    get_target_property(_dir "${_t}" BINARY_DIR)
    if(_imported OR _aliased OR NOT _type MATCHES
        "^(EXECUTABLE|STATIC_LIBRARY|SHARED_LIBRARY|MODULE_LIBRARY|OBJECT_LIBRARY)$")
      continue()
    endif()
    if(_own_dir)
      cmake_path(IS_PREFIX _own_dir "${_dir}" NORMALIZE _is_own)
      if(_is_own)
        continue()
      endif()
    endif()
    foreach(_lang C CXX)
      if(_${_lang}_compile_launcher)
        # In front of the project's own launcher (ccache): when that one
        # answers from its cache, `exitbar compile` analyses on its own.
        get_target_property(_own "${_t}" ${_lang}_COMPILER_LAUNCHER)
        if(NOT _own)
          set(_own "${CMAKE_${_lang}_COMPILER_LAUNCHER}")
        endif()
        set_property(TARGET "${_t}" PROPERTY ${_lang}_COMPILER_LAUNCHER
          ${_${_lang}_compile_launcher} ${_own})
      else()
        string(TOLOWER "${_lang}" _l)
        set_property(TARGET "${_t}" PROPERTY ${_lang}_CLANG_TIDY "${_${_l}_launcher}")
      endif()
    endforeach()
    if(_coverage)
      target_compile_options("${_t}" PRIVATE
        "$<$<COMPILE_LANG_AND_ID:C,GNU>:--coverage>"
        "$<$<COMPILE_LANG_AND_ID:CXX,GNU>:--coverage>"
        "$<$<COMPILE_LANG_AND_ID:C,Clang>:-fprofile-instr-generate;-fcoverage-mapping>"
        "$<$<COMPILE_LANG_AND_ID:CXX,Clang>:-fprofile-instr-generate;-fcoverage-mapping>")
      # Whatever links an instrumented static or object library (the
      # project's test executables, which need not be enabled) needs the
      # coverage runtime too: INTERFACE for those, and only in this build
      # tree, never in an exported or installed target.
      if(_type MATCHES "^(STATIC_LIBRARY|OBJECT_LIBRARY)$")
        set(_link_scope INTERFACE)
      else()
        set(_link_scope PRIVATE)
      endif()
      target_link_options("${_t}" ${_link_scope}
        "$<BUILD_INTERFACE:$<$<LINK_LANG_AND_ID:C,GNU>:--coverage>>"
        "$<BUILD_INTERFACE:$<$<LINK_LANG_AND_ID:CXX,GNU>:--coverage>>"
        "$<BUILD_INTERFACE:$<$<LINK_LANG_AND_ID:C,Clang>:-fprofile-instr-generate>>"
        "$<BUILD_INTERFACE:$<$<LINK_LANG_AND_ID:CXX,Clang>:-fprofile-instr-generate>>")
    endif()
    if(_in_tree)
      add_dependencies("${_t}" exitbar_tools)
    endif()
    add_dependencies(exitbar "${_t}")
    list(APPEND _enabled_targets "${_t}")
  endforeach()

  if(EXITBAR_DEFER_ANALYSIS AND _enabled_targets AND NOT TARGET exitbar_analysis)
    # After every analysed target, so after their links; the gate reads
    # what it leaves. USES_TERMINAL: Ninja's console pool, so the
    # diagnostics stream as each unit's analysis ends.
    add_custom_target(exitbar_analysis ALL
      COMMAND "${_exe}" tidy-deferred
              "--fragments=${CMAKE_BINARY_DIR}/exitbar/fragments/findings"
      COMMENT "ExitBar: the analyses the compiles deferred"
      USES_TERMINAL VERBATIM)
    add_dependencies(exitbar_analysis ${_enabled_targets})
    add_dependencies(exitbar exitbar_analysis)
  endif()

  _exitbar_write_artifact_list("${_enabled_targets}")
  _exitbar_write_source_list("${_enabled_targets}")
  _exitbar_write_benchmark_list()
  get_property(_sign_key GLOBAL PROPERTY _EXITBAR_SIGN_KEY)
  if(_sign_key)
    _exitbar_add_sign_target("${_exe}" "${_enabled_targets}")
  endif()

  if(TEST exitbar)
    _exitbar_collect_tests("${CMAKE_SOURCE_DIR}" _tests)
    list(REMOVE_ITEM _tests exitbar)
    if(_tests)
      # By name: ctest orders tests of every folder this way. Where Clang
      # writes the tests' profiles is `exitbar run`'s business: it runs them
      # with LLVM_PROFILE_FILE set (a test property could name only the
      # tests of this folder, and a project's tests/ has most of them).
      set_tests_properties(exitbar PROPERTIES DEPENDS "${_tests}")
    endif()
  endif()
endfunction()

function(exitbar_sign_artifacts)
  cmake_parse_arguments(PARSE_ARGV 0 arg "" "KEY" "TARGETS;FILES")
  if(arg_UNPARSED_ARGUMENTS)
    message(FATAL_ERROR
      "exitbar_sign_artifacts: unknown arguments: ${arg_UNPARSED_ARGUMENTS}")
  endif()
  if(NOT arg_KEY)
    message(FATAL_ERROR
      "exitbar_sign_artifacts: give KEY <file> or KEY env://NAME")
  endif()
  get_property(_already GLOBAL PROPERTY _EXITBAR_SIGN_KEY)
  if(_already)
    message(FATAL_ERROR
      "exitbar_sign_artifacts: may be called only once per build")
  endif()
  if(NOT arg_KEY MATCHES "^env://")
    cmake_path(ABSOLUTE_PATH arg_KEY BASE_DIRECTORY
      "${CMAKE_CURRENT_SOURCE_DIR}" NORMALIZE)
  endif()
  set(_files)
  foreach(_file IN LISTS arg_FILES)
    cmake_path(ABSOLUTE_PATH _file BASE_DIRECTORY "${CMAKE_BINARY_DIR}"
      NORMALIZE)
    list(APPEND _files "${_file}")
  endforeach()
  set_property(GLOBAL PROPERTY _EXITBAR_SIGN_KEY "${arg_KEY}")
  # The variable's name (never its value) for ExitBarCollect.cmake, which
  # keeps it from the tests and benchmarks it runs; a file, because the gate
  # target may already exist when this is called.
  if(arg_KEY MATCHES "^env://(.+)$")
    file(WRITE "${CMAKE_BINARY_DIR}/exitbar/secret-env.txt" "${CMAKE_MATCH_1}\n")
  else()
    file(REMOVE "${CMAKE_BINARY_DIR}/exitbar/secret-env.txt")
  endif()
  set_property(GLOBAL PROPERTY _EXITBAR_SIGN_TARGETS "${arg_TARGETS}")
  set_property(GLOBAL PROPERTY _EXITBAR_SIGN_FILES "${_files}")
  get_property(_enabled GLOBAL PROPERTY _EXITBAR_ENABLED)
  if(NOT _enabled)
    # Without exitbar_enable() nothing else finalizes; targets may still
    # be defined after this call.
    cmake_language(DEFER DIRECTORY "${CMAKE_SOURCE_DIR}"
      CALL _exitbar_finalize_signing)
  endif()
endfunction()

# Internal use, projects must not call this directly.
# Sets <out> to the path of the exitbar tool.
function(_exitbar_executable out)
  get_property(_exe GLOBAL PROPERTY _EXITBAR_EXECUTABLE)
  if(NOT _exe AND TARGET ExitBar::exitbar)
    get_target_property(_exe ExitBar::exitbar LOCATION)
  endif()
  if(NOT _exe)
    message(FATAL_ERROR "exitbar_sign_artifacts: ExitBar::exitbar is not "
      "known; call find_package(ExitBar) first")
  endif()
  set(${out} "${_exe}" PARENT_SCOPE)
endfunction()

# Internal use, projects must not call this directly.
# exitbar_sign_artifacts() without exitbar_enable(): sign the named targets.
function(_exitbar_finalize_signing)
  _exitbar_executable(_exe)
  _exitbar_add_sign_target("${_exe}" "")
endfunction()

# Internal use, projects must not call this directly.
# Returns in <out> the artifact kind of target <t> ("" when it has none).
function(_exitbar_artifact_kind t out)
  get_target_property(_type "${t}" TYPE)
  set(_kind "")
  if(_type STREQUAL "EXECUTABLE")
    set(_kind executable)
  elseif(_type STREQUAL "SHARED_LIBRARY")
    set(_kind shared-library)
  elseif(_type STREQUAL "STATIC_LIBRARY")
    set(_kind static-library)
  elseif(_type STREQUAL "MODULE_LIBRARY")
    set(_kind module-library)
  endif()
  set(${out} "${_kind}" PARENT_SCOPE)
endfunction()

# Internal use, projects must not call this directly.
# Writes <build>/exitbar/benchmarks.txt at generate time: the executable of
# each target named by exitbar_enable(BENCHMARKS ...), one per line, which
# the gate runs with Google Benchmark's JSON output; the gate depends on them.
function(_exitbar_write_benchmark_list)
  get_property(_benchmarks GLOBAL PROPERTY _EXITBAR_BENCHMARKS)
  set(_content "")
  foreach(_t IN LISTS _benchmarks)
    if(NOT TARGET "${_t}")
      message(FATAL_ERROR "exitbar_enable: BENCHMARKS names '${_t}', which is not a target")
    endif()
    get_target_property(_type "${_t}" TYPE)
    if(NOT _type STREQUAL "EXECUTABLE")
      message(FATAL_ERROR "exitbar_enable: BENCHMARKS target '${_t}' is not an executable")
    endif()
    string(APPEND _content "$<TARGET_FILE:${_t}>\n")
    if(TARGET exitbar)
      add_dependencies(exitbar "${_t}")
    endif()
  endforeach()
  file(GENERATE OUTPUT "${CMAKE_BINARY_DIR}/exitbar/benchmarks.txt" CONTENT "${_content}")
endfunction()

# Internal use, projects must not call this directly.
# Writes <build>/exitbar/sources.txt: every C and C++ source the enabled
# targets compile (absolute, one a line). `exitbar collect findings` makes
# each one without a findings fragment an analysis error, so a unit whose
# fragment is missing (removed, or compiled before the checks were on)
# never counts as a clean one. Sources named through generator expressions
# cannot be resolved here and are not listed.
function(_exitbar_write_source_list targets)
  set(_content "")
  foreach(_t IN LISTS targets)
    get_target_property(_sources "${_t}" SOURCES)
    get_target_property(_source_dir "${_t}" SOURCE_DIR)
    get_target_property(_binary_dir "${_t}" BINARY_DIR)
    foreach(_s IN LISTS _sources)
      if(_s MATCHES "\\$<" OR NOT _s MATCHES "\\.(c|cc|cp|cpp|cxx|c\\+\\+|C|CPP|CXX)$")
        continue()
      endif()
      get_source_file_property(_header_only "${_s}" TARGET_DIRECTORY "${_t}"
        HEADER_FILE_ONLY)
      if(_header_only)
        continue()
      endif()
      if(IS_ABSOLUTE "${_s}")
        set(_path "${_s}")
      elseif(EXISTS "${_source_dir}/${_s}")
        set(_path "${_source_dir}/${_s}")
      else()
        set(_path "${_binary_dir}/${_s}")
      endif()
      cmake_path(NORMAL_PATH _path)
      string(APPEND _content "${_path}\n")
    endforeach()
  endforeach()
  set(_file "${CMAKE_BINARY_DIR}/exitbar/sources.txt")
  set(_old "")
  if(EXISTS "${_file}")
    file(READ "${_file}" _old)
  endif()
  if(NOT _old STREQUAL _content)
    file(WRITE "${_file}" "${_content}")
  endif()
endfunction()

# Internal use, projects must not call this directly.
# Writes <build>/exitbar/artifacts.txt at generate time: one
# "<kind>\t<target>\t<file>" line per artifact of the enabled targets, read by
# `exitbar collect signatures`.
function(_exitbar_write_artifact_list targets)
  set(_content "")
  foreach(_t IN LISTS targets)
    _exitbar_artifact_kind("${_t}" _kind)
    if(_kind)
      string(APPEND _content "${_kind}\t${_t}\t$<TARGET_FILE:${_t}>\n")
    endif()
  endforeach()
  get_property(_multi GLOBAL PROPERTY GENERATOR_IS_MULTI_CONFIG)
  if(_multi)
    # One list per configuration; the gate reads the one it is given.
    set(_output "${CMAKE_BINARY_DIR}/exitbar/artifacts-$<CONFIG>.txt")
  else()
    set(_output "${CMAKE_BINARY_DIR}/exitbar/artifacts.txt")
  endif()
  file(GENERATE OUTPUT "${_output}" CONTENT "${_content}")
endfunction()

# Internal use, projects must not call this directly.
# Creates the `exitbar_sign` target: signs the artifacts once they are
# built. <default_targets> are signed when exitbar_sign_artifacts() named no
# TARGETS.
function(_exitbar_add_sign_target exe default_targets)
  get_property(_key GLOBAL PROPERTY _EXITBAR_SIGN_KEY)
  get_property(_targets GLOBAL PROPERTY _EXITBAR_SIGN_TARGETS)
  get_property(_files GLOBAL PROPERTY _EXITBAR_SIGN_FILES)
  if(NOT _targets)
    set(_targets ${default_targets})
  endif()
  set(_artifacts ${_files})
  set(_depends)
  foreach(_t IN LISTS _targets)
    if(NOT TARGET "${_t}")
      message(FATAL_ERROR
        "exitbar_sign_artifacts: TARGETS names '${_t}', which is not a target")
    endif()
    _exitbar_artifact_kind("${_t}" _kind)
    if(_kind)
      list(APPEND _artifacts "$<TARGET_FILE:${_t}>")
      list(APPEND _depends "${_t}")
    endif()
  endforeach()
  if(NOT _artifacts)
    message(FATAL_ERROR "exitbar_sign_artifacts: nothing to sign; "
      "name TARGETS or FILES, or call exitbar_enable() first")
  endif()
  add_custom_target(exitbar_sign ALL
    COMMAND "${exe}" sign --private-key "${_key}" ${_artifacts}
    WORKING_DIRECTORY "${CMAKE_BINARY_DIR}"
    COMMENT "ExitBar: signing the release artifacts"
    VERBATIM)
  if(_depends)
    add_dependencies(exitbar_sign ${_depends})
  endif()
  if(TARGET exitbar_cli)
    add_dependencies(exitbar_sign exitbar_cli)
  endif()
  if(TARGET exitbar)
    add_dependencies(exitbar exitbar_sign)
  endif()
endfunction()

endblock()
