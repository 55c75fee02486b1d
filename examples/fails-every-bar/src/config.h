/* config.h - service configuration */
#ifndef INVENTORY_CONFIG_H
#define INVENTORY_CONFIG_H
#ifdef __cplusplus
extern "C" {
#endif
struct config {
  char name[32];
  char data_dir[128];
};
void config_read_name(struct config *cfg);
void config_set_dir(struct config *cfg, const char *dir);
#ifdef __cplusplus
}
#endif
#endif
