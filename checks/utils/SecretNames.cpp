// SecretNames.cpp - decides whether an identifier or key names a secret
// SPDX-License-Identifier: Apache-2.0

#include "utils/SecretNames.h"
#include "utils/Compat.h"
#include "utils/OptionUtils.h"
#include "llvm/ADT/StringExtras.h"

namespace clang::tidy::exitbar::utils {
namespace {

/// Leading words that are naming conventions, not meaning: `kToken`,
/// `m_password`, `g_secret`, `pszPassword`, `strToken`.
bool isConventionPrefix(llvm::StringRef Word) {
  static const llvm::StringSet<> Prefixes = {
      "k",      "m",      "g",       "s",    "p",   "sz",  "psz",
      "lpsz",   "lpcsz",  "pcsz",    "pwsz", "wsz", "str", "lpstr",
      "lpcstr", "lpwstr", "lpcwstr", "the",  "my",  "our"};
  return Prefixes.contains(Word);
}

/// Words before the secret word that turn the name into a question or a
/// measure about it, or into something derived from it: `is_password_set`,
/// `has_token`, `max_token_age`, `hashed_password`.
bool isNegatingWord(llvm::StringRef Word) {
  static const llvm::StringSet<> Words = {
      "is",    "has",     "have", "no",     "need",    "needs",  "should",
      "use",   "show",    "hide", "enable", "disable", "allow",  "require",
      "min",   "max",     "num",  "count",  "n",       "nb",     "number",
      "total", "without", "skip", "hashed", "hash",    "salted", "digest"};
  return Words.contains(Word);
}

/// Words that make a following `key` a cryptographic or API key rather than
/// a map key: `api_key`, `private_key`, `hmac_key`.
bool isKeyQualifier(llvm::StringRef Word) {
  static const llvm::StringSet<> Words = {
      "api",        "private", "priv",      "secret",   "access", "encryption",
      "encrypt",    "enc",     "crypt",     "crypto",   "cipher", "signing",
      "sign",       "master",  "hmac",      "aes",      "auth",   "shared",
      "preshared",  "psk",     "wifi",      "wpa",      "wep",    "ssh",
      "gpg",        "pgp",     "jwt",       "totp",     "otp",    "license",
      "decryption", "decrypt", "symmetric", "client",   "server", "root",
      "mac",        "kek",     "dek",       "wrapping", "account"};
  return Words.contains(Word);
}

/// Words that make a following `token` an authentication token rather than
/// a lexer token: `access_token`, `csrf_token`, `github_token`.
bool isTokenQualifier(llvm::StringRef Word) {
  static const llvm::StringSet<> Words = {"access",
                                          "auth",
                                          "authentication",
                                          "authorization",
                                          "api",
                                          "bearer",
                                          "refresh",
                                          "session",
                                          "csrf",
                                          "xsrf",
                                          "oauth",
                                          "jwt",
                                          "id",
                                          "identity",
                                          "github",
                                          "gitlab",
                                          "slack",
                                          "bot",
                                          "discord",
                                          "telegram",
                                          "personal",
                                          "pat",
                                          "secret",
                                          "security",
                                          "sas",
                                          "registry",
                                          "user",
                                          "device",
                                          "push",
                                          "reset",
                                          "verify",
                                          "verification",
                                          "invite",
                                          "invitation",
                                          "registration",
                                          "login",
                                          "signin",
                                          "app",
                                          "client",
                                          "service",
                                          "master",
                                          "admin",
                                          "root",
                                          "cloud",
                                          "aws",
                                          "gcp",
                                          "azure",
                                          "vault",
                                          "npm",
                                          "pypi",
                                          "docker",
                                          "hf",
                                          "openai",
                                          "stripe",
                                          "twilio",
                                          "sendgrid",
                                          "firebase",
                                          "fcm",
                                          "apns",
                                          "webhook",
                                          "deploy",
                                          "ci",
                                          "runner",
                                          "private",
                                          "magic",
                                          "otp",
                                          "mfa",
                                          "totp",
                                          "remember",
                                          "upload",
                                          "confirmation",
                                          "activation",
                                          "unsubscribe",
                                          "sso",
                                          "saml",
                                          "kerberos",
                                          "consumer"};
  return Words.contains(Word);
}

/// Words that are secrets only weakly: `token` also names lexer tokens,
/// `pass` a compiler pass, `pwd` the working directory.
bool isWeakWord(llvm::StringRef Word) {
  static const llvm::StringSet<> Words = {"token", "pass", "pwd", "pw", "cred"};
  return Words.contains(Word);
}

bool isNumber(llvm::StringRef Word) {
  return !Word.empty() && llvm::all_of(Word, llvm::isDigit);
}

/// \p Word without a plural 's' when that leaves a word in \p Set.
llvm::StringRef singular(llvm::StringRef Word, const llvm::StringSet<> &Set) {
  if (Word.size() > 1 && Word.back() == 's' && !Set.contains(Word) &&
      Set.contains(Word.drop_back()))
    return Word.drop_back();
  return Word;
}

} // namespace

SecretNames::SecretNames(llvm::StringRef SecretWords,
                         llvm::StringRef IgnoredWords)
    : SecretList(parseList(SecretWords)), IgnoredList(parseList(IgnoredWords)) {
  for (const std::string &Word : SecretList)
    Secret.insert(llvm::StringRef(Word).lower());
  for (const std::string &Word : IgnoredList)
    Ignored.insert(llvm::StringRef(Word).lower());
}

std::string SecretNames::secretWords() const { return joinList(SecretList); }
std::string SecretNames::ignoredWords() const { return joinList(IgnoredList); }

SecretKind SecretNames::wordKind(const std::vector<std::string> &Words,
                                 size_t Start, size_t I) const {
  llvm::StringRef Word = Words[I];
  llvm::StringRef One = singular(Word, Secret);
  if (Secret.contains(One))
    return SecretKind::Strong;
  // Run-together names: `dbpassword`, `clientsecret`, `mysqlpasswd`.
  for (const auto &Entry : Secret) {
    llvm::StringRef Term = Entry.getKey();
    if (Term.size() >= 5 && One.size() > Term.size() + 1 &&
        compat::endsWith(One, Term))
      return SecretKind::Strong;
  }
  // The nearest earlier word that is not a number (`aes256_key`).
  llvm::StringRef Before;
  for (size_t J = I; J > Start; --J)
    if (!isNumber(Words[J - 1])) {
      Before = Words[J - 1];
      break;
    }
  if (Word == "key" || Word == "keys")
    return isKeyQualifier(Before) ? SecretKind::Strong : SecretKind::None;
  if (Word == "token" || Word == "tokens")
    return isTokenQualifier(Before) ? SecretKind::Strong : SecretKind::Weak;
  if (Word == "creds")
    return SecretKind::Weak;
  return isWeakWord(Word) ? SecretKind::Weak : SecretKind::None;
}

SecretKind SecretNames::classify(llvm::StringRef Name) const {
  std::vector<std::string> Words = splitNameWords(Name);
  size_t Start = 0;
  while (Start + 1 < Words.size() && isConventionPrefix(Words[Start]))
    ++Start;
  size_t Found = Words.size();
  SecretKind Kind = SecretKind::None;
  for (size_t I = Start; I < Words.size(); ++I) {
    // The strongest secret word decides the kind (`private_key_pass` is a
    // private key's passphrase); the last one where the name's tail starts.
    SecretKind K = wordKind(Words, Start, I);
    if (K != SecretKind::None) {
      Found = I;
      if (K == SecretKind::Strong || Kind == SecretKind::None)
        Kind = K;
    }
  }
  if (Kind == SecretKind::None)
    return Kind;
  for (size_t I = Found + 1; I < Words.size(); ++I)
    if (Ignored.contains(Words[I]))
      return SecretKind::None;
  for (size_t I = Start; I < Found; ++I)
    if (isNegatingWord(Words[I]))
      return SecretKind::None;
  return Kind;
}

bool SecretNames::isSecretWord(llvm::StringRef Word) const {
  std::string Lower = Word.lower();
  llvm::StringRef One = singular(Lower, Secret);
  return Secret.contains(One) || isWeakWord(One) || One == "key" ||
         One == "token" || One == "creds";
}

SecretKind SecretNames::classifyKey(llvm::StringRef Text) const {
  if (Text.empty() || Text.size() > 64 || !llvm::isAlpha(Text.front()))
    return SecretKind::None;
  for (char C : Text)
    if (!llvm::isAlnum(C) && C != '_' && C != '-' && C != '.')
      return SecretKind::None;
  return classify(Text);
}

} // namespace clang::tidy::exitbar::utils
