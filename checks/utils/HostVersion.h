// HostVersion.h - refuses to run inside a clang-tidy of another LLVM major
// SPDX-License-Identifier: Apache-2.0

#ifndef EXITBAR_CHECKS_UTILS_HOSTVERSION_H
#define EXITBAR_CHECKS_UTILS_HOSTVERSION_H

namespace clang::tidy::exitbar::utils {

/// The LLVM major version of the process that loaded the plugin, read from
/// the LLVM and Clang shared libraries it has loaded (libLLVM-15.so.1,
/// libclang-cpp.so.15) or else from its executable's path
/// (/usr/lib/llvm-15/bin/clang-tidy); 0 when neither tells.
/// Example: if (hostLlvmMajor() == 15) ...
int hostLlvmMajor();

/// Ends the process with exit status 2 and one line on stderr when the host
/// is of another LLVM major than the plugin was compiled for. The plugin's
/// C++ interface to clang-tidy is only stable within one major: loaded into
/// another, it fails later with "symbol lookup error" (exit 127) or worse.
/// Uses only the C library, so it runs even where LLVM symbols do not bind.
/// Example: static const bool Checked = (refuseForeignHost(), true);
void refuseForeignHost();

} // namespace clang::tidy::exitbar::utils

#endif // EXITBAR_CHECKS_UTILS_HOSTVERSION_H
