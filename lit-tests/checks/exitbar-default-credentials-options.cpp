// RUN: %check_exitbar_tidy %s exitbar-default-credentials %t -- \
// RUN:   -config="{CheckOptions: [{key: exitbar-default-credentials.Defaults, value: 'letmein2;superuser'}, {key: exitbar-default-credentials.UserWords, value: 'member'}, {key: exitbar-default-credentials.SecretWords, value: 'pin'}, {key: exitbar-default-credentials.IgnoredWords, value: 'hint'}]}" \
// RUN:   -- -isystem %S/Inputs/exitbar-default-credentials

#include <string>

bool configured(const std::string &member, const std::string &pin) {
  return member == "superuser" && pin == "letmein2";
  // CHECK-MESSAGES: :[[@LINE-1]]:20: warning: hard-coded default credential 'superuser' compared with user name 'member'; require a configured, non-default credential instead [exitbar-default-credentials]
  // CHECK-MESSAGES: :[[@LINE-2]]:42: warning: hard-coded default credential 'letmein2' compared with password 'pin'
}

bool notConfigured(const std::string &user, const std::string &pin_hint,
                   const std::string &password) {
  // `user` is no longer a user word, `pin_hint` is ignored, `password` is
  // no longer a secret word and 'admin' no longer a default.
  return user == "superuser" && pin_hint == "letmein2" && password == "admin";
}
