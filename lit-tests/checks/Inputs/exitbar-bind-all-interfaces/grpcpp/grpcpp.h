// Mock gRPC for lit tests.
#ifndef MOCK_GRPCPP_H
#define MOCK_GRPCPP_H
#include <string>
namespace grpc {
class ServerCredentials {};
class ServerBuilder {
public:
  ServerBuilder &AddListeningPort(const std::string &addr_uri,
                                  ServerCredentials *creds,
                                  int *selected_port = nullptr);
};
} // namespace grpc
#endif
