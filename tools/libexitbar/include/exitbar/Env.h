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
  /// A fixed environment, and optionally a fixed clock (for tests; the
  /// real clock otherwise).
  /// Example: Env::fixed({{"SOURCE_DATE_EPOCH", "0"}}, 1700000000)
  static Env fixed(std::map<std::string, std::string> Vars,
                   std::optional<long long> Clock = std::nullopt);

  /// The variable's value, or nothing when unset.
  std::optional<std::string> get(const std::string &Name) const;

  /// Seconds since the epoch for timestamps written into outputs:
  /// SOURCE_DATE_EPOCH when set (reproducible outputs), else the clock.
  /// Never use it to decide anything (expiry, freshness): see clock().
  long long now() const;

  /// Seconds since the epoch by the real clock, for decisions: waiver
  /// expiry, approval times, attestation ages. SOURCE_DATE_EPOCH never
  /// moves it (anyone who sets the variable could otherwise revive an
  /// expired waiver). Example: bool Expired = E.clock() >= ExpiresAt;
  long long clock() const;

private:
  bool UseProcess = false;
  std::optional<long long> FixedClock;
  std::map<std::string, std::string> Vars;
};

/// Formats seconds since the epoch as RFC 3339 UTC, e.g. 2024-01-02T03:04:05Z.
std::string formatTimestamp(long long Seconds);

} // namespace exitbar

#endif // EXITBAR_ENV_H
