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
  EXPECT_EQ(hclNumber("\"3389\""), 3389);
  EXPECT_FALSE(hclNumber("var.port").has_value());
}
