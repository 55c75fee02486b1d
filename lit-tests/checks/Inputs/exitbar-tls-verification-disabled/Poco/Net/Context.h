// Mock Poco::Net TLS classes for lit tests.
#ifndef MOCK_POCO_NET_CONTEXT_H
#define MOCK_POCO_NET_CONTEXT_H
namespace Poco::Net {
class Context {
public:
  enum Usage { CLIENT_USE, SERVER_USE, TLSV1_2_CLIENT_USE, TLSV1_2_SERVER_USE };
  enum VerificationMode { VERIFY_NONE, VERIFY_RELAXED, VERIFY_STRICT, VERIFY_ONCE };
  struct Params {
    VerificationMode verificationMode = VERIFY_RELAXED;
  };
  Context(Usage usage, const char *privateKeyFile, const char *certificateFile,
          const char *caLocation, VerificationMode mode = VERIFY_RELAXED);
  Context(Usage usage, const Params &params);
};
class InvalidCertificateHandler {
public:
  virtual ~InvalidCertificateHandler();
};
class AcceptCertificateHandler : public InvalidCertificateHandler {
public:
  explicit AcceptCertificateHandler(bool handleErrorsOnServerSide);
};
class RejectCertificateHandler : public InvalidCertificateHandler {
public:
  explicit RejectCertificateHandler(bool handleErrorsOnServerSide);
};
} // namespace Poco::Net
#endif
