// RUN: %check_exitbar_tidy %s exitbar-weak-crypto %t -- -- -isystem %S/Inputs/exitbar-weak-crypto
// RUN: %check_exitbar_tidy -check-suffix=OPTS %s exitbar-weak-crypto %t -- \
// RUN:   -config='{CheckOptions: [{key: exitbar-weak-crypto.AllowedAlgorithms, value: "md5;SHA1"}, {key: exitbar-weak-crypto.NonSecurityNames, value: "fingerprint"}]}' \
// RUN:   -- -isystem %S/Inputs/exitbar-weak-crypto -DOPTIONS
// RUN: %check_exitbar_tidy -check-suffix=ALLOWED %s exitbar-weak-crypto %t -- \
// RUN:   -config='{CheckOptions: [{key: exitbar-weak-crypto.AllowedFiles, value: "weak-crypto"}]}' \
// RUN:   -- -isystem %S/Inputs/exitbar-weak-crypto
// The ALLOWED run has no CHECK-MESSAGES-ALLOWED lines: with this file
// allowed, any diagnostic fails it.

#include <botan/cipher_mode.h>
#include <botan/hash.h>
#include <cryptopp/des.h>
#include <cryptopp/hmac.h>
#include <cryptopp/md5.h>
#include <cryptopp/modes.h>
#include <cryptopp/sha.h>
#include <gcrypt.h>
#include <mbedtls/md.h>
#include <openssl/des.h>
#include <openssl/evp.h>
#include <openssl/hmac.h>
#include <openssl/md5.h>
#include <openssl/sha.h>
#include <Poco/MD5Engine.h>
#include <QCryptographicHash>
#include <windows.h>

#ifndef OPTIONS
// OpenSSL.
void flaggedOpenSsl(EVP_MD_CTX *mdctx, EVP_CIPHER_CTX *cctx,
                    const unsigned char *data, size_t n, unsigned char *out,
                    const unsigned char *key, RSA *rsa) {
  MD5(data, n, out);
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: 'MD5' (through 'MD5') is a broken hash algorithm; use SHA-256 or stronger, or if it only computes a checksum or cache key, list it in AllowedAlgorithms [exitbar-weak-crypto]
  if (MD5(data, n, out) == nullptr)
    // CHECK-MESSAGES: :[[@LINE-1]]:7: warning: 'MD5' (through 'MD5') is a broken hash algorithm
    return;
  SHA_CTX sha;
  SHA1_Init(&sha);
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: 'SHA-1' (through 'SHA1_Init') is a broken hash algorithm
  SHA1_Update(&sha, data, n);
  SHA1_Final(out, &sha);
  EVP_DigestInit_ex(mdctx, EVP_md5(), nullptr);
  // CHECK-MESSAGES: :[[@LINE-1]]:28: warning: 'MD5' (through 'EVP_md5') is a broken hash algorithm
  EVP_EncryptInit_ex(cctx, EVP_des_ede3_cbc(), nullptr, key, nullptr);
  // CHECK-MESSAGES: :[[@LINE-1]]:28: warning: '3DES' (through 'EVP_des_ede3_cbc') is a weak cipher; use AES-GCM or ChaCha20-Poly1305 [exitbar-weak-crypto]
  EVP_EncryptInit_ex(cctx, EVP_des_cbc(), nullptr, key, nullptr);
  // CHECK-MESSAGES: :[[@LINE-1]]:28: warning: 'DES' (through 'EVP_des_cbc') is a weak cipher
  EVP_EncryptInit_ex(cctx, EVP_rc4(), nullptr, key, nullptr);
  // CHECK-MESSAGES: :[[@LINE-1]]:28: warning: 'RC4' (through 'EVP_rc4') is a weak cipher
  EVP_EncryptInit_ex(cctx, EVP_bf_cbc(), nullptr, key, nullptr);
  // CHECK-MESSAGES: :[[@LINE-1]]:28: warning: 'Blowfish' (through 'EVP_bf_cbc') is a weak cipher
  EVP_EncryptInit_ex(cctx, EVP_aes_128_ecb(), nullptr, key, nullptr);
  // CHECK-MESSAGES: :[[@LINE-1]]:28: warning: 'ECB' mode (through 'EVP_aes_128_ecb') encrypts equal blocks to equal ciphertext; use an authenticated mode such as GCM [exitbar-weak-crypto]
  EVP_get_digestbyname("md5");
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: 'MD5' (through 'EVP_get_digestbyname') is a broken hash algorithm
  EVP_get_cipherbyname("des-ede3-cbc");
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: '3DES' (through 'EVP_get_cipherbyname') is a weak cipher
  EVP_MD_fetch(nullptr, "SHA1", nullptr);
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: 'SHA-1' (through 'EVP_MD_fetch') is a broken hash algorithm
  EVP_CIPHER_fetch(nullptr, "AES-256-ECB", nullptr);
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: 'ECB' mode (through 'EVP_CIPHER_fetch')
  DES_cblock k;
  DES_key_schedule ks;
  DES_set_key_checked(&k, &ks);
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: 'DES' (through 'DES_set_key_checked') is a weak cipher
  RC4_KEY rc4;
  RC4_set_key(&rc4, 16, key);
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: 'RC4' (through 'RC4_set_key') is a weak cipher
  AES_KEY aes;
  AES_ecb_encrypt(data, out, &aes, AES_ENCRYPT);
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: 'ECB' mode (through 'AES_ecb_encrypt')
  HMAC(EVP_md5(), key, 16, data, n, out, nullptr);
  // CHECK-MESSAGES: :[[@LINE-1]]:8: warning: 'MD5' (through 'EVP_md5') is a broken hash algorithm
  RSA_sign(NID_sha1, data, 20, out, nullptr, rsa);
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: 'SHA-1' (through 'RSA_sign') is a broken hash algorithm
  const char *kDigest = "MD5";
  EVP_get_digestbyname(kDigest);
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: 'MD5' (through 'EVP_get_digestbyname')
}

