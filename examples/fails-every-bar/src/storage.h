// storage.h - record files and their archives
#pragma once
#include <cstdio>

bool archive_records(const char *file_name);
FILE *open_requested_record(int client_fd);
