// RUN: %check_exitbar_tidy %s exitbar-tls-verification-disabled %t -- -- -isystem %S/Inputs/exitbar-tls-verification-disabled
// RUN: %check_exitbar_tidy -check-suffix=SERVER %s exitbar-tls-verification-disabled %t -- -- -isystem %S/Inputs/exitbar-tls-verification-disabled -DSERVER_TU
// RUN: %check_exitbar_tidy -check-suffix=LATER %s exitbar-tls-verification-disabled %t -- -- -isystem %S/Inputs/exitbar-tls-verification-disabled -DLATER_TU
// RUN: %check_exitbar_tidy -check-suffix=ALLOWED %s exitbar-tls-verification-disabled %t -- \
// RUN:   -config='{CheckOptions: [{key: exitbar-tls-verification-disabled.AllowedFiles, value: "tls-verification"}]}' \
// RUN:   -- -isystem %S/Inputs/exitbar-tls-verification-disabled
// The ALLOWED run has no CHECK-MESSAGES-ALLOWED lines: with this file
// allowed, any diagnostic fails it.

#include <boost/asio/ssl.hpp>
#include <cpr/cpr.h>
#include <curl/curl.h>
#include <grpcpp/security.h>
#include <httplib.h>
#include <mbedtls/ssl.h>
#include <openssl/ssl.h>
#include <Poco/Net/Context.h>
#include <QSslSocket>

#if !defined(SERVER_TU) && !defined(LATER_TU)
// libcurl.
void flaggedCurl(CURL *c, CURLoption computed) {
  curl_easy_setopt(c, CURLOPT_SSL_VERIFYPEER, 0L);
  // CHECK-MESSAGES: :[[@LINE-1]]:23: warning: 'CURLOPT_SSL_VERIFYPEER' set to 0 turns off TLS certificate verification; leave it at 1 (the default) and give curl the CA bundle with CURLOPT_CAINFO if needed [exitbar-tls-verification-disabled]
  curl_easy_setopt(c, CURLOPT_SSL_VERIFYHOST, 0);
  // CHECK-MESSAGES: :[[@LINE-1]]:23: warning: 'CURLOPT_SSL_VERIFYHOST' set to 0 turns off TLS host-name verification; leave it at 2 (the default) so the certificate must name the server
  curl_easy_setopt(c, CURLOPT_SSL_VERIFYPEER, false);
  // CHECK-MESSAGES: :[[@LINE-1]]:23: warning: 'CURLOPT_SSL_VERIFYPEER' set to 0
  constexpr long kVerify = 0;
  curl_easy_setopt(c, CURLOPT_PROXY_SSL_VERIFYPEER, kVerify);
  // CHECK-MESSAGES: :[[@LINE-1]]:23: warning: 'CURLOPT_PROXY_SSL_VERIFYPEER' set to 0 turns off TLS proxy certificate verification
  curl_easy_setopt(c, CURLOPT_PROXY_SSL_VERIFYHOST, 1L - 1L);
  // CHECK-MESSAGES: :[[@LINE-1]]:23: warning: 'CURLOPT_PROXY_SSL_VERIFYHOST' set to 0 turns off TLS proxy host-name verification
  curl_easy_setopt(c, static_cast<CURLoption>(64), 0L);
  // CHECK-MESSAGES: :[[@LINE-1]]:23: warning: 'CURLOPT_SSL_VERIFYPEER' set to 0
}

#define INSECURE(c) curl_easy_setopt(c, CURLOPT_SSL_VERIFYPEER, 0L)
void flaggedCurlMacro(CURL *c) {
  INSECURE(c);
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: 'CURLOPT_SSL_VERIFYPEER' set to 0
}

// OpenSSL, client side (or side unknown).
int alwaysOk(int preverify, X509_STORE_CTX *store) {
  (void)preverify;
  (void)store;
  return 1;
}

