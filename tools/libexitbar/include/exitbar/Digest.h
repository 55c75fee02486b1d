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

} // namespace exitbar

#endif // EXITBAR_DIGEST_H
