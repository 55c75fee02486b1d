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
                   [SBOM_SUPPLIER <name>] [SBOM_AUTHOR <name>])

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
    Instrument the enabled targets for coverage (GCC: ``--coverage``) and
    make the gate collect coverage and test results: the ``exitbar`` target
    runs ``ctest --output-junit`` when the results are missing or older than
    the build, then ``exitbar collect tests`` and ``exitbar collect
    coverage`` (with the gcov matching the compiler). The cache option
    ``EXITBAR_COVERAGE=ON`` does the same without editing the project.

  ``COVERAGE_EXCLUDE <glob>...``
    Files left out of the coverage evidence, as globs over paths relative
    to the source folder (``*`` matches across ``/``), e.g. ``"tests/*"``.
    Files outside the source folder and in the build folder are always left
    out.

  ``SBOM_SUPPLIER <name>``
    The supplier of the project's own components in the SBOM (an
    organisation or ``Name <mail>``). A policy's ``"sbom"`` section and
    ``exitbar collect sbom --supplier`` take precedence.

  ``SBOM_AUTHOR <name>``
    The author of the SBOM data. Default: the supplier.

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
  matches the plugin's LLVM (``ExitBar_CLANG_TIDY``), whatever compiler
  builds the project; their diagnostics appear in the normal build output and
  each translation unit leaves a findings fragment under
  ``<build>/exitbar/fragments/``.

  ``cmake --build <build> --target exitbar`` builds the enabled targets,
  collects evidence into ``<build>/exitbar/evidence/`` and runs the gate,
  which writes ``<build>/exitbar/verdict.json``, ``report.md``,
  ``report.html``, ``exitbar.sarif`` and ``exitbar-junit.xml``, appends to
  ``audit-log.jsonl``, and fails
  on the ``FAIL_ON`` verdict. The ctest test ``exitbar`` does the same
  collection and gate and runs after every other test.

  Example:

  .. code-block:: cmake

    find_package(ExitBar 0.1 REQUIRED)
    exitbar_enable(ALL POLICY exitbar-policy.json)

Result variables (set by ``find_package(ExitBar)``):

``ExitBar_CLANG_TIDY``
  The clang-tidy executable that loads the plugin.

Imported targets: ``ExitBar::exitbar`` (the command-line tool) and
``ExitBar::checks`` (the clang-tidy plugin module).

Cache variables:

