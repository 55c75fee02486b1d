// RUN: %check_exitbar_tidy %s exitbar-unverified-webhook %t -- -- -std=c++17 -isystem %S/Inputs/exitbar-unauthenticated-route -isystem %S/Inputs/exitbar-unverified-webhook
// C++20 rewrites `a != b` on strings as `!(a == b)`; reported as written.
// RUN: %check_exitbar_tidy %s exitbar-unverified-webhook %t -- -- -std=c++20 -isystem %S/Inputs/exitbar-unauthenticated-route -isystem %S/Inputs/exitbar-unverified-webhook
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

// Shapes of real receivers (docs/checks/precision/routes.md).
std::string str2hex(const std::string &bytes);
template <typename Hash>
std::string hmac(const std::string &data, const std::string &key);
struct Sha1 {};
bool split_stripe_header(const std::string &header, std::string &v1);
bool ct_equal(const std::string &a, const std::string &b);
// Defined in another file: known as a verifier by its name.
bool verify_github_signature(const std::string &body, const std::string &sig,
                             const std::string &secret);

// A Stripe-Signature parser compares its keys with constants ("t", "v1"):
// not a MAC comparison. The MAC itself is compared in constant time.
static bool verify_stripe_signature(const std::string &payload,
                                    const std::string &sig_header) {
  std::string ts, v1;
  std::string k = sig_header.substr(0, 2);
  if (k == "t")
    ts = sig_header.substr(2);
  else if (k == "v1")
    v1 = sig_header.substr(3);
  return ct_equal(hmac<Sha1>(ts + payload, kSecret), v1);
}

void realShapes(httplib::Server &svr) {
  // Flagged: the body streamed through the ContentReader, the signature
  // header assigned after its declaration, the MAC from a template function
  // returning it, compared with !=.
  httplib::Server::HandlerWithContentReader Deploy =
      [](const httplib::Request &req, httplib::Response &res,
         const httplib::ContentReader &content_reader) {
        std::string body;
        content_reader([&](const char *data, unsigned long n) {
          body = std::string(data, n);
          return true;
        });
        std::string signature;
        if (req.has_header("X-Hub-Signature"))
          signature = req.get_header_value("X-Hub-Signature");
        std::string mac = hmac<Sha1>(body, kSecret);
        if (mac != signature)
          // CHECK-MESSAGES: :[[@LINE-1]]:17: warning: '!=' compares a webhook signature in variable time
          return;
        process(body);
      };
  svr.Post("/deploy", Deploy);
  // Flagged: HMAC written through &out.front(), the received MAC split out
  // of the header by a helper writing its output argument.
  svr.Post("/api/stripe/hook", [](const httplib::Request &req,
                                  httplib::Response &res) {
    std::string header = req.get_header_value("Stripe-Signature");
    std::string v1;
    if (!split_stripe_header(header, v1))
      return;
    std::string out;
    unsigned len = 32;
    HMAC(EVP_sha256(), kSecret, 16,
         reinterpret_cast<const unsigned char *>(req.body.data()),
         req.body.size(), (unsigned char *)&out.front(), &len);
    std::string expected = str2hex(out);
    if (expected != v1)
      // CHECK-MESSAGES: :[[@LINE-1]]:18: warning: '!=' compares a webhook signature in variable time
      return;
    process(req.body);
  });
  // Flagged: memcmp with a literal length still compares the MAC.
  svr.Post("/hooks/literal-length", [](const httplib::Request &req,
                                       httplib::Response &res) {
    unsigned char mac[32];
    unsigned len = 0;
    HMAC(EVP_sha256(), kSecret, 16,
         reinterpret_cast<const unsigned char *>(req.body.data()),
         req.body.size(), mac, &len);
    std::string sent = req.get_header_value("X-Hub-Signature-256");
    if (memcmp(mac, sent.data(), 32) != 0)
      // CHECK-MESSAGES: :[[@LINE-1]]:9: warning: 'memcmp' compares a webhook signature in variable time
      return;
    process(req.body);
  });
  // Accepted: the parser's constant keys, a constant-time comparison.
  svr.Post("/billing/webhook", [](const httplib::Request &req,
                                  httplib::Response &res) {
    if (!verify_stripe_signature(req.body,
                                 req.get_header_value("Stripe-Signature")))
      return;
    process(req.body);
  });
  // Accepted: verified by a function of another file, known by its name.
  svr.Post("/v1/github/webhook", [](const httplib::Request &req,
                                    httplib::Response &res) {
    if (!verify_github_signature(req.body,
                                 req.get_header_value("X-Hub-Signature-256"),
                                 kSecret))
      return;
    process(req.body);
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
