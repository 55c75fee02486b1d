// Mock Poco digest engines for lit tests.
#ifndef MOCK_POCO_MD5ENGINE_H
#define MOCK_POCO_MD5ENGINE_H
namespace Poco {
class DigestEngine {
public:
  virtual ~DigestEngine();
  void update(const char *data, unsigned long length);
};
class MD5Engine : public DigestEngine {
public:
  MD5Engine();
};
class SHA1Engine : public DigestEngine {
public:
  SHA1Engine();
};
} // namespace Poco
#endif
