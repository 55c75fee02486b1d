// RUN: %check_exitbar_tidy %s exitbar-hardcoded-secret %t -- -- -isystem %S/Inputs/exitbar-hardcoded-secret

#include <curl.h>
#include <mysql.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <set>
#include <string>
#include <vector>

// Secret-named variables, fields and parameters initialised with literals.
const char *password = "hunter2!";
// CHECK-MESSAGES: :[[@LINE-1]]:24: warning: hard-coded secret in 'password'; load it from configuration, the environment or a secret store instead [exitbar-hardcoded-secret]
static const char kApiKey[] = "a1b2c3d4e5";
// CHECK-MESSAGES: :[[@LINE-1]]:31: warning: hard-coded secret in 'kApiKey'
std::string db_password("S3cr3tPass");
// CHECK-MESSAGES: :[[@LINE-1]]:25: warning: hard-coded secret in 'db_password'
char client_secret[] = "topsecret1";
// CHECK-MESSAGES: :[[@LINE-1]]:24: warning: hard-coded secret in 'client_secret'
const char *mysqlpasswd = "run-together";
// CHECK-MESSAGES: :[[@LINE-1]]:27: warning: hard-coded secret in 'mysqlpasswd'
const char *session_token = "plainwords";
// CHECK-MESSAGES: :[[@LINE-1]]:29: warning: hard-coded secret in 'session_token'
const char *refresh_token_hex = "9f8e7d6c5b4a39281706f5e4";
// CHECK-MESSAGES: :[[@LINE-1]]:33: warning: hard-coded secret in 'refresh_token_hex'
// A bare `token` is weak: only a random-looking value counts.
const char *token = "Tk9f8E7d6C5b";
// CHECK-MESSAGES: :[[@LINE-1]]:21: warning: hard-coded secret in 'token'
std::string admin_pw = std::string("aDm1nPw12xYz") ;
// CHECK-MESSAGES: :[[@LINE-1]]:36: warning: hard-coded secret in 'admin_pw'

struct Config {
  std::string password = "defaultPw1";
  // CHECK-MESSAGES: :[[@LINE-1]]:26: warning: hard-coded secret in 'password'
  char passwd[32];
  char secret[32];
  const char *user;
};

class Client {
public:
  Client() : api_key_("k3y-v4lue-123") {}
  // CHECK-MESSAGES: :[[@LINE-1]]:23: warning: hard-coded secret in 'api_key_'
  void setApiKey(const char *value);
  void setName(const char *value);

private:
  std::string api_key_;
};

int connect_db(const char *host, const char *user, const char *password);
void login(const char *user, const char *password = "defPass1");
// CHECK-MESSAGES: :[[@LINE-1]]:53: warning: hard-coded secret as the default of 'password'

const char *getDbPassword() { return "retPass1"; }
// CHECK-MESSAGES: :[[@LINE-1]]:38: warning: hard-coded secret returned by 'getDbPassword'

struct Creds {
  const char *user;
  const char *password;
};
struct KeyValue {
  const char *key;
  const char *value;
};
Creds creds = {"alice", "aggrPass1"};
// CHECK-MESSAGES: :[[@LINE-1]]:25: warning: hard-coded secret in 'password'
KeyValue table[] = {{"host", "db"}, {"api_key", "tableKey123"}};
// CHECK-MESSAGES: :[[@LINE-1]]:49: warning: hard-coded secret stored under key 'api_key'

void assigned(Config &cfg, Client &client, std::map<std::string, std::string> &m,
              CURL *curl, MYSQL *db, std::string &password) {
  cfg.password = "n3wPass";
  // CHECK-MESSAGES: :[[@LINE-1]]:18: warning: hard-coded secret assigned to 'password'
  strcpy(cfg.passwd, "r00tpass");
  // CHECK-MESSAGES: :[[@LINE-1]]:22: warning: hard-coded secret copied into 'passwd'
  memcpy(cfg.secret, "abcd1234", 8);
  // CHECK-MESSAGES: :[[@LINE-1]]:22: warning: hard-coded secret copied into 'secret'
  password.assign("Assigned1");
  // CHECK-MESSAGES: :[[@LINE-1]]:19: warning: hard-coded secret assigned to 'password'
  connect_db("localhost", "admin", "dbPass99");
  // CHECK-MESSAGES: :[[@LINE-1]]:36: warning: hard-coded secret passed as parameter 'password'
  mysql_real_connect(db, "localhost", "root", "myPass77", "app", 0, 0, 0);
  // CHECK-MESSAGES: :[[@LINE-1]]:47: warning: hard-coded secret passed as parameter 'passwd'
  client.setApiKey("abcdef123456");
  // CHECK-MESSAGES: :[[@LINE-1]]:20: warning: hard-coded secret passed to 'setApiKey'
  m["password"] = "mapPass1";
  // CHECK-MESSAGES: :[[@LINE-1]]:19: warning: hard-coded secret stored under key 'password'
  m.emplace("api_key", "emplaced123");
  // CHECK-MESSAGES: :[[@LINE-1]]:24: warning: hard-coded secret stored under key 'api_key'
  setenv("DB_PASSWORD", "envPass1", 1);
  // CHECK-MESSAGES: :[[@LINE-1]]:25: warning: hard-coded secret stored under key 'DB_PASSWORD'
  curl_easy_setopt(curl, CURLOPT_PASSWORD, "curlPass1");
  // CHECK-MESSAGES: :[[@LINE-1]]:44: warning: hard-coded secret stored under key 'CURLOPT_PASSWORD'
  const char *env = getenv("APP_SECRET");
  password = env ? env : "fallback1";
  // CHECK-MESSAGES: :[[@LINE-1]]:26: warning: hard-coded secret assigned to 'password'
}