#define LEGACY_DIGEST EVP_sha1()
const EVP_MD *flaggedMacro() {
  return LEGACY_DIGEST;
  // CHECK-MESSAGES: :[[@LINE-1]]:10: warning: 'SHA-1' (through 'EVP_sha1') is a broken hash algorithm
}

// Windows CryptoAPI and CNG.
void flaggedWindows(HCRYPTPROV prov, HCRYPTHASH base) {
  HCRYPTHASH hash;
  CryptCreateHash(prov, CALG_MD5, 0, 0, &hash);
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: 'MD5' (through 'CryptCreateHash') is a broken hash algorithm
  HCRYPTKEY key;
  CryptDeriveKey(prov, CALG_3DES, base, 0, &key);
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: '3DES' (through 'CryptDeriveKey') is a weak cipher
  CryptDeriveKey(prov, CALG_RC4, base, 0, &key);
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: 'RC4' (through 'CryptDeriveKey') is a weak cipher
  CryptDeriveKey(prov, CALG_RC5, base, 0, &key);
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: 'RC5' (through 'CryptDeriveKey') is a weak cipher
  BCRYPT_ALG_HANDLE alg;
  BCryptOpenAlgorithmProvider(&alg, BCRYPT_SHA1_ALGORITHM, nullptr, 0);
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: 'SHA-1' (through 'BCryptOpenAlgorithmProvider') is a broken hash algorithm
  BCryptOpenAlgorithmProvider(&alg, BCRYPT_DES_ALGORITHM, nullptr, 0);
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: 'DES' (through 'BCryptOpenAlgorithmProvider') is a weak cipher
  BCryptSetProperty(alg, BCRYPT_CHAINING_MODE, (PUCHAR)BCRYPT_CHAIN_MODE_ECB, 32, 0);
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: 'ECB' mode (through 'BCryptSetProperty')
}

