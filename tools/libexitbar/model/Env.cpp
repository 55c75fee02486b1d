// Env.cpp - the injected view of the process environment
// SPDX-License-Identifier: Apache-2.0

#include "exitbar/Env.h"
#include "exitbar/Error.h"
#include <chrono>
#include <cstdlib>
#include <ctime>

namespace exitbar {

Env Env::process() {
  Env E;
  E.UseProcess = true;
  return E;
}

Env Env::fixed(std::map<std::string, std::string> Vars,
               std::optional<long long> Clock) {
  Env E;
  E.Vars = std::move(Vars);
  E.FixedClock = Clock;
  return E;
}

std::optional<std::string> Env::get(const std::string &Name) const {
  if (UseProcess) {
    // NOLINTNEXTLINE(concurrency-mt-unsafe): read once, before any threads.
    if (const char *Value = std::getenv(Name.c_str()))
      return std::string(Value);
    return std::nullopt;
  }
  auto It = Vars.find(Name);
  if (It == Vars.end())
    return std::nullopt;
  return It->second;
}

long long Env::now() const {
  if (auto Epoch = get("SOURCE_DATE_EPOCH")) {
    char *End = nullptr;
    long long Value = std::strtoll(Epoch->c_str(), &End, 10);
    if (Epoch->empty() || *End != '\0' || Value < 0)
      throw Error("env.source-date-epoch", "SOURCE_DATE_EPOCH", "",
                  "'" + *Epoch + "' is not a non-negative integer");
    return Value;
  }
  return clock();
}

long long Env::clock() const {
  if (FixedClock)
    return *FixedClock;
  return std::chrono::duration_cast<std::chrono::seconds>(
             std::chrono::system_clock::now().time_since_epoch())
      .count();
}

std::string formatTimestamp(long long Seconds) {
  std::time_t T = static_cast<std::time_t>(Seconds);
  std::tm Utc{};
  gmtime_r(&T, &Utc);
  char Buf[32];
  std::strftime(Buf, sizeof Buf, "%Y-%m-%dT%H:%M:%SZ", &Utc);
  return Buf;
}

} // namespace exitbar
