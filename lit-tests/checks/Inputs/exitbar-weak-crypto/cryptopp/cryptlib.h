// Mock Crypto++ for lit tests: the shapes of its classes, not their bodies.
#ifndef MOCK_CRYPTOPP_H
#define MOCK_CRYPTOPP_H
namespace CryptoPP {
typedef unsigned char byte;
class HashTransformation {
public:
  void CalculateDigest(byte *digest, const byte *input, unsigned long length);
};
class SHA1 : public HashTransformation {};
class SHA256 : public HashTransformation {};
namespace Weak1 {
class MD5 : public HashTransformation {};
class ARC4_Base {};
typedef ARC4_Base ARC4;
} // namespace Weak1
namespace Weak = Weak1;
enum CipherDir { ENCRYPTION, DECRYPTION };
template <CipherDir Dir, class Base> class BlockCipherFinal : public Base {
public:
  BlockCipherFinal();
  BlockCipherFinal(const byte *key, unsigned long length);
};
struct DES {
  class Base {};
  typedef BlockCipherFinal<ENCRYPTION, Base> Encryption;
  typedef BlockCipherFinal<DECRYPTION, Base> Decryption;
};
struct DES_EDE3 {
  class Base {};
  typedef BlockCipherFinal<ENCRYPTION, Base> Encryption;
};
struct AES {
  class Base {};
  typedef BlockCipherFinal<ENCRYPTION, Base> Encryption;
};
class ECB_OneWay {};
class CBC_Encryption {};
class GCM_Base {};
template <class Cipher, class Mode>
class CipherModeFinalTemplate_CipherHolder : public Mode {
public:
  CipherModeFinalTemplate_CipherHolder();
  CipherModeFinalTemplate_CipherHolder(const byte *key, unsigned long length);
};
template <class Cipher> struct ECB_Mode {
  typedef CipherModeFinalTemplate_CipherHolder<typename Cipher::Encryption,
                                               ECB_OneWay>
      Encryption;
};
template <class Cipher> struct CBC_Mode {
  typedef CipherModeFinalTemplate_CipherHolder<typename Cipher::Encryption,
                                               CBC_Encryption>
      Encryption;
};
template <class Hash> class HMAC {
public:
  HMAC(const byte *key, unsigned long length);
};
} // namespace CryptoPP
#endif
