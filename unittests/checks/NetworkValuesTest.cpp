// NetworkValuesTest.cpp - the text classifiers exitbar-insecure-transport
// and exitbar-bind-all-interfaces decide with, without a compiler
// SPDX-License-Identifier: Apache-2.0

#include "utils/NetworkValues.h"
#include <gtest/gtest.h>

using namespace clang::tidy::exitbar::utils;

namespace {

const std::vector<std::string> Schemes = {"http", "ftp", "ws"};

TEST(NetworkValuesTest, UrlsAreSplitIntoSchemeHostAndPath) {
  auto U = parseUrl("HTTP://User:pw@Example.ORG:8080/a/b?q#f", Schemes);
  ASSERT_TRUE(U);
  EXPECT_EQ(U->Scheme, "http");
  EXPECT_EQ(U->Host, "example.org"); // user info and port left out
  EXPECT_EQ(U->Path, "/a/b?q#f");
  auto V6 = parseUrl("ws://[::1]:9000", Schemes);
  ASSERT_TRUE(V6);
  EXPECT_EQ(V6->Host, "[::1]");
  EXPECT_EQ(V6->Path, "");
  auto Query = parseUrl("http://host?x=1", Schemes);
  ASSERT_TRUE(Query);
  EXPECT_EQ(Query->Host, "host");
  // Not one of the schemes, no scheme, or nothing before "://".
  EXPECT_FALSE(parseUrl("https://example.org", Schemes));
  EXPECT_FALSE(parseUrl("example.org/http://", Schemes).has_value() &&
               parseUrl("example.org/http://", Schemes)->Scheme == "http");
  EXPECT_FALSE(parseUrl("://example.org", Schemes));
  EXPECT_FALSE(parseUrl("no url here", Schemes));
}

TEST(NetworkValuesTest, LoopbackHosts) {
  for (const char *H : {"localhost", "api.localhost", "127.0.0.1", "127.1.2.3",
                        "[::1]", "0.0.0.0", "[::]"})
    EXPECT_TRUE(isLoopbackHost(H)) << H;
  for (const char *H : {"localhost.example.org", "128.0.0.1", "10.0.0.1",
                        "[::2]", "example.org", "mylocalhost"})
    EXPECT_FALSE(isLoopbackHost(H)) << H;
}

TEST(NetworkValuesTest, IdentifierPathsAreNamespacesAndSchemas) {
  for (const char *P :
       {"/ns/x", "/xmlns/y", "/schemas/a.xsd", "/DTD/xhtml1-strict.dtd"})
    EXPECT_TRUE(looksLikeIdentifierPath(P)) << P;
  // Namespaces whose path says nothing (SVG's "/2000/svg", RDF's
  // "/1999/02/22-rdf-syntax-ns#") are recognised by their host instead
  // (the check's IdentifierHosts: www.w3.org, ...).
  EXPECT_FALSE(looksLikeIdentifierPath("/2000/svg"));
  EXPECT_FALSE(looksLikeIdentifierPath("/1999/02/22-rdf-syntax-ns#"));
  EXPECT_FALSE(looksLikeIdentifierPath("/api/v1/login"));
  EXPECT_FALSE(looksLikeIdentifierPath("/nsfw")); // a segment, not a prefix
}

TEST(NetworkValuesTest, HostPatternsMatchSubdomainsCaseInsensitively) {
  EXPECT_TRUE(hostMatches("example.org", "example.org"));
  EXPECT_TRUE(hostMatches("api.example.org", "example.org"));
  EXPECT_FALSE(hostMatches("badexample.org", "example.org"));
  EXPECT_TRUE(hostMatches("api.example.org", "*.example.org"));
  EXPECT_TRUE(hostMatches("example.org", ".example.org"));
  EXPECT_FALSE(hostMatches("badexample.org", "*.example.org"));
  // Patterns come from .clang-tidy as people write them; hosts from
  // parseUrl, lowercase.
  EXPECT_TRUE(hostMatches("api.example.org", "Example.ORG"));
  EXPECT_TRUE(hostMatches("api.example.org", "*.Example.org"));
  EXPECT_TRUE(hostMatches("example.org", ".EXAMPLE.org"));
}

TEST(NetworkValuesTest, SecureSchemes) {
  EXPECT_EQ(secureScheme("http"), "https://");
  EXPECT_EQ(secureScheme("ws"), "wss://");
  EXPECT_EQ(secureScheme("telnet"), "ssh");
  EXPECT_EQ(secureScheme("gopher"), "an encrypted protocol");
}

TEST(NetworkValuesTest, AddressesOfEveryInterface) {
  for (const char *S :
       {"0.0.0.0", "::", "::0", "0:0:0:0:0:0:0:0", "[::]:8080", "0.0.0.0:50051",
        "*:9080", "*", "tcp://*:5555", " 0.0.0.0 ", "http://0.0.0.0:80/path"})
    EXPECT_TRUE(isAnyAddressSpec(S)) << S;
  for (const char *S :
       {"127.0.0.1", "::1", "[::1]:8080", "10.0.0.1:80", "localhost:8080",
        "tcp://127.0.0.1:5555", "[::", "example.org", ""})
    EXPECT_FALSE(isAnyAddressSpec(S)) << S;
  EXPECT_TRUE(isUnspecifiedHost("0:0::0"));
  EXPECT_FALSE(isUnspecifiedHost("0:0::1"));
}

} // namespace
