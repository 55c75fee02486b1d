// Run.cpp - the whole pipeline: tests, every collector, then the gate
// SPDX-License-Identifier: Apache-2.0
//
// The one description of the pipeline: the `exitbar` target of a project
// (ExitBarCollect.cmake), ExitBar's own gate (scripts/dogfood.sh) and a CI
// job all call it through `exitbar run`.

#include "exitbar/Error.h"
#include "exitbar/EvidenceJson.h"
#include "exitbar/EvidenceKinds.h"
#include "exitbar/Files.h"
#include "exitbar/Findings.h"
#include "exitbar/Infra.h"
#include "exitbar/Pipeline.h"
#include "exitbar/Process.h"
#include <chrono>
#include <ctime>
#include <filesystem>
#include <fmt/core.h>
#include <fstream>
#include <random>

namespace fs = std::filesystem;

namespace exitbar {

namespace {

/// The tests and benchmarks the pipeline starts are the project's code:
/// ctest runs for hours on a big project, and a benchmark as long as it
/// needs; neither gets the short default timeout of a tool.
constexpr std::chrono::hours ProjectCodeTimeout{24};

/// One run of the pipeline: its request, folders and run id.
class Pipeline {
public:
  Pipeline(const RunSettings &Request, const Env &Environment,
           const RunReporter &Reporter)
      : R(Request), Environment(Environment), Reporter(Reporter),
        // Absolute: ctest reads --output-junit relative to its test folder.
        Build(fs::absolute(Request.BuildDir).lexically_normal()),
        State(Build / "exitbar"), Evidence(State / "evidence"),
        RunId(Request.RunId.empty() ? newRunId(Environment) : Request.RunId) {}

  GateOutcome run() {
    checkRequest();
    fs::create_directories(Evidence);
    keepSecretsFromChildren();
    measureEnergyWithoutTests();
    if (!R.Ctest.empty() || !R.Junit.empty())
      collectTests();
    if (measuresCoverage())
      collectCoverage();
    reportCacheStatistics();
    collectInfra();
    collectFindings();
    collectReadiness();
    collectBenchmarks();
    collectSignatures();
    collectSbom();
    collectVulnerabilities();
    collectApprovals();
    return gate();
  }

private:
  const RunSettings &R;
  const Env &Environment;
  const RunReporter &Reporter;
  const fs::path Build, State, Evidence;
  const std::string RunId;

  bool measuresCoverage() const {
    return !R.Gcov.empty() || !R.LlvmCov.empty() || !R.CoverageInputs.empty();
  }

  void checkRequest() const {
    std::error_code Ec;
    if (R.BuildDir.empty() || !fs::is_directory(R.BuildDir, Ec))
      throw Error("usage.run.build-dir", R.BuildDir, "",
                  "--build-dir must name an existing build tree");
    if (R.SourceDir.empty() || !fs::is_directory(R.SourceDir, Ec))
      throw Error("usage.run.source-dir", R.SourceDir, "",
                  "--source-dir must name an existing folder");
    if (R.LlvmCov.empty() != R.LlvmProfdata.empty())
      throw Error("usage.coverage.llvm-tools", "", "",
                  "--llvm-profdata and --llvm-cov go together");
    if (!R.Ctest.empty() && !R.Junit.empty())
      throw Error("usage.run.tests", "", "",
                  "give --ctest (run the tests) or --junit (results already "
                  "produced), not both");
  }

  /// Keys given as env://NAME are in our environment; the tests and
  /// benchmarks are the project's code and must not inherit them (a test
  /// could print or send the release key): the attestation key's, and the
  /// signing key's that exitbar_sign_artifacts() recorded.
  void keepSecretsFromChildren() const {
    const std::string Scheme = "env://";
    if (R.AttestKey.rfind(Scheme, 0) == 0)
      keepOutOfChildEnvironments(R.AttestKey.substr(Scheme.size()));
    std::ifstream Recorded(State / "secret-env.txt");
    for (std::string Name; std::getline(Recorded, Name);)
      if (!Name.empty())
        keepOutOfChildEnvironments(Name);
  }

  /// Runs the registered kind \p Name's collector and writes its evidence
  /// with this run's id.
  CollectResult collect(const char *Name, CollectRequest Request) const {
    const EvidenceKind *K = findEvidenceKind(Name);
    Request.Environment = Environment;
    Request.Warn = Reporter.Warn;
    CollectResult Result = K->Collect(Request);
    std::string Out = (Evidence / K->File).string();
    writeEvidence(Out, Result.Evidence, RunId);
    Reporter.Collected(Result.Summary + " -> " + Out);
    for (const std::string &Line : Result.MoreLines)
      Reporter.Collected(Line);
    return Result;
  }

