// Kind.cpp - the signatures evidence kind: `exitbar collect signatures`,
// the policy's "signing" section, its metrics, its report section and its
// record in the registry
// SPDX-License-Identifier: Apache-2.0
//
// Schema: docs/evidence-schema/signatures.md.

#include "exitbar/CMakeFileApi.h"
#include "exitbar/Error.h"
#include "exitbar/EvidenceJson.h"
#include "exitbar/EvidenceKinds.h"
#include "exitbar/Files.h"
#include "exitbar/JsonCursor.h"
#include "exitbar/Verdict.h"
#include "kinds/signatures/Signatures.h"
#include <algorithm>
#include <filesystem>
#include <fmt/core.h>

namespace fs = std::filesystem;

namespace exitbar {

namespace {

const char *const File = "signatures.json";

/// The "signing" section read; each problem added to \p Problems.
SigningSettings readSigningSection(const JsonCursor &Section,
                                   PolicyProblems &Problems) {
  SigningSettings S;
  addProblemOf(Problems, [&] { Section.expectObject(); });
  if (!Section.json().is_object())
    return S;
  for (const auto &[Name, Value] : Section.members()) {
    std::vector<std::string> *Into = Name == "trusted_keys" ? &S.TrustedKeys
                                     : Name == "artifacts"  ? &S.Artifacts
                                                            : nullptr;
    if (!Into) {
      Problems.emplace_back(Value.pointer(), "unknown member '" + Name + "'");
      continue;
    }
    *Into = policyStrings(Value, Problems);
  }
  return S;
}

void checkPolicySection(const JsonCursor &Section, PolicyProblems &Problems) {
  readSigningSection(Section, Problems);
}

} // namespace

SigningSettings signingSettings(const nlohmann::json &Section,
                                const std::string &File) {
  PolicyProblems Problems;
  SigningSettings S =
      readSigningSection(JsonCursor(Section, File, "/signing"), Problems);
  throwFirstProblem(Problems, File);
  return S;
}

namespace signatures {
namespace {

const SignaturesEvidence *signaturesOf(const EvidenceSet &Set) {
  return Set.kind<SignaturesEvidence>("signatures");
}

/// signatures.<status>; the items are the artifacts that are not good.
Measurement measure(const MetricInput &In) {
  const SignaturesEvidence *S = signaturesOf(In.Evidence);
  if (!S)
    return {std::nullopt, File, {}};
  std::string Name = In.Metric.substr(std::string("signatures.").size());
  Measurement M{std::nullopt, File, {}};
  for (const ArtifactSignature &A : S->Artifacts)
    if (A.Status != SignatureStatus::Good && M.Items.size() < MaxItems)
      M.Items.push_back(A.Path + ": " + std::string(toString(A.Status)) +
                        (A.Detail.empty() ? "" : ": " + A.Detail));
  if (Name == "artifacts")
    M.Value = static_cast<double>(S->Artifacts.size());
  else if (S->Artifacts.empty() && Name != "good")
    // Fail closed: no artifact is not "none badly signed" (DESIGN.md).
    M.Evidence = "a release artifact in signatures.json (it lists none)";
  else if (Name == "bad")
    M.Value = S->bad();
  else if (Name == "untrusted_key")
    M.Value = S->count(SignatureStatus::UntrustedKey);
  else if (Name == "needs_online_check")
    M.Value = S->count(SignatureStatus::NeedsOnlineCheck);
  else if (auto Status = parseSignatureStatus(Name))
    M.Value = S->count(*Status);
  return M;
}

/// Every release artifact with its signature status; the ones that are not
/// good first, since those block the release.
std::optional<ReportSection> report(const EvidenceSet &Set) {
  const SignaturesEvidence *S = signaturesOf(Set);
  if (!S)
    return std::nullopt;
  std::vector<const ArtifactSignature *> Rows;
  for (const ArtifactSignature &A : S->Artifacts)
    Rows.push_back(&A);
  std::stable_sort(Rows.begin(), Rows.end(), [](auto *A, auto *B) {
    return (A->Status != SignatureStatus::Good) >
           (B->Status != SignatureStatus::Good);
  });
  ReportSection R;
  R.Id = "signatures";
  R.Title = "Release artifacts";
  R.Intro = std::to_string(S->Artifacts.size()) + " artifacts, " +
            std::to_string(S->count(SignatureStatus::Good)) +
            " signed by a trusted key, checked against " +
            std::to_string(S->TrustedKeys.size()) + " trusted keys.";
  R.Columns = {"artifact", "kind", "signature", "key or reason"};
  R.RowKey = "artifact";
  for (const ArtifactSignature *A : Rows) {
    bool Good = A->Status == SignatureStatus::Good;
    R.Table.push_back(
        {A->Path,
         {{A->Path, ""},
          {A->Kind, ""},
          {std::string(toString(A->Status)), Good ? "pass" : "fail"},
          {Good ? A->KeyId : A->Detail, ""}}});
  }
  return R;
}

/// The policy's trusted keys (relative to the policy file) and artifact
/// patterns (relative to the build folder) added to \p Options.
void addPolicy(const std::string &PolicyFile, SignaturesOptions &Options) {
  SigningSettings S;
  readPolicySection(PolicyFile, "signing",
                    [&](const JsonCursor &Section, PolicyProblems &Problems) {
                      S = readSigningSection(Section, Problems);
                    });
  fs::path PolicyDir = fs::path(PolicyFile).parent_path();
  for (const std::string &Key : S.TrustedKeys)
    Options.Trust.KeyFiles.push_back(
        fs::path(Key).is_absolute() ? Key : (PolicyDir / Key).string());
  for (const std::string &Pattern : S.Artifacts)
    Options.Patterns.emplace_back(Pattern, Options.BuildDir);
}

CollectResult collect(const CollectRequest &Request) {
  SignaturesOptions Options;
  Options.BuildDir = Request.value("--build-dir");
  Options.Trust.TrustedDirs = Request.values("--trusted-keys");
  Options.Trust.KeyFiles = Request.values("--trusted-key");
  Options.Trust.KnownDirs = Request.values("--known-keys");
  if (std::string Policy = Request.value("--policy"); !Policy.empty())
    addPolicy(Policy, Options);
  std::vector<std::string> Warnings;
  applyTrustStoreEnvironment(Request.Environment, Options.Trust, Warnings);
  Request.warn(Warnings);
  for (const std::string &Pattern : Request.values("--artifact"))
    Options.Patterns.emplace_back(Pattern, ".");
  // The targets' artifacts: the list the CMake package writes at generate
  // time (exitbar_enable), unless another list is named.
  std::vector<std::string> Targets = Request.values("--target");
  std::string List = Request.value("--artifacts-list");
  fs::path BuildDir(Options.BuildDir);
  std::error_code Ec;
  if (List.empty() && fs::exists(BuildDir / "exitbar" / "artifacts.txt", Ec))
    List = (BuildDir / "exitbar" / "artifacts.txt").string();
  if (!List.empty() && Targets.empty())
    Options.Artifacts = readArtifactList(readFile(List), List);
  else if (fs::exists(BuildDir / ".cmake" / "api" / "v1" / "reply", Ec))
    // Without the package's list: every executable and library target the
    // CMake File API reply knows (or those named with --target).
    Options.Artifacts =
        artifactsFromFileApi(readFileApiReply(Options.BuildDir), Targets);
  else if (!Targets.empty())
    throw Error("input.artifacts.target", Options.BuildDir, "",
                "--target needs a CMake File API reply in the build folder "
                "(configure it with exitbar_enable, or query codemodel-v2)");

  SignaturesEvidence E = collectSignatures(Options);
  CollectResult Result;
  Result.Evidence = dumpCanonical(nlohmann::json(E));
  Result.Summary = fmt::format(
      "signatures: {} artifacts (good {}, unsigned {}, invalid {}, "
      "untrusted key {}, needs online check {}, missing {}) against {} "
      "trusted keys",
      E.Artifacts.size(), E.count(SignatureStatus::Good),
      E.count(SignatureStatus::Unsigned), E.count(SignatureStatus::Invalid),
      E.count(SignatureStatus::UntrustedKey),
      E.count(SignatureStatus::NeedsOnlineCheck),
      E.count(SignatureStatus::Missing), E.TrustedKeys.size());
  return Result;
}

std::any read(const std::string &Text, const std::string &Path) {
  return signaturesFromJson(parseJsonText(Text, Path), Path);
}

} // namespace

const EvidenceKind &kind() {
  static const EvidenceKind K{
      "signatures",
      File,
      "Check the signature of every release artifact (the executables and "
      "libraries of the enabled targets, and files or globs from the policy "
      "and --artifact) into evidence/signatures.json.\n"
      "Example: exitbar collect signatures --build-dir build --trusted-keys "
      "keys/",
      read,
      {
          // No artifact is no data but for artifacts and good.
          {"signatures.artifacts", File, "release artifacts", measure},
          {"signatures.good", File, "artifacts signed by a trusted key",
           measure},
          {"signatures.bad", File, "artifacts not well signed", measure},
          {"signatures.unsigned", File, "artifacts without signature", measure},
          {"signatures.invalid", File,
           "artifacts whose signature does not verify", measure},
          {"signatures.untrusted_key", File,
           "artifacts signed by an untrusted key", measure},
          {"signatures.needs_online_check", File,
           "artifacts whose signature needs an online check", measure},
          {"signatures.missing", File, "artifacts missing", measure},
      },
      {
          // A misspelt build folder would otherwise be "0 artifacts",
          // which reads as a clean result.
          {"--build-dir", "The CMake build tree", /*Multiple=*/false,
           /*Required=*/true, /*DeprecatedAlias=*/nullptr,
           /*ExistingDirectory=*/true},
          {"--trusted-keys",
           "Trust file, folder with trust.json (its artifact-signing keys) "
           "or folder of PEM public keys (default $EXITBAR_TRUST_STORE, "
           "which replaces this when set)",
           /*Multiple=*/true},
          {"--trusted-key", "Trusted PEM public key file", /*Multiple=*/true,
           /*Required=*/false, /*DeprecatedAlias=*/"--key"},
          {"--known-keys", "Folder of known but untrusted public keys",
           /*Multiple=*/true},
          {"--policy", "Policy whose `signing` member names trusted keys and "
                       "artifacts"},
          {"--artifacts-list", "Target artifact list (default <build>/exitbar/"
                               "artifacts.txt when present)"},
          {"--target",
           "Only this target's files, from the CMake File API "
           "reply",
           /*Multiple=*/true},
          {"--artifact",
           "Another artifact: a file or glob, relative to the current folder",
           /*Multiple=*/true},
          {"-o,--output", "Evidence file (default <build>/exitbar/evidence/"
                          "signatures.json)"},
      },
      /*TakesCommand=*/false,
      collect,
      report,
      // Collected once, in the release job: shards must agree.
      ShardMerge::SameInEveryShard,
      /*AddUp=*/nullptr,
      /*PolicySection=*/"signing",
      checkPolicySection,
  };
  return K;
}

} // namespace signatures
} // namespace exitbar
