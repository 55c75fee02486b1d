// Signatures.cpp - `collect signatures`: every release artifact and the verdict
// on its signature
// SPDX-License-Identifier: Apache-2.0

#include "exitbar/CMakeFileApi.h"
#include "exitbar/Digest.h"
#include "exitbar/Error.h"
#include "exitbar/Files.h"
#include "kinds/signatures/Signatures.h"
#include <algorithm>
#include <cstring>
#include <filesystem>
#include <fnmatch.h>
#include <map>

namespace fs = std::filesystem;

namespace exitbar {

namespace {

bool hasWildcard(const std::string &Pattern) {
  return Pattern.find_first_of("*?[") != std::string::npos;
}

bool isSignatureFile(const std::string &Path) {
  for (const char *Suffix : {".sig", ".bundle", ".sigstore.json", ".pub"})
    if (Path.size() > std::strlen(Suffix) &&
        Path.compare(Path.size() - std::strlen(Suffix), std::string::npos,
                     Suffix) == 0)
      return true;
  return false;
}

/// Files below \p Base whose relative path matches \p Pattern.
std::vector<std::string> expand(const std::string &Pattern,
                                const std::string &Base) {
  std::vector<std::string> Out;
  std::error_code Ec;
  fs::recursive_directory_iterator It(
      Base, fs::directory_options::skip_permission_denied, Ec);
  for (; !Ec && It != fs::recursive_directory_iterator(); It.increment(Ec)) {
    const fs::path &P = It->path();
    if (It->is_directory(Ec) &&
        (P.filename() == ".git" || fs::exists(P / "CMakeCache.txt", Ec))) {
      // Other build trees and the repository's history are not artifacts.
      if (P != fs::path(Base))
        It.disable_recursion_pending();
      continue;
    }
    if (!It->is_regular_file(Ec))
      continue;
    std::string Relative = P.lexically_relative(Base).generic_string();
    if (::fnmatch(Pattern.c_str(), Relative.c_str(), 0) == 0 &&
        !isSignatureFile(Relative))
      Out.push_back(P.string());
  }
  std::sort(Out.begin(), Out.end());
  return Out;
}

std::string recordedPath(const std::string &Path, const std::string &BuildDir) {
  if (BuildDir.empty())
    return Path;
  std::error_code Ec;
  fs::path Abs = fs::weakly_canonical(fs::absolute(Path, Ec), Ec);
  fs::path Build = fs::weakly_canonical(fs::absolute(BuildDir, Ec), Ec);
  fs::path Relative = Abs.lexically_relative(Build);
  if (!Relative.empty() && *Relative.begin() != "..")
    return Relative.generic_string();
  return Abs.generic_string();
}

} // namespace

std::vector<ArtifactRef> readArtifactList(std::string_view Text,
                                          const std::string &File) {
  std::vector<ArtifactRef> Out;
  size_t LineNo = 0;
  size_t Start = 0;
  while (Start < Text.size()) {
    size_t End = Text.find('\n', Start);
    if (End == std::string_view::npos)
      End = Text.size();
    std::string Line(Text.substr(Start, End - Start));
    Start = End + 1;
    ++LineNo;
    if (Line.empty() || Line[0] == '#')
      continue;
    size_t Tab1 = Line.find('\t');
    size_t Tab2 = Tab1 == std::string::npos ? Tab1 : Line.find('\t', Tab1 + 1);
    if (Tab2 == std::string::npos || Tab2 + 1 >= Line.size())
      throw Error("input.artifacts.invalid", File, std::to_string(LineNo),
                  "expected '<kind>\\t<target>\\t<path>'");
    Out.push_back({Line.substr(Tab2 + 1),
                   Line.substr(Tab1 + 1, Tab2 - Tab1 - 1),
                   Line.substr(0, Tab1)});
  }
  return Out;
}

std::vector<ArtifactRef>
artifactsFromFileApi(const FileApiReply &Reply,
                     const std::vector<std::string> &Targets) {
  static const std::map<std::string, std::string> Kinds = {
      {"EXECUTABLE", "executable"},
      {"SHARED_LIBRARY", "shared-library"},
      {"MODULE_LIBRARY", "module-library"},
      {"STATIC_LIBRARY", "static-library"}};
  for (const std::string &Name : Targets)
    if (std::none_of(Reply.Targets.begin(), Reply.Targets.end(),
                     [&](const FileApiTarget &T) { return T.Name == Name; }))
      throw Error("input.artifacts.target", Reply.IndexFile, "",
                  "no target named '" + Name + "' in the File API reply");
  std::vector<ArtifactRef> Out;
  for (const FileApiTarget &T : Reply.Targets) {
    auto Kind = Kinds.find(T.Type);
    if (Kind == Kinds.end() || T.GeneratorProvided ||
        (!Targets.empty() &&
         std::find(Targets.begin(), Targets.end(), T.Name) == Targets.end()))
      continue;
    for (const std::string &File : T.Artifacts)
      Out.push_back({File, T.Name, Kind->second});
  }
  return Out;
}

SignaturesEvidence collectSignatures(const SignaturesOptions &Options) {
  TrustStore Trust = loadTrust(Options.Trust);
  SignaturesEvidence E;
  for (const PublicKey &K : Trust.Trusted)
    E.TrustedKeys.push_back(
        {K.id(), std::string(toString(K.type())), K.source()});
  std::sort(E.TrustedKeys.begin(), E.TrustedKeys.end(),
            [](const TrustedKeyInfo &A, const TrustedKeyInfo &B) {
              return A.Id < B.Id;
            });
  E.TrustedKeys.erase(
      std::unique(E.TrustedKeys.begin(), E.TrustedKeys.end(),
                  [](const TrustedKeyInfo &A, const TrustedKeyInfo &B) {
                    return A.Id == B.Id;
                  }),
      E.TrustedKeys.end());

  std::vector<ArtifactRef> All = Options.Artifacts;
  std::vector<std::string> NoMatch;
  for (const auto &[Pattern, Base] : Options.Patterns) {
    if (!hasWildcard(Pattern)) {
      fs::path P(Pattern);
      All.push_back({P.is_absolute()
                         ? Pattern
                         : (fs::path(Base) / P).lexically_normal().string(),
                     "", "file"});
      continue;
    }
    // The folders before the first wildcard are where the search starts:
    // an absolute pattern (`/out/dist/*.tar.gz`) matches below /out/dist,
    // not against paths relative to the current folder.
    fs::path Root =
        fs::path(Pattern).is_absolute() ? fs::path("/") : fs::path(Base);
    fs::path Rest;
    bool Wild = false;
    for (const fs::path &Part : fs::path(Pattern).relative_path()) {
      Wild = Wild || hasWildcard(Part.string());
      (Wild ? Rest : Root) /= Part;
    }
    std::vector<std::string> Matches =
        expand(Rest.generic_string(), Root.lexically_normal().string());
    // A pattern that matches nothing names artifacts that are not there
    // (a renamed output folder, a typo): a missing artifact, not a quiet
    // "every artifact signed" over fewer files.
    if (Matches.empty())
      NoMatch.push_back(Pattern);
    for (const std::string &Match : Matches)
      All.push_back({Match, "", "file"});
  }

  // By recorded path: an artifact named twice (a target and a glob) is
  // checked once, keeping what its target says about it.
  std::map<std::string, ArtifactSignature> ByPath;
  std::error_code Ec;
  for (const ArtifactRef &Ref : All) {
    std::string Recorded = recordedPath(Ref.Path, Options.BuildDir);
    auto [It, Inserted] = ByPath.try_emplace(Recorded);
    ArtifactSignature &A = It->second;
    if (!Inserted) {
      if (A.Target.empty() && !Ref.Target.empty()) {
        A.Target = Ref.Target;
        A.Kind = Ref.Kind;
      }
      continue;
    }
    A.Path = Recorded;
    A.Target = Ref.Target;
    A.Kind = Ref.Kind.empty() ? "file" : Ref.Kind;
    if (!fs::is_regular_file(Ref.Path, Ec)) {
      A.Status = SignatureStatus::Missing;
      A.Detail = "the artifact does not exist (not built yet?)";
      continue;
    }
    std::string Data = readFile(Ref.Path);
    A.Sha256 = sha256Hex(Data);
    SignatureCheck C = verifyData(Data, Ref.Path, "", Trust);
    A.Status = C.Status;
    A.SignatureFile = C.SignatureFile.empty()
                          ? ""
                          : recordedPath(C.SignatureFile, Options.BuildDir);
    A.Format = C.Format;
    A.KeyId = C.KeyId;
    A.Detail = C.Detail;
  }
  for (const std::string &Pattern : NoMatch) {
    ArtifactSignature &A = ByPath[Pattern];
    A.Path = Pattern;
    A.Kind = "pattern";
    A.Status = SignatureStatus::Missing;
    A.Detail = "the pattern matches no file";
  }
  for (auto &[Path, A] : ByPath)
    E.Artifacts.push_back(std::move(A));
  return E;
}

} // namespace exitbar
