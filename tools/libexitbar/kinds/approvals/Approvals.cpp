// Approvals.cpp - signing approvals, and checking them against a release
// SPDX-License-Identifier: Apache-2.0
//
// An approval is a statement (role, version, commit, approver, time) signed
// with the approver's key over its canonical JSON text, so any change to the
// statement breaks the signature. Approvals live in a folder of their own,
// usually committed next to the code: committing one must not void it, so an
// approval of commit A still holds at commit B when git says the two whole
// trees (submodule commits included, whatever .gitmodules says) differ only
// by approval statements in the approvals folder. Anything else voids it: a
// change anywhere in the repository, an uncommitted or untracked file, a
// file in the approvals folder that is not an approval statement, or an
// approvals folder that holds the sources.

#include "kinds/approvals/Approvals.h"
#include "exitbar/Attestation.h"
#include "exitbar/Error.h"
#include "exitbar/Evidence.h"
#include "exitbar/EvidenceJson.h"
#include "exitbar/Files.h"
#include "exitbar/JsonCursor.h"
#include "exitbar/Process.h"
#include "exitbar/Signing.h"
#include <algorithm>
#include <filesystem>
#include <functional>
#include <map>
#include <optional>
#include <regex>
#include <set>

namespace fs = std::filesystem;
using nlohmann::json;

