// config_test.cpp - unit test of config_set_dir (fails: the expectation is stale)
#include "config.h"
#include <cstdio>
#include <cstring>

int main() {
  config cfg{};
  config_set_dir(&cfg, "/var/lib/inventory");
  if (std::strcmp(cfg.data_dir, "/srv/inventory") != 0) {
    std::printf("data_dir is %s\n", cfg.data_dir);
    return 1;
  }
  return 0;
}
