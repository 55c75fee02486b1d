// Digest.h - cryptographic digests
// SPDX-License-Identifier: Apache-2.0

#ifndef EXITBAR_DIGEST_H
#define EXITBAR_DIGEST_H

#include <string>
#include <string_view>

namespace exitbar {

/// Lower-case hex SHA-256 of \p Data.
/// Example: sha256Hex("") == "e3b0c442...b855"
std::string sha256Hex(std::string_view Data);

/// Lower-case hex SHA-1 of \p Data (SPDX file checksums, UUIDv5; never for
/// security decisions).
/// Example: sha1Hex("") == "da39a3ee...0709"
std::string sha1Hex(std::string_view Data);

} // namespace exitbar

#endif // EXITBAR_DIGEST_H
