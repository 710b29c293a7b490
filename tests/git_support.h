// Scratch git repositories for the tests of history: commits with fixed dates and authors,
// made with the git command line, no network.
#pragma once

#include <string>

#include "support.h"

namespace hb::test {

// `s` in single quotes for the shell.
std::string quoted(const std::string& s);
// Runs a shell command; the test fails when it does.
void sh(const std::string& command);
// Commits everything in `repo` as `author` on `date` (ISO 8601 with a time zone).
void commit(const fs::path& repo, const std::string& message, const std::string& date,
            const std::string& author = "Anne Redaktør");

}  // namespace hb::test