int logsButAccepts(int preverify, X509_STORE_CTX *store) {
  if (!preverify)
    return 1;
  return 1;
}

int certAlwaysOk(X509_STORE_CTX *store, void *arg) { return 1; }

void flaggedOpenSsl(SSL_CTX *param) {
  SSL_CTX *ctx = SSL_CTX_new(TLS_client_method());
  SSL_CTX_set_verify(ctx, SSL_VERIFY_NONE, nullptr);
  // CHECK-MESSAGES: :[[@LINE-1]]:27: warning: 'SSL_VERIFY_NONE' turns off verification of the peer's TLS certificate; use SSL_VERIFY_PEER with trusted CA certificates [exitbar-tls-verification-disabled]
  SSL_CTX_set_verify(param, 0, nullptr);
  // CHECK-MESSAGES: :[[@LINE-1]]:29: warning: 'SSL_VERIFY_NONE' turns off verification
  SSL_CTX_set_verify(ctx, SSL_VERIFY_PEER, alwaysOk);
  // CHECK-MESSAGES: :[[@LINE-1]]:44: warning: 'alwaysOk' accepts every TLS certificate because it always reports success; return the verification result it is given, or verify the certificate yourself [exitbar-tls-verification-disabled]
  SSL_CTX_set_verify(ctx, SSL_VERIFY_PEER, &logsButAccepts);
  // CHECK-MESSAGES: :[[@LINE-1]]:44: warning: 'logsButAccepts' accepts every TLS certificate
  SSL_CTX_set_verify(ctx, SSL_VERIFY_PEER,
                     [](int, X509_STORE_CTX *) { return 1; });
  // CHECK-MESSAGES: :[[@LINE-1]]:22: warning: 'lambda' accepts every TLS certificate
  SSL_CTX_set_cert_verify_callback(ctx, certAlwaysOk, nullptr);
  // CHECK-MESSAGES: :[[@LINE-1]]:41: warning: 'certAlwaysOk' accepts every TLS certificate
  SSL *ssl = SSL_new(ctx);
  SSL_set_verify(ssl, SSL_VERIFY_NONE, nullptr);
  // CHECK-MESSAGES: :[[@LINE-1]]:23: warning: 'SSL_VERIFY_NONE' turns off
  SSL_connect(ssl);
  SSL_get_verify_result(ssl); // discarded: checks nothing
}

// Boost.Asio.
void flaggedAsio(boost::asio::io_context &io) {
  namespace ssl = boost::asio::ssl;
  ssl::context ctx(ssl::context::tls_client);
  ctx.set_verify_mode(ssl::verify_none);
  // CHECK-MESSAGES: :[[@LINE-1]]:23: warning: 'ssl::verify_none' turns off verification of the peer's TLS certificate; use ssl::verify_peer with trusted CA certificates and host-name verification [exitbar-tls-verification-disabled]
  ctx.set_verify_callback([](bool, ssl::verify_context &) { return true; });
  // CHECK-MESSAGES: :[[@LINE-1]]:27: warning: 'lambda' accepts every TLS certificate
  ssl::stream<boost::asio::ip::tcp::socket> stream(io, ctx);
  stream.set_verify_mode(ssl::verify_none);
  // CHECK-MESSAGES: :[[@LINE-1]]:26: warning: 'ssl::verify_none' turns off
  stream.handshake(ssl::stream_base::client);
}

