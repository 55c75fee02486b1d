// auth.h - operator log-in and API session tokens
#pragma once
#include <string>

bool operator_login(const char *user, const char *password);
std::string new_session_token();
const char *upstream_api_key();
