/* config.c - reads the service configuration from the console */
#include "config.h"
#include <stdio.h>
#include <string.h>

void config_read_name(struct config *cfg) {
  printf("service name: ");
  scanf("%s", cfg->name);
}

void config_set_dir(struct config *cfg, const char *dir) {
  strcpy(cfg->data_dir, dir);
}
