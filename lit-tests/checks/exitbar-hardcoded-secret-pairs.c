// RUN: %check_exitbar_tidy %s exitbar-hardcoded-secret %t -- -- -isystem %S/Inputs/exitbar-hardcoded-secret

// Key-value pairs: a secret's name followed by a literal value.

struct pair {
  const char *name;
  const char *value;
};

int add_network(const char *ssid, const char *secret_or_label, const char *label);
int put(const char *key, const char *value);

// --- Flagged ----------------------------------------------------------------

static const struct pair settings[] = {
    {"db_password", "Pg-2024-s3rv"},
    // CHECK-MESSAGES: :[[@LINE-1]]:21: warning: hard-coded secret stored under key 'db_password'
};

void store(void) {
  put("API_KEY", "k3y-f00-b4r-1234");
  // CHECK-MESSAGES: :[[@LINE-1]]:18: warning: hard-coded secret stored under key 'API_KEY'
}

// Pairs laid out flat in one array: each key is followed by its value.
static const char *const flat_settings[] = {
    "user",     "svc-backup",
    "password", "Hx9-tr0ub4dor",
    // CHECK-MESSAGES: :[[@LINE-1]]:17: warning: hard-coded secret stored under key 'password'
    "api_key",  "AKIAQ3EGT5XMPLE7W2ZL",
    // CHECK-MESSAGES: :[[@LINE-1]]:17: warning: hard-coded secret stored under key 'api_key'
};

// --- Accepted ---------------------------------------------------------------

// A table from one name to another: cipher-suite names mention PSK.
static const struct pair ciphers[] = {
    {"PSK-AES128-CBC-SHA", "TLS-PSK-WITH-AES-128-CBC-SHA"},
    {"PSK-3DES-EDE-CBC-SHA", "TLS-PSK-WITH-3DES-EDE-CBC-SHA"},
};

// Word lists: names of secrets one after the other are a vocabulary (a
// checker's list of storage words, a lookup table), not keys and values.
static const char *const storage_words[] = {
    "conf", "config", "netrc", "passwd", "htpasswd", "shadow",
    "credential", "credentials", "keyring", "wallet", "secret", "secrets"};
int is_one_of(const char *word, const char *a, const char *b, const char *c);
int reads_password(const char *name) {
  return is_one_of(name, "getpass", "readpassphrase", "getpassphrase");
}

// A placeholder password passed before the next argument is no key.
#define AP_PASSWORD "YOUR_PASSWORD"
#define NETWORK_LABEL "my_wifi"
void join(void) {
  add_network("office", AP_PASSWORD, NETWORK_LABEL);
}
