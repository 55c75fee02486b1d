// RUN: %check_exitbar_tidy %s exitbar-default-credentials %t -- -- -isystem %S/Inputs/exitbar-default-credentials

#include <string.h>
#include <string>

void warn(const char *message);
bool verify_hash(const std::string &password, const std::string &hash);
std::string lowercase(const std::string &text);

bool login(const char *user, const char *password) {
  if (strcmp(user, "admin") == 0 && strcmp(password, "admin") == 0)
    // CHECK-MESSAGES: :[[@LINE-1]]:20: warning: hard-coded default credential 'admin' compared with user name 'user'; require a configured, non-default credential instead [exitbar-default-credentials]
    // CHECK-MESSAGES: :[[@LINE-2]]:54: warning: hard-coded default credential 'admin' compared with password 'password'
    return true;
  return false;
}

bool loginStrings(const std::string &username, const std::string &pass) {
  return username == "root" && pass == "toor";
  // CHECK-MESSAGES: :[[@LINE-1]]:22: warning: hard-coded default credential 'root' compared with user name 'username'
  // CHECK-MESSAGES: :[[@LINE-2]]:40: warning: hard-coded default credential 'toor' compared with password 'pass'
}

bool checkPasswd(const std::string &passwd) {
  return passwd.compare("changeme") == 0;
  // CHECK-MESSAGES: :[[@LINE-1]]:25: warning: hard-coded default credential 'changeme' compared with password 'passwd'
}

// Through local variables that received a parameter named so.
bool loginCopies(const std::string &username, const std::string &password) {
  std::string u = lowercase(username);
  const char *p = password.c_str();
  return u == "guest" && strcasecmp(p, "GUEST") == 0;
  // CHECK-MESSAGES: :[[@LINE-1]]:15: warning: hard-coded default credential 'guest' compared with user name 'username'
  // CHECK-MESSAGES: :[[@LINE-4]]:19: note: 'u' receives user name 'username' here
  // CHECK-MESSAGES: :[[@LINE-3]]:40: warning: hard-coded default credential 'GUEST' compared with password 'password'
  // CHECK-MESSAGES: :[[@LINE-5]]:19: note: 'p' receives password 'password' here
}

struct Request {
  std::string user;
  std::string password;
  std::string role;
  std::string name;
  std::string getPassword() const;
};

bool handle(const Request &req) {
  if (req.getPassword() != "123456")
    // CHECK-MESSAGES: :[[@LINE-1]]:28: warning: hard-coded default credential '123456' compared with password 'getPassword'
    return false;
  return req.password == "password";
  // CHECK-MESSAGES: :[[@LINE-1]]:26: warning: hard-coded default credential 'password' compared with password 'password'
}

#define ADMIN_PASSWORD "admin"
bool throughMacro(const char *pwd) {
  return strcmp(pwd, ADMIN_PASSWORD) == 0;
  // CHECK-MESSAGES: :[[@LINE-1]]:22: warning: hard-coded default credential 'admin' compared with password 'pwd'
}

// Look-alikes that must stay silent.
struct Config {
  std::string admin_user;
  std::string admin_hash;
};

bool fixedLogin(const Request &req, const Config &cfg) {
  return req.user == cfg.admin_user &&
         verify_hash(req.password, cfg.admin_hash);
}

// A user name alone is an identity check, not a credential.
bool isRoot(const char *username) { return strcmp(username, "root") == 0; }
bool refuseAdmin(const Request &req) {
  return req.user == "admin" && verify_hash(req.password, "");
}

// Code that looks for default passwords to refuse them.
bool is_default_password(const std::string &password) {
  return password == "admin";
}
void setPassword(const std::string &password) {
  if (password == "changeme")
    warn("the default password must be changed");
}

bool others(const Request &req, const std::string &token, const char *name,
            const std::string &password) {
  if (req.role == "admin" || req.name == "admin" || token == "default")
    return true;
  if (strcmp(name, "root") == 0)
    return true;
  // Not a well-known default: exitbar-hardcoded-secret's business.
  if (password == "Xk9#mQ2v")
    return true;
  if (password == "admin") // NOLINT(exitbar-default-credentials)
    return true;
  return mock_system_is_admin(password.c_str()) != 0;
}

// A constant initialised with itself (it compiles) is followed a few steps,
// not forever. Not flagged.
extern const char *const SelfInit;
const char *const SelfInit = SelfInit;
bool selfInit(const char *user) { return strcmp(user, SelfInit) == 0; }
