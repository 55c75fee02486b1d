// RUN: %check_exitbar_tidy %s exitbar-hardcoded-secret %t -- -- -isystem %S/Inputs/exitbar-hardcoded-secret

#include <stdlib.h>
#include <string.h>

struct credentials {
  const char *user;
  const char *password;
  char api_key[64];
};

static const struct credentials defaults = {.user = "svc", .password = "CPass-9931"};
// CHECK-MESSAGES: :[[@LINE-1]]:72: warning: hard-coded secret in 'password'; load it from configuration, the environment or a secret store instead [exitbar-hardcoded-secret]

#define SECRET_TOKEN "c-token-1234abcd"
// CHECK-MESSAGES: :[[@LINE-1]]:9: warning: hard-coded secret in macro 'SECRET_TOKEN'

void configure(struct credentials *c) {
  strcpy(c->api_key, "ckey-5521abc");
  // CHECK-MESSAGES: :[[@LINE-1]]:22: warning: hard-coded secret copied into 'api_key'
  c->password = getenv("SVC_PASSWORD");
  c->user = "svc";
  putenv("DB_PASSWORD=pg-secret-77");
  // CHECK-MESSAGES: :[[@LINE-1]]:10: warning: hard-coded secret in 'DB_PASSWORD=' of a string literal
  putenv("DB_USER=app");
}