// HTTP client libraries.
void flaggedClients(httplib::SSLClient &https, cpr::Session &session,
                    grpc::experimental::TlsChannelCredentialsOptions &grpcTls) {
  httplib::Client cli("https://example.com");
  cli.enable_server_certificate_verification(false);
  // CHECK-MESSAGES: :[[@LINE-1]]:7: warning: 'enable_server_certificate_verification(false)' turns off TLS certificate verification; keep it on and load trusted CA certificates instead [exitbar-tls-verification-disabled]
  https.enable_server_hostname_verification(false);
  // CHECK-MESSAGES: :[[@LINE-1]]:9: warning: 'enable_server_hostname_verification(false)' turns off TLS host-name verification; keep it on so the certificate must name the server
  cpr::Get(cpr::Url{"https://example.com"}, cpr::VerifySsl{false});
  // CHECK-MESSAGES: :[[@LINE-1]]:45: warning: 'cpr::VerifySsl(false)' turns off TLS certificate verification; keep it on and give cpr the CA bundle with cpr::SslOptions if needed [exitbar-tls-verification-disabled]
  session.SetVerifySsl(false);
  // CHECK-MESSAGES: :[[@LINE-1]]:24: warning: 'cpr::VerifySsl(false)' turns off
  grpcTls.set_verify_server_certs(false);
  // CHECK-MESSAGES: :[[@LINE-1]]:11: warning: 'set_verify_server_certs(false)' turns off TLS certificate verification
}

// Qt.
void flaggedQt(QSslSocket &socket, QSslConfiguration &config,
               QNetworkReply *reply) {
  socket.setPeerVerifyMode(QSslSocket::VerifyNone);
  // CHECK-MESSAGES: :[[@LINE-1]]:28: warning: 'QSslSocket::VerifyNone' turns off verification of the peer's TLS certificate; use QSslSocket::VerifyPeer (the client default) [exitbar-tls-verification-disabled]
  config.setPeerVerifyMode(QSslSocket::VerifyNone);
  // CHECK-MESSAGES: :[[@LINE-1]]:28: warning: 'QSslSocket::VerifyNone' turns off
  reply->ignoreSslErrors();
  // CHECK-MESSAGES: :[[@LINE-1]]:10: warning: 'ignoreSslErrors()' without a list ignores every TLS certificate error; pass only the errors you expect, or fix the certificate [exitbar-tls-verification-disabled]
  socket.connectToHostEncrypted("example.com", 443);
}

// mbedTLS and Poco.
void flaggedMbedtls(mbedtls_ssl_config *conf) {
  mbedtls_ssl_config_defaults(conf, MBEDTLS_SSL_IS_CLIENT,
                              MBEDTLS_SSL_TRANSPORT_STREAM,
                              MBEDTLS_SSL_PRESET_DEFAULT);
  mbedtls_ssl_conf_authmode(conf, MBEDTLS_SSL_VERIFY_NONE);
  // CHECK-MESSAGES: :[[@LINE-1]]:35: warning: 'MBEDTLS_SSL_VERIFY_NONE' turns off verification of the peer's TLS certificate; use MBEDTLS_SSL_VERIFY_REQUIRED with trusted CA certificates [exitbar-tls-verification-disabled]
}

void flaggedPoco() {
  using Poco::Net::Context;
  Context ctx(Context::CLIENT_USE, "", "", "", Context::VERIFY_NONE);
  // CHECK-MESSAGES: :[[@LINE-1]]:48: warning: 'Context::VERIFY_NONE' turns off verification of the peer's TLS certificate; use VERIFY_RELAXED or VERIFY_STRICT [exitbar-tls-verification-disabled]
  Context::Params params;
  params.verificationMode = Context::VERIFY_NONE;
  // CHECK-MESSAGES: :[[@LINE-1]]:29: warning: 'Context::VERIFY_NONE' turns off
  Poco::Net::InvalidCertificateHandler *handler =
      new Poco::Net::AcceptCertificateHandler(false);
  // CHECK-MESSAGES: :[[@LINE-1]]:11: warning: 'AcceptCertificateHandler' accepts every TLS certificate; use RejectCertificateHandler or a handler that verifies the certificate [exitbar-tls-verification-disabled]
}

// Look-alikes that must stay silent.
int checksPreverify(int preverify, X509_STORE_CTX *store) { return preverify; }
int rejectsSome(int preverify, X509_STORE_CTX *store) {
  if (!preverify)
    return 0;
  return 1;
}
int declaredOnly(int preverify, X509_STORE_CTX *store);

