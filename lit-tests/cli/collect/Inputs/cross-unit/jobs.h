// Functions one translation unit defines and others call.
#pragma once
#include <cstdio>
void runJob(const char *command);
void runArchive(const char *command);
void runChecked(const char *name);
void runSilenced(const char *command);
void relay(const char *what);
FILE *openUpload(const char *name);
FILE *openConfig(const char *path);
FILE *openData(const char *path);
const char *readRequest(int sock);
const char *greeting();
void readLine(int sock, char *line);
