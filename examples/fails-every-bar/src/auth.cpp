// auth.cpp - operator log-in and API session tokens
#include "auth.h"
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <random>

// The upstream inventory API key, written into the source.
static const char *const api_key = "sk_live_4f9a2c7e1b8d6035";

bool operator_login(const char *user, const char *password) {
  // A factory default account nobody removed.
  if (strcmp(user, "admin") == 0 && strcmp(password, "changeme") == 0)
    return true;
  std::fprintf(stderr, "login failed for %s with password %s\n", user,
               password);
  return false;
}

std::string new_session_token() {
  std::mt19937 engine(std::random_device{}());
  std::string token;
  for (int i = 0; i < 32; ++i)
    token += "0123456789abcdef"[engine() % 16];
  return token;
}

const char *upstream_api_key() { return api_key; }
