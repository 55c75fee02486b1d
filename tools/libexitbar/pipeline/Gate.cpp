// Gate.cpp - the gate: policy and evidence to verdict, reports and audit entry
// SPDX-License-Identifier: Apache-2.0

#include "exitbar/Approvals.h"
#include "exitbar/Attestation.h"
#include "exitbar/Audit.h"
#include "exitbar/Digest.h"
#include "exitbar/Error.h"
#include "exitbar/Files.h"
#include "exitbar/Pipeline.h"
#include "exitbar/Reports.h"
#include "exitbar/Signatures.h"
#include "exitbar/Signing.h"
#include <algorithm>
#include <cstdio>
#include <filesystem>
#include <sstream>

namespace fs = std::filesystem;

namespace exitbar {

namespace {

/// Renders one report into a string, so it is written whole or not at all.
template <typename Writer> std::string render(Writer &&Write) {
  std::ostringstream Out;
  Write(Out);
  return Out.str();
}

/// Adds the default policy's artifacts-signed criterion to \p P unless the
/// policy already demands, at must level, that no artifact be badly signed.
/// Any other signatures.* criterion (`signatures.good >= 0`, a should-level
/// one) does not satisfy --require-signed.
void requireSigned(Policy &P) {
  for (const Criterion &C : P.Criteria)
    if (C.Required == Level::Must && C.Metric == "signatures.bad" &&
        ((C.Op == Comparison::LessEqual && C.Threshold <= 0) ||
         (C.Op == Comparison::Less && C.Threshold <= 1) ||
         (C.Op == Comparison::Equal && C.Threshold == 0)))
      return;
  for (const Criterion &C : defaultPolicy().Criteria)
    if (C.Metric == "signatures.bad" && C.Required == Level::Must) {
      // The default replaces a weaker criterion of the same id.
      P.Criteria.erase(
          std::remove_if(P.Criteria.begin(), P.Criteria.end(),
                         [&](const Criterion &Old) { return Old.Id == C.Id; }),
          P.Criteria.end());
      if (std::none_of(
              P.Categories.begin(), P.Categories.end(),
              [&](const Category &Cat) { return Cat.Name == C.Category; }))
        P.Categories.push_back({C.Category, 1});
      P.Criteria.push_back(C);
    }
}

/// Trust anchors that the gated repository itself holds: whoever can commit
/// to it can add a key to them, so the verdict says so.
std::vector<std::string> trustAnchorWarnings(const EvidenceSet &Evidence,
                                             const std::string &SourceDir) {
  std::vector<std::string> Out;
  auto Warn = [&](const std::string &Anchor, const char *Use) {
    std::string Line = "trust anchor " + Anchor + " (" + Use +
                       ") is inside the gated source tree: whoever can "
                       "commit can change it; keep trust anchors outside "
                       "(EXITBAR_TRUST_STORE in CI)";
    if (std::find(Out.begin(), Out.end(), Line) == Out.end())
      Out.push_back(Line);
  };
  if (const auto *A = Evidence.kind<ApprovalsEvidence>("approvals"))
    for (const std::string &Anchor : A->TrustAnchorsInRepository)
      Warn(Anchor, "approvals");
  std::error_code Ec;
  const auto *Signatures = Evidence.kind<SignaturesEvidence>("signatures");
  if (Signatures && !SourceDir.empty()) {
    fs::path Source = fs::weakly_canonical(fs::absolute(SourceDir), Ec);
    for (const TrustedKeyInfo &K : Signatures->TrustedKeys) {
      fs::path Key = fs::weakly_canonical(fs::absolute(K.File), Ec);
      fs::path Rel = Key.lexically_relative(Source);
      if (!Rel.empty() && *Rel.begin() != "..")
        Warn(K.File, "artifact signing");
    }
  }
  return Out;
}

/// The signed verdict (a DSSE envelope), made before any output is written
/// so a bad key leaves nothing behind.
std::string attest(const GateSettings &A, const Env &Environment,
                   const std::function<void(const std::string &)> &Warn,
                   const Verdict &V, const EvidenceSet &Evidence,
                   const std::string &PolicyText, bool Passed) {
  if (A.AttestKeys.empty())
    throw Error("usage.attest.no-key", "", "",
                "--attest needs --private-key FILE (or env://NAME)");
  const auto *Signatures = Evidence.kind<SignaturesEvidence>("signatures");
  if (!Signatures)
    throw Error("usage.attest.no-subjects", A.EvidenceDir, "",
                "--attest needs signatures.json in the evidence (exitbar "
                "collect signatures): its artifacts are the subjects");
  std::vector<PrivateKey> Keys;
  for (const std::string &Location : A.AttestKeys) {
    std::string Warning;
    Keys.push_back(loadPrivateKey(Location, Environment, Warning));
    if (!Warning.empty())
      Warn(Warning);
  }
  StatementOptions S;
  // The attestation vouches for the bytes on disk, not for what the
  // evidence folder says about them: every subject is hashed again, and a
  // file that is gone or changed since `collect signatures` stops the gate.
  std::string BuildDir = A.BuildDir;
  if (BuildDir.empty()) {
    fs::path Evidence = fs::path(A.EvidenceDir).lexically_normal();
    if (Evidence.filename().empty()) // "build/exitbar/evidence/"
      Evidence = Evidence.parent_path();
    BuildDir = Evidence.parent_path().parent_path().string();
  }
  for (const ArtifactSignature &Artifact : Signatures->Artifacts) {
    if (Artifact.Sha256.empty())
      continue;
    fs::path Path =
        fs::path(Artifact.Path).is_absolute()
            ? fs::path(Artifact.Path)
            : fs::path(BuildDir.empty() ? "." : BuildDir) / Artifact.Path;
    std::error_code Ec;
    if (!fs::is_regular_file(Path, Ec))
      throw Error("input.attest.artifact-missing", Path.string(), "",
                  "an artifact of signatures.json does not exist; the "
                  "attestation would name bytes nobody can check (pass "
                  "--build-dir when the evidence is not in <build>/exitbar/"
                  "evidence)");
    std::string Sha256 = sha256Hex(readFile(Path.string()));
    if (Sha256 != Artifact.Sha256)
      throw Error("input.attest.artifact-changed", Path.string(), "",
                  "the file's SHA-256 is " + Sha256 +
                      ", signatures.json "
                      "says " +
                      Artifact.Sha256 + "; collect signatures again");
    S.Subjects.push_back({Artifact.Path, Sha256});
  }
  S.Inputs = digestEvidence(A.EvidenceDir);
  S.PolicyUri =
      A.PolicyFile.empty() ? "builtin:exitbar-default-policy" : A.PolicyFile;
  S.PolicySha256 = sha256Hex(PolicyText);
  S.ResourceUri = A.ResourceUri;
  S.Passed = Passed;
  // Verifiers judge the attestation's age by timeVerified: the real clock.
  S.TimeVerified = formatTimestamp(Environment.clock());
  return signEnvelope(InTotoPayloadType, makeVerdictStatement(V, S), Keys);
}

} // namespace

GateOutcome runGate(const GateSettings &Request, const Env &Environment,
                    const std::function<void(const std::string &)> &Warn) {
  // Every input is read and checked before any output is written.
  std::string PolicyText = Request.PolicyFile.empty()
                               ? policyToJson(defaultPolicy())
                               : readFile(Request.PolicyFile);
  Policy P = Request.PolicyFile.empty()
                 ? defaultPolicy()
                 : parsePolicy(PolicyText, Request.PolicyFile);
  if (Request.RequireSigned)
    requireSigned(P);
  std::error_code Ec;
  if (!fs::is_directory(Request.EvidenceDir, Ec))
    throw Error("input.evidence.missing-dir", Request.EvidenceDir, "",
                "evidence folder does not exist");
  EvidenceSet Evidence = loadEvidence(Request.EvidenceDir, Request.RunId);
  GateOptions Options;
  Options.ReleaseVersion = Request.ReleaseVersion;
  // Expiry is decided by the real clock; SOURCE_DATE_EPOCH only stamps the
  // outputs (DESIGN.md, "Every output is deterministic").
  Options.Now = Environment.clock();
  Options.OutputTime = Environment.now();
  std::vector<GateInput> Inputs;
  if (!Request.BaselineFile.empty()) {
    std::string Text = readFile(Request.BaselineFile);
    Options.Accepted = parseBaseline(Text, Request.BaselineFile);
    Inputs.push_back({"baseline", Request.BaselineFile, sha256Hex(Text)});
  }
  if (!Request.WaiversFile.empty()) {
    std::string Text = readFile(Request.WaiversFile);
    Options.Waivers = parseWaivers(Text, Request.WaiversFile);
    checkWaiverLifetimes(Options.Waivers, P.WaiverMaxDays, Options.Now,
                         Request.WaiversFile);
    Inputs.push_back({"waivers", Request.WaiversFile, sha256Hex(Text)});
  }
  GateOutcome Outcome;
  Verdict &V = Outcome.Result;
  V = evaluate(P, Evidence, Options);
  V.Inputs = std::move(Inputs);
  V.Warnings = trustAnchorWarnings(Evidence, Request.SourceDir);
  Outcome.Fails =
      V.Result == Status::NoGo ||
      (V.Result == Status::Conditional && Request.FailOnConditional);

  Outcome.ReportDir = Request.ReportDir.empty()
                          ? fs::path(Request.EvidenceDir).parent_path().string()
                          : Request.ReportDir;
  if (Outcome.ReportDir.empty())
    Outcome.ReportDir = ".";
  auto Out = [&](const char *Name) {
    return (fs::path(Outcome.ReportDir) / Name).string();
  };
  // The audit entry is prepared first, under a lock held until it is
  // written, so the verdict and its attestation can record the head the
  // log will have, and concurrent gates cannot fork the chain.
  std::string AuditPath =
      Request.AuditLog.empty() ? Out("audit-log.jsonl") : Request.AuditLog;
  // The caller's own --audit-log or --report-dir, not another party's path.
  // NOLINTNEXTLINE(exitbar-path-traversal)
  fs::create_directories(fs::absolute(AuditPath).parent_path(), Ec);
  AuditLogLock AuditLock(AuditPath);
  AuditAppend Audit = prepareAuditEntry(AuditPath, V, sha256Hex(PolicyText));
  V.AuditLogHead = Audit.Head;
  V.AuditLogEntry = Audit.Entries;
  std::string Attestation = Request.Attest.empty()
                                ? ""
                                : attest(Request, Environment, Warn, V,
                                         Evidence, PolicyText, !Outcome.Fails);
  ReportOptions Report;
  Report.SourceDir = Request.SourceDir;
  Report.Snippets = readSnippets(V, Request.SourceDir, 2);
  Report.Coverage = Evidence.kind<CoverageEvidence>("coverage");
  std::string Markdown =
      render([&](std::ostream &O) { writeMarkdownReport(V, O); });
  writeFileAtomically(Out("verdict.json"), verdictToJson(V));
  writeFileAtomically(Out("report.md"), Markdown);
  writeFileAtomically(Out("report.html"), render([&](std::ostream &O) {
                        writeHtmlReport(V, O, Report);
                      }));
  writeFileAtomically(Out("exitbar.sarif"), render([&](std::ostream &O) {
                        writeSarif(V, O, Report);
                      }));
  writeFileAtomically(Out("exitbar-junit.xml"),
                      render([&](std::ostream &O) { writeJUnitReport(V, O); }));
  // GitLab's merge-request widgets read these two (artifacts:reports:
  // codequality and sast in ci/exitbar.gitlab-ci.yml).
  writeFileAtomically(Out("gl-code-quality-report.json"),
                      render([&](std::ostream &O) { writeCodeQuality(V, O); }));
  writeFileAtomically(Out("gl-sast-report.json"), render([&](std::ostream &O) {
                        writeGitLabSast(V, O, Report);
                      }));
  commitAuditEntry(AuditPath, Audit);
  if (auto Summary = Environment.get("GITHUB_STEP_SUMMARY");
      Summary && !Summary->empty()) {
    // Appending, not replacing: other steps write to the same summary.
    std::FILE *F = std::fopen(Summary->c_str(), "a");
    if (F) {
      std::fputs(Markdown.c_str(), F);
      std::fclose(F);
    }
  }
  if (!Request.Attest.empty()) {
    writeFileAtomically(Request.Attest, Attestation);
    Outcome.Attestation = Request.Attest;
  }
  return Outcome;
}

} // namespace exitbar
