// ReadTest.cpp - unit tests of the CycloneDX reader's handling of malformed
// input
// SPDX-License-Identifier: Apache-2.0

#include "exitbar/Error.h"
#include "exitbar/Vulnerabilities.h"
#include <gtest/gtest.h>

using namespace exitbar;

TEST(CycloneDxReadTest, ReadsComponents) {
  auto C = readCycloneDxComponents(
      R"({"bomFormat": "CycloneDX", "components": [{"name": "zlib", "version": "1.3"}]})",
      "s.cdx.json");
  ASSERT_EQ(C.size(), 1U);
  EXPECT_EQ(C[0].Ref, "zlib@1.3");
}

// Found by fuzz/cyclonedx_fuzzer: a bomFormat that is not a string escaped
// as json's type_error instead of Error.
TEST(CycloneDxReadTest, NonStringBomFormatIsAnError) {
  for (const char *Text :
       {R"({"bomFormat": [1]})", R"({"bomFormat": 1})", "[]", "1e999"}) {
    try {
      readCycloneDxComponents(Text, "s.cdx.json");
      ADD_FAILURE() << "no error for " << Text;
    } catch (const Error &E) {
      EXPECT_EQ(E.id(), "input.cyclonedx.json") << Text;
    }
  }
}

// Components nest by recursion; a document nested thousands of levels deep
// is refused with the place where the bound was passed, not a stack overflow.
TEST(CycloneDxReadTest, DeeplyNestedComponentsAreAnError) {
  auto nested = [](int Levels) {
    std::string Text = R"({"bomFormat": "CycloneDX", "components": )";
    for (int I = 0; I < Levels; ++I)
      Text += R"([{"name": "c", "components": )";
    Text += "[]";
    for (int I = 0; I < Levels; ++I)
      Text += "}]";
    return Text + "}";
  };
  EXPECT_EQ(readCycloneDxComponents(nested(63), "s.cdx.json").size(), 63U);
  try {
    readCycloneDxComponents(nested(100), "s.cdx.json");
    ADD_FAILURE() << "no error for 100 levels";
  } catch (const Error &E) {
    EXPECT_EQ(E.id(), "input.cyclonedx.json");
    EXPECT_NE(std::string(E.what()).find("nested more than 64 levels"),
              std::string::npos)
        << E.what();
  }
  // Far deeper than any JSON input may nest: refused before parsing.
  try {
    readCycloneDxComponents(nested(100000), "s.cdx.json");
    ADD_FAILURE() << "no error for 100000 levels";
  } catch (const Error &E) {
    EXPECT_EQ(E.id(), "input.json.too-deep");
  }
}
