// `handbook diff`: builds two revisions of the site into memory, each edition, and reports what
// the change does to each (diff/diff_report.h). The base is read from git with libgit2; the head
// is another revision or, by default, the working tree.
#pragma once

#include <filesystem>
#include <ostream>
#include <string>

namespace hb {

struct DiffOptions {
  std::filesystem::path site = ".";
  std::string base;    // a revision: branch, tag or commit
  std::string head;    // "" for the working tree
  std::string format;  // "text", "markdown" or "json"
  unsigned threads = 0;
};

// Writes the report to `out`; returns 0, 1 when the head does not build, 2 when a revision
// cannot be read (the reason on `err`).
int run_diff(const DiffOptions& options, std::ostream& out, std::ostream& err);

}  // namespace hb
