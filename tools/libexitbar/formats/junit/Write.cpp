// Write.cpp - JUnit XML writer: one test case per criterion of the exit bar
// SPDX-License-Identifier: Apache-2.0
//
// Format: the JUnit XML dialect CI systems read (Jenkins' junit-10.xsd,
// GitLab, GitHub test reporters): <testsuites><testsuite><testcase>, a
// <failure> child for failing criteria, <skipped> for waived ones.

#include "exitbar/Reports.h"
#include <tinyxml2.h>

namespace exitbar {

void writeJUnitReport(const Verdict &V, std::ostream &Out) {
  tinyxml2::XMLPrinter Printer;
  Printer.PushHeader(false, true);
  int Failures = 0;
  for (const CriterionResult &R : V.Criteria)
    Failures += !R.Passed;
  // <testsuites name tests failures>
  Printer.OpenElement("testsuites");
  Printer.PushAttribute("name", "exitbar");
  Printer.PushAttribute("tests", static_cast<int>(V.Criteria.size()));
  Printer.PushAttribute("failures", Failures);
  for (const CategoryResult &C : V.Categories) {
    if (C.Total == 0)
      continue;
    // <testsuite name="exitbar.<category>" tests failures skipped>
    int Skipped = 0, NotApplicable = 0;
    for (const CriterionResult &R : V.Criteria) {
      Skipped += R.Rule.Category == C.Name && (R.Waived || R.NotApplicable);
      NotApplicable += R.Rule.Category == C.Name && R.NotApplicable;
    }
    Printer.OpenElement("testsuite");
    Printer.PushAttribute("name", ("exitbar." + C.Name).c_str());
    // Criteria that do not apply are reported as skipped test cases.
    Printer.PushAttribute("tests", C.Total + NotApplicable);
    Printer.PushAttribute("failures", C.Total - C.Passed);
    Printer.PushAttribute("errors", 0);
    Printer.PushAttribute("skipped", Skipped);
    Printer.PushAttribute("timestamp", V.GeneratedAt.c_str());
    for (const CriterionResult &R : V.Criteria) {
      if (R.Rule.Category != C.Name)
        continue;
      // <testcase classname name time>
      Printer.OpenElement("testcase");
      Printer.PushAttribute("classname", ("exitbar." + C.Name).c_str());
      Printer.PushAttribute(
          "name",
          (R.Rule.Id + " (" + std::string(toString(R.Rule.Required)) + ")")
              .c_str());
      Printer.PushAttribute("time", "0");
      if (R.Waived || R.NotApplicable) {
        Printer.OpenElement("skipped");
        Printer.PushAttribute("message", R.Detail.c_str());
        Printer.CloseElement();
      } else if (!R.Passed) {
        // <failure message type>items</failure>
        Printer.OpenElement("failure");
        Printer.PushAttribute("message", R.Detail.c_str());
        Printer.PushAttribute("type",
                              std::string(toString(R.Rule.Required)).c_str());
        std::string Body = "evidence: " + R.Evidence + "\n";
        for (const std::string &Item : R.Items)
          Body += Item + "\n";
        Printer.PushText(Body.c_str());
        Printer.CloseElement();
      }
      Printer.OpenElement("system-out");
      Printer.PushText(R.Detail.c_str());
      Printer.CloseElement();
      Printer.CloseElement();
    }
    Printer.CloseElement();
  }
  Printer.CloseElement();
  Out << Printer.CStr();
}

} // namespace exitbar
