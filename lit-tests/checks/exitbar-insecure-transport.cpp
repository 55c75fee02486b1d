// RUN: %check_exitbar_tidy %s exitbar-insecure-transport %t -- -- -isystem %S/Inputs/exitbar-insecure-transport
// RUN: %check_exitbar_tidy -check-suffix=OPTS %s exitbar-insecure-transport %t -- \
// RUN:   -config='{CheckOptions: [{key: exitbar-insecure-transport.AllowedHosts, value: "*.internal.example;mirror.example.org"}, {key: exitbar-insecure-transport.Schemes, value: "http;gopher"}, {key: exitbar-insecure-transport.IdentifierHosts, value: ""}]}' \
// RUN:   -- -isystem %S/Inputs/exitbar-insecure-transport -DOPTIONS
// RUN: %check_exitbar_tidy -check-suffix=ALLOWED %s exitbar-insecure-transport %t -- \
// RUN:   -config='{CheckOptions: [{key: exitbar-insecure-transport.AllowedFiles, value: "insecure-transport"}]}' \
// RUN:   -- -isystem %S/Inputs/exitbar-insecure-transport
// The ALLOWED run has no CHECK-MESSAGES-ALLOWED lines: with this file
// allowed, any diagnostic fails it.

#include <curl/curl.h>
#include <iostream>
#include <QUrl>
#include <sstream>
#include <stdio.h>
#include <string.h>
#include <string>

struct Endpoint {
  const char *Name;
  const char *Url;
};

#ifndef OPTIONS
void flagged(CURL *c, const std::string &path, QNetworkAccessManager &nam,
             const char *host) {
  curl_easy_setopt(c, CURLOPT_URL, "http://api.example.com/v1/login");
  // CHECK-MESSAGES: :[[@LINE-1]]:36: warning: cleartext 'http://' URL to 'api.example.com'; use 'https://' or take the URL from configuration [exitbar-insecure-transport]
  const char *kUpload = "ftp://files.example.com/incoming/";
  // CHECK-MESSAGES: :[[@LINE-1]]:25: warning: cleartext 'ftp://' URL to 'files.example.com'; use 'sftp:// or ftps://' or take the URL from configuration
  std::string admin = "telnet://router.example.net:23";
  // CHECK-MESSAGES: :[[@LINE-1]]:23: warning: cleartext 'telnet://' URL to 'router.example.net'; use 'ssh' or take the URL from configuration
  std::string feed = "ws://stream.example.com/feed";
  // CHECK-MESSAGES: :[[@LINE-1]]:22: warning: cleartext 'ws://' URL to 'stream.example.com'; use 'wss://'
  const char *directory = "LDAP://ldap.example.com/dc=example,dc=com";
  // CHECK-MESSAGES: :[[@LINE-1]]:27: warning: cleartext 'ldap://' URL to 'ldap.example.com'; use 'ldaps://'
  std::string full = "http://user:pw@10.0.0.5:8080" + path;
  // CHECK-MESSAGES: :[[@LINE-1]]:22: warning: cleartext 'http://' URL to '10.0.0.5'
  char buf[256];
  snprintf(buf, sizeof buf, "http://%s/api/status", host);
  // CHECK-MESSAGES: :[[@LINE-1]]:29: warning: cleartext 'http://' URL to '%s'
  nam.get(QUrl("http://updates.example.com/latest.json"));
  // CHECK-MESSAGES: :[[@LINE-1]]:16: warning: cleartext 'http://' URL to 'updates.example.com'
  QString api = QString("http://%1/api").arg(QString(host));
  // CHECK-MESSAGES: :[[@LINE-1]]:25: warning: cleartext 'http://' URL to '%1'
  std::ostringstream built;
  built << "http://metrics.example.com/push?id=" << 42;
  // CHECK-MESSAGES: :[[@LINE-1]]:12: warning: cleartext 'http://' URL to 'metrics.example.com'
  std::string joined;
  joined = "http://[2001:db8::1]/x";
  // CHECK-MESSAGES: :[[@LINE-1]]:12: warning: cleartext 'http://' URL to '[2001:db8::1]'
  const wchar_t *wide = L"http://wide.example.com";
  // CHECK-MESSAGES: :[[@LINE-1]]:25: warning: cleartext 'http://' URL to 'wide.example.com'
}

static const Endpoint kEndpoints[] = {
    {"primary", "http://primary.example.com/rpc"},
    // CHECK-MESSAGES: :[[@LINE-1]]:17: warning: cleartext 'http://' URL to 'primary.example.com'
};

std::string defaultServer() {
  return "http://config.example.com";
  // CHECK-MESSAGES: :[[@LINE-1]]:10: warning: cleartext 'http://' URL to 'config.example.com'
}

void connectTo(const char *url = "http://default.example.com");
// CHECK-MESSAGES: :[[@LINE-1]]:34: warning: cleartext 'http://' URL to 'default.example.com'

#define SERVER_URL "http://macro.example.com/api"
void flaggedMacro(CURL *c) {
  curl_easy_setopt(c, CURLOPT_URL, SERVER_URL);
  // CHECK-MESSAGES: :[[@LINE-1]]:36: warning: cleartext 'http://' URL to 'macro.example.com'
}

