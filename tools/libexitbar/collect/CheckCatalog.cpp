// CheckCatalog.cpp - severity and CWE ids of every exitbar-* check
// SPDX-License-Identifier: Apache-2.0
//
// clang-tidy diagnostics carry no severity, so the catalogue supplies it. A
// check whose diagnostics differ in gravity refines it by the subject its
// message quotes first ('gets' is worse than 'strcpy').

#include "exitbar/Findings.h"
#include <algorithm>
#include <map>

namespace exitbar {
namespace {

struct SubjectRule {
  const char *Subject;
  Severity Level;
  std::vector<std::string> Cwe;
};

struct CatalogEntry {
  Severity Level;
  std::vector<std::string> Cwe;
  std::vector<SubjectRule> Subjects;
};

const std::map<std::string, CatalogEntry> &catalog() {
  static const std::map<std::string, CatalogEntry> Entries = {
      {"exitbar-bind-all-interfaces", {Severity::Medium, {"CWE-1327"}, {}}},
      {"exitbar-command-injection", {Severity::Critical, {"CWE-78"}, {}}},
      {"exitbar-default-credentials",
       {Severity::High, {"CWE-1392", "CWE-798"}, {}}},
      {"exitbar-hardcoded-secret", {Severity::Critical, {"CWE-798"}, {}}},
      // A value that becomes a secret is high; every other use of the C
      // generators, and predictable seeds, only low ('rand' in a game is
      // fine).
      // Deployment files (`exitbar collect infra`), not the plugin.
      {"exitbar-infra-compose-public-port",
       {Severity::Medium, {"CWE-1327"}, {}}},
      {"exitbar-infra-open-admin-port", {Severity::High, {"CWE-284"}, {}}},
      {"exitbar-infra-privileged-container", {Severity::High, {"CWE-250"}, {}}},
      {"exitbar-infra-root-container", {Severity::Medium, {"CWE-250"}, {}}},
      {"exitbar-insecure-random",
       {Severity::High,
        {"CWE-338"},
        {{"rand", Severity::Low, {"CWE-338"}},
         {"random", Severity::Low, {"CWE-338"}},
         {"rand_r", Severity::Low, {"CWE-338"}},
         {"drand48", Severity::Low, {"CWE-338"}},
         {"erand48", Severity::Low, {"CWE-338"}},
         {"lrand48", Severity::Low, {"CWE-338"}},
         {"nrand48", Severity::Low, {"CWE-338"}},
         {"mrand48", Severity::Low, {"CWE-338"}},
         {"jrand48", Severity::Low, {"CWE-338"}},
         {"time", Severity::Low, {"CWE-337"}},
         {"clock", Severity::Low, {"CWE-337"}},
         {"now", Severity::Low, {"CWE-337"}},
         {"getpid", Severity::Low, {"CWE-337"}},
         {"getppid", Severity::Low, {"CWE-337"}},
         {"gettid", Severity::Low, {"CWE-337"}},
         {"GetTickCount", Severity::Low, {"CWE-337"}},
         {"GetTickCount64", Severity::Low, {"CWE-337"}},
         {"GetCurrentProcessId", Severity::Low, {"CWE-337"}},
         {"timeGetTime", Severity::Low, {"CWE-337"}}}}},
      {"exitbar-insecure-transport", {Severity::Medium, {"CWE-319"}, {}}},
      {"exitbar-path-traversal", {Severity::High, {"CWE-22"}, {}}},
      {"exitbar-secret-in-log", {Severity::High, {"CWE-532"}, {}}},
      {"exitbar-stub-implementation", {Severity::Medium, {"CWE-546"}, {}}},
      {"exitbar-tls-verification-disabled",
       {Severity::Critical, {"CWE-295"}, {}}},
      // Never a finding: the collector moves it to unanalysed_regions.
      {"exitbar-unanalysed-region", {Severity::Low, {}, {}}},
      // Routes that change state are high; reads (and handlers that serve
      // every method without saying which) medium.
      {"exitbar-unauthenticated-route",
       {Severity::Medium,
        {"CWE-306"},
        {{"POST", Severity::High, {"CWE-306"}},
         {"PUT", Severity::High, {"CWE-306"}},
         {"PATCH", Severity::High, {"CWE-306"}},
         {"DELETE", Severity::High, {"CWE-306"}}}}},
      {"exitbar-unsafe-function",
       {Severity::High,
        {"CWE-676"},
        {{"gets", Severity::Critical, {"CWE-242"}},
         {"strcpy", Severity::High, {"CWE-120"}},
         {"strcat", Severity::High, {"CWE-120"}},
         {"sprintf", Severity::High, {"CWE-120"}},
         {"vsprintf", Severity::High, {"CWE-120"}},
         {"wcscpy", Severity::High, {"CWE-120"}},
         {"wcscat", Severity::High, {"CWE-120"}},
         {"tmpnam", Severity::High, {"CWE-377"}},
         {"tempnam", Severity::High, {"CWE-377"}},
         {"mktemp", Severity::High, {"CWE-377"}},
         {"operator>>", Severity::High, {"CWE-120"}},
         {"scanf", Severity::High, {"CWE-120"}},
         {"fscanf", Severity::High, {"CWE-120"}},
         {"sscanf", Severity::High, {"CWE-120"}}}}},
      // No verification at all is high; a verification whose comparison
      // leaks timing is a weaker flaw (medium, CWE-208).
      {"exitbar-unverified-webhook",
       {Severity::High,
        {"CWE-345"},
        {{"==", Severity::Medium, {"CWE-208"}},
         {"!=", Severity::Medium, {"CWE-208"}},
         {"strcmp", Severity::Medium, {"CWE-208"}},
         {"strncmp", Severity::Medium, {"CWE-208"}},
         {"strcasecmp", Severity::Medium, {"CWE-208"}},
         {"strncasecmp", Severity::Medium, {"CWE-208"}},
         {"memcmp", Severity::Medium, {"CWE-208"}},
         {"bcmp", Severity::Medium, {"CWE-208"}},
         {"wcscmp", Severity::Medium, {"CWE-208"}},
         {"compare", Severity::Medium, {"CWE-208"}},
         {"equal", Severity::Medium, {"CWE-208"}}}}},
      {"exitbar-weak-crypto",
       {Severity::High,
        {"CWE-327", "CWE-328"},
        {{"MD5", Severity::High, {"CWE-328"}},
         {"MD4", Severity::High, {"CWE-328"}},
         {"MD2", Severity::High, {"CWE-328"}},
         {"SHA-1", Severity::High, {"CWE-328"}},
         {"DES", Severity::High, {"CWE-327"}},
         {"3DES", Severity::High, {"CWE-327"}},
         {"RC4", Severity::High, {"CWE-327"}},
         {"RC2", Severity::High, {"CWE-327"}},
         {"RC5", Severity::High, {"CWE-327"}},
         {"Blowfish", Severity::High, {"CWE-327"}},
         {"ECB", Severity::High, {"CWE-327"}}}}},
  };
  return Entries;
}

/// The first '...'-quoted word of a diagnostic message.
std::string firstQuoted(const std::string &Message) {
  auto Open = Message.find('\'');
  if (Open == std::string::npos)
    return {};
  auto Close = Message.find('\'', Open + 1);
  if (Close == std::string::npos)
    return {};
  return Message.substr(Open + 1, Close - Open - 1);
}

} // namespace

CheckInfo classifyFinding(const std::string &Check,
                          const std::string &Message) {
  auto It = catalog().find(Check);
  if (It == catalog().end())
    return {Severity::Low, {}};
  const CatalogEntry &Entry = It->second;
  std::string Subject = firstQuoted(Message);
  for (const SubjectRule &Rule : Entry.Subjects)
    if (Subject == Rule.Subject)
      return {Rule.Level, Rule.Cwe};
  return {Entry.Level, Entry.Cwe};
}

void reclassifyFindings(FindingsEvidence &E) {
  for (Finding &F : E.Findings) {
    if (catalog().count(F.Check) == 0)
      continue;
    CheckInfo Info = classifyFinding(F.Check, F.Message);
    F.Level = Info.Level;
    F.Cwe = Info.Cwe;
  }
  E.normalize();
}

std::vector<CheckInfo> checkClassifications(const std::string &Check) {
  auto It = catalog().find(Check);
  if (It == catalog().end())
    return {};
  std::vector<CheckInfo> All{{It->second.Level, It->second.Cwe}};
  for (const SubjectRule &Rule : It->second.Subjects)
    All.push_back({Rule.Level, Rule.Cwe});
  return All;
}

std::vector<std::string> knownChecks() {
  std::vector<std::string> Names;
  for (const auto &Entry : catalog())
    Names.push_back(Entry.first);
  return Names;
}

} // namespace exitbar