// Crypto++, Botan, Poco, Qt.
void flaggedLibraries(const CryptoPP::byte *key, const char *data) {
  CryptoPP::Weak::MD5 md5;
  // CHECK-MESSAGES: :[[@LINE-1]]:23: warning: 'MD5' (through 'MD5') is a broken hash algorithm
  CryptoPP::SHA1 sha1;
  // CHECK-MESSAGES: :[[@LINE-1]]:18: warning: 'SHA-1' (through 'SHA1') is a broken hash algorithm
  CryptoPP::DES::Encryption des(key, 8);
  // CHECK-MESSAGES: :[[@LINE-1]]:29: warning: 'DES' (through 'BlockCipherFinal') is a weak cipher
  CryptoPP::ECB_Mode<CryptoPP::AES>::Encryption ecb(key, 16);
  // CHECK-MESSAGES: :[[@LINE-1]]:49: warning: 'ECB' mode (through 'CipherModeFinalTemplate_CipherHolder')
  CryptoPP::CBC_Mode<CryptoPP::DES_EDE3>::Encryption tdes(key, 24);
  // CHECK-MESSAGES: :[[@LINE-1]]:54: warning: '3DES' (through 'CipherModeFinalTemplate_CipherHolder') is a weak cipher
  CryptoPP::HMAC<CryptoPP::Weak::MD5> hmacMd5(key, 16);
  // CHECK-MESSAGES: :[[@LINE-1]]:39: warning: 'MD5' (through 'HMAC') is a broken hash algorithm
  Botan::HashFunction::create("MD5");
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: 'MD5' (through 'create') is a broken hash algorithm
  Botan::HashFunction::create_or_throw("SHA-1");
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: 'SHA-1' (through 'create_or_throw') is a broken hash algorithm
  Botan::Cipher_Mode::create("AES-128/ECB/NoPadding", Botan::ENCRYPTION);
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: 'ECB' mode (through 'create')
  Botan::MessageAuthenticationCode::create("HMAC(MD5)");
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: 'MD5' (through 'create') is a broken hash algorithm
  Poco::MD5Engine engine;
  // CHECK-MESSAGES: :[[@LINE-1]]:19: warning: 'MD5' (through 'MD5Engine') is a broken hash algorithm
  QCryptographicHash::hash(QByteArray(data), QCryptographicHash::Md5);
  // CHECK-MESSAGES: :[[@LINE-1]]:46: warning: 'MD5' (through 'Md5') is a broken hash algorithm
  QCryptographicHash sha(QCryptographicHash::Sha1);
  // CHECK-MESSAGES: :[[@LINE-1]]:26: warning: 'SHA-1' (through 'Sha1') is a broken hash algorithm
}

// mbedTLS and libgcrypt.
void flaggedMbedtls(const unsigned char *in, size_t n, unsigned char *out,
                    mbedtls_md_context_t *ctx) {
  mbedtls_md5_ret(in, n, out);
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: 'MD5' (through 'mbedtls_md5_ret') is a broken hash algorithm
  mbedtls_md_setup(ctx, mbedtls_md_info_from_type(MBEDTLS_MD_SHA1), 0);
  // CHECK-MESSAGES: :[[@LINE-1]]:51: warning: 'SHA-1' (through 'MBEDTLS_MD_SHA1') is a broken hash algorithm
  mbedtls_des_context des;
  mbedtls_des_setkey_enc(&des, in);
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: 'DES' (through 'mbedtls_des_setkey_enc') is a weak cipher
  mbedtls_cipher_info_from_type(MBEDTLS_CIPHER_AES_128_ECB);
  // CHECK-MESSAGES: :[[@LINE-1]]:33: warning: 'ECB' mode (through 'MBEDTLS_CIPHER_AES_128_ECB')
  gcry_md_hd_t h;
  gcry_md_open(&h, GCRY_MD_MD5, 0);
  // CHECK-MESSAGES: :[[@LINE-1]]:20: warning: 'MD5' (through 'GCRY_MD_MD5') is a broken hash algorithm
  gcry_cipher_hd_t c;
  gcry_cipher_open(&c, GCRY_CIPHER_AES256, GCRY_CIPHER_MODE_ECB, 0);
  // CHECK-MESSAGES: :[[@LINE-1]]:44: warning: 'ECB' mode (through 'GCRY_CIPHER_MODE_ECB')
}

// Look-alikes that must stay silent.
void acceptedStrong(EVP_MD_CTX *mdctx, EVP_CIPHER_CTX *cctx,
                    const unsigned char *data, size_t n, unsigned char *out,
                    const unsigned char *key, HCRYPTPROV prov) {
  SHA256(data, n, out);
  EVP_DigestInit_ex(mdctx, EVP_sha256(), nullptr);
  EVP_EncryptInit_ex(cctx, EVP_aes_256_gcm(), nullptr, key, nullptr);
  EVP_get_digestbyname("sha256");
  EVP_get_cipherbyname("aes-256-cbc");
  EVP_MD_fetch(nullptr, "SHA2-256", nullptr);
  HCRYPTHASH hash;
  CryptCreateHash(prov, CALG_SHA_256, 0, 0, &hash);
  BCRYPT_ALG_HANDLE alg;
  BCryptOpenAlgorithmProvider(&alg, BCRYPT_AES_ALGORITHM, nullptr, 0);
  BCryptSetProperty(alg, BCRYPT_CHAINING_MODE, (PUCHAR)BCRYPT_CHAIN_MODE_GCM, 32, 0);
  CryptoPP::SHA256 sha256;
  CryptoPP::CBC_Mode<CryptoPP::AES>::Encryption cbc(key, 16);
  Botan::HashFunction::create("SHA-256");
  Botan::Cipher_Mode::create("AES-256/GCM", Botan::ENCRYPTION);
  QCryptographicHash::hash(QByteArray("x"), QCryptographicHash::Sha256);
  gcry_md_hd_t h;
  gcry_md_open(&h, GCRY_MD_SHA256, 0);
  MD5(data, n, out); // NOLINT(exitbar-weak-crypto)
  mock_legacy_default();
}

