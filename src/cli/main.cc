#include <iostream>

#include "cli/commands.h"

int main(int argc, char** argv) { return plenary::run_cli(argc, argv, std::cout, std::cerr); }
