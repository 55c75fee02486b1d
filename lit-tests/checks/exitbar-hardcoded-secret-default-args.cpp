// RUN: %check_exitbar_tidy %s exitbar-hardcoded-secret %t

// Arguments the compiler fills in (default arguments) and aggregate members
// it value-initialises have no source location. They are neither keys nor
// values. Asking the SourceManager where they are written
// (isWrittenInScratchSpace) aborted clang-tidy in a plugin built without
// NDEBUG, losing every finding of the file.

int put(const char *key, const char *value = nullptr, int flags = 0);
int put_labelled(const char *key, const char *value,
                 const char *label = "default-label");

struct Option {
  const char *name;
  const char *value;
  const char *help;
};

struct Settings {
  Settings(const char *key, const char *value, int retries = 3,
           const char *zone = "eu-west-1");
};

// --- Flagged ----------------------------------------------------------------

void store() {
  put("password", "Tr0ub4dor-3xq");
  // CHECK-MESSAGES: :[[@LINE-1]]:19: warning: hard-coded secret stored under key 'password'
  put_labelled("api_key", "k3y-f00-b4r-1234");
  // CHECK-MESSAGES: :[[@LINE-1]]:27: warning: hard-coded secret stored under key 'api_key'
  Settings S("token", "Hx9-tr0ub4dor-7");
  // CHECK-MESSAGES: :[[@LINE-1]]:23: warning: hard-coded secret stored under key 'token'
}

Option Short{"password", "Tr0ub4dor-3xq"};
// CHECK-MESSAGES: :[[@LINE-1]]:26: warning: hard-coded secret stored under key 'password'

// --- Accepted ---------------------------------------------------------------

void defaults() {
  put("password");
  put("password", nullptr);
  Settings Only("token", nullptr);
}

Option KeyOnly{"password"};
Option Empty{};
