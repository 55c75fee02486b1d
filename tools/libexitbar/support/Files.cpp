// Files.cpp - reading inputs and writing outputs without ever leaving half a
// file
// SPDX-License-Identifier: Apache-2.0

#include "exitbar/Files.h"
#include "exitbar/Error.h"
#include <algorithm>
#include <cerrno>
#include <cstring>
#include <fcntl.h>
#include <filesystem>
#include <fstream>
#include <random>
#include <sstream>
#include <sys/random.h>
#include <sys/stat.h>
#include <unistd.h>

namespace fs = std::filesystem;

namespace exitbar {

std::string readFile(const std::string &Path) {
  // O_NONBLOCK: opening a FIFO planted under an input's name must not wait
  // for a writer; fstat then refuses it (and devices, sockets) unread.
  int Fd = ::open(Path.c_str(), O_RDONLY | O_NONBLOCK | O_CLOEXEC);
  if (Fd < 0) {
    if (errno == EISDIR)
      throw Error("input.file.unreadable", Path, "", "is a directory");
    throw Error("input.file.unreadable", Path, "",
                std::string("cannot open: ") + std::strerror(errno));
  }
  struct Closer {
    int Fd;
    ~Closer() { ::close(Fd); }
  } Close{Fd};
  struct stat St {};
  if (::fstat(Fd, &St) != 0)
    throw Error("input.file.unreadable", Path, "",
                std::string("cannot stat: ") + std::strerror(errno));
  if (S_ISDIR(St.st_mode))
    throw Error("input.file.unreadable", Path, "", "is a directory");
  if (!S_ISREG(St.st_mode))
    throw Error("input.file.not-regular", Path, "",
                "is not a regular file (a FIFO, device or socket); refused "
                "unread");
  if (static_cast<unsigned long long>(St.st_size) > MaxInputFileSize)
    throw Error("input.file.too-large", Path, "",
                "is larger than " + std::to_string(MaxInputFileSize >> 20) +
                    " MiB; refused unread");
  std::string Out;
  Out.reserve(static_cast<size_t>(St.st_size));
  char Buffer[65536];
  for (;;) {
    ssize_t N = ::read(Fd, Buffer, sizeof Buffer);
    if (N < 0 && errno == EINTR)
      continue;
    if (N < 0)
      throw Error("input.file.unreadable", Path, "",
                  std::string("read failed: ") + std::strerror(errno));
    if (N == 0)
      break;
    // A file that grows while it is read is capped all the same.
    if (Out.size() + static_cast<size_t>(N) > MaxInputFileSize)
      throw Error("input.file.too-large", Path, "",
                  "is larger than " + std::to_string(MaxInputFileSize >> 20) +
                      " MiB; refused");
    Out.append(Buffer, static_cast<size_t>(N));
  }
  return Out;
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

namespace {

/// Sixteen random hex digits for a temporary name nobody can predict.
std::string randomSuffix() {
  unsigned char Bytes[8];
  if (::getrandom(Bytes, sizeof Bytes, 0) !=
      static_cast<ssize_t>(sizeof Bytes)) {
    std::random_device Device;
    for (unsigned char &B : Bytes)
      B = static_cast<unsigned char>(Device());
  }
  static const char Hex[] = "0123456789abcdef";
  std::string Out;
  for (unsigned char B : Bytes) {
    Out += Hex[B >> 4];
    Out += Hex[B & 15];
  }
  return Out;
}

/// Writes all of \p Content to \p Fd; false (errno set) on failure.
bool writeAll(int Fd, const std::string &Content) {
  const char *Data = Content.data();
  size_t Left = Content.size();
  while (Left > 0) {
    ssize_t N = ::write(Fd, Data, Left);
    if (N < 0 && errno == EINTR)
      continue;
    if (N <= 0)
      return false;
    Data += N;
    Left -= static_cast<size_t>(N);
  }
  return true;
}

} // namespace

void writeFileAtomically(const std::string &Path, const std::string &Content,
                         Durability Durable) {
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
  // A fresh, unpredictable name created exclusively and never through a
  // symlink (mkstemp's guarantees): a file or symlink planted at a guessable
  // name (once <file>.tmp.<pid>) can neither be followed nor reused. Mode
  // 0666 minus the umask, as for any file the tool creates.
  fs::path Temp;
  int Fd = -1;
  for (int Attempt = 0; Fd < 0 && Attempt < 16; ++Attempt) {
    Temp = Target;
    Temp += ".tmp." + randomSuffix();
    Fd = ::open(Temp.c_str(),
                O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC, 0666);
    if (Fd < 0 && errno != EEXIST)
      break;
  }
  if (Fd < 0)
    throw Error("output.file.unwritable", Path, "",
                std::string("cannot create: ") + std::strerror(errno));
  // The content reaches the disk before the rename makes it the file, so a
  // crash leaves the old file or the new one, never an empty one.
  if (!writeAll(Fd, Content) ||
      (Durable == Durability::Synced && ::fsync(Fd) != 0)) {
    int Saved = errno;
    ::close(Fd);
    fs::remove(Temp, Ec);
    throw Error("output.file.unwritable", Path, "",
                std::string("write failed: ") + std::strerror(Saved));
  }
  if (::close(Fd) != 0) {
    int Saved = errno;
    fs::remove(Temp, Ec);
    throw Error("output.file.unwritable", Path, "",
                std::string("write failed: ") + std::strerror(Saved));
  }
  fs::rename(Temp, Target, Ec);
  if (Ec) {
    std::error_code Ignored;
    fs::remove(Temp, Ignored);
    throw Error("output.file.unwritable", Path, "",
                "cannot replace: " + Ec.message());
  }
  // And the rename itself: fsync the folder that holds the new entry.
  // Best effort: some file systems refuse fsync on a folder.
  if (Durable == Durability::BuildProduct)
    return;
  fs::path Folder = Target.has_parent_path() ? Target.parent_path() : ".";
  int Dir = ::open(Folder.c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC);
  if (Dir >= 0) {
    ::fsync(Dir);
    ::close(Dir);
  }
}

} // namespace exitbar
