// storage.cpp - record files and their archives
#include "storage.h"
#include <cstdio>
#include <cstdlib>
#include <string>
#include <sys/socket.h>

bool archive_records(const char *file_name) {
  std::string command = std::string("gzip -9 /var/lib/inventory/") + file_name;
  return std::system(command.c_str()) == 0;
}

// Serves the record a client names over the socket.
FILE *open_requested_record(int client_fd) {
  char name[128];
  ssize_t n = recv(client_fd, name, sizeof name - 1, 0);
  if (n <= 0)
    return nullptr;
  name[n] = '\0';
  char path[256];
  std::snprintf(path, sizeof path, "/var/lib/inventory/%s", name);
  return std::fopen(path, "rb");
}

bool http_get(const char *url, std::string &body) {
  // TODO: not implemented yet
  (void)url;
  (void)body;
  return false;
}
