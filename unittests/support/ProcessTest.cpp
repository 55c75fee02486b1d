// ProcessTest.cpp - unit tests of runProcess: output, exit codes, timeouts
// SPDX-License-Identifier: Apache-2.0

#include "exitbar/Process.h"
#include "TestDir.h"
#include "exitbar/Env.h"
#include "exitbar/Error.h"
#include "exitbar/Files.h"
#include "exitbar/Signing.h"
#include <algorithm>
#include <chrono>
#include <cstdlib>
#include <gtest/gtest.h>

using namespace exitbar;
using namespace std::chrono;

namespace {

ProcessOptions after(milliseconds Timeout) {
  ProcessOptions Options;
  Options.Timeout = Timeout;
  return Options;
}

TEST(ProcessTest, CapturesStdoutAndTheExitCode) {
  ProcessResult R = runProcess({"sh", "-c", "echo hi; exit 3"});
  EXPECT_EQ(R.Stdout, "hi\n");
  EXPECT_EQ(R.ExitCode, 3);
  EXPECT_THROW(runProcess({"exitbar-no-such-program"}), Error);
}

TEST(ProcessTest, StderrCanGoToAFileApartFromStdout) {
  std::string File = (test::freshTestDir("process") / "stderr.txt").string();
  ProcessOptions Options;
  Options.StderrFile = File;
  ProcessResult R = runProcess(
      {"sh", "-c", "echo out; echo err >&2; echo more >&2"}, Options);
  EXPECT_EQ(R.Stdout, "out\n");
  EXPECT_EQ(readFile(File), "err\nmore\n");
  // An earlier run's text is replaced, not appended to.
  runProcess({"sh", "-c", "echo again >&2"}, Options);
  EXPECT_EQ(readFile(File), "again\n");
}

TEST(ProcessTest, ATimeoutKillsTheWholeProcessGroupAndSaysWhichCommand) {
  auto Start = steady_clock::now();
  try {
    // The shell's own child (sleep) holds stdout open: only killing the
    // group ends the read.
    runProcess({"sh", "-c", "sleep 30; echo late"}, after(milliseconds(300)));
    FAIL() << "no timeout";
  } catch (const Error &X) {
    EXPECT_EQ(X.id(), "process.timeout");
    EXPECT_NE(std::string(X.what()).find("sh -c sleep 30; echo late"),
              std::string::npos)
        << X.what();
    EXPECT_NE(std::string(X.what()).find("0.3 s"), std::string::npos)
        << X.what();
  }
  EXPECT_LT(steady_clock::now() - Start, seconds(10));
  // A child that closed its stdout and goes on running times out too.
  EXPECT_THROW(
      runProcess({"sh", "-c", "exec >&-; sleep 30"}, after(milliseconds(300))),
      Error);
  EXPECT_LT(steady_clock::now() - Start, seconds(20));
}

TEST(ProcessTest, DefaultTimeoutsArePerProgramAndOverridable) {
  EXPECT_EQ(defaultProcessTimeout("/usr/bin/git"), minutes(2));
  EXPECT_EQ(defaultProcessTimeout("gcov-12"), minutes(10));
  EXPECT_EQ(defaultProcessTimeout("cmake"), minutes(30));
  EXPECT_EQ(defaultProcessTimeout("clang-tidy-14"), minutes(30));
  setProcessTimeout(milliseconds(200));
  EXPECT_EQ(defaultProcessTimeout("git"), milliseconds(200));
  EXPECT_THROW(runProcess({"sleep", "30"}), Error);
  setProcessTimeout(std::nullopt);
  EXPECT_EQ(defaultProcessTimeout("git"), minutes(2));
}

} // namespace

namespace {

// An env://NAME signing key is visible to every build step; ExitBar must not
// hand it on to the programs it runs (and they to the tests they run).
TEST(ProcessTest, KeysFromTheEnvironmentDoNotReachChildren) {
  std::string Pem = generatePrivateKeyPem(KeyType::Ed25519);
  ::setenv("EXITBAR_TEST_CHILD_KEY", Pem.c_str(), 1);
  ::setenv("EXITBAR_TEST_OTHER", "visible", 1);
  ::setenv("EXITBAR_TEST_UNSET", "dropped", 1);
  EXPECT_NE(runProcess({"env"}).Stdout.find("EXITBAR_TEST_CHILD_KEY="),
            std::string::npos);
  std::string Warning;
  loadPrivateKey("env://EXITBAR_TEST_CHILD_KEY", Env::process(), Warning);
  ProcessOptions Options;
  Options.UnsetEnvironment = {"EXITBAR_TEST_UNSET"};
  std::string Seen = runProcess({"env"}, Options).Stdout;
  EXPECT_EQ(Seen.find("EXITBAR_TEST_CHILD_KEY="), std::string::npos);
  EXPECT_EQ(Seen.find("PRIVATE KEY"), std::string::npos);
  EXPECT_EQ(Seen.find("EXITBAR_TEST_UNSET="), std::string::npos);
  EXPECT_NE(Seen.find("EXITBAR_TEST_OTHER=visible"), std::string::npos);
  // Nor their children's children.
  Seen = runProcess({"sh", "-c", "sh -c env"}).Stdout;
  EXPECT_EQ(Seen.find("EXITBAR_TEST_CHILD_KEY="), std::string::npos);
  ::unsetenv("EXITBAR_TEST_CHILD_KEY");
  ::unsetenv("EXITBAR_TEST_OTHER");
  ::unsetenv("EXITBAR_TEST_UNSET");
}

TEST(ProcessTest, SetEnvironmentReplacesOursAndSecretsStayOut) {
  ::setenv("EXITBAR_TEST_PREFIX", "ours", 1);
  ::setenv("EXITBAR_TEST_SET_SECRET", "s3cret", 1);
  keepOutOfChildEnvironments("EXITBAR_TEST_SET_SECRET");
  ProcessOptions Options;
  Options.SetEnvironment = {"EXITBAR_TEST_PREFIX=theirs"};
  std::string Seen = runProcess({"env"}, Options).Stdout;
  EXPECT_NE(Seen.find("EXITBAR_TEST_PREFIX=theirs"), std::string::npos);
  EXPECT_EQ(Seen.find("EXITBAR_TEST_PREFIX=ours"), std::string::npos);
  EXPECT_EQ(Seen.find("s3cret"), std::string::npos);
  // What a child started by other means (collect energy's wait4) gets.
  std::vector<std::string> Child = childEnvironment({}, {});
  EXPECT_EQ(std::count(Child.begin(), Child.end(), "EXITBAR_TEST_PREFIX=ours"),
            1);
  EXPECT_EQ(std::count_if(Child.begin(), Child.end(),
                          [](const std::string &Var) {
                            return Var.rfind("EXITBAR_TEST_SET_SECRET=", 0) ==
                                   0;
                          }),
            0);
  ::unsetenv("EXITBAR_TEST_PREFIX");
  ::unsetenv("EXITBAR_TEST_SET_SECRET");
}

} // namespace
