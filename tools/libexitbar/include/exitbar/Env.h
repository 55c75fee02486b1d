// Env.h - the injected view of the process environment
// SPDX-License-Identifier: Apache-2.0

#ifndef EXITBAR_ENV_H
#define EXITBAR_ENV_H

#include <map>
#include <optional>
#include <string>

namespace exitbar {

/// The environment variables the library may consult; the CLI passes the real
/// one and tests pass a map, so library results never depend on the machine.
class Env {
public:
  /// The process environment.
  static Env process();
  /// A fixed environment. Example: Env::fixed({{"SOURCE_DATE_EPOCH", "0"}})
  static Env fixed(std::map<std::string, std::string> Vars);

  /// The variable's value, or nothing when unset.
  std::optional<std::string> get(const std::string &Name) const;

  /// Seconds since the epoch: SOURCE_DATE_EPOCH when set, else the clock.
  long long now() const;

private:
  bool UseProcess = false;
  std::map<std::string, std::string> Vars;
};

/// Formats seconds since the epoch as RFC 3339 UTC, e.g. 2024-01-02T03:04:05Z.
std::string formatTimestamp(long long Seconds);

} // namespace exitbar

#endif // EXITBAR_ENV_H
