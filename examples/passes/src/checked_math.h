// checked_math.h - integer arithmetic that reports overflow
#pragma once
#include <optional>
#include <string>

std::optional<int> checked_add(int a, int b);
std::string describe(int value);
