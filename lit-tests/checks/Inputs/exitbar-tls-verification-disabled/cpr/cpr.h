// Mock cpr for lit tests.
#ifndef MOCK_CPR_H
#define MOCK_CPR_H
namespace cpr {
class Url {
public:
  Url(const char *u);
};
class VerifySsl {
public:
  VerifySsl() = default;
  VerifySsl(bool verify);
};
class Response {};
Response Get(const Url &url, const VerifySsl &verify);
class Session {
public:
  void SetVerifySsl(const VerifySsl &verify);
};
} // namespace cpr
#endif
