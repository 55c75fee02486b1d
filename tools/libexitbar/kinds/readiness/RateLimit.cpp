// RateLimit.cpp - rate-limiting signals for `collect readiness`
// SPDX-License-Identifier: Apache-2.0
//
// The audits' "rate limiting: missing". A limiter can live in the code (a
// library, or a token/leaky-bucket guard registered on the server that
// serves the routes) or in front of it (nginx, Envoy, an ingress
// controller, an API gateway); either shows the service was built to shed
// load. Like the monitoring signals, these are readiness facts found in
// text, and the policy chooses which kinds count.

#include "kinds/readiness/Readiness.h"
#include <filesystem>
#include <regex>

namespace fs = std::filesystem;

namespace exitbar {

std::vector<MonitoringSignal> findRateLimitSignals(const std::string &File,
                                                   std::string_view Text) {
  // Code: a limiter library's header, or a limiter (by its type or
  // function's name) in a guard registered on an HTTP server in the same
  // line: a pre-routing handler, middleware, advice or filter.
  static const std::regex Library(
      R"re(^\s*#\s*include\s*[<"](drogon/RateLimiter\.h|folly/TokenBucket\.h|[^">]*(rate_?limit|token_?bucket|leaky_?bucket)[^">]*)[">])re",
      std::regex::icase);
  static const std::regex Guard(
      R"re((set_pre_routing_handler|set_pre_request_handler|registerPreRoutingAdvice|registerPreHandlingAdvice|registerSyncAdvice|addMiddleware|crow::App\s*<|CROW_MIDDLEWARES|ADD_METHOD_TO|mg_set_auth_handler)[^\n]*(rate_?limit|token_?bucket|leaky_?bucket|throttl))re",
      std::regex::icase);
  // Deployment: nginx limit_req(_zone), Envoy's local or global rate limit
  // filter, ingress-nginx annotations, Traefik's rateLimit middleware,
  // Kong's rate-limiting plugin, HAProxy stick-table request rates.
  static const std::regex Deployment(
      R"re(^\s*(limit_req_zone|limit_req)\s|envoy\.filters\.http\.(local_)?ratelimit|envoy\.extensions\.filters\.http\.(local_)?ratelimit|nginx\.ingress\.kubernetes\.io/limit-(rps|rpm|connections)|^\s*rateLimit\s*:|^\s*-?\s*name\s*:\s*rate-limiting\b|sc_http_req_rate)re");
  const std::string Ext = fs::path(File).extension().string();
  const bool IsCode = Ext == ".c" || Ext == ".cc" || Ext == ".cpp" ||
                      Ext == ".cxx" || Ext == ".h" || Ext == ".hh" ||
                      Ext == ".hpp" || Ext == ".hxx" || Ext == ".ipp";
  std::vector<MonitoringSignal> Out;
  size_t Begin = 0, LineNo = 0;
  while (Begin < Text.size()) {
    size_t End = Text.find('\n', Begin);
    if (End == std::string_view::npos)
      End = Text.size();
    ++LineNo;
    std::string Line(Text.substr(Begin, End - Begin));
    Begin = End + 1;
    std::smatch M;
    std::string Where = File + ":" + std::to_string(LineNo);
    if (IsCode) {
      if (std::regex_search(Line, M, Library))
        Out.push_back({"library", Where, M[1].str()});
      else if (std::regex_search(Line, M, Guard))
        Out.push_back({"code", Where, M[1].str() + " with a rate limiter"});
    } else if (std::regex_search(Line, M, Deployment)) {
      std::string What = M[0].str();
      size_t First = What.find_first_not_of(" \t-");
      What = First == std::string::npos ? What : What.substr(First);
      while (!What.empty() && (What.back() == ' ' || What.back() == ':'))
        What.pop_back();
      Out.push_back({"deployment", Where, What});
    }
  }
  return Out;
}

} // namespace exitbar
