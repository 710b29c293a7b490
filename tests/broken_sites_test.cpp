// The catalogue of broken inputs: each folder under tests/fixtures/broken/ holds files that are
// laid over a copy of tests/fixtures/mini (a file `remove` lists files to delete first, a file
// `symlinks` lists symbolic links to make, one `path target` a line), an optional file `args`
// with extra arguments for `handbook check`, and `expected.txt`: the exact diagnostics that
// `handbook check` prints. SNAPSHOTS=overwrite regenerates expected.txt.
#include <doctest/doctest.h>

#include <algorithm>
#include <sstream>

#include "support.h"

using namespace hb::test;

namespace {

const std::vector<std::string> kMeta = {"expected.txt", "remove", "args", "symlinks"};

void lay_over(const fs::path& broken, const fs::path& site) {
  if (fs::exists(broken / "remove")) {
    std::istringstream in(read_text(broken / "remove"));
    for (std::string line; std::getline(in, line);)
      if (!line.empty()) fs::remove(site / line);
  }
  for (auto& [rel, text] : read_tree(broken))
    if (std::find(kMeta.begin(), kMeta.end(), rel) == kMeta.end()) write_file(site / rel, text);
  if (fs::exists(broken / "symlinks")) {
    std::istringstream in(read_text(broken / "symlinks"));
    for (std::string path, target; in >> path >> target;) {
      fs::create_directories((site / path).parent_path());
      fs::create_symlink(target, site / path);
    }
  }
}

std::vector<std::string> extra_args(const fs::path& broken) {
  std::vector<std::string> args;
  if (!fs::exists(broken / "args")) return args;
  std::istringstream in(read_text(broken / "args"));
  for (std::string a; in >> a;)
    args.push_back(a);
  return args;
}

// Runs `check` inside the site folder so that paths read as editors see them.
CliResult check_in(const fs::path& site, std::vector<std::string> args) {
  fs::path here = fs::current_path();
  fs::current_path(site);
  std::vector<std::string> all = {"check", "--site", "."};
  all.insert(all.end(), args.begin(), args.end());
  CliResult r = run(all);
  fs::current_path(here);
  return r;
}

}  // namespace

TEST_CASE("every broken site fails check with exactly its expected diagnostics") {
  std::vector<fs::path> cases;
  for (auto& e : fs::directory_iterator(fixture("broken")))
    cases.push_back(e.path());
  std::sort(cases.begin(), cases.end());
  CHECK(cases.size() >= 30);
  for (auto& dir : cases) {
    CAPTURE(dir.filename().string());
    TempDir tmp;
    copy_tree(fixture("mini"), tmp / "site");
    lay_over(dir, tmp / "site");
    CliResult r = check_in(tmp / "site", extra_args(dir));
    if (overwrite_snapshots()) write_file(dir / "expected.txt", r.err);
    CHECK(r.exit_code == 1);
    CHECK(r.err == read_text(dir / "expected.txt"));
  }
}

TEST_CASE("the unbroken mini site checks clean in both editions") {
  for (std::string profile : {"public", "internal"}) {
    TempDir tmp;
    copy_tree(fixture("mini"), tmp / "site");
    CliResult r = check_in(tmp / "site", {"--profile", profile});
    CHECK(r.err == "");
    CHECK(r.exit_code == 0);
  }
}
