// Readiness.cpp - `exitbar collect readiness`: licence, documents, runbooks and
// CI of a repository
// SPDX-License-Identifier: Apache-2.0

#include "kinds/readiness/Readiness.h"
#include "exitbar/Error.h"
#include "exitbar/Files.h"
#include "support/Strings.h"
#include <algorithm>
#include <cctype>
#include <filesystem>
#include <regex>
#include <set>
#include <sstream>

namespace fs = std::filesystem;

namespace exitbar {
namespace {

/// Files directly in \p Dir whose name, without extension and case, is
/// \p Stem (README, README.md, readme.rst, ...).
std::string findDocument(const fs::path &Root, const std::string &Stem) {
  std::vector<std::string> Found;
  for (const fs::path &Dir : {Root, Root / "docs", Root / ".github"}) {
    std::error_code Ec;
    for (const auto &Entry : fs::directory_iterator(Dir, Ec)) {
      if (!Entry.is_regular_file())
        continue;
      std::string Name = toLower(Entry.path().stem().string());
      if (Name == toLower(Stem) ||
          (Stem == "LICENSE" && (Name == "licence" || Name == "copying")) ||
          (Stem == "CHANGELOG" &&
           (Name == "changes" || Name == "news" || Name == "history")))
        Found.push_back(Entry.path().lexically_relative(Root).generic_string());
    }
    if (!Found.empty())
      break;
  }
  std::sort(Found.begin(), Found.end());
  return Found.empty() ? "" : Found.front();
}

bool isMarker(const std::string &Line) {
  static const std::regex Marker(
      R"(\b(todo|tbd|fixme|to be (written|done|defined)|coming soon|lorem ipsum)\b)",
      std::regex::icase);
  return std::regex_search(Line, Marker);
}

/// Markdown headings (`#`, `##`, ...) with the text under each, including
/// that of their sub-headings.
std::vector<std::pair<std::string, std::string>>
sections(const std::string &Text) {
  struct Open {
    size_t Level;
    size_t Index;
  };
  std::vector<std::pair<std::string, std::string>> Out;
  std::vector<Open> Stack;
  std::istringstream In(Text);
  std::string Line;
  while (std::getline(In, Line)) {
    size_t Level = Line.find_first_not_of('#');
    if (Level != 0 && Level != std::string::npos && Line[Level] == ' ') {
      while (!Stack.empty() && Stack.back().Level >= Level)
        Stack.pop_back();
      Stack.push_back({Level, Out.size()});
      Out.emplace_back(toLower(Line.substr(Level + 1)), "");
      continue;
    }
    for (const Open &O : Stack)
      Out[O.Index].second += Line + "\n";
  }
  return Out;
}

/// Words each required section may be titled with.
std::vector<std::string> synonyms(const std::string &Section) {
  if (Section == "deployment")
    return {"deploy", "release", "rollout"};
  if (Section == "rollback")
    return {"rollback", "roll back", "roll-back", "revert", "downgrade"};
  if (Section == "incident response")
    return {"incident", "on-call", "on call", "outage", "escalation"};
  if (Section == "monitoring")
    return {"monitor", "alert", "observability", "metrics", "dashboard"};
  return {Section};
}

bool isRunbook(const fs::path &Relative) {
  std::string Path = toLower(Relative.generic_string());
  std::string Ext = toLower(Relative.extension().string());
  if (Ext != ".md" && Ext != ".rst" && Ext != ".txt" && Ext != ".adoc")
    return false;
  return Path.find("runbook") != std::string::npos ||
         Path.find("playbook") != std::string::npos ||
         Path.rfind("ops/", 0) == 0 || Path.rfind("docs/ops/", 0) == 0 ||
         Path.find("operations") != std::string::npos;
}

void findCi(const fs::path &Root, ReadinessEvidence &E) {
  std::vector<fs::path> Candidates;
  std::error_code Ec;
  for (const char *Dir : {".github/workflows", ".ci", ".circleci"})
    for (const auto &Entry : fs::directory_iterator(Root / Dir, Ec))
      if (Entry.is_regular_file())
        Candidates.push_back(Entry.path());
  for (const char *File :
       {".gitlab-ci.yml", "Jenkinsfile", "azure-pipelines.yml", ".travis.yml"})
    if (fs::is_regular_file(Root / File, Ec))
      Candidates.push_back(Root / File);
  std::sort(Candidates.begin(), Candidates.end());
  static const std::regex RunsTests(
      R"(\bctest\b|make (check|test)\b|ninja test\b|--target (test|check)\b|scripts/test|\btest\.sh\b|pytest|npm test|cargo test|go test)");
  for (const fs::path &P : Candidates) {
    E.CiFiles.push_back(P.lexically_relative(Root).generic_string());
    try {
      if (std::regex_search(readFile(P.string()), RunsTests))
        E.CiRunsTests = true;
    } catch (const Error &) {
      // An unreadable CI file is still a CI file; it just proves no tests.
    }
  }
}

bool isSourceOrBuildFile(const fs::path &P) {
  static const std::set<std::string> Extensions = {
      ".c",  ".cc",  ".cpp", ".cxx", ".c++", ".h",
      ".hh", ".hpp", ".hxx", ".ipp", ".inl", ".cmake"};
  return Extensions.count(toLower(P.extension().string())) ||
         P.filename() == "CMakeLists.txt" || P.filename() == "conanfile.txt" ||
         P.filename() == "conanfile.py" || P.filename() == "vcpkg.json";
}

/// Files that may configure a proxy or gateway in front of the service.
bool isDeploymentFile(const fs::path &P) {
  std::string Ext = toLower(P.extension().string());
  return Ext == ".conf" || Ext == ".yaml" || Ext == ".yml" || Ext == ".cfg" ||
         Ext == ".json" || Ext == ".toml";
}

} // namespace

std::vector<MonitoringSignal> findMonitoringSignals(const std::string &File,
                                                    std::string_view Text) {
  // A route is a string literal that is exactly a health or metrics path
  // (optionally under a prefix such as "/api/v1"); a library is an include
  // of its headers or a package/target name in a build file.
  static const std::regex Route(
      R"re("(?:/[A-Za-z0-9_.-]+)*/(health|healthz|healthcheck|livez|readyz|liveness|readiness|metrics)/?")re");
  static const std::regex Library(
      R"re((?:#\s*include\s*[<"]|find_package\s*\(\s*|\b)(prometheus|opentelemetry|opencensus)(?:[-_]cpp)?(?:/|::|\b))re",
      std::regex::icase);
  std::vector<MonitoringSignal> Out;
  size_t LineNo = 0, Begin = 0;
  const fs::path Name(File);
  const bool IsBuild =
      Name.extension() == ".cmake" || Name.filename() == "CMakeLists.txt" ||
      Name.filename() == "conanfile.txt" || Name.filename() == "conanfile.py" ||
      Name.filename() == "vcpkg.json";
  while (Begin <= Text.size()) {
    size_t End = Text.find('\n', Begin);
    if (End == std::string_view::npos)
      End = Text.size();
    ++LineNo;
    std::string Line(Text.substr(Begin, End - Begin));
    std::smatch M;
    if (!IsBuild && std::regex_search(Line, M, Route))
      Out.push_back({"endpoint", File + ":" + std::to_string(LineNo),
                     M[0].str().substr(1, M[0].length() - 2)});
    // In code only includes count: a word "prometheus" in a comment is not
    // a dependency.
    static const std::regex Include(R"(^\s*#\s*include\b)");
    if ((IsBuild || std::regex_search(Line, Include)) &&
        std::regex_search(Line, M, Library))
      Out.push_back({"library", File + ":" + std::to_string(LineNo),
                     toLower(M[1].str())});
    Begin = End + 1;
  }
  return Out;
}

