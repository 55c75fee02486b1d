// License.cpp - identifying the SPDX licence of a LICENSE text
// SPDX-License-Identifier: Apache-2.0
//
// Each licence is recognised by phrases that its text has and its look-alikes
// lack (the BSD clauses, the GPL's version line), after folding case,
// punctuation and white space, so reflowed or re-wrapped texts match too.

#include "exitbar/Readiness.h"
#include <cctype>

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
      {"AGPL-3.0",
       {"gnu affero general public license version 3 19 november 2007"},
       {}},
      {"LGPL-3.0",
       {"gnu lesser general public license version 3 29 june 2007"},
       {}},
      {"LGPL-2.1",
       {"gnu lesser general public license version 2.1 february 1999"},
       {}},
      {"GPL-3.0", {"gnu general public license version 3 29 june 2007"}, {}},
      {"GPL-2.0", {"gnu general public license version 2 june 1991"}, {}},
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

} // namespace exitbar
