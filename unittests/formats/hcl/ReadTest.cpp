// ReadTest.cpp - unit tests of the HCL block scanner
// SPDX-License-Identifier: Apache-2.0

#include "formats/hcl/Read.h"
#include <gtest/gtest.h>

using namespace exitbar::formats;

TEST(HclBlocks, NestedBlocksAttributesAndLines) {
  auto Blocks = readHclBlocks("# comment\n"
                              "resource \"aws_security_group\" \"web\" {\n"
                              "  name = \"web-${var.env}\" // trailing\n"
                              "  ingress {\n"
                              "    from_port   = 22\n"
                              "    cidr_blocks = [\n"
                              "      \"0.0.0.0/0\", # everyone\n"
                              "      \"::/0\",\n"
                              "    ]\n"
                              "  }\n"
                              "  description = <<-EOT\n"
                              "    ingress { not = a block }\n"
                              "  EOT\n"
                              "}\n"
                              "variable env { default = \"prod\" }\n");
  ASSERT_EQ(Blocks.size(), 2u);
  const HclBlock &Sg = Blocks[0];
  EXPECT_EQ(Sg.Type, "resource");
  ASSERT_EQ(Sg.Labels.size(), 2u);
  EXPECT_EQ(Sg.Labels[1], "web");
  EXPECT_EQ(Sg.Line, 2);
  ASSERT_EQ(Sg.Blocks.size(), 1u);
  const HclBlock &In = Sg.Blocks[0];
  EXPECT_EQ(In.Line, 4);
  EXPECT_EQ(hclNumber(In.attribute("from_port")->Expression), 22);
  auto Cidrs = hclStrings(In.attribute("cidr_blocks")->Expression);
  ASSERT_EQ(Cidrs.size(), 2u);
  EXPECT_EQ(Cidrs[1], "::/0");
  EXPECT_NE(Sg.attribute("description"), nullptr);
  EXPECT_EQ(Blocks[1].Labels.at(0), "env");
  EXPECT_EQ(hclStrings(Blocks[1].attribute("default")->Expression).at(0),
            "prod");
}

TEST(HclBlocks, OddInputNeverThrows) {
  for (const char *Text :
       {"", "}", "{", "resource \"a\" {", "a = [", "a = \"${\"", "x y z",
        "resource \"a\" \"b\" { c = <<EOT\nno end", "/* open", "a = 1 }}}"})
    EXPECT_NO_THROW(readHclBlocks(Text));
  for (const char *List : {"[{", "[{ a = \"", "[{{{{", "[{ a: }]", "}{,:=",
                           "[{ a = [1, {b = 2}], c = \"x,y\" }, {}]"}) {
    EXPECT_NO_THROW(hclObjects({"ingress", List, 1}));
    EXPECT_NO_THROW(hclScalars(List));
  }
  EXPECT_EQ(hclScalars("[\"22\", 3389, port22, 1.5, 0x10]"),
            (std::vector<std::string>{"22", "3389"}));
  std::vector<HclBlock> Objects =
      hclObjects({"ingress",
                  "[\n  { from_port = 22, cidr_blocks = [\"a\", \"b\"] },\n"
                  "  { \"to_port\": 23 }\n]",
                  4});
  ASSERT_EQ(Objects.size(), 2u);
  EXPECT_EQ(Objects[0].Line, 5);
  EXPECT_EQ(Objects[0].Type, "ingress");
  ASSERT_NE(Objects[0].attribute("cidr_blocks"), nullptr);
  EXPECT_EQ(hclStrings(Objects[0].attribute("cidr_blocks")->Expression).size(),
            2u);
  EXPECT_EQ(Objects[1].Line, 6);
  EXPECT_EQ(hclNumber("\"3389\""), 3389);
  EXPECT_FALSE(hclNumber("var.port").has_value());
}
