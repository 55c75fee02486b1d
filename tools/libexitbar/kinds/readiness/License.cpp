// License.cpp - identifying the SPDX licence of a LICENSE text
// SPDX-License-Identifier: Apache-2.0
//
// The matcher is Debian's licensecheck (the tool Debian uses on source
// trees; several hundred licences and their variants), run as a process;
// its short names are mapped to SPDX ids by a table. Without it, a built-in
// matcher knows the most common texts: each is recognised by phrases that
// its text has and its look-alikes lack (the BSD clauses, the GPL's version
// line), after folding case, punctuation and white space, so reflowed or
// re-wrapped texts match too.

#include "exitbar/Error.h"
#include "exitbar/Files.h"
#include "exitbar/Process.h"
#include "kinds/readiness/Readiness.h"
#include <cctype>
#include <map>
#include <set>

namespace exitbar {
namespace {

std::string fold(std::string_view Text) {
  std::string Out;
  bool Space = false;
  for (unsigned char C : Text) {
    if (std::isalnum(C) || C == '.') {
      if (Space && !Out.empty())
        Out += ' ';
      Space = false;
      Out += static_cast<char>(std::tolower(C));
    } else {
      Space = true;
    }
  }
  return Out;
}

struct Rule {
  const char *Id;
  std::vector<const char *> AllOf;
  std::vector<const char *> NoneOf;
};

} // namespace

std::optional<std::string> identifyLicense(std::string_view Text) {
  std::string T = fold(Text);
  // Order matters: the more specific texts come before their look-alikes.
  static const std::vector<Rule> Rules = {
      // The GPL family is told apart by the title line with its date: each
      // text mentions the others by name.
      // A bare GPL text is "-only", as licensecheck (and Debian) read it: the
      // "or later" grant is in a project's notice, not in the licence.
      {"AGPL-3.0-only",
       {"gnu affero general public license version 3 19 november 2007"},
       {}},
      {"LGPL-3.0-only",
       {"gnu lesser general public license version 3 29 june 2007"},
       {}},
      {"LGPL-2.1-only",
       {"gnu lesser general public license version 2.1 february 1999"},
       {}},
      {"GPL-3.0-only",
       {"gnu general public license version 3 29 june 2007"},
       {}},
      {"GPL-2.0-only", {"gnu general public license version 2 june 1991"}, {}},
      {"Apache-2.0",
       {"apache license", "version 2.0",
        "licensed under the apache license version 2.0"},
       {}},
      {"Apache-2.0",
       {"apache license version 2.0 january 2004",
        "terms and conditions for use reproduction and distribution"},
       {}},
      {"MPL-2.0", {"mozilla public license version 2.0"}, {}},
      {"BSL-1.0", {"boost software license version 1.0"}, {}},
      {"MIT",
       {"permission is hereby granted free of charge to any person "
        "obtaining a copy",
        "the above copyright notice and this permission notice shall be "
        "included"},
       {}},
      {"ISC",
       {"permission to use copy modify and or distribute this software for "
        "any purpose with or without fee is hereby granted"},
       {}},
      {"BSD-3-Clause",
       {"redistribution and use in source and binary forms",
        "neither the name of"},
       {}},
      {"BSD-2-Clause",
       {"redistribution and use in source and binary forms",
        "redistributions in binary form must reproduce"},
       {"neither the name of", "all advertising materials"}},
      {"Zlib",
       {"this software is provided as is without any express or implied "
        "warranty",
        "permission is granted to anyone to use this software for any "
        "purpose including commercial applications",
        "altered source versions must be plainly marked as such"},
       {}},
      {"Unlicense",
       {"this is free and unencumbered software released into the public "
        "domain"},
       {}},
  };
  for (const Rule &R : Rules) {
    bool All = true;
    for (const char *Phrase : R.AllOf)
      All = All && T.find(Phrase) != std::string::npos;
    bool None = true;
    for (const char *Phrase : R.NoneOf)
      None = None && T.find(Phrase) == std::string::npos;
    if (All && None)
      return std::string(R.Id);
  }
  return std::nullopt;
}

std::optional<std::string> spdxFromLicensecheck(std::string_view Name) {
  // licensecheck's "spdx" naming scheme, where it differs from SPDX: Debian's
  // unversioned-suffix GPL names, texts it reports together because one
  // quotes the other (OpenSSL's licence includes SSLeay's, the LGPL-3.0
  // amends the GPL-3.0), and a renamed id.
  static const std::map<std::string, std::string, std::less<>> Table = {
      {"AGPL-3", "AGPL-3.0-only"},
      {"AGPL-3+", "AGPL-3.0-or-later"},
      {"AGPLv3", "AGPL-3.0-only"},
      {"GPL-1", "GPL-1.0-only"},
      {"GPL-1+", "GPL-1.0-or-later"},
      {"GPL-2", "GPL-2.0-only"},
      {"GPL-2+", "GPL-2.0-or-later"},
      {"GPL-3", "GPL-3.0-only"},
      {"GPL-3+", "GPL-3.0-or-later"},
      {"GPL-3 and/or LGPL-3", "LGPL-3.0-only"},
      {"GPL-3+ and/or LGPL-3+", "LGPL-3.0-or-later"},
      {"LGPL-2", "LGPL-2.0-only"},
      {"LGPL-2+", "LGPL-2.0-or-later"},
      {"LGPL-2.1", "LGPL-2.1-only"},
      {"LGPL-2.1+", "LGPL-2.1-or-later"},
      {"LGPL-3", "LGPL-3.0-only"},
      {"LGPL-3+", "LGPL-3.0-or-later"},
      {"OpenSSL and/or SSLeay", "OpenSSL"},
      {"WTFPL-2", "WTFPL"},
  };
  auto Trim = [](std::string_view S) {
    while (!S.empty() && std::isspace(static_cast<unsigned char>(S.front())))
      S.remove_prefix(1);
    while (!S.empty() && std::isspace(static_cast<unsigned char>(S.back())))
      S.remove_suffix(1);
    return S;
  };
  Name = Trim(Name);
  if (auto It = Table.find(Name); It != Table.end())
    return It->second;
  // licensecheck's names that are no SPDX id: generic families without a
  // version, Debian's spellings, and licences SPDX does not list. The
  // list is licensecheck 3.3.5's (Debian 12) `--list-licenses` less the
  // SPDX ids; names with '_' or '~' (mit_old, BSD~unspecified) are its own
  // internal names and never SPDX ids either.
  // A table, several names a line.
  // clang-format off
  static const std::set<std::string, std::less<>> NotSpdx = {
      "UNKNOWN", "bdwgc",
      "389", "AFL", "AGPL", "AGPL-1", "AGPL-1+", "AGPL-2", "Aladdin-8",
      "Aladdin-9", "Apache", "APL", "APSL", "Artistic", "Autoconf-2.0",
      "Autoconf-3.0", "Autoconf-data", "bdwgc-matlab", "Bison-1.24",
      "Bison-2.2", "BitTorrent", "BSD-2-clause", "BSD-3-clause",
      "BSD-4-clause", "BSL", "by", "bzip2", "CAL", "CATOSL", "CC-BY",
      "CC-BY-NC", "CC-BY-NC-ND", "CC-BY-NC-SA", "CC-BY-ND", "CC-BY-SA",
      "CC-DevNations", "CC-DevNations-2.0", "CC-NC", "CC-NC-1.0", "CC-NC-SA",
      "CC-NC-SA-1.0", "CC-NC-SP", "CC-NC-SP-1.0", "CC-ND", "CC-ND-1.0",
      "CC-ND-NC", "CC-ND-NC-1.0", "CC-PD", "CC-PDD", "CC-SA", "CC-Sampling",
      "CC-Sampling-1.0", "CC-SP", "CC-SP-1.0", "CC0", "CDDL", "CECILL",
      "Classpath-2.0", "Condor", "CPAL", "CPAL", "CPL", "CPOL", "Cryptix",
      "CVW", "D-FSL", "DBAD", "DBAD-0.2", "DBAD-0.3", "DBAD-1", "DBAD-1.1",
      "Dont-Ask", "ECL", "eCos-exception-2.0", "EFL", "EPL", "EPL-library",
      "EPL-MPL-library", "ErlPL", "EUPL", "Expat", "Fair-Source",
      "Fair-Source-0.9", "FAL", "FAL-1.1", "FAL-1.2", "FAL-1.3", "FAUST",
      "Festival", "Font-exception-2.0", "Frameworx", "GCC-exception-2.0",
      "GCC-exception-3.1", "generated", "GFDL", "GFDL-1.1+", "GFDL-1.2+",
      "GFDL-1.3+", "GFDL-NIV", "GPL", "gSOAP", "GStreamer", "IPL",
      "jabberpl", "Kevlin-Henney", "Khronos", "LGPL", "LGPL-bdwgc",
      "Libtool", "LiLiQ-P", "LiLiQ-R", "LiLiQ-R+", "LLGPL", "LPL", "LPPL",
      "mif", "MPL", "MS-CL", "MulanPSL", "NASA", "NBPL",
      "NPL", "NPOSL", "OCaml-LGPL-linking", "OCLC", "OCLC-1.0", "ODbL",
      "ODC-By", "OFL", "OGC", "OLDAP", "OPL", "OPL", "OSL", "PDDL",
      "Peer-Production", "Perl", "PHP", "Proguard", "PSF-2", "public-domain",
      "python", "QPL", "Qt-GPL-1.0", "Qt-GPL-Eclipse", "Qt-GPL-OpenSSL",
      "Qt-kernel", "Qt-LGPL-1.1", "Qt-no-source", "RPL", "RPL-1", "RPL-1.3",
      "RPSL", "SDC", "SdS", "SdS-1.0.0", "SGI-B", "SimPL", "Simple",
      "Simple-1.1", "SNCL", "SNCL-1.10.0", "SNCL-2.0.1", "SNCL-2.0.2",
      "SNCL-2.1.0", "SNCL-2.3.0", "Sollya-4.1", "SPL", "SSLeay", "STLport",
      "SugarCRM", "TrueCrypt", "TrueCrypt-3.0", "UCL", "Unicode-DFS",
      "Unicode-strict", "UPL", "version", "VSL", "VSPL", "W3C-19980519",
      "W3C-20021231", "Warzone", "Watcom", "WTFNMFPL-1.0", "WTFPL-1.0",
      "WxWindows-3.1", "Xerces", "XFree86", "YPL", "ZEL", "Zimbra", "ZPL",
      "ZPL-1.0"};
  // clang-format on
  auto IsId = [](std::string_view S) {
    if (S.empty() || NotSpdx.count(S))
      return false;
    for (char C : S)
      if (!std::isalnum(static_cast<unsigned char>(C)) && C != '.' &&
          C != '-' && C != '+')
        return false;
    return true;
  };
  // Several licences in one file ("MIT and/or BSD-3-Clause": a dual
  // text): all of them apply until the project says which one it chose.
  std::vector<std::string> Parts;
  for (std::size_t Pos = 0;;) {
    std::size_t Next = Name.find(" and/or ", Pos);
    std::string_view Part = Trim(
        Name.substr(Pos, Next == std::string_view::npos ? Next : Next - Pos));
    if (auto It = Table.find(Part); It != Table.end())
      Parts.push_back(It->second);
    else if (IsId(Part))
      Parts.emplace_back(Part);
    else
      return std::nullopt;
    if (Next == std::string_view::npos)
      break;
    Pos = Next + 8;
  }
  std::string Expression;
  for (const std::string &P : Parts)
    Expression += (Expression.empty() ? "" : " AND ") + P;
  return Expression;
}

LicenseMatch identifyLicenseFile(const std::string &Path,
                                 const std::string &Licensecheck) {
  if (!Licensecheck.empty()) {
    try {
      // The whole file (--lines 0): the default 60 lines miss the title of
      // a long text such as the GPL-3.0's.
      ProcessResult R = runProcess({Licensecheck, "--machine", "--lines", "0",
                                    "--shortname-scheme", "spdx", "--", Path},
                                   true);
      std::string Out = R.Stdout;
      while (!Out.empty() && (Out.back() == '\n' || Out.back() == '\r'))
        Out.pop_back();
      std::size_t Tab = Out.rfind('\t');
      if (R.ExitCode == 0 && Tab != std::string::npos) {
        std::string Said = Out.substr(Tab + 1);
        return {spdxFromLicensecheck(Said), "licensecheck", Said};
      }
      return {identifyLicense(readFile(Path)),
              "built-in (licensecheck failed with exit code " +
                  std::to_string(R.ExitCode) + ")",
              ""};
    } catch (const Error &E) {
      if (E.id() != "tool.not-found")
        throw;
      return {identifyLicense(readFile(Path)),
              "built-in (" + Licensecheck + " not found)", ""};
    }
  }
  return {identifyLicense(readFile(Path)), "built-in", ""};
}

} // namespace exitbar
