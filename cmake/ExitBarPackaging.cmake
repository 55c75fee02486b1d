# ExitBarPackaging.cmake - `cpack -G DEB` in a build folder: exitbar_<version>_<arch>.deb
# SPDX-License-Identifier: Apache-2.0
#
# One package holds the CLI, the CMake package and the checks plugin of every
# LLVM major in EXITBAR_PLUGIN_LLVM_VERSIONS, installed under /usr. It
# depends on the clang-tidy of any of those majors (the CMake package picks
# the plugin of the one it finds, docs/install.md) and on what dpkg-shlibdeps
# finds the binaries need.

set(CPACK_PACKAGE_NAME exitbar)
set(CPACK_PACKAGE_VENDOR "ExitBar")
set(CPACK_PACKAGE_DESCRIPTION_SUMMARY "production-readiness gate for C++ projects built with CMake")
# Lines of at most 80 characters (lintian: extended-description-line-too-long).
string(CONCAT CPACK_PACKAGE_DESCRIPTION
  "ExitBar turns a production-readiness audit into a build-time gate:\n"
  "clang-tidy checks (exitbar-*), coverage, test results, SBOM, signatures\n"
  "and vulnerabilities become evidence, and the exitbar gate writes a GO,\n"
  "CONDITIONAL or NO_GO verdict. find_package(ExitBar) and\n"
  "exitbar_enable(ALL) in a project's CMakeLists.txt set it up.")
set(CPACK_PACKAGE_VERSION "${PROJECT_VERSION}")
set(CPACK_PACKAGING_INSTALL_PREFIX /usr)
set(CPACK_GENERATOR DEB)
# Symbol tables out (lintian: unstripped-binary-or-object); the plugins keep
# the dynamic symbols clang-tidy loads them by.
set(CPACK_STRIP_FILES TRUE)
set(CPACK_DEBIAN_FILE_NAME DEB-DEFAULT)
set(CPACK_DEBIAN_PACKAGE_MAINTAINER "ExitBar maintainers <exitbar@example.org>"
  CACHE STRING "Maintainer field of the Debian package")
set(CPACK_DEBIAN_PACKAGE_SECTION devel)
set(CPACK_DEBIAN_PACKAGE_PRIORITY optional)
set(CPACK_DEBIAN_PACKAGE_HOMEPAGE "https://github.com/exitbar/exitbar"
  CACHE STRING "Homepage field of the Debian package")
# Libraries of the CLI (libc6, libstdc++6, libssl3, libfmt9, libtinyxml2-9...).
set(CPACK_DEBIAN_PACKAGE_SHLIBDEPS ON)
# The plugins link nothing of clang: their clang symbols come from the
# clang-tidy that loads them, so dpkg-shlibdeps cannot see that dependency.
set(_tidy_alternatives)
foreach(_major IN LISTS EXITBAR_PLUGIN_MAJORS)
  list(APPEND _tidy_alternatives "clang-tidy-${_major}")
endforeach()
list(JOIN _tidy_alternatives " | " _tidy_alternatives)
set(CPACK_DEBIAN_PACKAGE_DEPENDS "cmake (>= 3.25)")
if(_tidy_alternatives)
  string(APPEND CPACK_DEBIAN_PACKAGE_DEPENDS ", ${_tidy_alternatives}")
endif()
# The gate's coverage evidence comes from gcov (GCC builds) or llvm-cov.
set(CPACK_DEBIAN_PACKAGE_RECOMMENDS "gcc")
set(CPACK_RESOURCE_FILE_LICENSE "${PROJECT_SOURCE_DIR}/LICENSE")
include(CPack)
