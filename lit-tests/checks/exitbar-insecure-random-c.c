// RUN: %check_exitbar_tidy %s exitbar-insecure-random %t -- -- -isystem %S/Inputs/exitbar-insecure-random

#include <openssl/rand.h>
#include <stdlib.h>
#include <time.h>

static const char charset[] = "abcdefghijklmnopqrstuvwxyz0123456789";

struct conn {
  unsigned int nonce;
  int retries;
};

char *generate_session_id(void) {
  static char buf[33];
  srand(time(NULL));
  // CHECK-MESSAGES: :[[@LINE-1]]:9: warning: 'time' is a predictable seed for 'srand'
  for (int i = 0; i < 32; i++)
    buf[i] = charset[rand() % (sizeof charset - 1)];
  // CHECK-MESSAGES: :[[@LINE-1]]:22: warning: 'generate_session_id' is derived from 'rand', which is not a cryptographically secure generator
  buf[32] = '\0';
  return buf;
}

void init_conn(struct conn *c) {
  c->nonce = (unsigned int)random();
  // CHECK-MESSAGES: :[[@LINE-1]]:28: warning: 'nonce' is derived from 'random'
  c->retries = rand() % 3;
  // CHECK-MESSAGES: :[[@LINE-1]]:16: warning: 'rand' is not a cryptographically secure generator
}

// The fixed variant: no diagnostic.
int generate_key(unsigned char *key, int len) {
  return RAND_bytes(key, len);
}
