// RUN: %check_exitbar_tidy %s exitbar-secret-in-log %t -- -- -isystem %S/Inputs/exitbar-secret-in-log

#include <glog.h>
#include <iostream>
#include <spdlog.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <string>
#include <syslog.h>
#include <unistd.h>

struct Config {
  std::string password;
  std::string api_key;
  int password_length;
  std::string user;
  std::string getPassword() const;
  std::string name() const;
};

void log_message(const char *message);
struct Curl_easy;
void infof(struct Curl_easy *data, const char *fmt, ...);
struct Logger {
  Logger();
  Logger &operator<<(const char *text);
  Logger &operator<<(const std::string &text);
};
void moreLoggers(struct Curl_easy *data, const char *passwd,
                 const std::string &expected_password) {
  infof(data, "SSH: password %s", passwd);
  // CHECK-MESSAGES: :[[@LINE-1]]:35: warning: secret 'passwd' reaches logging call 'infof'
  Logger() << "expected " << expected_password;
  // CHECK-MESSAGES: :[[@LINE-1]]:30: warning: secret 'expected_password' reaches logging call 'Logger'
}
int curl_global_trace(const char *config);
struct mg_connection;
int mg_printf(struct mg_connection *conn, const char *fmt, ...);
std::string StringPrintf(const char *fmt, ...);
void send_error(const std::string &message);
void formatted(const std::string &expected_password) {
  // Formatting is not logging, but the result carries the secret.
  send_error(StringPrintf("expected '%s'", expected_password.c_str()));
  log_message(StringPrintf("expected '%s'", expected_password.c_str()).c_str());
  // CHECK-MESSAGES: :[[@LINE-1]]:15: warning: secret 'expected_password' reaches logging call 'log_message'
}
struct Lexeme {
  std::string token;
};
struct AuthResponse {
  std::string token;
};
void members(const Lexeme &lexeme, const AuthResponse &response,
             const Lexeme &session) {
  std::cout << lexeme.token;
  std::cout << response.token;
  // CHECK-MESSAGES: :[[@LINE-1]]:16: warning: secret 'token' reaches logging call 'std::cout'
  std::cout << session.token;
  // CHECK-MESSAGES: :[[@LINE-1]]:16: warning: secret 'token' reaches logging call 'std::cout'
}
void tell_user(struct mg_connection *conn, const char *passwd) {
  // Output to the client, not a log.
  mg_printf(conn, "your new password is %s", passwd);
}
void lexer_error(const char *token) {
  printf("unexpected token %s\n", token);
  curl_global_trace(token);
}
void refresh_session(const char *token) {
  printf("refreshing with %s\n", token);
  // CHECK-MESSAGES: :[[@LINE-1]]:34: warning: secret 'token' reaches logging call 'printf'
}
int get_raw_private_key(void *key, unsigned char *out, unsigned long *len);
void set_password(const char *password);
std::string mask(const std::string &secret);
std::string redact(const std::string &value);

void direct(const char *password, const Config &cfg, const std::string &token,
            spdlog::logger &logger) {
  printf("password: %s\n", password);
  // CHECK-MESSAGES: :[[@LINE-1]]:28: warning: secret 'password' reaches logging call 'printf'; leave it out or log a masked value instead [exitbar-secret-in-log]
  fprintf(stderr, "key=%s\n", cfg.api_key.c_str());
  // CHECK-MESSAGES: :[[@LINE-1]]:31: warning: secret 'api_key' reaches logging call 'fprintf'
  syslog(LOG_INFO, "auth token %s", token.c_str());
  // CHECK-MESSAGES: :[[@LINE-1]]:37: warning: secret 'token' reaches logging call 'syslog'
  std::cout << "pw " << cfg.password << std::endl;
  // CHECK-MESSAGES: :[[@LINE-1]]:25: warning: secret 'password' reaches logging call 'std::cout'
  std::cerr << cfg.getPassword();
  // CHECK-MESSAGES: :[[@LINE-1]]:16: warning: secret 'getPassword' reaches logging call 'std::cerr'
  LOG(INFO) << "logging in with " << password;
  // CHECK-MESSAGES: :[[@LINE-1]]:38: warning: secret 'password' reaches logging call 'google::LogMessage::stream'
  spdlog::info("secret {}", cfg.password);
  // CHECK-MESSAGES: :[[@LINE-1]]:29: warning: secret 'password' reaches logging call 'spdlog::info'
  logger.warn("key {}", cfg.api_key);
  // CHECK-MESSAGES: :[[@LINE-1]]:25: warning: secret 'api_key' reaches logging call 'spdlog::logger::warn'
  fmt::print("{}\n", std::string("pw=") + password);
  // CHECK-MESSAGES: :[[@LINE-1]]:22: warning: secret 'password' reaches logging call 'fmt::print'
  puts(getenv("API_KEY"));
  // CHECK-MESSAGES: :[[@LINE-1]]:8: warning: secret 'API_KEY' reaches logging call 'puts'
  dprintf(STDERR_FILENO, "%s\n", password);
  // CHECK-MESSAGES: :[[@LINE-1]]:34: warning: secret 'password' reaches logging call 'dprintf'
  log_message(password);
  // CHECK-MESSAGES: :[[@LINE-1]]:15: warning: secret 'password' reaches logging call 'log_message'
}

