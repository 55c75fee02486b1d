// Keys.cpp - Ed25519 and ECDSA P-256 keys, signing and verification over
// OpenSSL 3 EVP
// SPDX-License-Identifier: Apache-2.0
//
// Signature formats (docs/signing.md): ECDSA P-256 signs SHA-256 of the data
// and yields an ASN.1 DER Ecdsa-Sig-Value, as `openssl dgst -sha256 -sign`
// and `cosign sign-blob --key` do; Ed25519 is PureEdDSA (RFC 8032) over the
// data and yields 64 bytes.
//
// Key material never reaches an error message: errors name the key's
// source and say what is wrong with it, nothing more.

#include "exitbar/Digest.h"
#include "exitbar/Error.h"
#include "exitbar/Signing.h"
#include <openssl/bio.h>
#include <openssl/core_names.h>
#include <openssl/err.h>
#include <openssl/evp.h>
#include <openssl/pem.h>
#include <openssl/x509.h>

namespace exitbar {

struct PublicKey::Impl {
  EVP_PKEY *Key = nullptr;
  ~Impl() { EVP_PKEY_free(Key); }
};

struct PrivateKey::Impl {
  EVP_PKEY *Key = nullptr;
  ~Impl() { EVP_PKEY_free(Key); }
};

std::string_view toString(KeyType T) {
  return T == KeyType::Ed25519 ? "ed25519" : "ecdsa-p256";
}

namespace {

/// RAII for the OpenSSL objects used here.
struct BioDeleter {
  void operator()(BIO *B) const { BIO_free(B); }
};
struct MdCtxDeleter {
  void operator()(EVP_MD_CTX *C) const { EVP_MD_CTX_free(C); }
};
using BioPtr = std::unique_ptr<BIO, BioDeleter>;
using MdCtxPtr = std::unique_ptr<EVP_MD_CTX, MdCtxDeleter>;

BioPtr memoryBio(std::string_view Text) {
  return BioPtr(BIO_new_mem_buf(Text.data(), static_cast<int>(Text.size())));
}

/// A passphrase callback that refuses: encrypted keys are reported, not
/// prompted for (a build must never wait on a terminal).
int refusePassphrase(char *, int, int, void *Asked) {
  *static_cast<bool *>(Asked) = true;
  return -1;
}

/// The key's type, or an input.key.unsupported error naming \p Source.
KeyType keyTypeOf(EVP_PKEY *Key, const std::string &Source) {
  int Id = EVP_PKEY_get_base_id(Key);
  if (Id == EVP_PKEY_ED25519)
    return KeyType::Ed25519;
  if (Id == EVP_PKEY_EC) {
    char Group[64] = {0};
    size_t Length = 0;
    if (EVP_PKEY_get_utf8_string_param(Key, OSSL_PKEY_PARAM_GROUP_NAME, Group,
                                       sizeof Group, &Length) == 1 &&
        (std::string_view(Group) == "prime256v1" ||
         std::string_view(Group) == "P-256"))
      return KeyType::EcdsaP256;
    throw Error("input.key.unsupported", Source, "",
                std::string("EC key on curve '") + Group +
                    "'; ExitBar signs with P-256 (prime256v1) or Ed25519");
  }
  throw Error("input.key.unsupported", Source, "",
              std::string("key type '") + OBJ_nid2sn(Id) +
                  "'; ExitBar signs with Ed25519 or ECDSA P-256");
}

std::string derPublicKey(EVP_PKEY *Key) {
  unsigned char *Der = nullptr;
  int Length = i2d_PUBKEY(Key, &Der);
  if (Length <= 0)
    return {};
  std::string Out(reinterpret_cast<char *>(Der), static_cast<size_t>(Length));
  OPENSSL_free(Der);
  return Out;
}

/// Fills a PublicKey's identity from an EVP_PKEY it shares.
void describe(EVP_PKEY *Key, const std::string &Source, KeyType &Type,
              std::string &Id, std::string &SourceOut) {
  Type = keyTypeOf(Key, Source);
  Id = "sha256:" + sha256Hex(derPublicKey(Key));
  SourceOut = Source;
}

bool contains(std::string_view Text, std::string_view Needle) {
  return Text.find(Needle) != std::string_view::npos;
}

} // namespace

PrivateKey parsePrivateKey(std::string_view Pem, const std::string &Source) {
  if (Pem.find_first_not_of(" \t\r\n") == std::string_view::npos)
    throw Error("input.key.invalid", Source, "", "empty key");
  if (contains(Pem, "-----BEGIN PUBLIC KEY-----") ||
      contains(Pem, "-----BEGIN CERTIFICATE-----"))
    throw Error("input.key.not-private", Source, "",
                "holds a public key or certificate; signing needs the "
                "private key (the public half goes into the trust store)");
  if (contains(Pem, "ENCRYPTED SIGSTORE PRIVATE KEY"))
    throw Error("input.key.encrypted", Source, "",
                "a cosign-encrypted key; export it unencrypted in PKCS#8 "
                "PEM (docs/signing.md) and keep it in a secret store");
  BioPtr Bio = memoryBio(Pem);
  bool Asked = false;
  EVP_PKEY *Raw =
      PEM_read_bio_PrivateKey(Bio.get(), nullptr, refusePassphrase, &Asked);
  ERR_clear_error();
  if (!Raw) {
    if (Asked || contains(Pem, "ENCRYPTED"))
      throw Error("input.key.encrypted", Source, "",
                  "the private key is encrypted; ExitBar reads unencrypted "
                  "PEM keys only (keep them in a secret store)");
    throw Error("input.key.invalid", Source, "",
                "not a PEM private key (PKCS#8 PRIVATE KEY or EC PRIVATE "
                "KEY)");
  }
  PrivateKey Out;
  Out.Key = std::make_shared<PrivateKey::Impl>();
  Out.Key->Key = Raw;
  // The public half shares the key object: OpenSSL's EVP_PKEY holds both.
  EVP_PKEY_up_ref(Raw);
  Out.Public.Key = std::make_shared<PublicKey::Impl>();
  Out.Public.Key->Key = Raw;
  describe(Raw, Source, Out.Public.Type, Out.Public.Id, Out.Public.Source);
  return Out;
}

PublicKey parsePublicKey(std::string_view Pem, const std::string &Source) {
  if (contains(Pem, "PRIVATE KEY-----"))
    throw Error("input.key.not-public", Source, "",
                "holds a private key; trust stores take public keys only "
                "(openssl pkey -pubout)");
  BioPtr Bio = memoryBio(Pem);
  EVP_PKEY *Raw = PEM_read_bio_PUBKEY(Bio.get(), nullptr, nullptr, nullptr);
  ERR_clear_error();
  if (!Raw)
    throw Error("input.key.invalid", Source, "",
                "not a PEM public key (-----BEGIN PUBLIC KEY-----)");
  PublicKey Out;
  Out.Key = std::make_shared<PublicKey::Impl>();
  Out.Key->Key = Raw;
  describe(Raw, Source, Out.Type, Out.Id, Out.Source);
  return Out;
}

std::string generatePrivateKeyPem(KeyType Type) {
  EVP_PKEY *Raw = Type == KeyType::Ed25519
                      ? EVP_PKEY_Q_keygen(nullptr, nullptr, "ED25519")
                      : EVP_PKEY_Q_keygen(nullptr, nullptr, "EC", "P-256");
  if (!Raw) {
    ERR_clear_error();
    throw Error("internal.keygen", "", "", "OpenSSL cannot generate a key");
  }
  BioPtr Bio(BIO_new(BIO_s_mem()));
  PEM_write_bio_PrivateKey(Bio.get(), Raw, nullptr, nullptr, 0, nullptr,
                           nullptr);
  EVP_PKEY_free(Raw);
  char *Data = nullptr;
  long Length = BIO_get_mem_data(Bio.get(), &Data);
  return std::string(Data, static_cast<size_t>(Length));
}

std::string PublicKey::pem() const {
  BioPtr Bio(BIO_new(BIO_s_mem()));
  PEM_write_bio_PUBKEY(Bio.get(), Key->Key);
  char *Data = nullptr;
  long Length = BIO_get_mem_data(Bio.get(), &Data);
  return std::string(Data, static_cast<size_t>(Length));
}

bool PublicKey::verify(std::string_view Data,
                       std::string_view Signature) const {
  if (!Key || Signature.empty())
    return false;
  MdCtxPtr Ctx(EVP_MD_CTX_new());
  const EVP_MD *Md = Type == KeyType::Ed25519 ? nullptr : EVP_sha256();
  bool Ok =
      Ctx &&
      EVP_DigestVerifyInit(Ctx.get(), nullptr, Md, nullptr, Key->Key) == 1 &&
      EVP_DigestVerify(
          Ctx.get(), reinterpret_cast<const unsigned char *>(Signature.data()),
          Signature.size(),
          reinterpret_cast<const unsigned char *>(Data.data()),
          Data.size()) == 1;
  // A malformed signature leaves DER errors queued; they are not ours.
  ERR_clear_error();
  return Ok;
}

std::string PrivateKey::sign(std::string_view Data) const {
  MdCtxPtr Ctx(EVP_MD_CTX_new());
  const EVP_MD *Md = type() == KeyType::Ed25519 ? nullptr : EVP_sha256();
  size_t Length = 0;
  auto Bytes = reinterpret_cast<const unsigned char *>(Data.data());
  if (!Ctx ||
      EVP_DigestSignInit(Ctx.get(), nullptr, Md, nullptr, Key->Key) != 1 ||
      EVP_DigestSign(Ctx.get(), nullptr, &Length, Bytes, Data.size()) != 1) {
    ERR_clear_error();
    throw Error("internal.sign", Public.source(), "", "OpenSSL cannot sign");
  }
  std::string Out(Length, '\0');
  if (EVP_DigestSign(Ctx.get(), reinterpret_cast<unsigned char *>(Out.data()),
                     &Length, Bytes, Data.size()) != 1) {
    ERR_clear_error();
    throw Error("internal.sign", Public.source(), "", "OpenSSL cannot sign");
  }
  Out.resize(Length);
  return Out;
}

} // namespace exitbar
