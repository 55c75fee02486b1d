// Error.h - the typed error every ExitBar library function reports input
// problems with
// SPDX-License-Identifier: Apache-2.0

#ifndef EXITBAR_ERROR_H
#define EXITBAR_ERROR_H

#include <stdexcept>
#include <string>

namespace exitbar {

/// An input or usage problem: a stable id, the file, the place in it, and a
/// message. The CLI prints it on one line and exits with code 2.
///
/// Example: throw Error("input.json.syntax", "policy.json", "3:14", "...");
class Error : public std::runtime_error {
public:
  Error(std::string Id, std::string File, std::string Place,
        const std::string &Message);

  const std::string &id() const { return Id; }
  const std::string &file() const { return File; }
  const std::string &place() const { return Place; }
  /// The message without id, file and place.
  const std::string &message() const { return Message; }

private:
  std::string Id, File, Place, Message;
};

/// Formats an error the way the CLI prints it:
/// `error[input.json.syntax]: policy.json:3:14: unexpected '}'`.
std::string formatError(const Error &E);

} // namespace exitbar

#endif // EXITBAR_ERROR_H