void flows(const std::string &api_token) {
  const char *p = getenv("DB_PASSWORD");
  printf("%s\n", p);
  // CHECK-MESSAGES: :[[@LINE-1]]:18: warning: secret 'DB_PASSWORD' reaches logging call 'printf' through 'p'; leave it out or log a masked value instead [exitbar-secret-in-log]
  // CHECK-MESSAGES: :[[@LINE-3]]:19: note: 'p' receives secret 'DB_PASSWORD' here
  char buf[128];
  snprintf(buf, sizeof buf, "pw=%s", p);
  puts(buf);
  // CHECK-MESSAGES: :[[@LINE-1]]:8: warning: secret 'DB_PASSWORD' reaches logging call 'puts' through 'buf'
  // CHECK-MESSAGES: :[[@LINE-3]]:38: note: 'buf' receives secret 'DB_PASSWORD' here
  std::string entered = getpass("Password: ");
  std::string msg = "entered " + entered;
  log_message(msg.c_str());
  // CHECK-MESSAGES: :[[@LINE-1]]:15: warning: secret 'getpass' reaches logging call 'log_message' through 'msg'
  // CHECK-MESSAGES: :[[@LINE-3]]:21: note: 'msg' receives secret 'getpass' here
  std::ostringstream os;
  os << "token=" << api_token;
  LOG(INFO) << os.str();
  // CHECK-MESSAGES: :[[@LINE-1]]:16: warning: secret 'api_token' reaches logging call 'google::LogMessage::stream' through 'os'
  // CHECK-MESSAGES: :[[@LINE-3]]:21: note: 'os' receives secret 'api_token' here
  char *copy = strdup(p);
  std::cout << copy;
  // CHECK-MESSAGES: :[[@LINE-1]]:16: warning: secret 'DB_PASSWORD' reaches logging call 'std::cout' through 'copy'
  // CHECK-MESSAGES: :[[@LINE-3]]:16: note: 'copy' receives secret 'DB_PASSWORD' here
}

// Files: a debug log, unless the code saves configuration or credentials.
void debugFile(const char *password) {
  FILE *pFile = fopen("debug.txt", "a+");
  fprintf(pFile, "User attempted access with password: %s\n", password);
  // CHECK-MESSAGES: :[[@LINE-1]]:63: warning: secret 'password' reaches logging call 'fprintf'
  std::ofstream debug("debug.log");
  debug << password;
  // CHECK-MESSAGES: :[[@LINE-1]]:12: warning: secret 'password' reaches logging call 'debug'
}
void save_config(FILE *out, const char *password) {
  fprintf(out, "password=%s\n", password);
}

#define LOG_PW(x) printf("pw %s\n", x)
void throughMacro(const char *passwd) {
  LOG_PW(passwd);
  // CHECK-MESSAGES: :[[@LINE-1]]:10: warning: secret 'passwd' reaches logging call 'printf'
}

// Look-alikes that must stay silent.
void accepted(const char *password, const Config &cfg, FILE *out,
              std::istream &in, char *line) {
  printf("length %zu\n", strlen(password));
  printf("%d\n", cfg.password_length);
  std::cout << cfg.password.size();
  std::cout << mask(password);
  std::cout << redact(cfg.api_key);
  std::cout << std::string(cfg.password.size(), '*');
  printf("%s\n", cfg.user.c_str());
  std::string hashed_password = mask(password);
  printf("%s\n", hashed_password.c_str());
  printf("%s\n", password ? "set" : "unset");
  std::ofstream credentials_file("creds.txt");
  credentials_file << password;
  set_password(password);
  // A lexer's tokens and a directory are not secrets.
  char *token = strtok(line, " ");
  printf("%s\n", token);
  std::string csv_token;
  while (getline(in, csv_token, ','))
    std::cout << csv_token;
  std::string word_token;
  in >> word_token;
  std::cout << word_token;
  // A weak name outside authentication code: a lexer's token.
  printf("unexpected token %s\n", token);
  printf("%s\n", getenv("HOME"));
  printf("%s\n", getenv("PWD"));
  char pwd[256];
  getcwd(pwd, sizeof pwd);
  puts(pwd);
  const char *secret_prompt = "Secret: ";
  printf("%s", secret_prompt);
  int pass = 3;
  printf("%d\n", pass);
  std::string p = getenv("API_KEY");
  p = "redacted";
  puts(p.c_str());
  unsigned long key_len = 0;
  get_raw_private_key(nullptr, nullptr, &key_len);
  printf("%lu\n", key_len);
  printf("%s", password); // NOLINT(exitbar-secret-in-log)
  mock_system_helper(password);
}
