// TidyModules.cpp - libExitBarTidyModules-<major>.so: clang-tidy's own
// modules (bugprone-*, cert-*, modernize-*, ...) for the compile plugin
// SPDX-License-Identifier: Apache-2.0
//
// The library is the modules' static archives, linked whole (each module
// registers itself with clang-tidy's module registry when loaded); this
// file only gives CMake a source. The compile plugin (CompilePlugin.cpp)
// loads the library only when the check list can enable one of their
// checks, so a build that runs only exitbar-* checks never pays for
// loading and listing some 400 others in every compile.