namespace exitbar {
namespace {

json statementJson(const ApprovalStatement &S) {
  return json{{"role", S.Role},     {"release_version", S.ReleaseVersion},
              {"commit", S.Commit}, {"approver", S.Approver},
              {"time", S.Time},     {"note", S.Note}};
}

/// The bytes signed: the DSSE pre-authentication encoding of the approval
/// payload type and the statement as canonical JSON (sorted keys, fixed
/// indentation), re-derived from the parsed statement when verifying. The
/// typed envelope keeps approval signatures apart from artifact signatures
/// (raw bytes) and attestations (in-toto payload type).
std::string signedText(const ApprovalStatement &S) {
  return dssePae(ApprovalPayloadType, dumpCanonical(statementJson(S)));
}

/// Assigns required roles to the keys of good approvals so that one key
/// satisfies at most one role (Kuhn's augmenting paths; a handful of
/// roles). Returns role -> key id for the roles satisfied.
std::map<std::string, std::string>
assignRoles(const std::vector<std::string> &Roles,
            const std::vector<ApprovalCheck> &Good) {
  std::map<std::string, std::vector<std::string>> Keys; // role -> key ids
  for (const ApprovalCheck &C : Good)
    Keys[C.Statement.Role].push_back(C.KeyId);
  std::map<std::string, std::string> KeyToRole, RoleToKey;
  std::function<bool(const std::string &, std::set<std::string> &)> Augment =
      [&](const std::string &Role, std::set<std::string> &Seen) {
        for (const std::string &Key : Keys[Role]) {
          if (!Seen.insert(Key).second)
            continue;
          auto It = KeyToRole.find(Key);
          if (It == KeyToRole.end() || Augment(It->second, Seen)) {
            KeyToRole[Key] = Role;
            RoleToKey[Role] = Key;
            return true;
          }
        }
        return false;
      };
  for (const std::string &Role : Roles) {
    std::set<std::string> Seen;
    Augment(Role, Seen);
  }
  return RoleToKey;
}

ApprovalStatement readStatement(const json &J, const std::string &File) {
  ApprovalStatement S;
  const std::pair<const char *, std::string *> Fields[] = {
      {"role", &S.Role},     {"release_version", &S.ReleaseVersion},
      {"commit", &S.Commit}, {"approver", &S.Approver},
      {"time", &S.Time},     {"note", &S.Note}};
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

/// Runs git in \p Dir with settings no repository configuration can weaken:
/// submodules are always compared (whatever .gitmodules or diff.ignore-
/// Submodules say), paths are repository-relative and unquoted. Every
/// revision follows --end-of-options and every path follows "--", so a
/// name such as "--output=x" is never an option.
ProcessResult git(const std::string &Dir, std::vector<std::string> Args) {
  // No fsmonitor hook runs and no index is rewritten: reading the tree must
  // not execute or change anything.
  std::vector<std::string> Argv = {
      "git", "--no-optional-locks",        "-C", Dir,
      "-c",  "core.fsmonitor=false",       "-c", "diff.ignoreSubmodules=none",
      "-c",  "status.relativePaths=false", "-c", "core.quotePath=false"};
  Argv.insert(Argv.end(), Args.begin(), Args.end());
  try {
    return runProcess(Argv, /*DiscardStderr=*/true);
  } catch (const Error &) {
    ProcessResult R;
    R.ExitCode = 127; // no git
    return R;
  }
}

std::string firstLine(const std::string &Text) {
  return Text.substr(0, Text.find_first_of("\r\n"));
}

bool isHex(std::string_view S) {
  return S.find_first_not_of("0123456789abcdef") == std::string_view::npos;
}

/// NUL-separated fields of git's -z output.
std::vector<std::string> splitNul(const std::string &Text) {
  std::vector<std::string> Out;
  size_t Start = 0;
  while (Start < Text.size()) {
    size_t End = Text.find('\0', Start);
    if (End == std::string::npos)
      End = Text.size();
    Out.push_back(Text.substr(Start, End - Start));
    Start = End + 1;
  }
  return Out;
}

/// The paths `git status --porcelain=v2 -z` reports: changed, staged,
/// unmerged, untracked, and submodules whose commit or content changed.
std::vector<std::string> dirtyPaths(const std::string &Top, bool &Ok) {
  ProcessResult R =
      git(Top, {"status", "--porcelain=v2", "-z", "--ignore-submodules=none",
                "--untracked-files=all"});
  Ok = R.ExitCode == 0;
  std::vector<std::string> Paths;
  std::vector<std::string> Records = splitNul(R.Stdout);
  // The path follows a fixed number of space-separated fields.
  auto PathAfter = [](const std::string &Record, int Fields) {
    size_t Pos = 0;
    for (int I = 0; I < Fields && Pos != std::string::npos; ++I)
      Pos = Record.find(' ', Pos + (I ? 1 : 0));
    return Pos == std::string::npos ? std::string() : Record.substr(Pos + 1);
  };
  for (size_t I = 0; I < Records.size(); ++I) {
    const std::string &Rec = Records[I];
    if (Rec.size() < 2)
      continue;
    switch (Rec[0]) {
    case '1':
      Paths.push_back(PathAfter(Rec, 8));
      break;
    case '2':
      Paths.push_back(PathAfter(Rec, 9));
      if (I + 1 < Records.size())
        Paths.push_back(Records[++I]); // the original path of a rename
      break;
    case 'u':
      Paths.push_back(PathAfter(Rec, 10));
      break;
    case '?':
      Paths.push_back(Rec.substr(2));
      break;
    default: // '!' ignored files, '#' headers
      break;
    }
  }
  return Paths;
}

/// The paths that differ between two commits (whole trees, submodule
/// commits included), with git's status letter; nothing when git cannot
/// compare them (an unknown commit).
std::optional<std::vector<std::pair<char, std::string>>>
changedPaths(const std::string &Top, const std::string &From,
             const std::string &To) {
  ProcessResult R = git(Top, {"diff", "--name-status", "-z", "--no-renames",
                              "--ignore-submodules=none", "--end-of-options",
                              From, To, "--"});
  if (R.ExitCode != 0)
    return std::nullopt;
  std::vector<std::pair<char, std::string>> Out;
  std::vector<std::string> Fields = splitNul(R.Stdout);
  for (size_t I = 0; I + 1 < Fields.size(); I += 2)
    Out.emplace_back(Fields[I].empty() ? '?' : Fields[I][0], Fields[I + 1]);
  return Out;
}

/// True for a file the approvals folder may hold: `<version>/<name>` or
/// `<name>`, each part of letters, digits, '.', '_', '+', '-' (not
/// starting with '.'), the name ending in ".approval.json".
bool isApprovalFileName(const std::string &Relative) {
  static const std::regex Part("[A-Za-z0-9][A-Za-z0-9._+-]*");
  std::vector<std::string> Parts;
  size_t Start = 0;
  while (Start <= Relative.size()) {
    size_t End = Relative.find('/', Start);
    if (End == std::string::npos)
      End = Relative.size();
    Parts.push_back(Relative.substr(Start, End - Start));
    Start = End + 1;
  }
  if (Parts.empty() || Parts.size() > 2)
    return false;
  for (const std::string &P : Parts)
    if (!std::regex_match(P, Part))
      return false;
  const std::string &Name = Parts.back();
  static const std::string Suffix = ".approval.json";
  return Name.size() > Suffix.size() &&
         Name.compare(Name.size() - Suffix.size(), Suffix.size(), Suffix) == 0;
}

/// \p Path (repository-relative) inside the approvals folder \p Rel, as a
/// path relative to that folder; nothing when it is outside.
std::optional<std::string> insideApprovals(const std::string &Path,
                                           const std::string &Rel) {
  if (Rel.empty() || Path.size() <= Rel.size() + 1 ||
      Path.compare(0, Rel.size(), Rel) != 0 || Path[Rel.size()] != '/')
    return std::nullopt;
  return Path.substr(Rel.size() + 1);
}

/// What is true of the repository as a whole, before any approval is read.
struct RepositoryState {
  std::string Top;          ///< the work tree's top folder
  std::string ApprovalsRel; ///< approvals folder relative to Top, or ""
  /// When set, no approval counts: the status and why.
  std::string VoidStatus, VoidDetail;
};

std::string listSome(const std::vector<std::string> &Paths) {
  std::string Out;
  for (size_t I = 0; I < Paths.size() && I < 3; ++I)
    Out += (I ? ", " : "") + Paths[I];
  if (Paths.size() > 3)
    Out += " and " + std::to_string(Paths.size() - 3) + " more";
  return Out;
}

bool within(const fs::path &Inner, const fs::path &Outer) {
  fs::path Rel = Inner.lexically_relative(Outer);
  return !Rel.empty() && *Rel.begin() != "..";
}

RepositoryState inspectRepository(const ApprovalsOptions &Options) {
  RepositoryState S;
  ProcessResult Top = git(Options.SourceDir, {"rev-parse", "--show-toplevel"});
  S.Top = firstLine(Top.Stdout);
  if (Top.ExitCode != 0 || S.Top.empty())
    throw Error("tool.git.failed", Options.SourceDir, "",
                "not a git work tree (or no git); approvals need one");
  std::error_code Ec;
  fs::path TopPath = fs::weakly_canonical(S.Top, Ec);
  fs::path Source = fs::weakly_canonical(fs::absolute(Options.SourceDir), Ec);
  fs::path Approvals =
      fs::weakly_canonical(fs::absolute(Options.ApprovalsDir), Ec);
  // A folder that holds the sources would exempt them from the comparison.
  if (within(Source, Approvals) || within(TopPath, Approvals)) {
    S.VoidStatus = "approvals-dir";
    S.VoidDetail = "the approvals folder " + Options.ApprovalsDir +
                   " is or contains the source folder; approvals need a "
                   "folder of their own";
    return S;
  }
  if (within(Approvals, TopPath))
    S.ApprovalsRel = Approvals.lexically_relative(TopPath).generic_string();

  // Only approval statements may live in the approvals folder: anything
  // else there (a source file a glob could compile) voids them all.
  std::vector<std::string> Foreign;
  if (fs::is_directory(Approvals, Ec))
    for (auto It = fs::recursive_directory_iterator(Approvals, Ec);
         !Ec && It != fs::recursive_directory_iterator(); It.increment(Ec)) {
      std::string Rel =
          It->path().lexically_relative(Approvals).generic_string();
      if (It->is_symlink(Ec) ||
          (!It->is_directory(Ec) && !It->is_regular_file(Ec)) ||
          (It->is_regular_file(Ec) && !isApprovalFileName(Rel)))
        Foreign.push_back(Rel);
      else if (It->is_directory(Ec) && It.depth() > 0)
        Foreign.push_back(Rel + "/");
    }
  if (!Foreign.empty()) {
    S.VoidStatus = "foreign-file";
    S.VoidDetail = "the approvals folder holds files that are not approval "
                   "statements (" +
                   listSome(Foreign) + ")";
    return S;
  }

  // The release is the checked-out tree: an uncommitted or untracked change
  // (submodules included) is a change nobody approved. New approval files
  // in the approvals folder are the exception: approving writes one.
  bool Ok = false;
  std::vector<std::string> Dirty;
  for (const std::string &Path : dirtyPaths(S.Top, Ok)) {
    auto Rel = insideApprovals(Path, S.ApprovalsRel);
    if (!Rel || !isApprovalFileName(*Rel))
      Dirty.push_back(Path);
  }
  if (!Ok)
    throw Error("tool.git.failed", S.Top, "", "git status failed");
  if (!Dirty.empty()) {
    S.VoidStatus = "dirty-tree";
    S.VoidDetail = "the work tree has changes that are not committed (" +
                   listSome(Dirty) + "); approvals cover commits only";
  }
  return S;
}

} // namespace

std::optional<std::string> resolveCommit(const std::string &SourceDir,
                                         const std::string &Revision) {
  ProcessResult R =
      git(SourceDir, {"rev-parse", "--verify", "--quiet", "--end-of-options",
                      Revision + "^{commit}"});
  std::string Id = firstLine(R.Stdout);
  if (R.ExitCode != 0 || !isFullCommitId(Id))
    return std::nullopt;
  return Id;
}

bool isFullCommitId(std::string_view Id) {
  return (Id.size() == 40 || Id.size() == 64) && isHex(Id);
}

namespace {

/// Why the release commit \p Current is not the approved \p Approved, or ""
/// when they are the same or differ only by approval statements added,
/// replaced or removed in the approvals folder.
std::string differenceOutsideApprovals(const RepositoryState &Repo,
                                       const std::string &Approved,
                                       const std::string &Current) {
  if (!isFullCommitId(Approved))
    return "the approval names '" + Approved +
           "', not a full commit id (approve again with this ExitBar)";
  if (Approved == Current)
    return "";
  auto Changes = changedPaths(Repo.Top, Approved, Current);
  if (!Changes)
    return "the approved commit is not in this repository";
  std::vector<std::string> Outside;
  for (const auto &[Letter, Path] : *Changes) {
    auto Rel = insideApprovals(Path, Repo.ApprovalsRel);
    if (!Rel || !isApprovalFileName(*Rel) ||
        (Letter != 'A' && Letter != 'M' && Letter != 'D'))
      Outside.push_back(Path);
  }
  if (Outside.empty())
    return "";
  return "they differ outside the approvals (" + listSome(Outside) + ")";
}

} // namespace

std::string signApproval(const ApprovalStatement &S, const PrivateKey &Key) {
  return dumpCanonical(
      json{{"schema", "exitbar.approval"},
           {"schema_version", EvidenceSchemaVersion},
           {"statement", statementJson(S)},
           {"payload_type", ApprovalPayloadType},
           {"key_id", Key.publicKey().id()},
           {"signature", base64Encode(Key.sign(signedText(S)))}});
}

std::string approvalBlocker(const std::string &SourceDir,
                            const std::string &ApprovalsDir) {
  ApprovalsOptions Options;
  Options.SourceDir = SourceDir;
  Options.ApprovalsDir = ApprovalsDir;
  return inspectRepository(Options).VoidDetail;
}

std::string currentCommit(const std::string &SourceDir) {
  auto Commit = resolveCommit(SourceDir, "HEAD");
  if (!Commit)
    throw Error("tool.git.failed", SourceDir, "",
                "cannot tell the commit (not a git work tree?); pass --commit");
  return *Commit;
}

ApprovalsEvidence collectApprovals(const ApprovalsOptions &Options) {
  ApprovalsEvidence E;
  E.ReleaseVersion = Options.ReleaseVersion;
  RepositoryState Repo = inspectRepository(Options);
  E.Commit = currentCommit(Options.SourceDir);
  if (!Options.Commit.empty()) {
    // The release is what is checked out; another commit cannot be judged
    // from this work tree.
    auto Named = resolveCommit(Options.SourceDir, Options.Commit);
    if (!Named || *Named != E.Commit)
      throw Error("usage.approvals.commit", Options.SourceDir, "",
                  "--commit " + Options.Commit +
                      " is not the commit checked out (" + E.Commit +
                      "); check it out first");
  }
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

  for (const fs::path &P : Files) {
    std::string File = P.string();
    json J = parseJsonText(readFile(File), File);
    if (!J.is_object() || J.value("schema", "") != "exitbar.approval")
      throw Error("input.approval.invalid", File, "/schema",
                  "expected \"exitbar.approval\"");
    for (const char *Key : {"statement", "key_id", "signature"})
      if (!J.contains(Key) ||
          (std::string(Key) == "statement" ? !J[Key].is_object()
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
      throw Error("input.approval.invalid", File, "/signature", "not base64");
    const TrustedKey *Key = nullptr;
    const TrustedKey *OtherPurpose = nullptr;
    for (const TrustedKey &K : Options.TrustedKeys)
      if (K.Key.id() == C.KeyId)
        (K.Purpose == KeyPurpose::Approval ? Key : OtherPurpose) = &K;
    std::string PayloadType =
        J.contains("payload_type") && J["payload_type"].is_string()
            ? J["payload_type"].get<std::string>()
            : std::string();
    if (!Key) {
      C.Status = "untrusted-key";
      C.Detail =
          "signed by " + C.KeyId +
          (OtherPurpose ? ", which is trusted for " +
                              std::string(toString(OtherPurpose->Purpose)) +
                              ", not for approvals"
                        : ", which is not a trusted approval key");
    } else if (PayloadType != ApprovalPayloadType) {
      C.Status = "invalid-signature";
      C.Detail = "an old-style approval, signed without the typed envelope "
                 "(payload_type " +
                 std::string(ApprovalPayloadType) + "); approve again";
    } else if (!Key->Key.verify(signedText(C.Statement), *Signature)) {
      C.Status = "invalid-signature";
      C.Detail = "the signature does not match the statement (altered?)";
    } else if (std::find(Key->Roles.begin(), Key->Roles.end(),
                         C.Statement.Role) == Key->Roles.end()) {
      std::string Roles;
      for (const std::string &R : Key->Roles)
        Roles += (Roles.empty() ? "" : ", ") + R;
      C.Status = "wrong-role";
      C.Detail = "key " + C.KeyId + " may approve as " + Roles + ", not as " +
                 C.Statement.Role;
    } else if (C.Statement.ReleaseVersion != E.ReleaseVersion) {
      C.Status = "other-version";
      C.Detail = "approves version " + C.Statement.ReleaseVersion +
                 ", the release is " + E.ReleaseVersion;
    } else if (!Repo.VoidStatus.empty()) {
      C.Status = Repo.VoidStatus;
      C.Detail = Repo.VoidDetail;
    } else if (std::string Why = differenceOutsideApprovals(
                   Repo, C.Statement.Commit, E.Commit);
               !Why.empty()) {
      C.Status = "other-commit";
      C.Detail = "approves commit " + C.Statement.Commit.substr(0, 12) +
                 ", the release is at " + E.Commit.substr(0, 12) + " and " +
                 Why;
    } else {
      C.Status = "good";
    }
    E.Approvals.push_back(std::move(C));
  }
  // One key satisfies one required role: a person holding a key bound to
  // two roles is still one person.
  std::vector<ApprovalCheck> Good;
  for (const ApprovalCheck &C : E.Approvals)
    if (C.Status == "good")
      Good.push_back(C);
  std::map<std::string, std::string> Assigned =
      assignRoles(E.RequiredRoles, Good);
  for (ApprovalCheck &C : E.Approvals) {
    bool Required = std::find(E.RequiredRoles.begin(), E.RequiredRoles.end(),
                              C.Statement.Role) != E.RequiredRoles.end();
    if (C.Status != "good" || !Required || Assigned.count(C.Statement.Role))
      continue;
    for (const auto &[Role, Key] : Assigned)
      if (Key == C.KeyId) {
        C.Status = "key-reused";
        C.Detail = "key " + C.KeyId + " already approves as " + Role +
                   "; one key satisfies one required role";
      }
  }
  for (const std::string &Role : E.RequiredRoles)
    if (!Assigned.count(Role))
      E.MissingRoles.push_back(Role);
  // Trust anchors the release's own commits can change are no anchors.
  fs::path Top = fs::weakly_canonical(Repo.Top, Ec);
  for (const std::string &Anchor : Options.TrustAnchors)
    if (within(fs::weakly_canonical(fs::absolute(Anchor), Ec), Top))
      E.TrustAnchorsInRepository.push_back(Anchor);
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
  return dumpCanonical(
      json{{"schema", "exitbar.approvals"},
           {"schema_version", EvidenceSchemaVersion},
           {"release_version", E.ReleaseVersion},
           {"commit", E.Commit},
           {"approvals_dir", E.ApprovalsDir},
           {"required_roles", E.RequiredRoles},
           {"approvals", Approvals},
           {"missing_roles", E.MissingRoles},
           {"trust_anchors_in_repository", E.TrustAnchorsInRepository}});
}

ApprovalsEvidence approvalsFromJson(std::string_view Text,
                                    const std::string &File) {
  json J = parseJsonText(Text, File);
  JsonCursor C = openEvidence(J, "exitbar.approvals", File);
  ApprovalsEvidence E;
  E.ReleaseVersion = C.at("release_version").string();
  E.Commit = C.at("commit").string();
  E.ApprovalsDir = C.at("approvals_dir").string();
  E.RequiredRoles = C.at("required_roles").strings();
  E.MissingRoles = C.at("missing_roles").strings();
  if (auto Anchors = C.find("trust_anchors_in_repository"))
    E.TrustAnchorsInRepository = Anchors->strings();
  for (const JsonCursor &A : C.at("approvals").elements()) {
    ApprovalCheck Check;
    Check.File = A.at("file").string();
    A.at("statement").expectObject();
    try {
      Check.Statement = readStatement(A.at("statement").json(), File);
    } catch (const Error &X) {
      // readStatement names the place inside a statement file.
      throw Error("input.evidence.invalid", File, A.pointer() + X.place(),
                  X.message());
    }
    Check.KeyId = A.at("key_id").string();
    Check.Status = A.at("status").string();
    Check.Detail = A.at("detail").string();
    E.Approvals.push_back(std::move(Check));
  }
  return E;
}

} // namespace exitbar
