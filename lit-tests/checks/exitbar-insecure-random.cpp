// RUN: %check_exitbar_tidy %s exitbar-insecure-random %t -- -- -isystem %S/Inputs/exitbar-insecure-random
// RUN: %check_exitbar_tidy -check-suffix=OPT %s exitbar-insecure-random %t -- \
// RUN:   -config="{CheckOptions: [{key: exitbar-insecure-random.ReportAllUses, value: false}, \
// RUN:                            {key: exitbar-insecure-random.ReportPredictableSeeds, value: false}, \
// RUN:                            {key: exitbar-insecure-random.SecretNames, value: 'pin code;token'}, \
// RUN:                            {key: exitbar-insecure-random.ByteSecretNames, value: ''}, \
// RUN:                            {key: exitbar-insecure-random.Engines, value: '::game::xorshift'}]}" \
// RUN:   -- -isystem %S/Inputs/exitbar-insecure-random -DOPTIONS

#include <algorithm>
#include <array>
#include <chrono>
#include <cstdlib>
#include <ctime>
#include <openssl/rand.h>
#include <random>
#include <sstream>
#include <stdio.h>
#include <string>
#include <sys/random.h>
#include <unistd.h>
#include <vector>

typedef unsigned char uint8_t;
typedef unsigned long uint64_t;

#ifndef OPTIONS

// Every call of the C library's generators, at low severity.
int rollDice() {
  return rand() % 6 + 1;
  // CHECK-MESSAGES: :[[@LINE-1]]:10: warning: 'rand' is not a cryptographically secure generator; where the value must be unpredictable use RAND_bytes, getrandom or arc4random instead [exitbar-insecure-random]
}

double jitter() {
  return drand48() * 0.1 + std::rand() * 0.0;
  // CHECK-MESSAGES: :[[@LINE-1]]:10: warning: 'drand48' is not a cryptographically secure generator
  // CHECK-MESSAGES: :[[@LINE-2]]:28: warning: 'rand' is not a cryptographically secure generator
}

// Predictable seeds.
void seeds() {
  srand(time(NULL));
  // CHECK-MESSAGES: :[[@LINE-1]]:9: warning: 'time' is a predictable seed for 'srand'; seed from std::random_device, and use RAND_bytes or getrandom for anything that must stay secret [exitbar-insecure-random]
  srandom(getpid() ^ time(0));
  // CHECK-MESSAGES: :[[@LINE-1]]:11: warning: 'getpid' is a predictable seed for 'srandom'
  std::mt19937 gen(std::time(nullptr));
  // CHECK-MESSAGES: :[[@LINE-1]]:20: warning: 'time' is a predictable seed for 'std::mt19937'
  std::default_random_engine engine(
      std::chrono::system_clock::now().time_since_epoch().count());
  // CHECK-MESSAGES: :[[@LINE-1]]:7: warning: 'now' is a predictable seed for 'std::default_random_engine'
  gen.seed(clock());
  // CHECK-MESSAGES: :[[@LINE-1]]:12: warning: 'clock' is a predictable seed for 'std::mt19937'
}

// Values that become secrets.
int oneTimeCode() {
  int otp = rand() % 1000000;
  // CHECK-MESSAGES: :[[@LINE-1]]:13: warning: 'otp' is derived from 'rand', which is not a cryptographically secure generator; use RAND_bytes, getrandom or std::random_device instead [exitbar-insecure-random]
  // CHECK-MESSAGES: :[[@LINE-2]]:7: note: the value becomes 'otp' here
  return otp;
}

void fillKey() {
  unsigned char key[16];
  for (int i = 0; i < 16; ++i)
    key[i] = rand() % 256;
  // CHECK-MESSAGES: :[[@LINE-1]]:14: warning: 'key' is derived from 'rand'
  // CHECK-MESSAGES: :[[@LINE-2]]:5: note: the value becomes 'key' here
}

static const char Hex[] = "0123456789abcdef";

std::string generateToken() {
  std::random_device rd;
  std::mt19937 gen(rd());
  std::uniform_int_distribution<int> dist(0, 15);
  std::string s;
  for (int i = 0; i < 32; ++i)
    s += Hex[dist(gen)];
  // CHECK-MESSAGES: :[[@LINE-1]]:14: warning: 'generateToken' is derived from 'std::mt19937', which is not a cryptographically secure generator
  return s;
  // CHECK-MESSAGES: :[[@LINE-1]]:3: note: the value becomes 'generateToken' here
}

// Through a helper function and a container.
static char randomChar() {
  return Hex[rand() % 16];
  // CHECK-MESSAGES: :[[@LINE-1]]:14: warning: 'makeSessionId' is derived from 'rand'
}

std::string makeSessionId() {
  std::string id;
  for (int i = 0; i < 16; ++i)
    id.push_back(randomChar());
  return id;
  // CHECK-MESSAGES: :[[@LINE-1]]:3: note: the value becomes 'makeSessionId' here
}

std::string newUuid() {
  std::random_device rd;
  std::mt19937_64 gen(rd());
  std::ostringstream out;
  out << std::hex << gen();
  // CHECK-MESSAGES: :[[@LINE-1]]:22: warning: 'newUuid' is derived from 'std::mt19937_64'
  return out.str();
}

// A member function of a class that makes secrets.
class SessionIdGenerator {
public:
  std::string next() {
    std::ostringstream out;
    out << std::hex << engine();
    // CHECK-MESSAGES: :[[@LINE-1]]:24: warning: 'SessionIdGenerator::next' is derived from 'std::mt19937_64'
    return out.str();
  }

private:
  std::mt19937_64 engine;
};

