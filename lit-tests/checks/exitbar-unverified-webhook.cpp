// RUN: %check_exitbar_tidy %s exitbar-unverified-webhook %t -- -- -std=c++17 -isystem %S/Inputs/exitbar-unauthenticated-route -isystem %S/Inputs/exitbar-unverified-webhook
// RUN: %check_exitbar_tidy -check-suffix=OPTS %s exitbar-unverified-webhook %t -- \
// RUN:   -config='{CheckOptions: [{key: exitbar-unverified-webhook.VerifyFunctions, value: "acme::check_payload"}, {key: exitbar-unverified-webhook.SignatureHeaders, value: "X-Acme-Token"}]}' \
// RUN:   -- -std=c++17 -isystem %S/Inputs/exitbar-unauthenticated-route -isystem %S/Inputs/exitbar-unverified-webhook -DOPTIONS

#include <crow.h>
#include <httplib.h>
#include <openssl/crypto.h>
#include <openssl/hmac.h>
#include <string.h>
#include <string>

std::string toHex(const unsigned char *bytes, unsigned len);
void process(const std::string &payload);
extern const char *kSecret;

#ifndef OPTIONS
void routes(httplib::Server &svr) {
  // Flagged: named for a webhook, acts on the body, no HMAC anywhere.
  svr.Post("/github/webhook",
           [](const httplib::Request &req, httplib::Response &res) {
             // CHECK-MESSAGES: :[[@LINE-2]]:12: warning: webhook handler '/github/webhook' uses the request body without verifying its signature; compute an HMAC of the raw body with the shared secret and compare it in constant time [exitbar-unverified-webhook]
             process(req.body);
           });
  // Flagged: reads the signature header but never recomputes the MAC.
  svr.Post("/events", [](const httplib::Request &req, httplib::Response &res) {
    // CHECK-MESSAGES: :[[@LINE-1]]:12: warning: webhook handler '/events' uses the request body without verifying its signature
    if (req.get_header_value("X-Slack-Signature").empty())
      return;
    process(req.body);
  });
  // Flagged: the MAC is computed but compared with == on std::string.
  svr.Post("/stripe", [](const httplib::Request &req, httplib::Response &res) {
    unsigned char mac[32];
    unsigned len = 0;
    HMAC(EVP_sha256(), kSecret, 16,
         reinterpret_cast<const unsigned char *>(req.body.data()),
         req.body.size(), mac, &len);
    std::string expected = toHex(mac, len);
    if (req.get_header_value("Stripe-Signature") == expected)
      // CHECK-MESSAGES: :[[@LINE-1]]:50: warning: '==' compares a webhook signature in variable time; use CRYPTO_memcmp, sodium_memcmp or another constant-time comparison [exitbar-unverified-webhook]
      process(req.body);
  });
  // Flagged: memcmp of the raw MAC bytes.
  svr.Post("/hooks/shop", [](const httplib::Request &req,
                             httplib::Response &res) {
    unsigned char mac[32];
    unsigned len = 0;
    HMAC(EVP_sha256(), kSecret, 16,
         reinterpret_cast<const unsigned char *>(req.body.data()),
         req.body.size(), mac, &len);
    std::string sent = req.get_header_value("X-Shopify-Hmac-Sha256");
    if (memcmp(mac, sent.data(), len) != 0)
      // CHECK-MESSAGES: :[[@LINE-1]]:9: warning: 'memcmp' compares a webhook signature in variable time
      return;
    process(req.body);
  });
  // Accepted: HMAC compared with CRYPTO_memcmp.
  svr.Post("/webhook/ok", [](const httplib::Request &req,
                             httplib::Response &res) {
    unsigned char mac[32];
    unsigned len = 0;
    HMAC(EVP_sha256(), kSecret, 16,
         reinterpret_cast<const unsigned char *>(req.body.data()),
         req.body.size(), mac, &len);
    std::string sent = req.get_header_value("X-Hub-Signature-256");
    if (CRYPTO_memcmp(mac, sent.data(), len) != 0)
      return;
    process(req.body);
  });
  // Accepted: not a webhook, and a webhook route that ignores the body.
  svr.Post("/orders", [](const httplib::Request &req, httplib::Response &) {
    process(req.body);
  });
  svr.Get("/webhook/status",
          [](const httplib::Request &, httplib::Response &res) {
            res.set_content("ok", "text/plain");
          });
}

// A helper that verifies with a variable-time strcmp: flagged inside it.
static bool verifyHubSignature(const std::string &body, const char *sig) {
  unsigned char mac[32];
  unsigned len = 0;
  HMAC(EVP_sha256(), kSecret, 16,
       reinterpret_cast<const unsigned char *>(body.data()), body.size(), mac,
       &len);
  return strcmp(toHex(mac, len).c_str(), sig) == 0;
  // CHECK-MESSAGES: :[[@LINE-1]]:10: warning: 'strcmp' compares a webhook signature in variable time
}

// Functions named for a webhook count without a route (Crow here).
void handleGitlabWebhook(const crow::request &req) {
  // CHECK-MESSAGES: :[[@LINE-1]]:6: warning: webhook handler 'handleGitlabWebhook' uses the request body without verifying its signature
  process(req.body);
}
void handleGithubWebhook(const crow::request &req) {
  if (!verifyHubSignature(req.body,
                          req.get_header_value("X-Hub-Signature-256").c_str()))
    return;
  process(req.body);
}
#else
namespace acme {
bool check_payload(const std::string &body, const std::string &token);
}
void configured(httplib::Server &svr) {
  svr.Post("/in", [](const httplib::Request &req, httplib::Response &) {
    // CHECK-MESSAGES-OPTS: :[[@LINE-1]]:12: warning: webhook handler '/in' uses the request body without verifying its signature
    if (req.get_header_value("X-Acme-Token").empty())
      return;
    process(req.body);
  });
  svr.Post("/in2", [](const httplib::Request &req, httplib::Response &) {
    if (!acme::check_payload(req.body, req.get_header_value("X-Acme-Token")))
      return;
    process(req.body);
  });
}
#endif
