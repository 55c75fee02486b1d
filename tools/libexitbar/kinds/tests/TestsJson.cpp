// TestsJson.cpp - evidence/tests.json, written and read
// SPDX-License-Identifier: Apache-2.0

#include "exitbar/Error.h"
#include "exitbar/Evidence.h"
#include "exitbar/EvidenceJson.h"
#include "exitbar/JsonCursor.h"
#include "exitbar/Tests.h"
#include <nlohmann/json.hpp>

using nlohmann::json;

namespace exitbar {

void to_json(json &J, const TestsEvidence &E) {
  J = json{{"schema", "exitbar.tests"},
           {"schema_version", EvidenceSchemaVersion},
           {"passed", E.Passed},
           {"failed", E.Failed},
           {"skipped", E.Skipped},
           {"errored", E.Errored},
           {"total", E.total()},
           {"seconds", E.Seconds},
           {"failing_tests", E.FailingTests},
           {"flaky_tests", E.FlakyTests}};
  if (E.Cases) {
    json Cases = json::array();
    for (const TestCaseResult &C : *E.Cases) {
      json Outcomes = json::array();
      for (TestOutcome O : C.Outcomes)
        Outcomes.push_back(toString(O));
      json Entry{{"suite", C.Suite}, {"name", C.Name}, {"outcomes", Outcomes}};
      if (C.Occurrence != 0)
        Entry["occurrence"] = C.Occurrence;
      Cases.push_back(std::move(Entry));
    }
    J["tests"] = std::move(Cases);
  }
}

TestsEvidence testsFromJson(const json &J, const std::string &File) {
  JsonCursor C = openEvidence(J, "exitbar.tests", File);
  TestsEvidence E;
  E.Passed = C.at("passed").count<int>();
  E.Failed = C.at("failed").count<int>();
  E.Skipped = C.at("skipped").count<int>();
  E.Errored = C.at("errored").count<int>();
  E.Seconds = C.at("seconds").number();
  E.FailingTests = C.at("failing_tests").strings();
  E.FlakyTests = C.at("flaky_tests").strings();
  // Evidence written before `exitbar merge` has no per-test list.
  if (auto Tests = C.find("tests")) {
    std::vector<TestCaseResult> Cases;
    for (const JsonCursor &T : Tests->elements()) {
      TestCaseResult R;
      R.Suite = T.at("suite").string();
      R.Name = T.at("name").string();
      if (auto Occurrence = T.find("occurrence"))
        R.Occurrence = Occurrence->count<decltype(R.Occurrence)>();
      for (const JsonCursor &O : T.at("outcomes").elements()) {
        auto Outcome = parseTestOutcome(O.string());
        if (!Outcome)
          O.fail("input.evidence.invalid",
                 "unknown outcome " + O.json().dump());
        R.Outcomes.push_back(*Outcome);
      }
      Cases.push_back(std::move(R));
    }
    E.Cases = std::move(Cases);
  }
  return E;
}
} // namespace exitbar
