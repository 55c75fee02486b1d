// Dpkg.cpp - which installed Debian package owns a file, read from the dpkg
// database
// SPDX-License-Identifier: Apache-2.0
//
// Formats: deb-control(5) stanzas in <root>/status; one path per line in
// <root>/info/<package>[:<arch>].list (the ":<arch>" suffix appears for
// Multi-Arch: same packages, dpkg(1) "multiarch").

#include "sbom/Dpkg.h"
#include <algorithm>
#include <filesystem>
#include <fstream>
#include <set>

namespace fs = std::filesystem;

namespace exitbar::sbom {

std::string mergedUsrAlias(const std::string &Path) {
  for (const char *Dir :
       {"/lib/", "/lib32/", "/lib64/", "/libx32/", "/bin/", "/sbin/"}) {
    std::string D = Dir;
    if (Path.rfind(D, 0) == 0)
      return "/usr" + Path;
    if (Path.rfind("/usr" + D, 0) == 0)
      return Path.substr(4);
  }
  return "";
}

DpkgDatabase DpkgDatabase::load(const std::string &Root,
                                const std::vector<std::string> &Paths) {
  DpkgDatabase Db;
  std::set<std::string> Wanted;
  for (const std::string &P : Paths) {
    Wanted.insert(P);
    if (std::string A = mergedUsrAlias(P); !A.empty())
      Wanted.insert(A);
  }
  if (Wanted.empty())
    return Db;

  // status: only installed packages count.
  std::ifstream Status(fs::path(Root) / "status");
  std::string Line;
  DebPackage Current;
  bool Installed = false;
  auto Flush = [&] {
    if (!Current.Name.empty() && Installed) {
      std::string Key = Current.Name;
      Db.Packages[Key + ":" + Current.Architecture] = Current;
      Db.Packages.emplace(Key, Current);
    }
    Current = DebPackage();
    Installed = false;
  };
  while (std::getline(Status, Line)) {
    if (Line.empty()) {
      Flush();
      continue;
    }
    if (Line[0] == ' ' || Line[0] == '\t')
      continue; // continuation of a multi-line field
    auto Colon = Line.find(':');
    if (Colon == std::string::npos)
      continue;
    std::string Field = Line.substr(0, Colon);
    std::string Value = Line.substr(Colon + 1);
    Value.erase(0, Value.find_first_not_of(' '));
    if (Field == "Package")
      Current.Name = Value;
    else if (Field == "Version")
      Current.Version = Value;
    else if (Field == "Architecture")
      Current.Architecture = Value;
    else if (Field == "Maintainer")
      Current.Maintainer = Value;
    else if (Field == "Homepage")
      Current.Homepage = Value;
    else if (Field == "Source") {
      // "Source: name" or "Source: name (version)".
      Current.Source = Value.substr(0, Value.find(' '));
      size_t Open = Value.find('('), Close = Value.rfind(')');
      if (Open != std::string::npos && Close != std::string::npos &&
          Close > Open)
        Current.SourceVersion = Value.substr(Open + 1, Close - Open - 1);
    } else if (Field == "Status")
      Installed = Value.size() >= 9 &&
                  Value.compare(Value.size() - 9, 9, "installed") == 0 &&
                  Value.find("not-installed") == std::string::npos;
  }
  Flush();

  std::error_code Ec;
  for (const auto &Entry :
       fs::directory_iterator(fs::path(Root) / "info", Ec)) {
    const fs::path &P = Entry.path();
    if (P.extension() != ".list")
      continue;
    std::string Key = P.stem().string(); // "zlib1g:amd64" or "cmake"
    std::ifstream List(P);
    while (std::getline(List, Line))
      if (Wanted.count(Line))
        Db.Owners[Line].push_back(Key);
  }
  for (auto &[Path, Keys] : Db.Owners) {
    std::sort(Keys.begin(), Keys.end());
    Keys.erase(std::unique(Keys.begin(), Keys.end()), Keys.end());
  }
  return Db;
}

std::vector<const DebPackage *>
DpkgDatabase::ownersOf(const std::string &Path) const {
  std::vector<const DebPackage *> Out;
  std::set<std::string> Seen;
  for (const std::string &P : {Path, mergedUsrAlias(Path)}) {
    auto It = Owners.find(P);
    if (P.empty() || It == Owners.end())
      continue;
    for (const std::string &Key : It->second) {
      auto Pkg = Packages.find(Key);
      if (Pkg != Packages.end() &&
          Seen.insert(Pkg->second.Name + ":" + Pkg->second.Architecture).second)
        Out.push_back(&Pkg->second);
    }
  }
  return Out;
}

} // namespace exitbar::sbom
