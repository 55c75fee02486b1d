// Entities.cpp - refusing XML documents that declare entities
// SPDX-License-Identifier: Apache-2.0

#include "formats/xml/Entities.h"
#include "exitbar/Error.h"
#include <string_view>
#include <tinyxml2.h>

namespace exitbar::formats {

void rejectEntityDeclarations(const tinyxml2::XMLDocument &Doc,
                              const std::string &File, const char *Id) {
  // tinyxml2 keeps <!DOCTYPE ...> as an "unknown" node before the root.
  for (const tinyxml2::XMLNode *N = Doc.FirstChild(); N; N = N->NextSibling())
    if (const tinyxml2::XMLUnknown *U = N->ToUnknown()) {
      std::string_view Text = U->Value() ? U->Value() : "";
      if (Text.find("DOCTYPE") != std::string_view::npos &&
          Text.find("<!ENTITY") != std::string_view::npos)
        throw Error(Id, File, std::to_string(U->GetLineNum()),
                    "the DOCTYPE declares entities, which a report never "
                    "needs (entity expansion or external files)");
    }
}

} // namespace exitbar::formats
