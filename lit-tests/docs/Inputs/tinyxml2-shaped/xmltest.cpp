// xmltest.cpp - the walk-through test's stand-in for tinyxml2's test program
// SPDX-License-Identifier: Apache-2.0
#include "tinyxml2.h"
#include <cstdio>

int main() {
  int Pass = 0, Fail = 0;
  auto Expect = [&](bool Ok, const char *What) {
    Ok ? ++Pass : ++Fail;
    std::printf("[%s] %s\n", Ok ? "pass" : "fail", What);
  };
  Expect(tinyxml2::firstElementName("<?xml version=\"1.0\"?><doc a=\"1\"/>") ==
             "doc",
         "first element after a declaration");
  Expect(tinyxml2::firstElementName("<!-- c --><r></r>") == "r",
         "first element after a comment");
  Expect(tinyxml2::firstElementName("no markup").empty(), "no element");
  Expect(tinyxml2::firstElementName("<unterminated").empty(), "unterminated");
  Expect(tinyxml2::isBalanced("<a><b/></a>"), "balanced");
  Expect(!tinyxml2::isBalanced("<a<b>>"), "nested brackets");
  Expect(!tinyxml2::isBalanced("a>"), "stray bracket");
  Expect(!tinyxml2::isBalanced("<a"), "unclosed bracket");
  std::printf("Pass %d, Fail %d\n", Pass, Fail);
  return Fail == 0 ? 0 : 1;
}
