#include "scratch_repo.h"

#include <cstdio>
#include <stdexcept>

namespace hb::test {

namespace {

std::string quoted(const std::string& s) {
  std::string out = "'";
  for (char c : s)
    out += c == '\'' ? std::string("'\\''") : std::string(1, c);
  return out + "'";
}

}  // namespace

ScratchRepo::ScratchRepo(const std::string& fixture_name) {
  copy_tree(fixture(fixture_name), dir_.path());
  git("init -q -b main");
}

std::string ScratchRepo::git(const std::string& args, const std::string& env) const {
  std::string command = "env -u GIT_DIR -u GIT_WORK_TREE " + env +
                        " GIT_CONFIG_GLOBAL=/dev/null "
                        "GIT_CONFIG_SYSTEM=/dev/null git -c user.name=Redaktør "
                        "-c user.email=redaktoer@example.org -c commit.gpgsign=false -C " +
                        quoted(dir_.path().string()) + " " + args + " 2>&1";
  FILE* pipe = ::popen(command.c_str(), "r");
  if (!pipe) throw std::runtime_error("cannot run git");
  std::string out;
  char buf[4096];
  while (size_t n = ::fread(buf, 1, sizeof buf, pipe))
    out.append(buf, n);
  if (::pclose(pipe) != 0) throw std::runtime_error("git " + args + " failed:\n" + out);
  return out;
}

void ScratchRepo::commit(const std::string& message, const std::string& date) const {
  git("add -A");
  git("-c core.hooksPath=/dev/null commit -q --allow-empty -m " + quoted(message),
      "GIT_AUTHOR_DATE=" + quoted(date) + " GIT_COMMITTER_DATE=" + quoted(date));
}

}  // namespace hb::test
