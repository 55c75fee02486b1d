// records.cpp - formats inventory records
#include "records.h"
#include <cstdio>

std::string format_record(const char *sku, int count) {
  char line[64];
  sprintf(line, "%s: %d", sku, count);
  return line;
}
