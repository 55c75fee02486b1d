// checked_math_test.cpp - unit tests of checked_add and describe
#include "checked_math.h"
#include <climits>
#include <cstdio>

int main() {
  int failures = 0;
  if (checked_add(2, 3) != 5) {
    std::puts("checked_add(2, 3) != 5");
    ++failures;
  }
  if (checked_add(INT_MAX, 1).has_value()) {
    std::puts("overflow not detected");
    ++failures;
  }
  if (describe(7) != "value 7") {
    std::puts("describe(7) is wrong");
    ++failures;
  }
  return failures == 0 ? 0 : 1;
}