// Comparisons with a hard-coded password: a backdoor.
bool backdoor(const char *password_in, const std::string &input_password,
              const std::string &passphrase) {
  if (strcmp(password_in, "Backd00r!") == 0)
    // CHECK-MESSAGES: :[[@LINE-1]]:27: warning: 'password_in' is compared with a hard-coded secret; compare it with a hash loaded from configuration or a secret store instead [exitbar-hardcoded-secret]
    return true;
  if (input_password == "Backd00r2")
    // CHECK-MESSAGES: :[[@LINE-1]]:25: warning: 'input_password' is compared with a hard-coded secret
    return true;
  return passphrase.compare("Backd00r3") == 0;
  // CHECK-MESSAGES: :[[@LINE-1]]:29: warning: 'passphrase' is compared with a hard-coded secret
}

// Macros: a literal from a macro is reported where the macro is used; a
// secret-named macro also where it is stored under a neutral name, and at
// its definition when it is never used.
#define DB_PASSWORD "macroPass1"
#define DEFAULT_VALUE "v4lu3abc"
#define ADMIN_PASSWORD "mypassword"
bool checkAdmin(const char *password) {
  return strcmp(password, ADMIN_PASSWORD) == 0;
  // CHECK-MESSAGES: :[[@LINE-1]]:27: warning: 'password' is compared with a hard-coded secret
}
#define AWS_ID "AKIAZ7Q2XKR4LMNOPQRS"
// CHECK-MESSAGES: :[[@LINE-1]]:9: warning: macro 'AWS_ID' holds a hard-coded AWS access key id
#define UNUSED_API_KEY "unusedKey42"
// CHECK-MESSAGES: :[[@LINE-1]]:9: warning: hard-coded secret in macro 'UNUSED_API_KEY'
void macros(std::string &password) {
  const char *p = DB_PASSWORD;
  // CHECK-MESSAGES: :[[@LINE-1]]:19: warning: hard-coded secret in macro 'DB_PASSWORD'
  password = DB_PASSWORD;
  // CHECK-MESSAGES: :[[@LINE-1]]:14: warning: hard-coded secret assigned to 'password'
  password = DEFAULT_VALUE;
  // CHECK-MESSAGES: :[[@LINE-1]]:14: warning: hard-coded secret assigned to 'password'
  (void)p;
}

// Well-known credential formats, whatever the name.
const char *aws = "AKIAZ7Q2XKR4LMNOPQRS";
// CHECK-MESSAGES: :[[@LINE-1]]:19: warning: string literal holds a hard-coded AWS access key id; load it from configuration, the environment or a secret store instead [exitbar-hardcoded-secret]
const char *gh = "ghp_aB3dE6gH9jK2mN5pQ8sT1vW4yZ7bC0eF3hJ6";
// CHECK-MESSAGES: :[[@LINE-1]]:18: warning: string literal holds a hard-coded GitHub token
const char *slack = "xoxb-2048-1234567890-AbCdEfGhIjKlMnOp";
// CHECK-MESSAGES: :[[@LINE-1]]:21: warning: string literal holds a hard-coded Slack token
const char *google = "AIzaSyA1b2C3d4E5f6G7h8I9j0K1l2M3n4O5p6Q";
// CHECK-MESSAGES: :[[@LINE-1]]:22: warning: string literal holds a hard-coded Google API key
const char *jwt = "eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiIxMjM0NTY3ODkwIn0.dozjgNryP4J3jVmNHl0w5N_XgL0n3I9PlFUP0THsR8U";
// CHECK-MESSAGES: :[[@LINE-1]]:19: warning: string literal holds a hard-coded JSON web token
const char *llm = "sk-proj-Ab3dEf6hIj9kLm2nOp5qRs8tUv1wXy4zAb7c";
// CHECK-MESSAGES: :[[@LINE-1]]:19: warning: string literal holds a hard-coded OpenAI or Anthropic API key
const char *pem = "-----BEGIN RSA PRIVATE KEY-----\n"
                  "MIIEowIBAAKCAQEAu1SU1LfVLPHCozMxH2Mo4lgOEePzNm0tRgeLezV6ffAt0gun\n"
                  "-----END RSA PRIVATE KEY-----\n";