``EXITBAR_CLANG_TIDY``
  Overrides the clang-tidy executable (must match the plugin's LLVM major).

``EXITBAR_COVERAGE``
  ``ON`` acts as if ``exitbar_enable`` had been given ``COVERAGE``.
#]=======================================================================]

include_guard(GLOBAL)

block(SCOPE_FOR POLICIES)
cmake_policy(VERSION 3.25)

set(_EXITBAR_MODULE_DIR "${CMAKE_CURRENT_LIST_DIR}" CACHE INTERNAL
  "Folder of ExitBar.cmake and its build-time scripts")

function(exitbar_enable)
  cmake_parse_arguments(PARSE_ARGV 0 arg "ALL;COVERAGE"
    "POLICY;FAIL_ON;CHECKS;RELEASE_VERSION;BASELINE;WAIVERS;SBOM_SUPPLIER;SBOM_AUTHOR"
    "TARGETS;COVERAGE_EXCLUDE")
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
  foreach(_file POLICY BASELINE WAIVERS)
    if(DEFINED arg_${_file})
      cmake_path(ABSOLUTE_PATH arg_${_file} BASE_DIRECTORY
        "${CMAKE_CURRENT_SOURCE_DIR}" NORMALIZE)
      if(NOT EXISTS "${arg_${_file}}")
        message(FATAL_ERROR
          "exitbar_enable: ${_file} file '${arg_${_file}}' does not exist")
      endif()
    endif()
  endforeach()

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
      if(NOT _at EQUAL 0)
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

  set(_out "${CMAKE_BINARY_DIR}/exitbar/sbom/cmake-packages.json")
  file(WRITE "${_out}.tmp" "${_json}\n")
  file(COPY_FILE "${_out}.tmp" "${_out}" ONLY_IF_DIFFERENT)
  file(REMOVE "${_out}.tmp")
endfunction()

# Internal use, projects must not call this directly.
# Sets <exe>, <plugin> and <tidy> to the paths of the exitbar tool, the
# checks plugin and the matching clang-tidy.
function(_exitbar_tools exe_var plugin_var tidy_var)
  get_property(_exe GLOBAL PROPERTY _EXITBAR_EXECUTABLE)
  get_property(_plugin GLOBAL PROPERTY _EXITBAR_PLUGIN)
  if(NOT _exe AND TARGET ExitBar::exitbar)
    get_target_property(_exe ExitBar::exitbar LOCATION)
    get_target_property(_plugin ExitBar::checks LOCATION)
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
  set(${exe_var} "${_exe}" PARENT_SCOPE)
  set(${plugin_var} "${_plugin}" PARENT_SCOPE)
  set(${tidy_var} "${_tidy}" PARENT_SCOPE)
endfunction()

# Internal use, projects must not call this directly.
# Creates the `exitbar` target and ctest test; both run ExitBarCollect.cmake.
function(_exitbar_add_gate exe policy fail_on release_version baseline waivers
    coverage coverage_exclude)
  if(coverage)
    _exitbar_find_gcov(_gcov)
  endif()
  set(_script_args
    -DEXITBAR_COVERAGE=${coverage}
    "-DEXITBAR_COVERAGE_EXCLUDE=${coverage_exclude}"
    -DEXITBAR_GCOV=${_gcov}
    -DEXITBAR_CTEST=${CMAKE_CTEST_COMMAND}
    -DEXITBAR_BASELINE=${baseline}
    -DEXITBAR_WAIVERS=${waivers}
    -DEXITBAR_EXECUTABLE=${exe}
    -DEXITBAR_BUILD_DIR=${CMAKE_BINARY_DIR}
    -DEXITBAR_SOURCE_DIR=${CMAKE_SOURCE_DIR}
    -DEXITBAR_POLICY=${policy}
    -DEXITBAR_FAIL_ON=${fail_on}
    -DEXITBAR_RELEASE_VERSION=${release_version}
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
    add_dependencies(exitbar_tools exitbar_cli ExitBarChecks)
    add_dependencies(exitbar exitbar_tools)
  endif()
  # Harmless without enable_testing(): ctest then never sees it.
  add_test(NAME exitbar COMMAND "${CMAKE_COMMAND}" ${_script_args}
    WORKING_DIRECTORY "${CMAKE_BINARY_DIR}")
  set_tests_properties(exitbar PROPERTIES LABELS exitbar)
endfunction()

# Internal use, projects must not call this directly.
# Sets <out> to the gcov that reads the compiler's coverage notes: gcov-<major>
# or gcov beside the compiler, else the first on PATH.
function(_exitbar_find_gcov out)
  set(_lang CXX)
  if(NOT CMAKE_CXX_COMPILER_ID)
    set(_lang C)
  endif()
  if(NOT CMAKE_${_lang}_COMPILER_ID STREQUAL "GNU")
    message(WARNING "exitbar_enable: COVERAGE supports GCC; "
      "${CMAKE_${_lang}_COMPILER_ID} builds get no coverage evidence")
  endif()
  string(REGEX MATCH "^[0-9]+" _major "${CMAKE_${_lang}_COMPILER_VERSION}")
  get_filename_component(_dir "${CMAKE_${_lang}_COMPILER}" DIRECTORY)
  find_program(EXITBAR_GCOV NAMES gcov-${_major} gcov HINTS "${_dir}"
    DOC "gcov matching the compiler, for ExitBar's coverage evidence")
  if(NOT EXITBAR_GCOV)
    message(FATAL_ERROR "exitbar_enable: COVERAGE needs gcov-${_major} (or gcov); "
      "install the gcc-${_major} package that provides it")
  endif()
  set(${out} "${EXITBAR_GCOV}" PARENT_SCOPE)
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

  _exitbar_regex_escape("${CMAKE_SOURCE_DIR}/" _source_regex)
  set(_launcher "${_exe}" tidy
    "--clang-tidy=${_tidy}"
    "--source-dir=${CMAKE_SOURCE_DIR}"
    "--fragments=${CMAKE_BINARY_DIR}/exitbar/fragments/findings"
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
    set_property(TARGET "${_t}" PROPERTY CXX_CLANG_TIDY "${_cxx_launcher}")
    set_property(TARGET "${_t}" PROPERTY C_CLANG_TIDY "${_c_launcher}")
    if(_coverage)
      target_compile_options("${_t}" PRIVATE
        "$<$<COMPILE_LANG_AND_ID:C,GNU>:--coverage>"
        "$<$<COMPILE_LANG_AND_ID:CXX,GNU>:--coverage>")
      if(NOT _type MATCHES "^(STATIC_LIBRARY|OBJECT_LIBRARY)$")
        target_link_options("${_t}" PRIVATE
          "$<$<LINK_LANG_AND_ID:C,GNU>:--coverage>"
          "$<$<LINK_LANG_AND_ID:CXX,GNU>:--coverage>")
      endif()
    endif()
    if(_in_tree)
      add_dependencies("${_t}" exitbar_tools)
    endif()
    add_dependencies(exitbar "${_t}")
  endforeach()

  if(TEST exitbar)
    _exitbar_collect_tests("${CMAKE_SOURCE_DIR}" _tests)
    list(REMOVE_ITEM _tests exitbar)
    if(_tests)
      set_tests_properties(exitbar PROPERTIES DEPENDS "${_tests}")
    endif()
  endif()
endfunction()

endblock()
