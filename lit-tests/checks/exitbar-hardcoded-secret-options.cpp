// RUN: %check_exitbar_tidy -check-suffix=A %s exitbar-hardcoded-secret %t -- \
// RUN:   -config="{CheckOptions: [{key: exitbar-hardcoded-secret.SecretWords, value: 'pin;passphrase'}, {key: exitbar-hardcoded-secret.IgnoredWords, value: 'backup'}, {key: exitbar-hardcoded-secret.Placeholders, value: 'dev-only'}, {key: exitbar-hardcoded-secret.CheckFormats, value: false}, {key: exitbar-hardcoded-secret.CheckComparisons, value: false}]}" \
// RUN:   -- -isystem %S/Inputs/exitbar-hardcoded-secret
// RUN: %check_exitbar_tidy -check-suffix=B %s exitbar-hardcoded-secret %t -- \
// RUN:   -config="{CheckOptions: [{key: exitbar-hardcoded-secret.DefaultCredentials, value: 'hunter22'}]}" \
// RUN:   -- -isystem %S/Inputs/exitbar-hardcoded-secret

#include <string.h>
#include <string>

const char *pin = "4711abcd";
// CHECK-MESSAGES-A: :[[@LINE-1]]:19: warning: hard-coded secret in 'pin'; load it from configuration, the environment or a secret store instead [exitbar-hardcoded-secret]
const char *password = "hunter2!";
// CHECK-MESSAGES-B: :[[@LINE-1]]:24: warning: hard-coded secret in 'password'
const char *passphrase_backup = "s3cret-phrase";
// CHECK-MESSAGES-B: :[[@LINE-1]]:33: warning: hard-coded secret in 'passphrase_backup'
const char *passphrase_length_text = "twelve12";
// CHECK-MESSAGES-A: :[[@LINE-1]]:38: warning: hard-coded secret in 'passphrase_length_text'
const char *passphrase = "dev-only-phrase";
// CHECK-MESSAGES-B: :[[@LINE-1]]:26: warning: hard-coded secret in 'passphrase'
const char *aws = "AKIAZ7Q2XKR4LMNOPQRS";
// CHECK-MESSAGES-B: :[[@LINE-1]]:19: warning: string literal holds a hard-coded AWS access key id

bool compare(const char *input_passphrase, const std::string &user_password) {
  if (strcmp(input_passphrase, "Backd00r!") == 0)
    // CHECK-MESSAGES-B: :[[@LINE-1]]:32: warning: 'input_passphrase' is compared with a hard-coded secret
    return true;
  if (user_password == "hunter22")
    return true;
  return user_password == "admin";
  // CHECK-MESSAGES-B: :[[@LINE-1]]:27: warning: 'user_password' is compared with a hard-coded secret
}
