// EnvTest.cpp - the injected environment: output stamps versus the clock
// SPDX-License-Identifier: Apache-2.0

#include "exitbar/Env.h"
#include <gtest/gtest.h>

using namespace exitbar;

TEST(EnvTest, SourceDateEpochStampsOutputsButNeverMovesTheClock) {
  Env E = Env::fixed({{"SOURCE_DATE_EPOCH", "0"}}, 1700000000);
  EXPECT_EQ(E.now(), 0);
  EXPECT_EQ(E.clock(), 1700000000);
}

TEST(EnvTest, WithoutAFixedClockTheClockIsReal) {
  Env E = Env::fixed({{"SOURCE_DATE_EPOCH", "0"}});
  EXPECT_GT(E.clock(), 1700000000); // after 2023-11-14
}
