// CheckCatalogTest.cpp - the checks' doc pages state the severities and CWE
// ids the catalogue gives their findings, and nothing else
// SPDX-License-Identifier: Apache-2.0
//
// The catalogue (collect/CheckCatalog.cpp) decides what a finding's
// severity and CWE are; the pages are written by hand. These tests fail when
// the two drift apart, in either direction.

#include "exitbar/Evidence.h"
#include "exitbar/Files.h"
#include "exitbar/Findings.h"
#include <filesystem>
#include <gtest/gtest.h>
#include <regex>
#include <set>

namespace fs = std::filesystem;
using namespace exitbar;

namespace {

const fs::path SourceDir = EXITBAR_SOURCE_DIR;

struct Stated {
  std::set<std::string> Levels, Cwe;
};

/// Every match of \p Pattern's first group (or whole match) in \p Text.
std::set<std::string> allMatches(const std::string &Text,
                                 const std::regex &Pattern) {
  std::set<std::string> Out;
  for (std::sregex_iterator It(Text.begin(), Text.end(), Pattern), End;
       It != End; ++It)
    Out.insert(It->size() > 1 ? (*It)[1].str() : (*It)[0].str());
  return Out;
}

/// What the catalogue says of \p Check, as the pages spell it.
Stated catalogued(const std::string &Check) {
  Stated S;
  for (const CheckInfo &Info : checkClassifications(Check)) {
    S.Levels.insert(std::string(toString(Info.Level)));
    S.Cwe.insert(Info.Cwe.begin(), Info.Cwe.end());
  }
  return S;
}

/// The page's "Severity:" paragraph (up to the first blank line): its bold
/// levels and its CWE ids.
Stated stated(const std::string &Page, std::string &Paragraph) {
  auto Start = Page.find("\nSeverity:");
  if (Start == std::string::npos)
    return {};
  auto End = Page.find("\n\n", Start + 1);
  Paragraph =
      Page.substr(Start + 1, End == std::string::npos ? std::string::npos
                                                      : End - Start - 1);
  Stated S;
  S.Levels = allMatches(Paragraph,
                        std::regex(R"(\*\*(critical|high|medium|low)\*\*)"));
  S.Cwe = allMatches(Paragraph, std::regex(R"(CWE-[0-9]+)"));
  return S;
}

std::string joined(const std::set<std::string> &Items) {
  std::string Out;
  for (const std::string &I : Items)
    Out += (Out.empty() ? "" : ", ") + I;
  return "{" + Out + "}";
}

TEST(CheckCatalogTest, EveryCheckPageStatesTheCataloguesSeverityAndCwe) {
  int Pages = 0;
  for (const fs::directory_entry &D :
       fs::directory_iterator(SourceDir / "docs" / "checks")) {
    std::string Name = D.path().stem().string();
    if (D.path().extension() != ".md" || Name.rfind("exitbar-", 0) != 0)
      continue;
    ++Pages;
    SCOPED_TRACE(D.path().string());
    Stated Catalogued = catalogued(Name);
    ASSERT_FALSE(checkClassifications(Name).empty())
        << Name << " has a page but no catalogue entry";
    std::string Paragraph;
    Stated Page = stated(readFile(D.path().string()), Paragraph);
    ASSERT_FALSE(Paragraph.empty()) << "no 'Severity:' paragraph";
    if (Catalogued.Cwe.empty()) {
      // Not a finding (exitbar-unanalysed-region): the page says so.
      EXPECT_EQ(Paragraph.rfind("Severity: none", 0), 0u) << Paragraph;
      continue;
    }
    EXPECT_EQ(joined(Page.Levels), joined(Catalogued.Levels)) << Paragraph;
    EXPECT_EQ(joined(Page.Cwe), joined(Catalogued.Cwe)) << Paragraph;
  }
  EXPECT_GE(Pages, 10);
}

TEST(CheckCatalogTest, TheListOfChecksStatesTheCataloguesSeverityAndCwe) {
  // docs/checks/list.md: | [name](name.md) | levels | CWE ids | ... |
  std::string List =
      readFile((SourceDir / "docs" / "checks" / "list.md").string());
  std::regex Row(R"(\| \[(exitbar-[a-z-]+)\]\([^)]*\) \| ([^|]*)\| ([^|]*)\|)");
  int Rows = 0;
  for (std::sregex_iterator It(List.begin(), List.end(), Row), End; It != End;
       ++It) {
    ++Rows;
    std::string Check = (*It)[1];
    SCOPED_TRACE(Check);
    Stated Catalogued = catalogued(Check);
    if (Catalogued.Cwe.empty())
      continue; // not a finding; its row says so in words
    EXPECT_EQ(
        joined(allMatches((*It)[2], std::regex("critical|high|medium|low"))),
        joined(Catalogued.Levels));
    EXPECT_EQ(joined(allMatches((*It)[3], std::regex("CWE-[0-9]+"))),
              joined(Catalogued.Cwe));
  }
  EXPECT_GE(Rows, 10);
}

TEST(CheckCatalogTest, EveryCataloguedCheckIsDocumented) {
  // Plugin checks have a page; the deployment-file rules of `exitbar
  // collect infra` are rows of docs/infra.md's table.
  std::string Infra = readFile((SourceDir / "docs" / "infra.md").string());
  for (const std::string &Check : knownChecks()) {
    SCOPED_TRACE(Check);
    if (Check.rfind("exitbar-infra-", 0) != 0) {
      EXPECT_TRUE(fs::exists(SourceDir / "docs" / "checks" / (Check + ".md")));
      continue;
    }
    std::smatch Row;
    ASSERT_TRUE(std::regex_search(
        Infra, Row,
        std::regex("\\| `" + Check + "` \\| ([a-z]+) \\| (CWE-[0-9]+) \\|")))
        << "no row in docs/infra.md";
    Stated Catalogued = catalogued(Check);
    EXPECT_EQ(joined({Row[1].str()}), joined(Catalogued.Levels));
    EXPECT_EQ(joined({Row[2].str()}), joined(Catalogued.Cwe));
  }
}

} // namespace
