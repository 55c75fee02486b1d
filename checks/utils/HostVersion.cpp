// HostVersion.cpp - refuses to run inside a clang-tidy of another LLVM major
// SPDX-License-Identifier: Apache-2.0

#include "utils/HostVersion.h"
#include "llvm/Config/llvm-config.h"
#include <algorithm>
#include <cstdio>
#include <cstring>
#include <dlfcn.h>
#include <initializer_list>
#include <link.h>
#include <unistd.h>

namespace clang::tidy::exitbar::utils {
namespace {

/// The number that follows \p Prefix in \p Name, or 0.
int numberAfter(const char *Name, const char *Prefix) {
  const char *At = std::strstr(Name, Prefix);
  if (!At)
    return 0;
  At += std::strlen(Prefix);
  int Number = 0;
  for (; *At >= '0' && *At <= '9' && Number < 1000; ++At)
    Number = Number * 10 + (*At - '0');
  return Number;
}

/// The LLVM major in the name of a shared library, or 0: libLLVM-15.so.1
/// and libclang-cpp.so.15 (Debian, apt.llvm.org), libLLVM.so.18.1 and
/// libLLVM-18.so (upstream builds).
int majorOfLibrary(const char *Path) {
  const char *Base = std::strrchr(Path, '/');
  Base = Base ? Base + 1 : Path;
  for (const char *Prefix : {"libclang-cpp.so.", "libLLVM-", "libLLVM.so."})
    if (std::strncmp(Base, Prefix, std::strlen(Prefix)) == 0)
      if (int Major = numberAfter(Base, Prefix))
        return Major;
  return 0;
}

int visitLibrary(struct dl_phdr_info *Info, size_t, void *Data) {
  int &Found = *static_cast<int *>(Data);
  if (Info->dlpi_name && *Info->dlpi_name)
    Found = majorOfLibrary(Info->dlpi_name);
  return Found != 0; // stop at the first LLVM or Clang library
}

} // namespace

int hostLlvmMajor() {
  int Major = 0;
  dl_iterate_phdr(visitLibrary, &Major);
  if (Major)
    return Major;
  // A clang-tidy linked statically against LLVM: its installation path
  // (/usr/lib/llvm-15/bin/clang-tidy) is the only hint left.
  char Exe[4096];
  ssize_t Length = readlink("/proc/self/exe", Exe, sizeof Exe - 1);
  if (Length <= 0)
    return 0;
  Exe[Length] = '\0';
  return numberAfter(Exe, "/llvm-");
}

void refuseForeignHost() {
  int Host = hostLlvmMajor();
  if (Host == 0 || Host == LLVM_VERSION_MAJOR)
    return;
  // The plugin's own file name: the assertion-enabled variant is
  // libExitBarChecksAssertions.so.
  const char *Plugin = "libExitBarChecks.so";
  Dl_info Self;
  if (dladdr(reinterpret_cast<void *>(&refuseForeignHost), &Self) &&
      Self.dli_fname && *Self.dli_fname) {
    const char *Slash = std::strrchr(Self.dli_fname, '/');
    Plugin = Slash ? Slash + 1 : Self.dli_fname;
  }
  // One line, written at once, from the C library only: LLVM's streams
  // may not even bind in a foreign host.
  char Line[1024];
  int Length = std::snprintf(
      Line, sizeof Line,
      "exitbar: error: %s was built for LLVM %d but was loaded into "
      "clang-tidy of LLVM %d; use clang-tidy-%d or build ExitBar against "
      "LLVM %d\n",
      Plugin, LLVM_VERSION_MAJOR, Host, LLVM_VERSION_MAJOR, Host);
  if (Length > 0) {
    size_t Size = std::min(static_cast<size_t>(Length), sizeof Line - 1);
    ssize_t Ignored = write(STDERR_FILENO, Line, Size);
    (void)Ignored;
  }
  _exit(2);
}

} // namespace clang::tidy::exitbar::utils
