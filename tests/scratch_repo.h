// A git repository in a temporary folder for the tests of history, diff and --rev: commits with
// a fixed author and fixed dates, made with the git command line (Debian `git`).
#pragma once

#include <string>

#include "support.h"

namespace hb::test {

class ScratchRepo {
 public:
  // A repository holding a copy of the fixture site `fixture_name` (not committed yet).
  explicit ScratchRepo(const std::string& fixture_name);
  const fs::path& path() const { return dir_.path(); }
  fs::path operator/(const std::string& rel) const { return dir_ / rel; }

  // Runs `git ARGS` in the repository, with the environment variables `env` ("A=1 B=2");
  // throws with git's output when it fails.
  std::string git(const std::string& args, const std::string& env = "") const;
  // Commits everything with `message`, dated `date` (ISO 8601, e.g. "2026-01-05T10:00:00Z").
  void commit(const std::string& message, const std::string& date = "2026-01-05T10:00:00Z") const;

 private:
  TempDir dir_;
};

}  // namespace hb::test