namespace {
/// A runbook section may be short, but not empty or a TODO.
bool sectionHasContent(const std::string &Body) {
  std::string Reason = placeholderReason(Body);
  return Reason.empty() || Reason == "fewer than ten words of content";
}
} // namespace

std::string placeholderReason(std::string_view Text) {
  std::istringstream In{std::string(Text)};
  std::string Line;
  int Lines = 0, Markers = 0, Words = 0;
  while (std::getline(In, Line)) {
    if (Line.find_first_not_of(" \t\r") == std::string::npos)
      continue;
    ++Lines;
    Markers += isMarker(Line);
    if (Line[0] == '#')
      continue; // headings alone are a template's skeleton
    std::istringstream W(Line);
    std::string Word;
    while (W >> Word)
      ++Words;
  }
  if (Lines == 0)
    return "empty";
  if (Markers * 3 >= Lines)
    return "a template full of TODO/TBD";
  if (Words < 10)
    return "fewer than ten words of content";
  return "";
}

ReadinessEvidence collectReadiness(const ReadinessOptions &Options) {
  fs::path Root = fs::absolute(Options.SourceDir).lexically_normal();
  std::error_code Ec;
  if (!fs::is_directory(Root, Ec))
    throw Error("input.readiness.source-dir", Options.SourceDir, "",
                "source folder does not exist");
  ReadinessEvidence E;
  E.RequiredSections = Options.RunbookSections;

  E.LicenseFile = findDocument(Root, "LICENSE");
  if (!E.LicenseFile.empty()) {
    LicenseMatch M = identifyLicenseFile((Root / E.LicenseFile).string(),
                                         Options.Licensecheck);
    E.LicenseId = M.SpdxId;
    E.LicenseMatcher = M.Matcher;
    E.LicenseMatcherResult = M.MatcherResult;
  }

  for (const std::string &Name : Options.Documents) {
    DocumentCheck D{Name, findDocument(Root, Name), "missing", ""};
    if (!D.File.empty()) {
      D.Reason = placeholderReason(readFile((Root / D.File).string()));
      D.Status = D.Reason.empty() ? "present" : "placeholder";
    }
    E.Documents.push_back(std::move(D));
  }

  // Runbooks: Markdown-like files whose path says runbook/playbook/ops.
  std::vector<fs::path> Runbooks, Sources, Deployment;
  for (auto It = fs::recursive_directory_iterator(
           Root, fs::directory_options::skip_permission_denied, Ec);
       It != fs::recursive_directory_iterator(); It.increment(Ec)) {
    if (Ec)
      break;
    std::string Name = It->path().filename().string();
    // Build trees, dependencies and VCS data are not the project's docs.
    if (It->is_directory() &&
        (Name == ".git" || Name == "node_modules" || Name == "third_party" ||
         Name == "vendor" || Name == "_deps" ||
         fs::exists(It->path() / "CMakeCache.txt", Ec))) {
      It.disable_recursion_pending();
      continue;
    }
    if (!It->is_regular_file())
      continue;
    if (isRunbook(It->path().lexically_relative(Root)))
      Runbooks.push_back(It->path());
    else if (isSourceOrBuildFile(It->path()))
      Sources.push_back(It->path());
    else if (isDeploymentFile(It->path()))
      Deployment.push_back(It->path());
  }
  std::sort(Runbooks.begin(), Runbooks.end());
  std::vector<std::string> Covered;
  for (const fs::path &P : Runbooks) {
    RunbookCheck R;
    R.File = P.lexically_relative(Root).generic_string();
    auto Parts = sections(readFile(P.string()));
    for (const std::string &Required : Options.RunbookSections) {
      bool Found = false;
      for (const auto &[Title, Body] : Parts)
        for (const std::string &Word : synonyms(Required))
          if (Title.find(Word) != std::string::npos && sectionHasContent(Body))
            Found = true;
      (Found ? R.SectionsFound : R.SectionsMissing).push_back(Required);
      if (Found)
        Covered.push_back(Required);
    }
    E.Runbooks.push_back(std::move(R));
  }
  for (const std::string &Required : Options.RunbookSections)
    if (std::find(Covered.begin(), Covered.end(), Required) == Covered.end())
      E.SectionsMissing.push_back(Required);

  // Monitoring: a runbook's monitoring section, or health/metrics routes
  // and monitoring libraries in the code and build files.
  E.MonitoringAccepted = Options.MonitoringEvidence;
  for (const RunbookCheck &R : E.Runbooks)
    if (std::find(R.SectionsFound.begin(), R.SectionsFound.end(),
                  "monitoring") != R.SectionsFound.end())
      E.Monitoring.push_back({"runbook", R.File, "monitoring section"});
  std::sort(Sources.begin(), Sources.end());
  for (const fs::path &P : Sources) {
    std::string Text;
    try {
      Text = readFile(P.string());
    } catch (const Error &) {
      continue; // an unreadable source file shows nothing either way
    }
    for (MonitoringSignal &S : findMonitoringSignals(
             P.lexically_relative(Root).generic_string(), Text))
      E.Monitoring.push_back(std::move(S));
  }

  // Rate limiting: in the code and in the deployment files.
  E.RateLimitAccepted = Options.RateLimitEvidence;
  std::vector<fs::path> Limited = Sources;
  Limited.insert(Limited.end(), Deployment.begin(), Deployment.end());
  std::sort(Limited.begin(), Limited.end());
  for (const fs::path &P : Limited) {
    std::error_code SizeEc;
    if (fs::file_size(P, SizeEc) > (4u << 20))
      continue; // data, not configuration
    std::string Text;
    try {
      Text = readFile(P.string());
    } catch (const Error &) {
      continue;
    }
    for (MonitoringSignal &S : findRateLimitSignals(
             P.lexically_relative(Root).generic_string(), Text))
      E.RateLimiting.push_back(std::move(S));
  }

  findCi(Root, E);
  return E;
}

} // namespace exitbar
