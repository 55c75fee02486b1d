// SecretNames.h - decides whether an identifier or key names a secret
// SPDX-License-Identifier: Apache-2.0

#ifndef EXITBAR_CHECKS_UTILS_SECRETNAMES_H
#define EXITBAR_CHECKS_UTILS_SECRETNAMES_H

#include "utils/IdentifierWords.h"
#include "llvm/ADT/StringRef.h"
#include "llvm/ADT/StringSet.h"
#include <string>
#include <vector>

namespace clang::tidy::exitbar::utils {

/// How surely a name says that its value is a secret. Weak names (`token`,
/// `pass`, `pwd`) also name parser tokens, loop passes and directories, so
/// checks ask more of their values than of Strong names (`password`,
/// `api_key`, `access_token`).
enum class SecretKind { None, Weak, Strong };

/// Well-known default user names and passwords (vendor defaults, the most
/// common leaked passwords). exitbar-default-credentials reports comparisons
/// with them; exitbar-hardcoded-secret leaves those comparisons to it.
constexpr llvm::StringLiteral DefaultCredentialValues =
    "admin;administrator;root;toor;guest;user;password;passwd;pass;passw0rd;"
    "p@ssw0rd;password1;password123;123456;1234567;12345678;123456789;12345;"
    "1234;0000;1111;changeme;changeit;default;test;test123;demo;letmein;"
    "qwerty;secret;welcome;abc123;master;manager;operator;support;system;"
    "sysadmin;superuser;ubnt;raspberry;cisco;tomcat;vagrant;postgres;oracle";

/// Classifies identifiers, map keys and environment-variable names by
/// whether they denote a secret.
///
/// A name is a secret when one of its words is a secret word (`password`,
/// `secret`, a run-together `dbpassword`), a qualified `key` (`api_key`,
/// `private_key`, `secret_key`) or `token` (`access_token`; a bare or
/// otherwise qualified `token` is Weak), and no word after it says the name
/// is about the secret rather than the secret itself (`password_length`,
/// `token_count`, `secret_prompt`, `api_key_env`), and no word before it
/// makes it a question or a measure (`is_password_set`, `max_token_age`).
/// Example: SecretNames N(SecretNames::DefaultSecretWords,
///                        SecretNames::DefaultIgnoredWords);
///          N.classify("m_dbPassword") == SecretKind::Strong
class SecretNames {
public:
  static constexpr llvm::StringLiteral DefaultSecretWords =
      "password;passwd;passphrase;passcode;pswd;secret;credential;apikey;"
      "apitoken;privatekey;privkey;secretkey;accesstoken;authtoken;"
      "refreshtoken;bearertoken;clientsecret;userpwd;psk";
  static constexpr llvm::StringLiteral DefaultIgnoredWords =
      "len;length;size;sz;count;cnt;num;max;min;limit;field;fields;name;"
      "names;prompt;label;file;filename;path;dir;directory;folder;env;var;"
      "variable;header;url;uri;endpoint;host;port;policy;hint;msg;message;"
      "error;err;text;title;help;desc;description;format;fmt;type;kind;mode;"
      "flag;flags;enabled;required;valid;ok;set;changed;expired;expiry;"
      "expires;expiration;age;ttl;timeout;time;timestamp;date;version;index;"
      "idx;pos;offset;id;ids;hash;hashed;digest;salt;key;param;parameter;arg;"
      "option;opt;column;col;attr;attribute;property;prop;tag;widget;input;"
      "entry;edit;box;button;btn;dialog;dlg;view;ui;callback;cb;handler;fn;"
      "func;function;strength;score;rule;rules;regex;pattern;manager;mgr;"
      "provider;store;storage;service;event;counter;attempts;retries;tries;"
      "config;cfg;conf;settings;spec;schema;validator;checker;generator;"
      "status;state;encoding;placeholder;mask;masked;redacted;bits;algorithm;"
      "algo;alg;method;scheme;source;location;lifetime;duration;interval;"
      "request;reset;changer;char;chars;stdin;fd;test;tests;suite;script;"
      "command;cmd;program;verify";

  SecretNames(llvm::StringRef SecretWords, llvm::StringRef IgnoredWords);

  /// Whether the identifier \p Name denotes a secret.
  /// Example: classify("password_length") == SecretKind::None
  SecretKind classify(llvm::StringRef Name) const;

  /// Whether the text of a string literal used as a map key, header or
  /// environment-variable name denotes a secret; text that does not look
  /// like a name (spaces, leading digit, too long) never does.
  /// Example: classifyKey("X-Api-Key") == SecretKind::Strong,
  ///          classifyKey("Enter password:") == SecretKind::None
  SecretKind classifyKey(llvm::StringRef Text) const;

  /// Whether \p Word alone (any case, singular or plural) is a secret word:
  /// `password`, `Secret`, `token`, `apikey`; not a run-together
  /// `mypassword`.
  bool isSecretWord(llvm::StringRef Word) const;

  /// The ';'-separated option values this instance was built from.
  std::string secretWords() const;
  std::string ignoredWords() const;

private:
  SecretKind wordKind(const std::vector<std::string> &Words, size_t Start,
                      size_t I) const;

  std::vector<std::string> SecretList;
  std::vector<std::string> IgnoredList;
  llvm::StringSet<> Secret;
  llvm::StringSet<> Ignored;
};

} // namespace clang::tidy::exitbar::utils

#endif // EXITBAR_CHECKS_UTILS_SECRETNAMES_H
