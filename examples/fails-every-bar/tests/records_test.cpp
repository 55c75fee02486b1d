// records_test.cpp - unit test of format_record
#include "records.h"
#include <cstdio>

int main() {
  if (format_record("A-1", 3) != "A-1: 3") {
    std::puts("format_record is wrong");
    return 1;
  }
  return 0;
}
