// Mock gRPC TLS options for lit tests.
#ifndef MOCK_GRPCPP_SECURITY_H
#define MOCK_GRPCPP_SECURITY_H
namespace grpc::experimental {
class TlsChannelCredentialsOptions {
public:
  void set_verify_server_certs(bool verify);
  void set_check_call_host(bool check);
};
} // namespace grpc::experimental
#endif
