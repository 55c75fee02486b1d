# ExitBarInternal.cmake - helpers for building ExitBar itself; not installed.
# SPDX-License-Identifier: Apache-2.0

# Warnings for ExitBar's own code (not for consumer projects).
function(exitbar_set_warnings target)
  if(CMAKE_CXX_COMPILER_ID MATCHES "GNU|Clang")
    target_compile_options(${target} PRIVATE -Wall -Wextra -Wpedantic
      -Wnon-virtual-dtor -Wold-style-cast -Wimplicit-fallthrough)
  endif()
endfunction()

# exitbar_add_unittest(<name> SOURCES <file>...)
# Adds a GoogleTest executable linked against the library and registers its tests.
function(exitbar_add_unittest name)
  cmake_parse_arguments(PARSE_ARGV 1 arg "" "" "SOURCES")
  if(arg_UNPARSED_ARGUMENTS)
    message(FATAL_ERROR "exitbar_add_unittest: unknown arguments: ${arg_UNPARSED_ARGUMENTS}")
  endif()
  add_executable(${name} ${arg_SOURCES})
  target_link_libraries(${name} PRIVATE exitbar_lib GTest::gtest GTest::gtest_main)
  exitbar_set_warnings(${name})
  gtest_discover_tests(${name} PROPERTIES LABELS unit DISCOVERY_TIMEOUT 60)
endfunction()