void flaggedOpportunisticTls(CURL *c) {
  curl_easy_setopt(c, CURLOPT_URL, "ftp://files.example.com/report.csv");
  // CHECK-MESSAGES: :[[@LINE-1]]:36: warning: cleartext 'ftp://' URL to 'files.example.com'
  curl_easy_setopt(c, CURLOPT_USE_SSL, CURLUSESSL_TRY);
  const char *broker = "mqtt://broker.example.com:1883";
  // CHECK-MESSAGES: :[[@LINE-1]]:24: warning: cleartext 'mqtt://' URL to 'broker.example.com'; use 'mqtts://'
}

// Look-alikes that must stay silent.
void acceptedStartTls(CURL *c) {
  // Explicit FTPS: curl upgrades the connection or fails.
  curl_easy_setopt(c, CURLOPT_URL, "ftp://files.example.com/report.csv");
  curl_easy_setopt(c, CURLOPT_USE_SSL, CURLUSESSL_ALL);
}

void acceptedUnixSocket(CURL *c) {
  curl_easy_setopt(c, CURLOPT_UNIX_SOCKET_PATH, "/run/app.sock");
  curl_easy_setopt(c, CURLOPT_URL, "http://app.example.com/status");
}

void acceptedSecureAndLocal(CURL *c) {
  curl_easy_setopt(c, CURLOPT_URL, "https://api.example.com/v1/login");
  curl_easy_setopt(c, CURLOPT_URL, "http://localhost:8080/health");
  curl_easy_setopt(c, CURLOPT_URL, "http://127.0.0.1:9090/metrics");
  curl_easy_setopt(c, CURLOPT_URL, "http://[::1]:8080/");
  curl_easy_setopt(c, CURLOPT_URL, "http://0.0.0.0:8080/");
  curl_easy_setopt(c, CURLOPT_URL, "http://app.localhost/");
  curl_easy_setopt(c, CURLOPT_URL, "wss://stream.example.com/feed");
  curl_easy_setopt(c, CURLOPT_URL, "sftp://files.example.com/");
  curl_easy_setopt(c, CURLOPT_PROXY, "http://proxy.example.com:3128");
  curl_easy_setopt(c, CURLOPT_URL, "http://api.example.com/"); // NOLINT(exitbar-insecure-transport)
  mock_library_default(c);
  curl_easy_setopt(c, CURLOPT_URL, MOCK_LIBRARY_URL);
}

bool acceptedComparisons(const std::string &url, const char *raw) {
  if (url.starts_with("http://"))
    return false;
  if (strncmp(raw, "http://", 7) == 0)
    return false;
  if (url == "http://legacy.example.com")
    return false;
  if (url.find("ftp://mirror.example.com") == 0)
    return false;
  if (QString(raw).startsWith("http://old.example.com"))
    return false;
  return strstr(raw, "http://") != nullptr;
}

std::string acceptedSchemeOnly(const std::string &host) {
  std::string url = "http://";
  return url + host;
}

void acceptedNamespaces(QXmlStreamWriter &xml) {
  xml.writeNamespace("http://www.w3.org/2000/svg", "svg");
  xml.writeNamespace("http://example.com/ns/orders", "o");
  xml.writeAttribute("xmlns:app", "http://app.example.com/2024");
  const char *kSoapEnv = "http://schemas.xmlsoap.org/soap/envelope/";
  const char *kXsltNamespace = "http://mycompany.example/transform";
  const char *kDtd = "http://docs.example.com/dtd/config.dtd";
  const char *kSchemaUrl = "http://json-schema.org/draft-07/schema#";
  const char *kPurl = "http://purl.org/dc/elements/1.1/";
}

void acceptedText(QLabel &label, QLineEdit &edit, QNetworkProxy &proxy) {
  printf("http://example.com/docs\n");
  fprintf(stderr, "%s\n", "http://example.com/help");
  puts("http://example.com/about");
  std::cout << "http://example.com/manual" << 1;
  label.setText("http://project.example.org");
  edit.setPlaceholderText("http://server.example.com:8080");
  proxy.setProxyUrl("http://proxy.example.com:8080");
  const char *kHomepage = "http://project.example.org";
  const char *kBugReportUrl = "http://bugs.example.org/new";
  static_assert(sizeof("http://example.com") > 1, "http://example.com");
}

struct About {
  const char *name;
  const char *homepage;
};
static const About kAbout = {"tool", "http://tool.example.org"};

const char *licenseUrl() { return "http://www.apache.org/licenses/LICENSE-2.0"; }
#endif

#ifdef OPTIONS
// AllowedHosts, Schemes and IdentifierHosts replaced.
void options(CURL *c) {
  curl_easy_setopt(c, CURLOPT_URL, "http://build.internal.example/artifacts");
  curl_easy_setopt(c, CURLOPT_URL, "http://mirror.example.org/pool");
  curl_easy_setopt(c, CURLOPT_URL, "ftp://files.example.com/");
  curl_easy_setopt(c, CURLOPT_URL, "gopher://gopher.example.com/");
  // CHECK-MESSAGES-OPTS: :[[@LINE-1]]:36: warning: cleartext 'gopher://' URL to 'gopher.example.com'; use 'an encrypted protocol' or take the URL from configuration
  curl_easy_setopt(c, CURLOPT_URL, "http://www.w3.org/TR/");
  // CHECK-MESSAGES-OPTS: :[[@LINE-1]]:36: warning: cleartext 'http://' URL to 'www.w3.org'
}
#endif
