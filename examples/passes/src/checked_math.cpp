// checked_math.cpp - integer arithmetic that reports overflow
#include "checked_math.h"
#include <cstdio>

std::optional<int> checked_add(int a, int b) {
  int result = 0;
  if (__builtin_add_overflow(a, b, &result))
    return std::nullopt;
  return result;
}

std::string describe(int value) {
  char text[32];
  std::snprintf(text, sizeof text, "value %d", value);
  return text;
}