  /// The energy collector's request, or none without a grid intensity.
  std::optional<CollectRequest> energyRequest() const {
    if (R.GridIntensity.empty())
      return std::nullopt;
    CollectRequest E;
    E.Options["--grid-intensity"] = {R.GridIntensity};
    if (!R.PolicyFile.empty())
      E.Options["--policy"] = {R.PolicyFile};
    if (!R.EnergyBaseline.empty())
      E.Options["--baseline"] = {R.EnergyBaseline};
    std::error_code Ec;
    if (fs::exists(Build / ".ninja_log", Ec))
      E.Options["--ninja-log"] = {(Build / ".ninja_log").string()};
    return E;
  }

  /// Energy and CO2e: the build priced from Ninja's log, and the test run
  /// measured when the pipeline runs the tests (collectTests). An earlier
  /// run's figures are never evidence of this one.
  void measureEnergyWithoutTests() const {
    fs::remove(Evidence / "energy.json");
    std::optional<CollectRequest> E = energyRequest();
    if (!E || !R.Ctest.empty())
      return;
    if (E->Options.count("--ninja-log"))
      collect("energy", *E);
    else
      Reporter.Say("energy: no tests run (no --ctest) and the generator "
                   "keeps no .ninja_log; nothing to measure");
  }

  /// The tests run on every pipeline, into a JUnit file of this run only:
  /// results of an earlier run (before a test was added, or before the
  /// build changed in a way no timestamp shows) are never evidence.
  void collectTests() const {
    std::vector<std::string> Junit = R.Junit;
    if (!R.Ctest.empty()) {
      for (const auto &Entry : fs::directory_iterator(State))
        if (Entry.path().filename().string().rfind("ctest-junit", 0) == 0)
          fs::remove(Entry.path());
      std::string File = (State / ("ctest-junit-" + RunId + ".xml")).string();
      removeCoverageCounts();
      Reporter.Say("running the tests for fresh results");
      std::vector<std::string> Ctest = {
          R.Ctest, "--test-dir", Build.string(), "--output-junit",
          File,    "-E",         "^exitbar$"};
      // Clang writes each test's profile where LLVM_PROFILE_FILE says (%p:
      // one file per process, %m: per instrumented binary), for coverage
      // to find; GCC ignores it.
      std::string Profiles = "LLVM_PROFILE_FILE=" +
                             (State / "profiles" / "%p-%m.profraw").string();
      // Failing tests are evidence, not an error of the pipeline. With a
      // grid intensity the energy collector runs them and measures them.
      if (std::optional<CollectRequest> E = energyRequest()) {
        E->Options["--discard-output"] = {"true"};
        E->Options["--env"] = {Profiles};
        E->Command = Ctest;
        collect("energy", *E);
      } else {
        ProcessOptions O;
        O.Timeout = ProjectCodeTimeout;
        O.SetEnvironment = {Profiles};
        runProcess(Ctest, O);
      }
      Junit = {File};
    }
    CollectRequest T;
    T.Options["--junit"] = Junit;
    collect("tests", T);
  }

  /// Counts of an earlier run (of code since changed, or of a test
  /// executable since deleted) must not add to this run's coverage:
  /// Clang's profiles and every GCC .gcda in the build tree go before the
  /// tests run (the tests write them again).
  void removeCoverageCounts() const {
    fs::remove_all(State / "profiles");
    if (!R.LlvmCov.empty())
      return;
    std::vector<fs::path> Counts;
    std::error_code Ec;
    for (fs::recursive_directory_iterator
             It(Build, fs::directory_options::skip_permission_denied, Ec),
         End;
         It != End; It.increment(Ec))
      if (It->path().extension() == ".gcda")
        Counts.push_back(It->path());
    for (const fs::path &P : Counts)
      fs::remove(P, Ec);
  }

  void collectCoverage() const {
    CollectRequest Q;
    Q.Options["--build-dir"] = {R.BuildDir};
    Q.Options["--source-dir"] = {R.SourceDir};
    auto Set = [&](const char *Flag, const std::vector<std::string> &Values) {
      if (!Values.empty() && !Values.front().empty())
        Q.Options[Flag] = Values;
    };
    Set("--gcov", {R.Gcov});
    Set("--llvm-cov", {R.LlvmCov});
    Set("--llvm-profdata", {R.LlvmProfdata});
    Set("--input", R.CoverageInputs);
    Set("--filter", R.CoverageFilters);
    Set("--exclude", R.CoverageExcludes);
    Q.Options["--lcov"] = {(State / "coverage.info").string()};
    Q.Options["--cobertura"] = {(State / "coverage.xml").string()};
    Q.Options["--html"] = {(State / "coverage").string()};
    collect("coverage", Q);
  }