// CHECK-MESSAGES: :[[@LINE-3]]:19: warning: string literal holds a hard-coded private key
const char *dsn = "postgres://app:Sup3rS3cret@db.internal/app";
// CHECK-MESSAGES: :[[@LINE-1]]:19: warning: string literal holds a hard-coded password in a URL
const char *conninfo = "host=db user=app password=Pg_pass_2024";
// CHECK-MESSAGES: :[[@LINE-1]]:24: warning: hard-coded secret in 'password=' of a string literal

// Look-alikes that must stay silent.
const char *empty_password = "";
const char *auth_token_a = "<your-token>";
const char *api_token = "${API_TOKEN}";
const char *secret_b = "xxxxxxxx";
const char *secret_c = "***";
const char *password_d = "changeme";
const char *api_key_e = "YOUR_API_KEY_HERE";
const char *password_prompt = "Enter password: ";
const char *secret_prompt = "Secret:";
const char *kPasswordField = "password";
const char *kPassword = "password";
const char *password_file = "/etc/app/password.txt";
const char *private_key_path = "client.key";
const char *api_key_env = "API_KEY";
const char *token_url = "https://auth.example.org/token";
const char *passwordless = "enabled1";
const char *secretary = "Jane123a";
const char *public_key = "MIIBIjANBgkqh";
int password_length = 8;
const char *user = "alice";
const char *pem_marker = "-----BEGIN RSA PRIVATE KEY-----";
const char *aws_docs = "AKIAIOSFODNN7EXAMPLE";
const char *dsn_template = "postgres://app:%s@db.internal/app";
const char *conn_template = "host=db user=app password=%s";
const char *usage = "  mqtt(s)://[username[:password]@]host[:port]/topic\n";
const char *next_token = "mqttv311";
const char *pass_name = "inline";
bool parseKeyword(const char *token) { return strcmp(token, "mqttv311") == 0; }
const char *noqa_password = "n0lintPass"; // NOLINT(exitbar-hardcoded-secret)

// Stringized macro arguments are identifiers, not secrets.
void store_pair(const char *key, const char *value);
#define KV(k, v) store_pair(#k, #v)
void stringized() { KV(api_key, Zx9kQ2mW7pL4); }

std::string get_password();
std::string read_token(const char *path);

void accepted(Config &cfg, Client &client, std::map<std::string, std::string> &m,
              std::string &password) {
  const char *token = getenv("API_TOKEN");
  const char *next_token = "while";
  password = get_password();
  password = "";
  connect_db("localhost", "admin", password.c_str());
  client.setName("abcdef123456");
  m["user"] = "alice";
  m["password"] = "";
  setenv("API_TOKEN", token, 1);
  setenv("USERPWD", "user:password", 1);
  printf("%s %s\n", "password", "is wrong");
  std::string t = read_token("/run/secrets/token");
  // Comparisons with well-known defaults are exitbar-default-credentials'.
  if (strcmp(password.c_str(), "admin") == 0 || password == "")
    return;
  if (password == "-")
    return;
  (void)next_token;
  (void)mock_system_password;
}

// Pairs in a list the program reads two at a time: flagged.
static const std::vector<std::string> kDefaultSettings = {"host", "db.internal",
                                                          "password", "Hx9-tr0ub4dor"};
// CHECK-MESSAGES: :[[@LINE-1]]:71: warning: hard-coded secret stored under key 'password'

// The elements of a set are names, never keys and values (found in
// ExitBar's own word lists).
static const std::set<std::string> kStorageWords = {"passwd", "htpasswd", "credentials",
                                                    "keyring", "secret", "wallet"};
static const std::set<std::string> kQualifiers = {"api", "secret", "access", "psk", "wifi"};
bool isStorageWord(const std::string &w) { return kStorageWords.count(w) + kQualifiers.count(w) != 0; }

// A list of C API names (a StringSwitch's `.Cases(...)` in ExitBar's own
// UnverifiedWebhookCheck.cpp): a key-named item followed by a function
// name is no key and value. Not flagged.
struct NameSwitch {
  NameSwitch &Cases(const char *, const char *, bool) { return *this; }
};
void apiNames(NameSwitch &S) {
  S.Cases("EVP_PKEY_new_mac_key", "EVP_DigestSignInit", true);
}
// A value with digits after such a key stays a secret: flagged.
static const std::vector<std::string> kKeyed = {"signing_key", "Hk_9f2_Qz_x71"};
// CHECK-MESSAGES: :[[@LINE-1]]:64: warning: hard-coded secret stored under key 'signing_key'

// A vocabulary in one string (ExitBar's own SecretNames.h): words of letters
// joined by ';' or ',' are names, not a secret. Not flagged.
static const char *const kSecretWords = "password;passwd;passphrase;secret;psk";
static const char *const kTokenWords = "token,apikey,bearer";
// Two items, or items with digits or symbols, can be a secret: flagged.
static const char *const kSecretPair = "alpha;beta";
// CHECK-MESSAGES: :[[@LINE-1]]:40: warning: hard-coded secret in 'kSecretPair'
static const char *const kSecretMix = "x9f;Qz7;k_2";
// CHECK-MESSAGES: :[[@LINE-1]]:39: warning: hard-coded secret in 'kSecretMix'
