// Cvss.cpp - the CVSS v3.1 base score formula
// SPDX-License-Identifier: Apache-2.0
//
// Specification: https://www.first.org/cvss/v3.1/specification-document,
// section 7.1 (base metrics equations) and appendix A (Roundup). CVSS 3.0
// vectors use the same equations; 3.1 only made Roundup exact, so 3.0
// scores are computed the 3.1 way.

#include "vuln/Cvss.h"
#include <algorithm>
#include <cmath>
#include <map>

namespace exitbar::vuln {
namespace {

/// Appendix A: the smallest one-decimal number >= Value, computed on
/// integers so that floating-point noise (e.g. 4.000000001) does not round up.
double roundUp(double Value) {
  long long Int = std::llround(Value * 100000);
  if (Int % 10000 == 0)
    return static_cast<double>(Int) / 100000.0;
  // CVSS 3.1 Roundup: the next tenth up, in integers to avoid 4.0000001.
  long long Tenths = Int / 10000 + 1;
  return static_cast<double>(Tenths) / 10.0;
}

} // namespace

std::optional<double> cvss3BaseScore(std::string_view Vector) {
  if (Vector.rfind("CVSS:3.0/", 0) != 0 && Vector.rfind("CVSS:3.1/", 0) != 0)
    return std::nullopt;
  Vector.remove_prefix(9);
  std::map<std::string, std::string, std::less<>> M;
  while (!Vector.empty()) {
    size_t Slash = Vector.find('/');
    std::string_view Part = Vector.substr(0, Slash);
    size_t Colon = Part.find(':');
    if (Colon == std::string_view::npos)
      return std::nullopt;
    // A metric given twice makes the vector invalid (section 6).
    if (!M.emplace(std::string(Part.substr(0, Colon)),
                   std::string(Part.substr(Colon + 1)))
             .second)
      return std::nullopt;
    if (Slash == std::string_view::npos)
      break;
    Vector.remove_prefix(Slash + 1);
  }
  auto Pick = [&](const char *Metric,
                  std::initializer_list<std::pair<const char *, double>> Values)
      -> std::optional<double> {
    auto It = M.find(Metric);
    if (It == M.end())
      return std::nullopt;
    for (const auto &[Name, Value] : Values)
      if (It->second == Name)
        return Value;
    return std::nullopt;
  };
  auto Scope = M.find("S");
  if (Scope == M.end() || (Scope->second != "U" && Scope->second != "C"))
    return std::nullopt;
  bool Changed = Scope->second == "C";
  auto AV = Pick("AV", {{"N", 0.85}, {"A", 0.62}, {"L", 0.55}, {"P", 0.2}});
  auto AC = Pick("AC", {{"L", 0.77}, {"H", 0.44}});
  // Privileges weigh more when the scope changes.
  auto PR = Pick(
      "PR",
      {{"N", 0.85}, {"L", Changed ? 0.68 : 0.62}, {"H", Changed ? 0.5 : 0.27}});
  auto UI = Pick("UI", {{"N", 0.85}, {"R", 0.62}});
  auto C = Pick("C", {{"H", 0.56}, {"L", 0.22}, {"N", 0}});
  auto I = Pick("I", {{"H", 0.56}, {"L", 0.22}, {"N", 0}});
  auto A = Pick("A", {{"H", 0.56}, {"L", 0.22}, {"N", 0}});
  if (!AV || !AC || !PR || !UI || !C || !I || !A)
    return std::nullopt;
  double Iss = 1 - (1 - *C) * (1 - *I) * (1 - *A);
  double Impact = Changed
                      ? 7.52 * (Iss - 0.029) - 3.25 * std::pow(Iss - 0.02, 15)
                      : 6.42 * Iss;
  double Exploitability = 8.22 * *AV * *AC * *PR * *UI;
  if (Impact <= 0)
    return 0.0;
  return Changed ? roundUp(std::min(1.08 * (Impact + Exploitability), 10.0))
                 : roundUp(std::min(Impact + Exploitability, 10.0));
}

std::string cvssRating(double Score) {
  if (Score <= 0)
    return "none";
  if (Score < 4)
    return "low";
  if (Score < 7)
    return "medium";
  if (Score < 9)
    return "high";
  return "critical";
}

} // namespace exitbar::vuln
