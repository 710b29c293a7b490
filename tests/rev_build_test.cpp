// `build --rev`, `check --rev`, `booklet --rev`: a site built straight from a git revision.
#include <doctest/doctest.h>

#include "scratch_repo.h"

using namespace hb::test;

TEST_CASE("build --rev of an old tag reproduces that version's pages, without a checkout") {
  ScratchRepo repo("mini");
  repo.commit("Vedtaget udgave");
  repo.git("tag v1.0");
  TempDir expected;
  CliResult old =
      run({"build", "--site", repo.path().string(), "--out", (expected / "out").string()});
  REQUIRE(old.exit_code == 0);
  write_file(repo / "content/roles/byraadet.md",
             "+++\ntitle = \"Byrådet\"\ngroup = \"ejer\"\n+++\n\nEn senere tekst.\n");
  write_file(repo / "content/roles/ny.md", "+++\ntitle = \"Ny\"\ngroup = \"ejer\"\n+++\n\nNy.\n");
  repo.commit("Senere ændring", "2026-03-01T10:00:00Z");
  write_file(repo / "content/roles/bestyrelsen.md", "ikke committet");  // the working tree

  CliResult built = run({"build", "--site", repo.path().string(), "--rev", "v1.0"});
  INFO(built.err);
  REQUIRE(built.exit_code == 0);
  fs::path out = repo / "_site/rev-v1.0/public";
  CHECK(built.out.find("til " + out.generic_string()) != std::string::npos);
  auto got = read_tree(out), want = read_tree(expected / "out");
  got.erase(".handbook-output");
  want.erase(".handbook-output");
  CHECK(got == want);
  CHECK(run({"check", "--site", repo.path().string(), "--rev", "v1.0"}).exit_code == 0);
  CHECK(run({"check", "--site", repo.path().string()}).exit_code == 1);  // the working tree
}

TEST_CASE("a build from git follows no symbolic link and names an unknown revision") {
  ScratchRepo repo("mini");
  fs::create_symlink("/etc/passwd", repo / "theme/passwd.css");
  repo.commit("Med et link");
  CliResult r = run({"check", "--site", repo.path().string(), "--rev", "HEAD"});
  CHECK(r.exit_code == 1);
  CHECK(r.err.find(": fejl: theme/passwd.css er et symbolsk link, og et byggeri fra en version i "
                   "git følger ingen links: læg selve filen der\n") != std::string::npos);
  CliResult unknown = run({"build", "--site", repo.path().string(), "--rev", "v9"});
  CHECK(unknown.exit_code == 2);
  CHECK(unknown.err.starts_with("handbook: der er ingen version 'v9' i arkivet: "));
}

TEST_CASE("a build from git refuses a page larger than a page may be, by the size of its blob") {
  ScratchRepo repo("mini");
  write_file(repo / "content/roles/stor.md",
             "+++\ntitle = \"Stor\"\ngroup = \"ejer\"\n+++\n\n" + std::string(16'000'000, 'a'));
  repo.commit("En stor side");
  CliResult r = run({"check", "--site", repo.path().string(), "--rev", "HEAD"});
  CHECK(r.exit_code == 1);
  CHECK(r.err.find(": fejl: content/roles/stor.md fylder 17 MB, og en side må højst fylde 16 MB: "
                   "del den op i flere sider\n") != std::string::npos);
}
