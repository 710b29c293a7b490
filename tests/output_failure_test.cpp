// A build that fails midway or is killed: the old output and the user's files stay as they were,
// and what the build left behind is cleaned up by the next one only when handbook made it.
#include <doctest/doctest.h>
#include <sys/wait.h>
#include <unistd.h>

#include <atomic>
#include <stdexcept>

#include "app/build.h"
#include "output/output.h"
#include "output/output_target.h"
#include "support.h"

using namespace hb::test;

namespace {

const std::string kMarkerText =
    "Written by handbook build. The next build replaces this folder and everything in it.\n";

struct Attempt {
  bool ok = false;
  std::string errors;  // the messages of the build's diagnostics
};

// Builds `site` into `out` in-process. When `fail_at` is positive, the fail_at-th file that the
// build writes fails as on a full disk.
Attempt build_with_disk(const fs::path& site, const fs::path& out, int fail_at,
                        bool force = false) {
  hb::BuildOptions options;
  options.site = site;
  options.out = out;
  options.threads = 2;
  options.output.replace_foreign = force;
  std::atomic<int> writes{0};
  options.output.before_write = [&](std::string_view) {
    if (++writes == fail_at) throw std::runtime_error("No space left on device");
  };
  hb::Diagnostics diags;
  hb::BuildResult result;
  Attempt a;
  a.ok = hb::build(options, diags, result);
  for (auto& d : diags.sorted())
    a.errors += d.message + "\n";
  return a;
}

// The listing of `dir` without the spare folder that a failed build into `dir/out` refills.
std::map<std::string, std::string> without_spare(const fs::path& dir) {
  auto all = listing(dir);
  std::erase_if(all, [](auto& entry) { return entry.first.starts_with(".out.spare"); });
  return all;
}

// The number of a process that has ended.
pid_t dead_pid() {
  pid_t pid = fork();
  if (pid == 0) _exit(0);
  waitpid(pid, nullptr, 0);
  return pid;
}

void write_marker(const fs::path& dir) {
  write_file(dir / ".handbook-output", kMarkerText);
}

}  // namespace

TEST_CASE("a build that fails midway (a full disk) leaves the old output and the user's files") {
  TempDir tmp;
  copy_tree(fixture("mini"), tmp / "site");
  write_file(tmp / "mydocs/thesis.txt", "x\n");
  for (int fail_at : {1, 4, 9}) {  // the later rounds recycle the spare of the one before
    CAPTURE(fail_at);
    REQUIRE(build_with_disk(tmp / "site", tmp / "out", 0).ok);
    fs::path page = tmp / "site/content/roles/byraadet.md";
    write_file(page, read_text(page) + "\nMore text " + std::to_string(fail_at) + ".\n");
    auto before = without_spare(tmp.path());
    Attempt a = build_with_disk(tmp / "site", tmp / "out", fail_at);
    CHECK(!a.ok);
    CHECK(a.errors == "byggeriet mislykkedes: No space left on device\n");
    CHECK(without_spare(tmp.path()) == before);
    CHECK(read_text(tmp / ".out.spare/.handbook-output") == kMarkerText);
  }
}

TEST_CASE("a first build that fails midway leaves a new, an empty or a forced folder as it was") {
  TempDir tmp;
  copy_tree(fixture("mini"), tmp / "site");
  write_file(tmp / "mydocs/thesis.txt", "x\n");
  fs::create_directories(tmp / "empty");
  auto before = listing(tmp.path());
  CHECK(!build_with_disk(tmp / "site", tmp / "new", 3).ok);
  CHECK(!build_with_disk(tmp / "site", tmp / "empty", 3).ok);
  CHECK(!build_with_disk(tmp / "site", tmp / "mydocs", 3, /*force=*/true).ok);
  for (const char* spare : {".new.spare", ".empty.spare", ".mydocs.spare"}) {
    CHECK(read_text(tmp / spare / ".handbook-output") == kMarkerText);
    fs::remove_all(tmp / spare);
  }
  CHECK(listing(tmp.path()) == before);
}

TEST_CASE("the staging folders of killed builds are removed when marked and their process ended") {
  TempDir tmp;
  copy_tree(fixture("mini"), tmp / "site");
  REQUIRE(run({"build", "--site", (tmp / "site").string(), "--out", (tmp / "out").string()})
              .exit_code == 0);
  const std::string dead = std::to_string(dead_pid()), other_dead = std::to_string(dead_pid());
  write_marker(tmp / (".out.new-" + dead));
  write_file(tmp / (".out.new-" + dead + "/roles/half.html"), "half");
  write_marker(tmp / (".out.old-" + dead));
  write_file(tmp / (".out.new-" + other_dead + "/notes.txt"), "not handbook's");  // no marker
  write_marker(tmp / ".out.new-1");            // process 1 is running
  write_marker(tmp / (".other.new-" + dead));  // another output's
  REQUIRE(run({"build", "--site", (tmp / "site").string(), "--out", (tmp / "out").string()})
              .exit_code == 0);
  CHECK(!fs::exists(tmp / (".out.new-" + dead)));
  CHECK(!fs::exists(tmp / (".out.old-" + dead)));
  CHECK(read_text(tmp / (".out.new-" + other_dead + "/notes.txt")) == "not handbook's");
  CHECK(fs::exists(tmp / ".out.new-1/.handbook-output"));
  CHECK(fs::exists(tmp / (".other.new-" + dead + "/.handbook-output")));
}

TEST_CASE("a spare folder without the marker is never recycled or removed") {
  TempDir tmp;
  copy_tree(fixture("mini"), tmp / "site");
  write_file(tmp / ".out.spare/mine.txt", "mine\n");
  for (int fail_at : {0, 0, 5, 0}) {
    CAPTURE(fail_at);
    CHECK(build_with_disk(tmp / "site", tmp / "out", fail_at).ok == (fail_at == 0));
    CHECK(listing(tmp / ".out.spare") ==
          std::map<std::string, std::string>{{"mine.txt", "mine\n"}});
    CHECK(!fs::exists(tmp / "out/mine.txt"));
  }
  for (auto& e : fs::directory_iterator(tmp.path()))  // the replaced outputs were removed
    CHECK((e.path().filename() == ".out.spare" || !e.path().filename().string().starts_with(".")));
}

TEST_CASE("OutputDir itself does not replace a folder that handbook did not make") {
  EnglishMessages english;  // the English texts (--lang en)
  TempDir tmp;
  write_file(tmp / "mydocs/thesis.txt", "x\n");
  write_file(tmp / "file", "a file\n");
  auto before = listing(tmp.path());
  for (const char* name : {"mydocs", "file"}) {
    hb::OutputDir out(tmp / name);
    out.write("index.html", "<p>x</p>");
    std::string real = hb::real_path(tmp / name).string();
    CHECK_THROWS_WITH_AS(
        out.commit(),
        std::string(name) == "file"
            ? ("cannot replace " + real + ": it is not a folder").c_str()
            : ("cannot replace " + real + ": the folder is not empty and was not made by handbook")
                  .c_str(),
        std::runtime_error);
  }
  fs::remove_all(tmp / ".mydocs.spare");  // the unused staging folders, kept as handbook's spares
  fs::remove_all(tmp / ".file.spare");
  CHECK(listing(tmp.path()) == before);
}
