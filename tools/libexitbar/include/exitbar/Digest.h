// Digest.h - cryptographic digests
// SPDX-License-Identifier: Apache-2.0

#ifndef EXITBAR_DIGEST_H
#define EXITBAR_DIGEST_H

#include <string>
#include <string_view>
#include <utility>

namespace exitbar {

/// Lower-case hex SHA-256 of \p Data (crypto/Sha256.cpp: ExitBar's own,
/// with no OpenSSL start-up cost on the per-compile path).
/// Example: sha256Hex("") == "e3b0c442...b855"
std::string sha256Hex(std::string_view Data);

/// Lower-case hex SHA-1 of \p Data (SPDX file checksums, UUIDv5; never for
/// security decisions).
/// Example: sha1Hex("") == "da39a3ee...0709"
std::string sha1Hex(std::string_view Data);

/// SHA-256 and SHA-1 (lower-case hex) of the file at \p Path, read once in
/// 1 MiB blocks, so large artifacts never sit in memory whole. Throws Error
/// (input.file.unreadable).
/// Example: auto [Sha256, Sha1] = fileDigestsHex("build/app");
std::pair<std::string, std::string> fileDigestsHex(const std::string &Path);

} // namespace exitbar

#endif // EXITBAR_DIGEST_H