// A helper's value stored by a template that is never instantiated.
static std::string randomAlphanum(int size) {
  std::mt19937 rng(12345);
  std::uniform_int_distribution<int> dist(0, 15);
  std::string out;
  for (int i = 0; i < size; ++i)
    out.push_back(Hex[dist(rng)]);
  // CHECK-MESSAGES: :[[@LINE-1]]:23: warning: 'session_id' is derived from 'std::mt19937'
  return out;
}

template <class Store> struct SessionMiddleware {
  template <class Context> void afterHandle(Context &ctx) {
    ctx.node->session_id = randomAlphanum(24);
  }
};

struct Session {
  unsigned long nonce;
  std::string csrfToken;
  std::string user;
  Session() : csrfToken(std::to_string(lrand48())) {}
  // CHECK-MESSAGES: :[[@LINE-1]]:40: warning: 'csrfToken' is derived from 'lrand48'
};

void startSession(Session &s) {
  s.nonce = random();
  // CHECK-MESSAGES: :[[@LINE-1]]:13: warning: 'nonce' is derived from 'random'
}

void generateIv(uint8_t *out, int n) {
  for (int i = 0; i < n; ++i)
    out[i] = static_cast<uint8_t>(rand());
  // CHECK-MESSAGES: :[[@LINE-1]]:35: warning: 'generateIv' is derived from 'rand'
}

void keysFromAlgorithms(std::mt19937 &gen) {
  std::uniform_int_distribution<int> dist(0, 255);
  std::array<uint8_t, 32> aesKey;
  std::generate(aesKey.begin(), aesKey.end(), [&] { return dist(gen); });
  // CHECK-MESSAGES: :[[@LINE-1]]:60: warning: 'aesKey' is derived from 'std::mt19937'
  std::vector<uint8_t> secretKey(32);
  for (auto &b : secretKey)
    b = gen();
  // CHECK-MESSAGES: :[[@LINE-1]]:9: warning: 'secretKey' is derived from 'std::mt19937'
}

void setPassword(const std::string &password);
void storeCredentials() {
  setPassword(std::to_string(rand()));
  // CHECK-MESSAGES: :[[@LINE-1]]:30: warning: 'password' is derived from 'rand'
  char salt[17];
  snprintf(salt, sizeof salt, "%08x", rand());
  // CHECK-MESSAGES: :[[@LINE-1]]:39: warning: 'salt' is derived from 'rand'
}

#define RANDOM_BYTE() (rand() & 0xff)
void throughMacro(unsigned char *buf) {
  unsigned char iv[16];
  iv[0] = RANDOM_BYTE();
  // CHECK-MESSAGES: :[[@LINE-1]]:11: warning: 'iv' is derived from 'rand'
}

// Look-alikes that must stay silent.
namespace game {
int rand();
}

void secure(unsigned char *buf) {
  unsigned char key[32];
  RAND_bytes(key, sizeof key);
  getrandom(buf, 16, 0);
  unsigned char iv[16];
  arc4random_buf(iv, sizeof iv);
  int roll = game::rand();
  int x = rand(); // NOLINT(exitbar-insecure-random)
  int y = mock_system_rand();
  srand(42);               // reproducible on purpose
  std::mt19937 repeat(12345);
}

std::string tokenFromDevice() {
  std::random_device rd;
  std::uniform_int_distribution<int> dist(0, 15);
  std::string token;
  for (int i = 0; i < 32; ++i)
    token += Hex[dist(rd)];
  return token;
}

struct Player {
  int hp;
};

// A rate limiter's token bucket makes no tokens of the secret kind.
class TokenBucket {
public:
  double jitter() { return dist(engine); }

private:
  std::mt19937 engine;
  std::uniform_int_distribution<int> dist;
};

void notSecrets(std::vector<Player *> &players) {
  std::random_device rd;
  std::mt19937 gen(rd());
  std::mt19937_64 gen64(rd());
  std::uniform_int_distribution<int> dist(0, 9);
  int damage = dist(gen);
  // Zobrist hashing keys are 64-bit integers, not key material.
  uint64_t zobristKeys[64];
  for (int i = 0; i < 64; ++i)
    zobristKeys[i] = gen64();
  // How long a token is, or which player is picked, is no secret.
  int tokenLength = 8 + dist(gen);
  int secretNumber = dist(gen); // a guessing game
  Player *target = players[dist(gen)];
  std::vector<int> deck(52);
  std::shuffle(deck.begin(), deck.end(), gen);
  if (dist(gen) > 5)
    damage *= 2;
}

#else

// With the options: no low-severity reports, no seeds, other names, another
// engine.
namespace game {
class xorshift {
public:
  unsigned operator()();
};
} // namespace game

void options(game::xorshift &rng) {
  srand(time(NULL));
  int roll = rand() % 6;
  unsigned char key[16];
  key[0] = rand();
  std::mt19937 gen(std::time(nullptr));
  std::string token = std::to_string(gen());
  int pinCode = rng() % 10000;
  // CHECK-MESSAGES-OPT: :[[@LINE-1]]:17: warning: 'pinCode' is derived from 'game::xorshift'
  int token2 = rand();
  // CHECK-MESSAGES-OPT: :[[@LINE-1]]:16: warning: 'token2' is derived from 'rand'
}

#endif
