// Error.cpp - the typed error of the library
// SPDX-License-Identifier: Apache-2.0

#include "exitbar/Error.h"

namespace exitbar {

static std::string composeWhat(const std::string &Id, const std::string &File,
                               const std::string &Place,
                               const std::string &Message) {
  std::string Out = "error[" + Id + "]: ";
  if (!File.empty()) {
    Out += File;
    if (!Place.empty())
      Out += ":" + Place;
    Out += ": ";
  }
  return Out + Message;
}

Error::Error(std::string Id, std::string File, std::string Place,
             const std::string &Message)
    : std::runtime_error(composeWhat(Id, File, Place, Message)),
      Id(std::move(Id)), File(std::move(File)), Place(std::move(Place)),
      Message(Message) {}

std::string formatError(const Error &E) { return E.what(); }

} // namespace exitbar
