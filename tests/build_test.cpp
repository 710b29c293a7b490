#include <doctest/doctest.h>

#include "output/output.h"
#include "support.h"

using namespace hb::test;

namespace {

// Builds `site` into `out` with the given profile and thread count; returns the CLI result.
CliResult build_site(const fs::path& site, const fs::path& out, const std::string& profile,
                     const std::string& jobs = "0") {
  return run({"build", "--site", site.string(), "--profile", profile, "--out", out.string(),
              "--jobs", jobs});
}

void compare_with_snapshot(const fs::path& built, const fs::path& expected) {
  if (overwrite_snapshots()) {
    fs::remove_all(expected);
    copy_tree(built, expected);
  }
  auto got = read_tree(built);
  auto want = read_tree(expected);
  for (auto& [key, text] : want) {
    const std::string& path = key;  // doctest's CAPTURE cannot take a structured binding on clang
    CAPTURE(path);
    REQUIRE(got.count(path) == 1);
    CHECK(got[path] == text);
  }
  for (auto& entry : got) {
    const std::string& path = entry.first;
    CAPTURE(path);
    CHECK(want.count(path) == 1);
  }
}

}  // namespace

// A copy outside any repository: the pages' dates come from their front matter, not from the
// history of the project's own repository.
TEST_CASE("the mini fixture site builds into the expected files (public and internal)") {
  for (std::string profile : {"public", "internal"}) {
    CAPTURE(profile);
    TempDir tmp;
    copy_tree(fixture("mini"), tmp / "site");
    auto r = build_site(tmp / "site", tmp / "out", profile);
    INFO(r.err);
    REQUIRE(r.exit_code == 0);
    CHECK(r.out.find("handbook: skrev ") == 0);
    compare_with_snapshot(tmp / "out", fixture("mini.expected") / profile);
  }
}

TEST_CASE("two builds of the same input are byte-identical, whatever the number of threads") {
  TempDir tmp;
  REQUIRE(build_site(fixture("mini"), tmp / "a", "internal", "1").exit_code == 0);
  REQUIRE(build_site(fixture("mini"), tmp / "b", "internal", "4").exit_code == 0);
  auto a = read_tree(tmp / "a");
  CHECK(a.size() > 8);
  CHECK(a == read_tree(tmp / "b"));
}

TEST_CASE("a failing build leaves the previous output untouched and exits 1") {
  TempDir tmp;
  copy_tree(fixture("mini"), tmp / "site");
  REQUIRE(build_site(tmp / "site", tmp / "out", "public").exit_code == 0);
  auto before = read_tree(tmp / "out");
  write_file(tmp / "site/content/roles/byraadet.md", "+++\ntitle = \"Byrådet\nweight = 1\n+++\n");
  auto r = build_site(tmp / "site", tmp / "out", "public");
  CHECK(r.exit_code == 1);
  CHECK(r.err.find("content/roles/byraadet.md:2:") != std::string::npos);
  CHECK(read_tree(tmp / "out") == before);
  // and no temporary folder is left beside it
  for (auto& e : fs::directory_iterator(tmp.path()))
    CHECK(e.path().filename().string().find(".out.") == std::string::npos);
}

TEST_CASE("pages removed from content vanish from the output") {
  TempDir tmp;
  copy_tree(fixture("mini"), tmp / "site");
  REQUIRE(build_site(tmp / "site", tmp / "out", "internal").exit_code == 0);
  CHECK(fs::exists(tmp / "out/roles/hemmelig.html"));
  fs::remove(tmp / "site/content/roles/hemmelig.md");
  auto r = build_site(tmp / "site", tmp / "out", "internal");
  INFO(r.err);
  REQUIRE(r.exit_code == 0);
  CHECK(!fs::exists(tmp / "out/roles/hemmelig.html"));
  CHECK(fs::exists(tmp / "out/roles/byraadet.html"));
}

TEST_CASE("a rebuild recycles the replaced output but publishes only what it wrote") {
  TempDir tmp;
  copy_tree(fixture("mini"), tmp / "site");
  REQUIRE(build_site(tmp / "site", tmp / "out", "internal").exit_code == 0);
  REQUIRE(build_site(tmp / "site", tmp / "out", "internal").exit_code == 0);
  auto first = read_tree(tmp / "out");
  // The replaced output waits beside the target as the next build's starting point.
  REQUIRE(fs::is_directory(tmp / ".out.spare"));
  write_file(tmp / ".out.spare/roles/stray.html", "left over");
  write_file(tmp / ".out.spare/roles/byraadet.html", "stale content");
  REQUIRE(build_site(tmp / "site", tmp / "out", "internal").exit_code == 0);
  CHECK(read_tree(tmp / "out") == first);
  CHECK(!fs::exists(tmp / "out/roles/stray"));
}