// HMAC-SHA1, PBKDF2-HMAC-SHA1 and OAEP with SHA-1 do not rely on collision
// resistance.
void acceptedHmacSha1(const unsigned char *key, const unsigned char *data,
                      size_t n, unsigned char *out, HMAC_CTX *hctx,
                      EVP_PKEY_CTX *pctx, mbedtls_md_context_t *mctx) {
  HMAC(EVP_sha1(), key, 16, data, n, out, nullptr);
  HMAC_Init_ex(hctx, key, 16, EVP_sha1(), nullptr);
  PKCS5_PBKDF2_HMAC("pw", 2, data, 8, 10000, EVP_sha1(), 32, out);
  EVP_PKEY_CTX_set_rsa_oaep_md(pctx, EVP_sha1());
  CryptoPP::HMAC<CryptoPP::SHA1> hmac(key, 16);
  Botan::MessageAuthenticationCode::create("HMAC(SHA-1)");
  QMessageAuthenticationCode mac(QCryptographicHash::Sha1);
  QMessageAuthenticationCode::hash(QByteArray("m"), QByteArray("k"),
                                   QCryptographicHash::Sha1);
  mbedtls_md_setup(mctx, mbedtls_md_info_from_type(MBEDTLS_MD_SHA1), 1);
  mbedtls_md_hmac(mbedtls_md_info_from_type(MBEDTLS_MD_SHA1), key, 16, data, n,
                  out);
  gcry_md_hd_t h;
  gcry_md_open(&h, GCRY_MD_SHA1, GCRY_MD_FLAG_HMAC);
}

// Hashes whose names say they serve no security purpose.
void computeChecksum(const unsigned char *data, size_t n, unsigned char *out) {
  MD5(data, n, out);
}
void acceptedNonSecurity(const unsigned char *data, size_t n,
                         unsigned char *etag, unsigned char *cacheKey) {
  MD5(data, n, etag);
  SHA1(data, n, cacheKey);
  Poco::MD5Engine checksumEngine;
  const EVP_MD *websocketDigest = EVP_sha1();
}

// A block cipher in ECB mode as the building block of CTR mode.
void aesCtrEncryptCounter(EVP_CIPHER_CTX *ctx, const unsigned char *key) {
  EVP_EncryptInit_ex(ctx, EVP_aes_128_ecb(), nullptr, key, nullptr);
}

// Dispatching on an algorithm is not using it.
int acceptedDispatch(mbedtls_md_type_t type, const EVP_MD *md) {
  switch (type) {
  case MBEDTLS_MD_MD5:
    return 16;
  case MBEDTLS_MD_SHA1:
    return 20;
  default:
    break;
  }
  if (md == EVP_md5())
    return 16;
  return type == MBEDTLS_MD_SHA1 ? 20 : 32;
}
#endif

#ifdef OPTIONS
// AllowedAlgorithms=md5;SHA1, NonSecurityNames=fingerprint.
void options(const unsigned char *data, size_t n, unsigned char *out,
             EVP_CIPHER_CTX *cctx, const unsigned char *key) {
  MD5(data, n, out);
  SHA1(data, n, out);
  EVP_EncryptInit_ex(cctx, EVP_des_cbc(), nullptr, key, nullptr);
  // CHECK-MESSAGES-OPTS: :[[@LINE-1]]:28: warning: 'DES' (through 'EVP_des_cbc') is a weak cipher
  unsigned char etag[16];
  EVP_get_digestbyname("md4");
  // CHECK-MESSAGES-OPTS: :[[@LINE-1]]:3: warning: 'MD4' (through 'EVP_get_digestbyname')
  unsigned char fingerprint[16];
  EVP_Digest(data, n, fingerprint, nullptr, EVP_get_digestbyname("md4"), nullptr);
}
#endif
