// cmake_file_api_fuzzer.cpp - libFuzzer target: CMake File API replies
// (readFileApiReply)
// SPDX-License-Identifier: Apache-2.0
//
// The reader takes a build folder, so the input is a whole reply folder:
// NUL-separated parts, each `<file name>\n<content>`, written to
// `<temp>/.cmake/api/v1/reply/` (e.g. `index-1.json`, `codemodel-v2-1.json`,
// `target-app.json`); scripts/fuzz builds seeds of that shape from the lit
// fixtures. exitbar::Error is the expected answer to bad input; any other
// exception, crash or sanitizer report is a bug, so nothing else is caught.

#include "exitbar/CMakeFileApi.h"
#include "exitbar/Error.h"
#include <algorithm>
#include <cctype>
#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <string>
#include <string_view>
#include <unistd.h>

namespace fs = std::filesystem;

namespace {

/// A build folder of this process, made once and reused by every input.
const fs::path &buildDir() {
  static const fs::path Dir = [] {
    fs::path D = fs::temp_directory_path() /
                 ("exitbar-fuzz-file-api-" + std::to_string(getpid()));
    fs::create_directories(D);
    // libFuzzer ends with exit(), so the folder goes with the process. The
    // handler keeps its own copy in a plain array: `Dir` is destroyed first.
    static char Copy[4096];
    std::snprintf(Copy, sizeof Copy, "%s", D.c_str());
    std::atexit([] {
      std::error_code Ec;
      fs::remove_all(Copy, Ec);
    });
    return D;
  }();
  return Dir;
}

/// Only plain names, so an input cannot write outside the reply folder.
bool isPlainName(std::string_view Name) {
  if (Name.empty() || Name.size() > 64 || Name.front() == '.')
    return false;
  for (char C : Name)
    if (!std::isalnum(static_cast<unsigned char>(C)) && C != '.' && C != '-' &&
        C != '_')
      return false;
  return true;
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *Data, size_t Size) {
  std::string_view Input(reinterpret_cast<const char *>(Data), Size);
  const fs::path Reply = buildDir() / ".cmake/api/v1/reply";
  fs::remove_all(Reply);
  fs::create_directories(Reply);
  while (!Input.empty()) {
    std::string_view Part = Input.substr(0, Input.find('\0'));
    Input.remove_prefix(std::min(Input.size(), Part.size() + 1));
    size_t Newline = Part.find('\n');
    if (Newline == std::string_view::npos ||
        !isPlainName(Part.substr(0, Newline)))
      continue;
    std::ofstream(Reply / std::string(Part.substr(0, Newline)),
                  std::ios::binary)
        << Part.substr(Newline + 1);
  }
  try {
    exitbar::readFileApiReply(buildDir().string());
  } catch (const exitbar::Error &) {
  }
  return 0;
}
