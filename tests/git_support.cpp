#include "git_support.h"

#include <doctest/doctest.h>

#include <cstdlib>

namespace hb::test {

std::string quoted(const std::string& s) {
  std::string out = "'";
  for (char c : s)
    out += c == '\'' ? std::string("'\\''") : std::string(1, c);
  return out + "'";
}

void sh(const std::string& command) {
  INFO(command);
  REQUIRE(std::system(command.c_str()) == 0);
}

void commit(const fs::path& repo, const std::string& message, const std::string& date,
            const std::string& author) {
  std::string env = "GIT_AUTHOR_NAME=" + quoted(author) +
                    " GIT_AUTHOR_EMAIL=anne@example.org GIT_COMMITTER_NAME=" + quoted(author) +
                    " GIT_COMMITTER_EMAIL=anne@example.org GIT_AUTHOR_DATE=" + quoted(date) +
                    " GIT_COMMITTER_DATE=" + quoted(date) + " GIT_CONFIG_NOSYSTEM=1 ";
  sh("cd " + quoted(repo.string()) + " && git add -A && " + env +
     "git -c core.hooksPath=/dev/null -c commit.gpgsign=false commit -q -m " + quoted(message));
}

}  // namespace hb::test
