// Entities.h - refusing XML documents that declare entities
// SPDX-License-Identifier: Apache-2.0

#ifndef EXITBAR_FORMATS_XML_ENTITIES_H
#define EXITBAR_FORMATS_XML_ENTITIES_H

#include <string>

namespace tinyxml2 {
class XMLDocument;
} // namespace tinyxml2

namespace exitbar::formats {

/// Throws Error \p Id naming \p File and the line when the document's
/// DOCTYPE declares entities. JUnit and Cobertura reports never need them,
/// and a declared entity is either a bomb ("billion laughs") or a reference
/// to an external file; tinyxml2 expands neither, so such a report would be
/// read with its entity references as literal text — wrong data, said
/// clearly instead.
void rejectEntityDeclarations(const tinyxml2::XMLDocument &Doc,
                              const std::string &File, const char *Id);

} // namespace exitbar::formats

#endif // EXITBAR_FORMATS_XML_ENTITIES_H