  /// The findings cache's statistics of the build since the last run.
  void reportCacheStatistics() const {
    fs::path Stats = State / "fragments" / "tidy-cache-stats.txt";
    std::ifstream In(Stats);
    if (!In)
      return;
    int Hits = 0, Misses = 0, Corrupt = 0;
    for (std::string Outcome; std::getline(In, Outcome);) {
      if (Outcome == "hit" || Outcome == "remote-hit") {
        ++Hits;
        continue;
      }
      ++Misses;
      if (Outcome == "corrupt")
        ++Corrupt;
    }
    In.close();
    Reporter.Say(fmt::format("findings cache: {} hits, {} misses ({} "
                             "corrupted entries ignored) since the last gate",
                             Hits, Misses, Corrupt));
    fs::remove(Stats);
  }

  /// Deployment files (Terraform, Kubernetes, Dockerfiles, Compose): their
  /// findings join the checks' as one more fragment, so baselines, waivers
  /// and SARIF treat both alike.
  void collectInfra() const {
    InfraOptions O;
    O.SourceDir = R.SourceDir;
    std::vector<std::string> Warnings;
    FindingsEvidence E = exitbar::collectInfra(O, &Warnings);
    for (const std::string &W : Warnings)
      Reporter.Warn(W);
    std::string Out =
        (fs::path(findingsFragmentDir(Build.string())) / "infra.json").string();
    writeFileAtomically(Out, dumpCanonical(nlohmann::json(E)));
    Reporter.Collected(fmt::format("infra: {} findings in deployment files "
                                   "-> {}",
                                   E.Findings.size(), Out));
  }

  void collectFindings() const {
    CollectRequest Q;
    Q.Options["--build-dir"] = {Build.string()};
    Q.Options["--source-dir"] = {R.SourceDir};
    collect("findings", Q);
  }

  void collectReadiness() const {
    CollectRequest Q;
    Q.Options["--source-dir"] = {R.SourceDir};
    if (!R.PolicyFile.empty())
      Q.Options["--policy"] = {R.PolicyFile};
    collect("readiness", Q);
  }

  /// Each executable exitbar_enable(BENCHMARKS ...) named runs with Google
  /// Benchmark's JSON output (short runs: the gate compares against a
  /// baseline recorded the same way), then the results become evidence.
  void collectBenchmarks() const {
    fs::remove(Evidence / "benchmarks.json");
    std::ifstream List(State / "benchmarks.txt");
    std::vector<std::string> Inputs;
    for (std::string Bench; std::getline(List, Bench);) {
      if (Bench.empty())
        continue;
      fs::path Dir = State / "benchmarks";
      fs::create_directories(Dir);
      std::string Name = fs::path(Bench).filename().string();
      std::string Out = (Dir / (Name + ".json")).string();
      std::string Log = (Dir / (Name + ".log")).string();
      ProcessOptions O;
      O.Timeout = ProjectCodeTimeout;
      O.StderrFile = Log;
      // Coverage data of benchmark runs goes to a throw-away folder: it
      // must not add to the tests' coverage in a later run.
      O.SetEnvironment = {"GCOV_PREFIX=" + (Dir / "coverage").string(),
                          "LLVM_PROFILE_FILE=" +
                              (Dir / "coverage" / "%p.profraw").string()};
      ProcessResult Result = runProcess({Bench, "--benchmark_out=" + Out,
                                         "--benchmark_out_format=json",
                                         "--benchmark_min_time=0.05"},
                                        O);
      if (Result.ExitCode != 0) {
        std::string Said = readFile(Log);
        throw Error("input.benchmark.failed", Bench, "",
                    fmt::format("the benchmark failed (exit code {}){}{}",
                                Result.ExitCode, Said.empty() ? "" : ":\n",
                                Said));
      }
      Inputs.push_back(Out);
    }
    if (Inputs.empty())
      return;
    CollectRequest Q;
    Q.Options["--input"] = Inputs;
    if (!R.BenchmarkBaseline.empty())
      Q.Options["--baseline"] = {R.BenchmarkBaseline};
    collect("benchmarks", Q);
  }

  /// Release artifacts and their signatures (exitbar_enable writes the
  /// list of the enabled targets' files at generate time).
  void collectSignatures() const {
    CollectRequest Q;
    Q.Options["--build-dir"] = {R.BuildDir};
    for (const std::string &Key : R.TrustedKeys) {
      // A folder (with or without trust.json) or a trust file; a lone key
      // file is trusted for artifact signing.
      std::error_code Ec;
      bool Store =
          fs::is_directory(Key, Ec) || fs::path(Key).extension() == ".json";
      Q.Options[Store ? "--trusted-keys" : "--trusted-key"].push_back(Key);
    }
    if (!R.PolicyFile.empty())
      Q.Options["--policy"] = {R.PolicyFile};
    collect("signatures", Q);
  }

