// A qualified name in weak_generators is a C++ function of the project;
// a plain name matches only C functions, not a C++ `ntp_random` overload.
// RUN: %check_exitbar_tidy %s exitbar-insecure-random %t -- \
// RUN:   -config="{CheckOptions: [{key: exitbar.TaintModels, value: '%S/Inputs/taint-models/weak-generators.json'}]}" \
// RUN:   -- -std=c++17 -isystem %S/Inputs/exitbar-insecure-random

#include <string>

namespace acme {
unsigned fast_rand();
}
namespace other {
unsigned fast_rand();
}
unsigned ntp_random(int lo, int hi);

std::string session_token() {
  std::string sessionToken;
  for (int i = 0; i < 16; ++i)
    sessionToken += static_cast<char>('a' + acme::fast_rand() % 26);
  // CHECK-MESSAGES: :[[@LINE-1]]:45: warning: 'sessionToken' is derived from 'fast_rand'
  return sessionToken;
}

std::string other_token() {
  std::string sessionToken;
  sessionToken += static_cast<char>('a' + other::fast_rand() % 26);
  sessionToken += static_cast<char>('a' + ntp_random(0, 25));
  return sessionToken;
}
