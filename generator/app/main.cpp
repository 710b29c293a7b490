// handbook: builds a living owner-strategy handbook from Markdown and TOML.
#include <malloc.h>

#include <iostream>

#include "cli.h"

int main(int argc, char** argv) {
  // A build allocates and frees page after page: keep freed memory for the next page instead of
  // handing it back to the system and asking for it again (a system call each time).
  mallopt(M_TRIM_THRESHOLD, 256 << 20);
  mallopt(M_TOP_PAD, 16 << 20);
  std::vector<std::string> args(argv + 1, argv + argc);
  return hb::run_cli(args, std::cout, std::cerr, /*process_ends=*/true);
}
