// main.cpp - the exitbar command-line tool
// SPDX-License-Identifier: Apache-2.0

#include "Cli.h"

int main(int argc, char **argv) { return exitbar::cli::run(argc, argv); }
