// PipelineTest.cpp - unit tests of the gate as a library call and of run ids
// SPDX-License-Identifier: Apache-2.0

#include "exitbar/Pipeline.h"
#include "TestDir.h"
#include "exitbar/Error.h"
#include "exitbar/Files.h"
#include <gtest/gtest.h>
#include <regex>

using namespace exitbar;
namespace fs = std::filesystem;

namespace {

const char *const Reports[] = {
    "verdict.json",        "report.md",         "report.html",
    "exitbar.sarif",       "exitbar-junit.xml", "gl-code-quality-report.json",
    "gl-sast-report.json", "audit-log.jsonl"};

TEST(PipelineTest, RunIdsAreTimeAndRandomDigitsAndDiffer) {
  Env E = Env::fixed({}, 1700000000);
  std::string A = newRunId(E), B = newRunId(E);
  EXPECT_TRUE(std::regex_match(A, std::regex("20231114T221320-[0-9a-f]{12}")))
      << A;
  EXPECT_NE(A, B);
}

TEST(PipelineTest, TheGateWritesEveryReportAndFailsWithoutEvidence) {
  fs::path Dir = test::freshTestDir("pipeline-gate");
  fs::create_directories(Dir / "evidence");
  GateSettings R;
  R.EvidenceDir = (Dir / "evidence").string();
  std::vector<std::string> Warnings;
  GateOutcome O = runGate(R, Env::fixed({}, 1700000000),
                          [&](const std::string &W) { Warnings.push_back(W); });
  // The built-in policy's must criteria have no evidence: never a pass.
  EXPECT_EQ(O.Result.Result, Status::NoGo);
  EXPECT_TRUE(O.Fails);
  EXPECT_EQ(fs::path(O.ReportDir), Dir);
  for (const char *Name : Reports)
    EXPECT_TRUE(fs::exists(Dir / Name)) << Name;
}

TEST(PipelineTest, ABadPolicyStopsTheGateBeforeAnyOutput) {
  fs::path Dir = test::freshTestDir("pipeline-bad-policy");
  fs::create_directories(Dir / "evidence");
  writeFileAtomically((Dir / "policy.json").string(), "{\"schema\": 3}");
  GateSettings R;
  R.EvidenceDir = (Dir / "evidence").string();
  R.PolicyFile = (Dir / "policy.json").string();
  EXPECT_THROW(runGate(R, Env::fixed({}), [](const std::string &) {}), Error);
  for (const char *Name : Reports)
    EXPECT_FALSE(fs::exists(Dir / Name)) << Name;
}

TEST(PipelineTest, RunRefusesAMissingBuildTreeBeforeRunningAnything) {
  fs::path Dir = test::freshTestDir("pipeline-run");
  RunSettings R;
  R.BuildDir = (Dir / "missing").string();
  R.SourceDir = Dir.string();
  try {
    runPipeline(R, Env::fixed({}), RunReporter());
    FAIL() << "no error";
  } catch (const Error &E) {
    EXPECT_EQ(E.id(), "usage.run.build-dir");
  }
  EXPECT_FALSE(fs::exists(Dir / "missing"));
}

} // namespace
