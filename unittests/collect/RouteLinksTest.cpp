// RouteLinksTest.cpp - unit tests of linking routes and guards across
// translation units
// SPDX-License-Identifier: Apache-2.0

#include "exitbar/Error.h"
#include "exitbar/EvidenceJson.h"
#include "exitbar/Findings.h"
#include <gtest/gtest.h>

using namespace exitbar;

namespace {

const char *Check = "exitbar-unauthenticated-route";
const char *SetupRoutes = "param:c:@F@setup_routes#&$@httplib@S@Server#0";
const char *Install = "param:c:@F@install_auth#&$@httplib@S@Server#0";

ServerSummary route(const std::string &Server, const std::string &Library,
                    const std::string &Pattern = "/api/orders") {
  ServerSummary S;
  S.K = ServerSummary::Kind::Route;
  S.Server = Server;
  S.Library = Library;
  S.Check = Check;
  S.Pattern = Pattern;
  S.File = "routes.cpp";
  S.Line = 7;
  S.Column = 10;
  S.Message = "unauthenticated 'POST' route '" + Pattern + "'";
  S.LineText = "  svr.Post(\"" + Pattern + "\", handler);";
  return S;
}

ServerSummary guard(const std::string &Server, const std::string &Library,
                    const std::string &Prefix = "") {
  ServerSummary S;
  S.K = ServerSummary::Kind::Guard;
  S.Server = Server;
  S.Library = Library;
  S.Prefix = Prefix;
  return S;
}

ServerSummary handed(const std::string &Server, const std::string &To) {
  ServerSummary S;
  S.K = ServerSummary::Kind::Pass;
  S.Server = Server;
  S.To = To;
  return S;
}

size_t linkedFindings(std::vector<ServerSummary> Summaries) {
  FindingsEvidence E;
  E.ServerSummaries = std::move(Summaries);
  linkServerSummaries(E);
  EXPECT_TRUE(E.ServerSummaries.empty());
  return E.Findings.size();
}

TEST(RouteLinksTest, DrogonRoutesAreGuardedByAnAdviceInAnyUnit) {
  EXPECT_EQ(linkedFindings({route("", "drogon")}), 1u);
  EXPECT_EQ(linkedFindings({route("", "drogon"), guard("", "drogon")}), 0u);
  // Another library's guard, or one for other paths, does not count.
  EXPECT_EQ(linkedFindings({route("", "drogon"), guard("", "crow")}), 1u);
  EXPECT_EQ(
      linkedFindings({route("", "drogon"), guard("", "drogon", "/admin")}), 1u);
  EXPECT_EQ(linkedFindings({route("", "drogon", "/admin/users"),
                            guard("", "drogon", "/admin")}),
            0u);
}

TEST(RouteLinksTest, AServerHandedToTheRoutesIsGuardedWhereItWasMade) {
  const char *Main = "local:/src/main.cpp:5:19";
  // main() makes the server, guards it and hands it to setup_routes().
  EXPECT_EQ(
      linkedFindings({route(SetupRoutes, "cpp-httplib"),
                      handed(Main, SetupRoutes), guard(Main, "cpp-httplib")}),
      0u);
  // The guard is registered by install_auth(), defined in a third unit.
  EXPECT_EQ(linkedFindings({route(SetupRoutes, "cpp-httplib"),
                            handed(Main, SetupRoutes), handed(Main, Install),
                            guard(Install, "cpp-httplib")}),
            0u);
  // Nobody guards it.
  EXPECT_EQ(linkedFindings({route(SetupRoutes, "cpp-httplib"),
                            handed(Main, SetupRoutes), handed(Main, Install)}),
            1u);
}

TEST(RouteLinksTest, EveryServerTheRoutesGoOnMustBeGuarded) {
  const char *Public = "local:/src/main.cpp:5:19";
  const char *Admin = "local:/src/main.cpp:6:19";
  std::vector<ServerSummary> Both = {
      route(SetupRoutes, "cpp-httplib"), handed(Public, SetupRoutes),
      handed(Admin, SetupRoutes), guard(Admin, "cpp-httplib")};
  EXPECT_EQ(linkedFindings(Both), 1u);
  Both.push_back(guard(Public, "cpp-httplib"));
  EXPECT_EQ(linkedFindings(Both), 0u);
}

TEST(RouteLinksTest, RoutesNobodyIsSeenToCallAreJudgedOnTheirOwn) {
  EXPECT_EQ(linkedFindings({route(SetupRoutes, "cpp-httplib")}), 1u);
  EXPECT_EQ(linkedFindings({route(SetupRoutes, "cpp-httplib"),
                            guard(SetupRoutes, "cpp-httplib")}),
            0u);
  // A member or global guarded in another unit: the same node.
  const char *Member = "field:c:@S@Service@FI@server_";
  EXPECT_EQ(linkedFindings(
                {route(Member, "cpp-httplib"), guard(Member, "cpp-httplib")}),
            0u);
  // A cycle of hand-overs with no guard anywhere still reports.
  const char *Other = "param:c:@F@more_routes#&$@httplib@S@Server#0";
  EXPECT_EQ(
      linkedFindings({route(SetupRoutes, "cpp-httplib"),
                      handed(SetupRoutes, Other), handed(Other, SetupRoutes)}),
      1u);
}

TEST(RouteLinksTest, ALinkedFindingIsTheOneTheUnitWouldHaveReported) {
  FindingsEvidence E;
  E.ServerSummaries = {route(SetupRoutes, "cpp-httplib")};
  linkServerSummaries(E);
  ASSERT_EQ(E.Findings.size(), 1u);
  const Finding &F = E.Findings[0];
  EXPECT_EQ(F.Check, Check);
  EXPECT_EQ(F.File, "routes.cpp");
  EXPECT_EQ(F.Line, 7);
  EXPECT_EQ(F.Message, "unauthenticated 'POST' route '/api/orders'");
  EXPECT_EQ(F.Fingerprint.size(), 32u);
}

TEST(RouteLinksTest, PluginLinesAndFragmentsRoundTrip) {
  std::string Lines =
      R"({"kind":"route","check":"exitbar-unauthenticated-route",)"
      R"("server":"","library":"drogon","pattern":"/orders",)"
      R"("file":"/src/ctl/Orders.h","line":4,"column":7,"message":"m"})"
      "\n"
      R"({"kind":"guard","server":"","library":"drogon","prefix":""})"
      "\n"
      R"({"kind":"server-pass","server":"local:/src/m.cc:3:4","to":"param:x#0"})"
      "\n";
  TidyOutputOptions Options{"/src", {}};
  Options.ReadLine = [](const std::string &File, int Line) {
    return File + ":" + std::to_string(Line);
  };
  FindingsEvidence Fragment;
  readPluginSummaries(Lines, "s.jsonl", Options, Fragment);
  ASSERT_EQ(Fragment.ServerSummaries.size(), 3u);
  const ServerSummary &Route = Fragment.ServerSummaries[0];
  EXPECT_EQ(Route.File, "ctl/Orders.h"); // named as findings name files
  EXPECT_EQ(Route.LineText, "/src/ctl/Orders.h:4");
  Fragment.normalize();
  nlohmann::json J = Fragment;
  EXPECT_EQ(findingsFromJson(J, "fragment.json").ServerSummaries,
            Fragment.ServerSummaries);
  try {
    readPluginSummaries(R"({"kind":"route","server":""})"
                        "\n",
                        "s.jsonl", Options, Fragment);
    FAIL() << "no error";
  } catch (const Error &X) {
    EXPECT_NE(X.file().find("s.jsonl:1"), std::string::npos) << X.what();
  }
}

} // namespace