  /// The SBOM, and one per target. The cmake that re-runs the build tree
  /// when the File API reply is stale is the caller's, never a path read
  /// from the build tree's cache.
  void collectSbom() const {
    CollectRequest Q;
    Q.Options["--build-dir"] = {R.BuildDir};
    Q.Options["--source-dir"] = {R.SourceDir};
    Q.Options["--cmake"] = {R.Cmake};
    Q.Options["--target-sboms"] = {(State / "sbom" / "targets").string()};
    if (!R.PolicyFile.empty())
      Q.Options["--policy"] = {R.PolicyFile};
    if (!R.ReleaseVersion.empty())
      Q.Options["--release-version"] = {R.ReleaseVersion};
    collect("sbom", Q);
  }

  /// Known vulnerabilities of the SBOM's components, from an offline OSV
  /// database. Without one, an old file must not linger: its absence is
  /// what makes the criterion not applicable.
  void collectVulnerabilities() const {
    fs::remove(Evidence / "vulnerabilities.json");
    if (R.OsvDatabase.empty())
      return;
    CollectRequest Q;
    Q.Options["--sbom"] = {(State / "sbom.cdx.json").string()};
    Q.Options["--osv-db"] = {R.OsvDatabase};
    collect("vulnerabilities", Q);
  }

  /// Approvals of this version at the commit checked out; outside a git
  /// work tree, or without a release version (given or the policy's),
  /// there is nothing to approve and nothing is collected.
  void collectApprovals() const {
    fs::remove(Evidence / "approvals.json");
    if (R.ReleaseVersion.empty() && R.PolicyFile.empty()) {
      Reporter.Say("no release version; no approvals collected");
      return;
    }
    ProcessResult Head =
        runProcess({"git", "-C", R.SourceDir, "rev-parse", "HEAD"},
                   /*DiscardStderr=*/true);
    std::string Commit = Head.Stdout.substr(0, Head.Stdout.find('\n'));
    if (Head.ExitCode != 0 || Commit.empty()) {
      Reporter.Say(R.SourceDir +
                   " is not a git work tree; no approvals collected");
      return;
    }
    CollectRequest Q;
    Q.Options["--source-dir"] = {R.SourceDir};
    Q.Options["--commit"] = {Commit};
    if (!R.ApprovalsDir.empty())
      Q.Options["--approvals-dir"] = {R.ApprovalsDir};
    if (!R.ReleaseVersion.empty())
      Q.Options["--release-version"] = {R.ReleaseVersion};
    if (!R.PolicyFile.empty())
      Q.Options["--policy"] = {R.PolicyFile};
    Q.Options["--trusted-keys"] = R.TrustedKeys;
    if (R.TrustedKeys.empty())
      Q.Options.erase("--trusted-keys");
    collect("approvals", Q);
  }

  GateOutcome gate() const {
    GateSettings G;
    G.EvidenceDir = Evidence.string();
    G.RunId = RunId;
    G.ReportDir = R.ReportDir.empty() ? State.string() : R.ReportDir;
    G.SourceDir = R.SourceDir;
    G.PolicyFile = R.PolicyFile;
    G.ReleaseVersion = R.ReleaseVersion;
    G.BaselineFile = R.BaselineFile;
    G.WaiversFile = R.WaiversFile;
    G.RequireSigned = R.RequireSigned;
    G.FailOnConditional = R.FailOnConditional;
    if (!R.AttestKey.empty()) {
      G.BuildDir = R.BuildDir;
      G.Attest = (State / "verdict.intoto.json").string();
      G.AttestKeys = {R.AttestKey};
    }
    return runGate(G, Environment, Reporter.Warn);
  }
};

} // namespace

std::string newRunId(const Env &Environment) {
  std::time_t Now = static_cast<std::time_t>(Environment.clock());
  std::tm Utc{};
  gmtime_r(&Now, &Utc);
  char Stamp[32];
  std::strftime(Stamp, sizeof Stamp, "%Y%m%dT%H%M%S", &Utc);
  std::random_device Random;
  std::uniform_int_distribution<int> Digit(0, 15);
  std::string Id = std::string(Stamp) + "-";
  for (int I = 0; I < 12; ++I)
    Id += "0123456789abcdef"[Digit(Random)];
  return Id;
}

GateOutcome runPipeline(const RunSettings &Request, const Env &Environment,
                        const RunReporter &Reporter) {
  return Pipeline(Request, Environment, Reporter).run();
}

} // namespace exitbar
