// Command line: parses arguments, runs a command, prints diagnostics and picks the exit code
// (0 success, 1 content errors, 2 usage errors).
#pragma once

#include <ostream>
#include <string>
#include <vector>

namespace hb {

// `process_ends`: the caller exits right after, so memory need not be freed (see BuildOptions).
int run_cli(const std::vector<std::string>& args, std::ostream& out, std::ostream& err,
            bool process_ends = false);

}  // namespace hb
