// Mock of jwt-cpp's API shapes for lit tests.
#pragma once
#include <string>
namespace jwt {
class decoded_jwt {
public:
  std::string get_subject() const;
};
decoded_jwt decode(const std::string &token);
class verifier {
public:
  void verify(const decoded_jwt &jwt) const;
};
verifier verify();
} // namespace jwt
