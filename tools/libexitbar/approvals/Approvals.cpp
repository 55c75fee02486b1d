// Approvals.cpp - signing approvals, and checking them against a release
// SPDX-License-Identifier: Apache-2.0
//
// An approval is a statement (role, version, commit, approver, time) signed
// with the approver's key over its canonical JSON text, so any change to the
// statement breaks the signature. Approvals live in a folder of their own,
// usually committed next to the code: committing one must not void it, so an
// approval of commit A still holds at commit B when git says the two differ
// only inside the approvals folder.

#include "exitbar/Approvals.h"
#include "exitbar/Error.h"
#include "exitbar/Evidence.h"
#include "exitbar/EvidenceJson.h"
#include "exitbar/Files.h"
#include "exitbar/Process.h"
#include "exitbar/Signing.h"
#include <algorithm>
#include <filesystem>
#include <map>
#include <set>

namespace fs = std::filesystem;
using nlohmann::json;

namespace exitbar {
namespace {

json statementJson(const ApprovalStatement &S) {
  return json{{"role", S.Role},
              {"release_version", S.ReleaseVersion},
              {"commit", S.Commit},
              {"approver", S.Approver},
              {"time", S.Time},
              {"note", S.Note}};
}

/// The bytes signed: the statement as canonical JSON (sorted keys, fixed
/// indentation), re-derived from the parsed statement when verifying.
std::string signedText(const ApprovalStatement &S) {
  return dumpCanonical(statementJson(S));
}

ApprovalStatement readStatement(const json &J, const std::string &File) {
  ApprovalStatement S;
  const std::pair<const char *, std::string *> Fields[] = {
      {"role", &S.Role},         {"release_version", &S.ReleaseVersion},
      {"commit", &S.Commit},     {"approver", &S.Approver},
      {"time", &S.Time},         {"note", &S.Note}};
  for (const auto &[Key, Into] : Fields) {
    auto It = J.find(Key);
    if (It == J.end() || !It->is_string())
      throw Error("input.approval.invalid", File,
                  std::string("/statement/") + Key, "expected a string");
    *Into = It->get<std::string>();
  }
  if (S.Role.empty())
    throw Error("input.approval.invalid", File, "/statement/role",
                "must not be empty");
  return S;
}

/// True when \p Approved and \p Current have the same content outside the
/// approvals folder (or are the same commit).
bool sameOutsideApprovals(const std::string &SourceDir,
                          const std::string &ApprovalsDir,
                          const std::string &Approved,
                          const std::string &Current) {
  if (Approved == Current)
    return true;
  std::error_code Ec;
  fs::path Rel = fs::relative(fs::absolute(ApprovalsDir),
                              fs::absolute(SourceDir), Ec);
  std::vector<std::string> Argv = {"git", "-C", SourceDir, "diff", "--quiet",
                                   Approved, Current, "--", "."};
  if (!Ec && !Rel.empty() && Rel.begin()->string() != "..")
    Argv.push_back(":(exclude)" + Rel.generic_string());
  try {
    // 0: no difference; 1: differences; anything else: unknown commit.
    return runProcess(Argv, /*DiscardStderr=*/true).ExitCode == 0;
  } catch (const Error &) {
    return false; // no git: only the exact commit counts
  }
}

} // namespace

std::string signApproval(const ApprovalStatement &S, const PrivateKey &Key) {
  return dumpCanonical(
      json{{"schema", "exitbar.approval"},
           {"schema_version", EvidenceSchemaVersion},
           {"statement", statementJson(S)},
           {"key_id", Key.publicKey().id()},
           {"signature", base64Encode(Key.sign(signedText(S)))}});
}

std::string currentCommit(const std::string &SourceDir) {
  ProcessResult R;
  try {
    R = runProcess({"git", "-C", SourceDir, "rev-parse", "HEAD"}, true);
  } catch (const Error &) {
    R.ExitCode = 127;
  }
  std::string Commit = R.Stdout.substr(0, R.Stdout.find_last_not_of("\n ") + 1);
  if (R.ExitCode != 0 || Commit.empty())
    throw Error("tool.git.failed", SourceDir, "",
                "cannot tell the commit (not a git work tree?); pass --commit");
  return Commit;
}

ApprovalsEvidence collectApprovals(const ApprovalsOptions &Options) {
  ApprovalsEvidence E;
  E.ReleaseVersion = Options.ReleaseVersion;
  E.Commit = Options.Commit.empty() ? currentCommit(Options.SourceDir)
                                    : Options.Commit;
  E.ApprovalsDir = Options.ApprovalsDir;
  E.RequiredRoles = Options.RequiredRoles;

  std::vector<fs::path> Files;
  std::error_code Ec;
  if (fs::is_directory(Options.ApprovalsDir, Ec))
    for (auto It = fs::recursive_directory_iterator(Options.ApprovalsDir, Ec);
         It != fs::recursive_directory_iterator(); It.increment(Ec)) {
      if (Ec)
        break;
      std::string Name = It->path().filename().string();
      if (It->is_regular_file() && Name.size() > 14 &&
          Name.compare(Name.size() - 14, 14, ".approval.json") == 0)
        Files.push_back(It->path());
    }
  std::sort(Files.begin(), Files.end());

  std::set<std::string> Approved;
  for (const fs::path &P : Files) {
    std::string File = P.string();
    json J = parseJsonText(readFile(File), File);
    if (!J.is_object() || J.value("schema", "") != "exitbar.approval")
      throw Error("input.approval.invalid", File, "/schema",
                  "expected \"exitbar.approval\"");
    for (const char *Key : {"statement", "key_id", "signature"})
      if (!J.contains(Key) || (std::string(Key) == "statement"
                                   ? !J[Key].is_object()
                                   : !J[Key].is_string()))
        throw Error("input.approval.invalid", File, std::string("/") + Key,
                    std::string(Key) == "statement" ? "expected an object"
                                                    : "expected a string");
    ApprovalCheck C;
    C.File = P.lexically_relative(Options.ApprovalsDir).generic_string();
    C.Statement = readStatement(J["statement"], File);
    C.KeyId = J["key_id"].get<std::string>();
    auto Signature = base64Decode(J["signature"].get<std::string>());
    if (!Signature)
      throw Error("input.approval.invalid", File, "/signature",
                  "not base64");
    const PublicKey *Key = nullptr;
    for (const PublicKey &K : Options.TrustedKeys)
      if (K.id() == C.KeyId)
        Key = &K;
    if (!Key) {
      C.Status = "untrusted-key";
      C.Detail = "signed by " + C.KeyId + ", which is not a trusted key";
    } else if (!Key->verify(signedText(C.Statement), *Signature)) {
      C.Status = "invalid-signature";
      C.Detail = "the signature does not match the statement (altered?)";
    } else if (C.Statement.ReleaseVersion != E.ReleaseVersion) {
      C.Status = "other-version";
      C.Detail = "approves version " + C.Statement.ReleaseVersion +
                 ", the release is " + E.ReleaseVersion;
    } else if (!sameOutsideApprovals(Options.SourceDir, Options.ApprovalsDir,
                                     C.Statement.Commit, E.Commit)) {
      C.Status = "other-commit";
      C.Detail = "approves commit " + C.Statement.Commit.substr(0, 12) +
                 ", the release is at " + E.Commit.substr(0, 12) +
                 " and they differ outside the approvals";
    } else {
      C.Status = "good";
      Approved.insert(C.Statement.Role);
    }
    E.Approvals.push_back(std::move(C));
  }
  for (const std::string &Role : E.RequiredRoles)
    if (!Approved.count(Role))
      E.MissingRoles.push_back(Role);
  return E;
}

std::string approvalsToJson(const ApprovalsEvidence &E) {
  json Approvals = json::array();
  for (const ApprovalCheck &C : E.Approvals)
    Approvals.push_back(json{{"file", C.File},
                             {"statement", statementJson(C.Statement)},
                             {"key_id", C.KeyId},
                             {"status", C.Status},
                             {"detail", C.Detail}});
  return dumpCanonical(json{{"schema", "exitbar.approvals"},
                            {"schema_version", EvidenceSchemaVersion},
                            {"release_version", E.ReleaseVersion},
                            {"commit", E.Commit},
                            {"approvals_dir", E.ApprovalsDir},
                            {"required_roles", E.RequiredRoles},
                            {"approvals", Approvals},
                            {"missing_roles", E.MissingRoles}});
}

ApprovalsEvidence approvalsFromJson(std::string_view Text,
                                    const std::string &File) {
  json J = parseJsonText(Text, File);
  if (!J.is_object() || J.value("schema", "") != "exitbar.approvals")
    throw Error("input.evidence.schema", File, "/schema",
                "expected 'exitbar.approvals'");
  ApprovalsEvidence E;
  try {
    E.ReleaseVersion = J.at("release_version").get<std::string>();
    E.Commit = J.at("commit").get<std::string>();
    E.ApprovalsDir = J.at("approvals_dir").get<std::string>();
    E.RequiredRoles = J.at("required_roles").get<std::vector<std::string>>();
    E.MissingRoles = J.at("missing_roles").get<std::vector<std::string>>();
    for (const json &A : J.at("approvals")) {
      ApprovalCheck C;
      C.File = A.at("file").get<std::string>();
      C.Statement = readStatement(A.at("statement"), File);
      C.KeyId = A.at("key_id").get<std::string>();
      C.Status = A.at("status").get<std::string>();
      C.Detail = A.at("detail").get<std::string>();
      E.Approvals.push_back(std::move(C));
    }
  } catch (const json::exception &X) {
    throw Error("input.evidence.invalid", File, "", X.what());
  }
  return E;
}

} // namespace exitbar
