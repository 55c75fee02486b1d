// Read.cpp - reader of JUnit XML test results (ctest, GoogleTest, Catch2,
// pytest, ...)
// SPDX-License-Identifier: Apache-2.0
//
// Format: the de-facto JUnit XML (Jenkins junit-10.xsd): <testcase> with an
// optional <failure>, <error> or <skipped> child. Producers differ in
// details: GoogleTest writes result="skipped" and <skipped>, read as
// skipped. ctest writes status="notrun" and <skipped message="..."> both for
// a test that asked to be skipped (SKIP_RETURN_CODE, SKIP_REGULAR_EXPRESSION)
// and for one that could not run (missing executable, missing REQUIRED_FILES,
// failed fixture): only the former is a skip, the rest never ran although
// they should have and are errors (fail closed). status="disabled" (the
// DISABLED property) is a skip the project chose.

#include "formats/junit/Read.h"
#include "exitbar/Error.h"
#include "formats/xml/Entities.h"
#include <cmath>
#include <cstdlib>
#include <tinyxml2.h>

namespace exitbar::formats {
namespace {

/// The seconds in a time="..." attribute; a value that is not a finite,
/// non-negative number is an error, not zero.
double seconds(const tinyxml2::XMLElement *E, const std::string &File) {
  const char *Text = E->Attribute("time");
  if (!Text || !*Text)
    return 0;
  char *End = nullptr;
  double S = std::strtod(Text, &End);
  if (*End != '\0' || !std::isfinite(S) || S < 0)
    throw Error("input.junit.value", File, std::to_string(E->GetLineNum()),
                std::string("time=\"") + Text +
                    "\" is not a number of seconds");
  return S;
}

/// Whether a ctest status="notrun" test case was skipped at its own request:
/// ctest names the reason in <skipped message>, "SKIP_RETURN_CODE=<n>" or
/// "SKIP_REGULAR_EXPRESSION_MATCHED"; every other reason is a test that
/// could not run.
bool askedToBeSkipped(const tinyxml2::XMLElement *E) {
  const tinyxml2::XMLElement *Skipped = E->FirstChildElement("skipped");
  const char *Message = Skipped ? Skipped->Attribute("message") : nullptr;
  if (!Message)
    return false;
  std::string_view M(Message);
  return M.rfind("SKIP_RETURN_CODE=", 0) == 0 ||
         M == "SKIP_REGULAR_EXPRESSION_MATCHED";
}

void collectCases(const tinyxml2::XMLElement *E, std::vector<JUnitCase> &Out,
                  const std::string &File, const std::string &Suite) {
  for (; E; E = E->NextSiblingElement()) {
    if (std::string_view(E->Name()) == "testcase") {
      JUnitCase Case;
      Case.Suite = Suite;
      const char *Class = E->Attribute("classname");
      const char *Name = E->Attribute("name");
      Case.Name = (Class && *Class ? std::string(Class) + "." : "") +
                  (Name ? Name : "");
      Case.Seconds = seconds(E, File);
      const char *Status = E->Attribute("status");
      const char *Result = E->Attribute("result");
      if (E->FirstChildElement("failure"))
        Case.Outcome = TestOutcome::Failed;
      else if (E->FirstChildElement("error"))
        Case.Outcome = TestOutcome::Errored;
      else if (Status && std::string_view(Status) == "notrun")
        Case.Outcome =
            askedToBeSkipped(E) ? TestOutcome::Skipped : TestOutcome::Errored;
      else if (E->FirstChildElement("skipped") ||
               (Status && std::string_view(Status) == "disabled") ||
               (Result && std::string_view(Result) == "skipped"))
        Case.Outcome = TestOutcome::Skipped;
      Out.push_back(std::move(Case));
      continue;
    }
    const char *Name = E->Attribute("name");
    collectCases(E->FirstChildElement(), Out, File,
                 std::string_view(E->Name()) == "testsuite" ? (Name ? Name : "")
                                                            : Suite);
  }
}

} // namespace

std::vector<JUnitCase> readJUnit(std::string_view Text,
                                 const std::string &File) {
  tinyxml2::XMLDocument Doc;
  if (Doc.Parse(Text.data(), Text.size()) != tinyxml2::XML_SUCCESS)
    throw Error("input.junit.xml", File, std::to_string(Doc.ErrorLineNum()),
                std::string("invalid XML: ") + Doc.ErrorName());
  rejectEntityDeclarations(Doc, File, "input.junit.entities");
  const tinyxml2::XMLElement *Root = Doc.RootElement();
  if (!Root || (std::string_view(Root->Name()) != "testsuites" &&
                std::string_view(Root->Name()) != "testsuite"))
    throw Error("input.junit.root", File, "1",
                "the root element must be <testsuites> or <testsuite>");
  std::vector<JUnitCase> Cases;
  collectCases(Root, Cases, File, "");
  return Cases;
}

} // namespace exitbar::formats
