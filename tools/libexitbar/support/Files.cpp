// Files.cpp - reading inputs and writing outputs without ever leaving half a file
// SPDX-License-Identifier: Apache-2.0

#include "exitbar/Files.h"
#include "exitbar/Error.h"
#include <algorithm>
#include <cerrno>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <unistd.h>

namespace fs = std::filesystem;

namespace exitbar {

std::string readFile(const std::string &Path) {
  std::error_code Ec;
  if (fs::is_directory(Path, Ec))
    throw Error("input.file.unreadable", Path, "", "is a directory");
  std::ifstream In(Path, std::ios::binary);
  if (!In)
    throw Error("input.file.unreadable", Path, "",
                std::string("cannot open: ") + std::strerror(errno));
  std::ostringstream Buffer;
  Buffer << In.rdbuf();
  if (In.bad())
    throw Error("input.file.unreadable", Path, "", "read failed");
  return Buffer.str();
}

std::optional<std::string> fileInsideTree(const std::string &Root,
                                          const std::string &Path) {
  if (Root.empty() || Path.empty())
    return std::nullopt;
  std::error_code Ec;
  fs::path Base = fs::weakly_canonical(fs::absolute(Root, Ec), Ec);
  if (Ec)
    return std::nullopt;
  fs::path Real = fs::weakly_canonical(Base / fs::path(Path), Ec);
  if (Ec || !fs::is_regular_file(Real, Ec))
    return std::nullopt;
  // Both are canonical (no symlinks, "." or ".."), so a path inside Base
  // is Base followed by more components.
  auto [BaseEnd, RealIt] =
      std::mismatch(Base.begin(), Base.end(), Real.begin(), Real.end());
  if (BaseEnd != Base.end() || RealIt == Real.end())
    return std::nullopt;
  return Real.string();
}

namespace {

/// Writes straight into \p Path: for targets that are not regular files
/// (/dev/stdout, /dev/null, a fifo), which a rename would replace.
void writeInPlace(const std::string &Path, const std::string &Content) {
  std::ofstream Out(Path, std::ios::binary);
  if (!Out)
    throw Error("output.file.unwritable", Path, "",
                std::string("cannot open: ") + std::strerror(errno));
  Out.write(Content.data(), static_cast<std::streamsize>(Content.size()));
  Out.flush();
  if (!Out)
    throw Error("output.file.unwritable", Path, "",
                std::string("write failed: ") + std::strerror(errno));
}

} // namespace

void writeFileAtomically(const std::string &Path, const std::string &Content) {
  fs::path Target(Path);
  std::error_code Ec;
  // Renaming a temporary file over a device would replace the device
  // itself (as root, /dev/null would become a regular file).
  if (fs::exists(Target, Ec) && !fs::is_regular_file(Target, Ec) &&
      !fs::is_directory(Target, Ec))
    return writeInPlace(Path, Content);
  if (Target.has_parent_path()) {
    fs::create_directories(Target.parent_path(), Ec);
    if (Ec)
      throw Error("output.file.unwritable", Path, "",
                  "cannot create its folder: " + Ec.message());
  }
  // The pid keeps concurrent writers (parallel builds) off each other's file.
  fs::path Temp = Target;
  Temp += ".tmp." + std::to_string(::getpid());
  {
    std::ofstream Out(Temp, std::ios::binary | std::ios::trunc);
    if (!Out)
      throw Error("output.file.unwritable", Path, "",
                  std::string("cannot create: ") + std::strerror(errno));
    Out.write(Content.data(), static_cast<std::streamsize>(Content.size()));
    Out.flush();
    if (!Out) {
      int Saved = errno;
      Out.close();
      fs::remove(Temp, Ec);
      throw Error("output.file.unwritable", Path, "",
                  std::string("write failed: ") + std::strerror(Saved));
    }
  }
  fs::rename(Temp, Target, Ec);
  if (Ec) {
    std::error_code Ignored;
    fs::remove(Temp, Ignored);
    throw Error("output.file.unwritable", Path, "",
                "cannot replace: " + Ec.message());
  }
}

} // namespace exitbar
