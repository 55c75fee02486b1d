// SecretValues.h - what a string looks like: a credential format, a
// generated token, a path, a template, a word list, a URL with a password
// SPDX-License-Identifier: Apache-2.0
//
// Text only, no AST: exitbar-hardcoded-secret decides with these whether a
// literal is a secret, and unittests/checks/SecretValuesTest.cpp pins them.

#ifndef EXITBAR_CHECKS_UTILS_SECRETVALUES_H
#define EXITBAR_CHECKS_UTILS_SECRETVALUES_H

#include "llvm/ADT/StringRef.h"
#include <utility>
#include <vector>

namespace clang::tidy::exitbar::utils {

using llvm::StringRef;

/// Space, tab, CR or LF (narrower than llvm::isSpace: no \v or \f).
bool isSpace(char C);

/// True when \p Value contains a printf or std::format conversion: a
/// template to be filled in, not a value.
bool hasFormatConversion(StringRef Value);

/// `EVP_DigestSignInit`, `SSL_CTX_new`: letters joined by underscores
/// into three or more words, no digits; how C APIs name their functions,
/// not how secrets look (those have digits or are one run of characters).
bool looksLikeCodeName(StringRef Value);

/// `password;passwd;secret`, `token,apikey,bearer`: three or more words of
/// letters joined by one separator, a vocabulary (a check's word list, a
/// set of field names), not a secret (those have digits or symbols).
bool looksLikeWordList(StringRef Value);

/// True for file-system paths and file names, which name where a secret is
/// kept rather than being one.
bool looksLikePath(StringRef Value);

/// True when every character of \p Value is one of \p Chars.
bool onlyChars(StringRef Value, StringRef Chars);

/// True for values that look machine-generated: long hex strings, or mixes
/// of upper case, lower case and digits. `token = "mqttv311"` in a parser
/// and `pass = "inline"` in a compiler are not.
bool looksGenerated(StringRef Value);

/// The kind of well-known credential format \p Text contains, or "".
StringRef credentialFormat(StringRef Text);

/// The password in `scheme://user:password@host`, or "". Templates such
/// as `mqtt(s)://[username[:password]@]host` have none.
StringRef urlPassword(StringRef Text);

/// `password=...`, `PWD=...;` or `token=...` items in connection strings,
/// command lines and query strings: (key, value) pairs.
std::vector<std::pair<StringRef, StringRef>> keyValueItems(StringRef Text);

} // namespace clang::tidy::exitbar::utils

#endif // EXITBAR_CHECKS_UTILS_SECRETVALUES_H
