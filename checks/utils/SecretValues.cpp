// SecretValues.cpp - what a string looks like
// SPDX-License-Identifier: Apache-2.0

#include "utils/SecretValues.h"
#include "utils/Compat.h"
#include "utils/IdentifierWords.h"
#include "llvm/ADT/STLExtras.h"
#include "llvm/ADT/SmallVector.h"
#include "llvm/ADT/StringExtras.h"
#include "llvm/ADT/StringSet.h"
#include <string>

namespace clang::tidy::exitbar::utils {
namespace {

/// Counts the character classes (lower, upper, digit, other) in \p Value.
unsigned characterClasses(StringRef Value) {
  bool Lower = false, Upper = false, Digit = false, Other = false;
  for (char C : Value) {
    Lower |= compat::isLower(C);
    Upper |= compat::isUpper(C);
    Digit |= llvm::isDigit(C);
    Other |= !llvm::isAlnum(C);
  }
  return Lower + Upper + Digit + Other;
}

bool isTokenChar(char C) { return llvm::isAlnum(C) || C == '_' || C == '-'; }

/// Length of the run of characters in \p Set starting at \p From.
size_t runOf(StringRef Text, size_t From, llvm::function_ref<bool(char)> Set) {
  size_t End = From;
  while (End < Text.size() && Set(Text[End]))
    ++End;
  return End - From;
}

bool isUpperOrDigit(char C) { return compat::isUpper(C) || llvm::isDigit(C); }
bool isBase64(char C) {
  return llvm::isAlnum(C) || C == '+' || C == '/' || C == '=';
}

} // namespace

bool isSpace(char C) { return C == ' ' || C == '\t' || C == '\n' || C == '\r'; }

/// True when \p Value contains a printf or std::format conversion: a
/// template to be filled in, not a value.
bool hasFormatConversion(StringRef Value) {
  for (size_t I = 0; I + 1 < Value.size(); ++I) {
    if (Value[I] == '%') {
      size_t J = I + 1;
      while (J < Value.size() &&
             StringRef("-+ #0123456789.*lhzjt").contains(Value[J]))
        ++J;
      if (J < Value.size() && StringRef("sdiuxXcpfgeS").contains(Value[J]))
        return true;
    }
    if (Value[I] == '{' && (Value[I + 1] == '}' ||
                            llvm::isDigit(Value[I + 1]) || Value[I + 1] == ':'))
      return true;
  }
  return false;
}

/// `EVP_DigestSignInit`, `SSL_CTX_new`: letters joined by underscores
/// into three or more words, no digits; how C APIs name their functions,
/// not how secrets look (those have digits or are one run of characters).
bool looksLikeCodeName(StringRef Value) {
  if (Value.empty() || !llvm::isAlpha(Value.front()) || !Value.contains('_') ||
      !llvm::all_of(Value, [](char C) { return llvm::isAlpha(C) || C == '_'; }))
    return false;
  return utils::splitNameWords(Value).size() >= 3;
}

/// `password;passwd;secret`, `token,apikey,bearer`: three or more words of
/// letters joined by one separator, a vocabulary (a check's word list, a
/// set of field names), not a secret (those have digits or symbols).
bool looksLikeWordList(StringRef Value) {
  for (char Separator : {';', ','}) {
    llvm::SmallVector<StringRef, 8> Items;
    Value.split(Items, Separator);
    if (Items.size() >= 3 && llvm::all_of(Items, [](StringRef Item) {
          return Item.size() >= 2 && llvm::all_of(Item, llvm::isAlpha);
        }))
      return true;
  }
  return false;
}

/// True for file-system paths and file names, which name where a secret is
/// kept rather than being one.
bool looksLikePath(StringRef Value) {
  if (compat::startsWith(Value, "/") || compat::startsWith(Value, "./") ||
      compat::startsWith(Value, "../") || compat::startsWith(Value, "~/") ||
      compat::startsWith(Value, "\\\\") ||
      (Value.size() > 2 && llvm::isAlpha(Value[0]) && Value[1] == ':' &&
       (Value[2] == '\\' || Value[2] == '/')))
    return true;
  size_t Dot = Value.rfind('.');
  if (Dot == StringRef::npos)
    return false;
  std::string LowerExt = Value.substr(Dot + 1).lower();
  static const llvm::StringSet<> Extensions = {
      "pem",        "key",  "crt",  "cer",    "der", "p12",  "pfx", "jks",
      "txt",        "json", "conf", "cfg",    "ini", "yaml", "yml", "env",
      "properties", "xml",  "db",   "sqlite", "gpg", "asc",  "pub", "kdbx"};
  return Extensions.contains(LowerExt);
}

/// True when every character of \p Value is one of \p Chars.
bool onlyChars(StringRef Value, StringRef Chars) {
  return llvm::all_of(Value, [&](char C) { return Chars.contains(C); });
}

/// True for values that look machine-generated: long hex strings, or mixes
/// of upper case, lower case and digits. `token = "mqttv311"` in a parser
/// and `pass = "inline"` in a compiler are not.
bool looksGenerated(StringRef Value) {
  if (!llvm::all_of(Value, [](char C) {
        return llvm::isAlnum(C) || StringRef("+/=_.~-").contains(C);
      }))
    return false;
  if (Value.size() >= 16 && llvm::all_of(Value, llvm::isHexDigit))
    return true;
  bool Lower = llvm::any_of(Value, compat::isLower);
  bool Upper = llvm::any_of(Value, compat::isUpper);
  bool Digit = llvm::any_of(Value, llvm::isDigit);
  return Value.size() >= 12 && Lower && Upper && Digit;
}

/// The kind of well-known credential format \p Text contains, or "".
StringRef credentialFormat(StringRef Text) {
  // PEM private keys: the header followed by a body, so a literal that only
  // names the header (a parser looking for it) is not one.
  size_t Begin = Text.find("-----BEGIN ");
  if (Begin != StringRef::npos) {
    size_t Header = Text.find("PRIVATE KEY", Begin);
    size_t HeaderEnd = Header == StringRef::npos ? StringRef::npos
                                                 : Text.find("-----", Header);
    if (HeaderEnd != StringRef::npos) {
      size_t Body = 0;
      for (char C : Text.substr(HeaderEnd + 5))
        Body += isBase64(C);
      if (Body >= 40)
        return "private key";
    }
  }
  for (size_t I = 0; I < Text.size(); ++I) {
    // Patterns start at a token boundary.
    if (I > 0 && isTokenChar(Text[I - 1]))
      continue;
    StringRef Rest = Text.substr(I);
    // AWS access key ids: a four-letter type prefix and 16 more characters.
    for (StringRef Prefix : {"AKIA", "ASIA", "AGPA", "AIDA", "AROA", "AIPA",
                             "ANPA", "ANVA", "APKA", "ABIA", "ACCA"})
      if (compat::startsWith(Rest, Prefix) &&
          runOf(Rest, 4, isUpperOrDigit) == 16 &&
          (Rest.size() == 20 || !isTokenChar(Rest[20])))
        return "AWS access key id";
    for (StringRef Prefix : {"ghp_", "gho_", "ghu_", "ghs_", "ghr_"})
      if (compat::startsWith(Rest, Prefix) &&
          runOf(Rest, 4, [](char C) { return llvm::isAlnum(C); }) >= 36)
        return "GitHub token";
    if (compat::startsWith(Rest, "github_pat_") &&
        runOf(Rest, 11, [](char C) { return llvm::isAlnum(C) || C == '_'; }) >=
            50)
      return "GitHub token";
    if (compat::startsWith(Rest, "xox") && Rest.size() > 4 &&
        StringRef("baprse").contains(Rest[3]) && Rest[4] == '-' &&
        runOf(Rest, 5, isTokenChar) >= 10 &&
        characterClasses(Rest.substr(5, runOf(Rest, 5, isTokenChar))) >= 2)
      return "Slack token";
    if (compat::startsWith(Rest, "https://hooks.slack.com/services/T") &&
        runOf(Rest, 33, [](char C) { return isTokenChar(C) || C == '/'; }) >=
            40)
      return "Slack webhook URL";
    if (compat::startsWith(Rest, "AIza") && runOf(Rest, 4, isTokenChar) == 35)
      return "Google API key";
    if ((compat::startsWith(Rest, "sk-proj-") ||
         compat::startsWith(Rest, "sk-ant-")) &&
        runOf(Rest, compat::startsWith(Rest, "sk-proj-") ? 8 : 7,
              isTokenChar) >= 32)
      return "OpenAI or Anthropic API key";
    if ((compat::startsWith(Rest, "sk_live_") ||
         compat::startsWith(Rest, "rk_live_")) &&
        runOf(Rest, 8, [](char C) { return llvm::isAlnum(C); }) >= 20)
      return "Stripe secret key";
    if (compat::startsWith(Rest, "eyJ")) {
      size_t Header = runOf(Rest, 0, isTokenChar);
      if (Header >= 10 && Header < Rest.size() && Rest[Header] == '.' &&
          compat::startsWith(Rest.substr(Header + 1), "eyJ")) {
        size_t Payload = runOf(Rest, Header + 1, isTokenChar);
        if (Payload >= 10)
          return "JSON web token";
      }
    }
  }
  return "";
}

/// The password in `scheme://user:password@host`, or "". Templates such
/// as `mqtt(s)://[username[:password]@]host` have none.
StringRef urlPassword(StringRef Text) {
  size_t Scheme = Text.find("://");
  if (Scheme == StringRef::npos || Scheme == 0)
    return "";
  size_t SchemeStart = Scheme;
  while (SchemeStart > 0 && (llvm::isAlnum(Text[SchemeStart - 1]) ||
                             StringRef("+.-").contains(Text[SchemeStart - 1])))
    --SchemeStart;
  if (SchemeStart == Scheme || !llvm::isAlpha(Text[SchemeStart]) ||
      (SchemeStart > 0 && !isSpace(Text[SchemeStart - 1]) &&
       !StringRef("\"'=(<").contains(Text[SchemeStart - 1])))
    return "";
  StringRef Authority = Text.substr(Scheme + 3);
  Authority = Authority.take_until(
      [](char C) { return C == '/' || C == '?' || C == '#' || isSpace(C); });
  size_t At = Authority.rfind('@');
  if (At == StringRef::npos)
    return "";
  StringRef UserInfo = Authority.take_front(At);
  size_t Colon = UserInfo.find(':');
  if (Colon == StringRef::npos)
    return "";
  // RFC 3986 userinfo characters only.
  if (!llvm::all_of(UserInfo, [](char C) {
        return llvm::isAlnum(C) || StringRef("-._~!$&'()*+,;=:%").contains(C);
      }))
    return "";
  return UserInfo.substr(Colon + 1);
}

/// `password=...`, `PWD=...;` or `token=...` items in connection strings,
/// command lines and query strings: (key, value) pairs.
std::vector<std::pair<StringRef, StringRef>> keyValueItems(StringRef Text) {
  std::vector<std::pair<StringRef, StringRef>> Items;
  for (size_t Eq = Text.find('='); Eq != StringRef::npos;
       Eq = Text.find('=', Eq + 1)) {
    size_t KeyStart = Eq;
    while (KeyStart > 0 &&
           (llvm::isAlnum(Text[KeyStart - 1]) || Text[KeyStart - 1] == '_' ||
            Text[KeyStart - 1] == '-'))
      --KeyStart;
    StringRef Key = Text.slice(KeyStart, Eq).ltrim('-');
    if (Key.empty())
      continue;
    // The key must start the text or follow a separator.
    if (KeyStart > 0 && !StringRef(" \t;&?,\n").contains(Text[KeyStart - 1]))
      continue;
    size_t ValueStart = Eq + 1;
    size_t ValueEnd = ValueStart;
    while (ValueEnd < Text.size() &&
           !StringRef(" \t;&,\n'\"").contains(Text[ValueEnd]))
      ++ValueEnd;
    Items.emplace_back(Key, Text.slice(ValueStart, ValueEnd));
  }
  return Items;
}

} // namespace clang::tidy::exitbar::utils