void acceptedCurl(CURL *c, long verify) {
  curl_easy_setopt(c, CURLOPT_SSL_VERIFYPEER, 1L);
  curl_easy_setopt(c, CURLOPT_SSL_VERIFYHOST, 2L);
  curl_easy_setopt(c, CURLOPT_SSL_VERIFYPEER, verify);
  curl_easy_setopt(c, CURLOPT_SSL_VERIFYHOST, verify ? 2L : 0L);
  curl_easy_setopt(c, CURLOPT_TIMEOUT, 0L);
  curl_easy_setopt(c, CURLOPT_CAINFO, "/etc/ssl/certs/ca.pem");
  curl_easy_setopt(c, CURLOPT_SSL_VERIFYPEER, 0L); // NOLINT(exitbar-tls-verification-disabled)
  mock_insecure_default(c);
}

// Turned off only when a verification setting asks for it (curl --insecure).
struct Config {
  bool insecure_ok;
  bool verifyPeer;
};
void acceptedConfigured(CURL *c, const Config *config, SSL_CTX *ctx) {
  if (config->insecure_ok) {
    curl_easy_setopt(c, CURLOPT_SSL_VERIFYPEER, 0L);
    curl_easy_setopt(c, CURLOPT_SSL_VERIFYHOST, 0L);
  }
  if (config->verifyPeer)
    SSL_CTX_set_verify(ctx, SSL_VERIFY_PEER, nullptr);
  else
    SSL_CTX_set_verify(ctx, SSL_VERIFY_NONE, nullptr);
}

// Any other condition, such as the usual `if (curl)`, is no choice.
void flaggedUnderOtherCondition(CURL *c, int retries) {
  if (c) {
    curl_easy_setopt(c, CURLOPT_SSL_VERIFYPEER, 0L);
    // CHECK-MESSAGES: :[[@LINE-1]]:25: warning: 'CURLOPT_SSL_VERIFYPEER' set to 0
  }
  if (retries > 3)
    curl_easy_setopt(c, CURLOPT_SSL_VERIFYHOST, 0L);
  // CHECK-MESSAGES: :[[@LINE-1]]:25: warning: 'CURLOPT_SSL_VERIFYHOST' set to 0
}

void acceptedOpenSsl(SSL_CTX *param) {
  SSL_CTX *ctx = SSL_CTX_new(TLS_client_method());
  SSL_CTX_set_verify(ctx, SSL_VERIFY_PEER, nullptr);
  SSL_CTX_set_verify(ctx, SSL_VERIFY_PEER, checksPreverify);
  SSL_CTX_set_verify(ctx, SSL_VERIFY_PEER, rejectsSome);
  SSL_CTX_set_verify(ctx, SSL_VERIFY_PEER, declaredOnly);
  SSL_CTX_set_verify(ctx, SSL_VERIFY_PEER,
                     [](int ok, X509_STORE_CTX *) { return ok; });
  // A server need not ask for client certificates.
  SSL_CTX *server = SSL_CTX_new(TLS_server_method());
  SSL_CTX_set_verify(server, SSL_VERIFY_NONE, nullptr);
  SSL_CTX_set_verify(server, SSL_VERIFY_PEER, alwaysOk);
}

void acceptedServerFunction(SSL_CTX *ctx, SSL *ssl) {
  SSL_CTX_set_verify(ctx, SSL_VERIFY_NONE, nullptr);
  SSL_accept(ssl);
}

void acceptedAsio(boost::asio::io_context &io) {
  namespace ssl = boost::asio::ssl;
  ssl::context client(ssl::context::tls_client);
  client.set_verify_mode(ssl::verify_peer);
  client.set_verify_callback(ssl::host_name_verification("example.com"));
  client.set_verify_callback(
      [](bool preverified, ssl::verify_context &) { return preverified; });
  ssl::context server(ssl::context::tlsv12_server);
  server.set_verify_mode(ssl::verify_none);
}

