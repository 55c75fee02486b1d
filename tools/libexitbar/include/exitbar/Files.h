// Files.h - reading inputs and writing outputs without ever leaving half a file
// SPDX-License-Identifier: Apache-2.0

#ifndef EXITBAR_FILES_H
#define EXITBAR_FILES_H

#include <optional>
#include <string>

namespace exitbar {

/// Largest input file readFile reads: 1 GiB.
constexpr unsigned long long MaxInputFileSize = 1ULL << 30;

/// The whole content of the regular file \p Path; throws Error
/// (input.file.unreadable; input.file.not-regular for a FIFO, device or
/// socket, which is never read, so a planted FIFO cannot hang a reader;
/// input.file.too-large above MaxInputFileSize).
/// Example: std::string Text = readFile("evidence/findings.json");
std::string readFile(const std::string &Path);

/// Writes \p Content to a temporary file beside \p Path, then renames it over
/// \p Path, so readers see the old file or the new one, never a part. The
/// temporary file has a random name and is created with O_EXCL|O_NOFOLLOW
/// (a planted file or symlink is never followed or reused), mode 0666 minus
/// the umask; it is fsync'ed before the rename and the folder after it.
/// Devices and fifos (/dev/null, /dev/stdout) are written in place. Creates
/// missing parent folders. Throws Error (output.file.unwritable).
/// Durability::BuildProduct skips the two fsyncs, for files a build writes
/// per translation unit (findings fragments, cache entries): like an object
/// file, such a file is replaced atomically but not forced to the disk, and
/// its reader rejects one a crash left incomplete (an invalid fragment stops
/// the gate; a cache entry failing its digest is a miss).
/// Example: writeFileAtomically("out/verdict.json", Text);
enum class Durability { Synced, BuildProduct };
void writeFileAtomically(const std::string &Path, const std::string &Content,
                         Durability Durable = Durability::Synced);

/// \p Path (absolute, or relative to \p Root) with every symlink resolved,
/// when that is a regular file inside \p Root; std::nullopt otherwise:
/// \p Path comes from evidence (a finding's file, a coverage record), which
/// must not make a report show /etc/passwd, a `../` escape or a symlink out
/// of the source tree. An empty \p Root contains nothing.
/// Example: if (auto P = fileInsideTree("/src", "a/b.cpp")) readFile(*P);
std::optional<std::string> fileInsideTree(const std::string &Root,
                                          const std::string &Path);

} // namespace exitbar

#endif // EXITBAR_FILES_H
