// handbook: builds a living owner-strategy handbook from Markdown and TOML.
#include <iostream>

#include "cli.h"

int main(int argc, char** argv) {
  std::vector<std::string> args(argv + 1, argv + argc);
  return hb::run_cli(args, std::cout, std::cerr);
}