TEST_CASE("a recycled output rewrites a file that differs only far into it") {
  TempDir tmp;
  std::string big(200 * 1024, 'x');
  std::string changed = big;
  changed[150 * 1024] = 'y';                 // same size, different in a later piece
  for (int build = 0; build < 2; ++build) {  // the second build leaves the first as the spare
    hb::OutputDir out(tmp / "out");
    out.write("big.txt", big);
    out.write("small.txt", "abc");
    out.commit();
  }
  REQUIRE(fs::is_directory(tmp / ".out.spare"));
  hb::OutputDir out(tmp / "out");
  out.write("big.txt", changed);
  out.write("small.txt", "abd");
  out.commit();
  CHECK(read_text(tmp / "out/big.txt") == changed);
  CHECK(read_text(tmp / "out/small.txt") == "abd");
}

TEST_CASE("a link to a heading of a page with errors reports only that page's error") {
  TempDir tmp;
  copy_tree(fixture("mini"), tmp / "site");
  const fs::path owner = tmp / "site/content/roles/byraadet.md";
  write_file(owner, read_text(owner) + "\nSe [økonomien](bestyrelsen.md#økonomi-og-ansvar).\n");
  REQUIRE(run({"check", "--site", (tmp / "site").string()}).exit_code == 0);
  const fs::path board = tmp / "site/content/roles/bestyrelsen.md";
  write_file(board, read_text(board) + "\n<!--internal-->\nTekst.\n<!-- /internal -->\n");
  auto broken = run({"check", "--site", (tmp / "site").string()});
  CHECK(broken.exit_code == 1);
  CHECK(broken.err ==
        at_file(board,
                "@:25:1: fejl: '<!--internal-->' ligner en intern-markering, men er det ikke: "
                "skriv '<!-- internal -->'\n    <!--internal-->\n    ^\n"
                "@:27:1: fejl: '<!-- /internal -->' afslutter ingen intern passage: skriv "
                "'<!-- internal -->' før den interne tekst, eller slet denne linje\n"
                "    <!-- /internal -->\n    ^\n2 fejl\n"));
}

TEST_CASE("check writes nothing and reports success") {
  TempDir tmp;
  copy_tree(fixture("mini"), tmp / "site");
  auto r = run({"check", "--site", (tmp / "site").string()});
  CHECK(r.exit_code == 0);
  CHECK(r.out == "handbook: udgaven 'public' er tjekket: ingen problemer\n");
  CHECK(!fs::exists(tmp / "site/_site"));
}

TEST_CASE("usage errors exit 2") {
  CHECK(run({"bild"}).exit_code == 2);
  CHECK(run({"bild"}).err ==
        "handbook: ukendt kommando 'bild' (mente du 'build'?)\nSkriv 'handbook --help' for at se, "
        "hvordan "
        "kommandoen bruges.\n");
  CHECK(run({"build", "--porfile", "x"}).exit_code == 2);
  CHECK(run({"check", "--format", "xml"}).exit_code == 2);
  CHECK(run({}).exit_code == 2);
  CHECK(run({"--help"}).exit_code == 0);
  CHECK(run({"--help"}).out.find("\nBrug:\n  handbook build   [--site MAPPE]") !=
        std::string::npos);
  CHECK(run({"--help", "--lang", "en"}).out.find("\nUsage:\n  handbook build   [--site DIR]") !=
        std::string::npos);
  CHECK(run({"--version"}).out.starts_with("handbook "));
}

TEST_CASE("a link to a heading with Danish letters uses GitHub's id, and a wrong one is named") {
  TempDir tmp;
  copy_tree(fixture("mini"), tmp / "site");
  const fs::path board = tmp / "site/content/roles/bestyrelsen.md";
  std::string text = read_text(board);
  text.replace(text.find("## Økonomi og ansvar"), 0, "## Åbne spørgsmål\n\nTekst.\n\n");
  write_file(board, text);
  const fs::path owner = tmp / "site/content/roles/byraadet.md";
  const std::string body = read_text(owner);
  write_file(owner, body + "\nSe [spørgsmålene](bestyrelsen.md#åbne-spørgsmål).\n");
  auto ok = run({"check", "--site", (tmp / "site").string()});
  INFO(ok.err);
  CHECK(ok.exit_code == 0);

  write_file(owner, body + "\nSe [spørgsmålene](bestyrelsen.md#aabne-spoergsmaal).\n");
  auto wrong = run({"check", "--site", (tmp / "site").string()});
  CHECK(wrong.exit_code == 1);
  CHECK(wrong.err.find("'roles/bestyrelsen.md' har ingen overskrift med id'et 'aabne-spoergsmaal' "
                       "(mente du 'åbne-spørgsmål'?)") != std::string::npos);
}
