// ReadTest.cpp - unit tests of the YAML subset reader
// SPDX-License-Identifier: Apache-2.0

#include "formats/yaml/Read.h"
#include <gtest/gtest.h>

using namespace exitbar::formats;

TEST(YamlSubset, MapsSequencesAndLines) {
  auto Docs = readYamlSubset("apiVersion: v1\n"
                             "kind: Service   # a comment\n"
                             "spec:\n"
                             "  type: \"LoadBalancer\"\n"
                             "  ports:\n"
                             "  - port: 5432\n"
                             "    name: db\n"
                             "  - {port: 22, name: 'ssh'}\n");
  ASSERT_EQ(Docs.size(), 1u);
  const YamlNode &Doc = Docs[0];
  EXPECT_EQ(Doc.text("kind"), "Service");
  const YamlNode *Ports = Doc.get("spec")->get("ports");
  ASSERT_NE(Ports, nullptr);
  ASSERT_EQ(Ports->Elements.size(), 2u);
  EXPECT_EQ(Doc.get("spec")->text("type"), "LoadBalancer");
  EXPECT_EQ(Ports->Elements[0].text("port"), "5432");
  EXPECT_EQ(Ports->Elements[0].text("name"), "db");
  EXPECT_EQ(Ports->Elements[0].Line, 6);
  EXPECT_EQ(Ports->Elements[1].text("name"), "ssh");
  EXPECT_EQ(Ports->Elements[1].Line, 8);
}

TEST(YamlSubset, DocumentsFlowListsAndBlockScalars) {
  auto Docs = readYamlSubset("a: [1, \"two\", [3]]\n"
                             "script: |\n"
                             "  echo: not a key\n"
                             "  - not an item\n"
                             "after: x\n"
                             "---\n"
                             "- one\n"
                             "- two\n");
  ASSERT_EQ(Docs.size(), 2u);
  const YamlNode *A = Docs[0].get("a");
  ASSERT_EQ(A->Type, YamlNode::Kind::Seq);
  EXPECT_EQ(A->Elements[1].Value, "two");
  EXPECT_EQ(Docs[0].text("after"), "x");
  EXPECT_NE(Docs[0].text("script").find("echo: not a key"), std::string::npos);
  ASSERT_EQ(Docs[1].Type, YamlNode::Kind::Seq);
  EXPECT_EQ(Docs[1].Elements[1].Value, "two");
}

TEST(YamlSubset, SequenceAtTheKeysIndentation) {
  auto Docs = readYamlSubset("services:\n"
                             "  db:\n"
                             "    ports:\n"
                             "    - \"5432:5432\"\n"
                             "    image: postgres\n");
  const YamlNode *Db = Docs.at(0).get("services")->get("db");
  ASSERT_NE(Db, nullptr);
  EXPECT_EQ(Db->get("ports")->Elements.at(0).Value, "5432:5432");
  EXPECT_EQ(Db->text("image"), "postgres");
}

TEST(YamlSubset, OddInputNeverThrows) {
  for (const char *Text :
       {"", ":", "- - - -", "a: [", "a: {b: [c, {d", "  x\n y\nz: 1",
        "key: \"unterminated\n- item\n  - deeper\n", "{{ .Values.x }}\n",
        "\t\ta:\tb\n", "a: &anchor !!str v\nb: *anchor\n"})
    EXPECT_NO_THROW(readYamlSubset(Text));
  EXPECT_EQ(readYamlSubset("a: &anchor !!str v\n").at(0).text("a"), "v");
}

TEST(YamlSubset, BlockScalarsKeepIndentationAndChomp) {
  auto Docs = readYamlSubset("keep: |\n"
                             "  a:\n"
                             "    b: 1\n"
                             "strip: |-\n"
                             "  one\n"
                             "  two\n"
                             "fold: >-\n"
                             "  one\n"
                             "  two\n"
                             "next: x\n");
  ASSERT_EQ(Docs.size(), 1u);
  EXPECT_EQ(Docs[0].text("keep"), "a:\n  b: 1\n");
  EXPECT_EQ(Docs[0].text("strip"), "one\ntwo");
  EXPECT_EQ(Docs[0].text("fold"), "one two");
  EXPECT_EQ(Docs[0].text("next"), "x");
}
