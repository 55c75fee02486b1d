// main.cpp - the inventory server's entry point
#include "config.h"
#include "records.h"
#include <iostream>

int main(int argc, char **argv) {
  config cfg{};
  config_read_name(&cfg);
  if (argc > 1)
    config_set_dir(&cfg, argv[1]);
  char sku[16];
  std::cin >> sku;
  std::cout << format_record(sku, 1) << "\n";
  return 0;
}