void acceptedClients(httplib::Client &cli, cpr::Session &session, bool verify,
                     QSslSocket &socket, QNetworkReply *reply,
                     const QList<QSslError> &expected, bool trusted) {
  cli.enable_server_certificate_verification(true);
  cli.enable_server_certificate_verification(verify);
  cpr::Get(cpr::Url{"https://example.com"}, cpr::VerifySsl{true});
  session.SetVerifySsl(verify);
  socket.setPeerVerifyMode(QSslSocket::VerifyPeer);
  socket.ignoreSslErrors(expected);
  if (trusted)
    reply->ignoreSslErrors();
}

void acceptedMbedtlsServer(mbedtls_ssl_config *conf) {
  mbedtls_ssl_config_defaults(conf, MBEDTLS_SSL_IS_SERVER,
                              MBEDTLS_SSL_TRANSPORT_STREAM,
                              MBEDTLS_SSL_PRESET_DEFAULT);
  mbedtls_ssl_conf_authmode(conf, MBEDTLS_SSL_VERIFY_NONE);
}

void acceptedMbedtlsClient(mbedtls_ssl_config *conf) {
  mbedtls_ssl_conf_authmode(conf, MBEDTLS_SSL_VERIFY_REQUIRED);
}

void acceptedPoco() {
  using Poco::Net::Context;
  Context server(Context::SERVER_USE, "key.pem", "cert.pem", "", Context::VERIFY_NONE);
  Context client(Context::CLIENT_USE, "", "", "", Context::VERIFY_STRICT);
  Poco::Net::InvalidCertificateHandler *handler =
      new Poco::Net::RejectCertificateHandler(false);
}
#endif

#ifdef SERVER_TU
// A translation unit that only sets up the server side: not asking clients
// for certificates is the normal case, even in a function of its own.
void configure(SSL_CTX *ctx) { SSL_CTX_set_verify(ctx, SSL_VERIFY_NONE, nullptr); }
void serve(SSL *ssl) { SSL_accept(ssl); }
void qtServer(QSslSocket &socket) {
  socket.setPeerVerifyMode(QSslSocket::VerifyNone);
  socket.startServerEncryption();
}
// Certificates are always verified by a client; curl is one.
void fetch(CURL *c) {
  curl_easy_setopt(c, CURLOPT_SSL_VERIFYPEER, 0L);
  // CHECK-MESSAGES-SERVER: :[[@LINE-1]]:23: warning: 'CURLOPT_SSL_VERIFYPEER' set to 0
}
#endif

#ifdef LATER_TU
// Verification after the handshake: OpenSSL records the chain's result even
// under SSL_VERIFY_NONE or an accepting callback, and this code rejects the
// connection unless it is X509_V_OK.
int acceptAll(int, X509_STORE_CTX *) { return 1; }
void connectLater(SSL_CTX *ctx) {
  SSL_CTX_set_verify(ctx, SSL_VERIFY_NONE, nullptr);
  SSL_CTX_set_verify(ctx, SSL_VERIFY_PEER, acceptAll);
  // wolfSSL does not verify at all under SSL_VERIFY_NONE.
  wolfSSL_CTX_set_verify(ctx, SSL_VERIFY_NONE, nullptr);
  // CHECK-MESSAGES-LATER: :[[@LINE-1]]:31: warning: 'SSL_VERIFY_NONE' turns off verification
  // Nor does a certificate callback that never calls X509_verify_cert.
  SSL_CTX_set_cert_verify_callback(ctx, [](X509_STORE_CTX *, void *) { return 1; },
                                   nullptr);
  // CHECK-MESSAGES-LATER: :[[@LINE-2]]:41: warning: 'lambda' accepts every TLS certificate
}
bool verified(SSL *ssl) {
  SSL_get_verify_result(ssl); // discarded: checks nothing
  return SSL_get_verify_result(ssl) == X509_V_OK;
}
#endif
