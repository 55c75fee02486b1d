// RateLimitTest.cpp - unit tests of the rate-limiting readiness signals
// SPDX-License-Identifier: Apache-2.0

#include "kinds/readiness/Readiness.h"
#include <gtest/gtest.h>

using namespace exitbar;

TEST(RateLimitSignals, DeploymentFiles) {
  auto S = findRateLimitSignals(
      "deploy/nginx.conf",
      "http {\n  limit_req_zone $binary_remote_addr zone=z:10m rate=5r/s;\n"
      "  # limit_req in a comment line is still nginx syntax below\n"
      "  location / { proxy_pass http://app; }\n}\n");
  ASSERT_EQ(S.size(), 1u);
  EXPECT_EQ(S[0].Kind, "deployment");
  EXPECT_EQ(S[0].Where, "deploy/nginx.conf:2");
  EXPECT_EQ(S[0].What, "limit_req_zone");
  auto Ingress = findRateLimitSignals(
      "k8s/ingress.yaml",
      "metadata:\n  annotations:\n"
      "    nginx.ingress.kubernetes.io/limit-rps: \"10\"\n");
  ASSERT_EQ(Ingress.size(), 1u);
  EXPECT_EQ(Ingress[0].What, "nginx.ingress.kubernetes.io/limit-rps");
  auto Envoy = findRateLimitSignals(
      "envoy.yaml", "    - name: envoy.filters.http.local_ratelimit\n");
  ASSERT_EQ(Envoy.size(), 1u);
}

TEST(RateLimitSignals, CodeNeedsALimiterOnAServer) {
  auto S = findRateLimitSignals(
      "src/main.cpp",
      "#include <drogon/RateLimiter.h>\n"
      "svr.set_pre_routing_handler(RateLimiter(100));\n"
      "svr.set_pre_routing_handler(checkAuth);\n"
      "int rate_limit = 3; // a variable is no limiter on a server\n");
  ASSERT_EQ(S.size(), 2u);
  EXPECT_EQ(S[0].Kind, "library");
  EXPECT_EQ(S[1].Kind, "code");
  EXPECT_EQ(S[1].Where, "src/main.cpp:2");
  // nginx syntax in a C++ file is not a deployment signal.
  EXPECT_TRUE(findRateLimitSignals("a.cpp", "limit_req zone=z;\n").empty());
  EXPECT_TRUE(findRateLimitSignals("README.md", "no limits\n").empty());
}
