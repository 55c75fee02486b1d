// records.h - inventory records
#pragma once
#include <string>

std::string format_record(const char *sku, int count);
