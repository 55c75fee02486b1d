// Mock Botan for lit tests.
#ifndef MOCK_BOTAN_H
#define MOCK_BOTAN_H
#include <string>
namespace Botan {
template <typename T> class unique_ptr_mock {};
enum Cipher_Dir { ENCRYPTION, DECRYPTION };
class HashFunction {
public:
  static unique_ptr_mock<HashFunction> create(const std::string &spec);
  static unique_ptr_mock<HashFunction> create_or_throw(const std::string &spec);
};
class BlockCipher {
public:
  static unique_ptr_mock<BlockCipher> create(const std::string &spec);
};
class Cipher_Mode {
public:
  static unique_ptr_mock<Cipher_Mode> create(const std::string &spec,
                                             Cipher_Dir dir);
};
class MessageAuthenticationCode {
public:
  static unique_ptr_mock<MessageAuthenticationCode>
  create(const std::string &spec);
};
} // namespace Botan
#endif
