// The output rule: `handbook build` replaces only a folder that it made itself, and refuses
// every other target with exit status 2, touching nothing.
#include <doctest/doctest.h>

#include <cstdlib>
#include <optional>

#include "support.h"

using namespace hb::test;

namespace {

const std::string kMarkerText =
    "Written by handbook build. The next build replaces this folder and everything in it.\n";
const std::string kForeign =
    "mappen er ikke tom og er ikke lavet af handbook (der er ingen fil .handbook-output); vælg en "
    "tom eller ny mappe, eller brug --force for at erstatte indholdet";
const std::string kSite =
    "det er sitets mappe, hvis kildefiler byggeriet ville erstatte; vælg en ny mappe, eller udelad "
    "--out for at skrive i sitets mappe _site/";
const std::string kContainsSite =
    "den indeholder sitets mappe, hvis kildefiler byggeriet ville erstatte; vælg en ny mappe, "
    "eller udelad --out for at skrive i sitets mappe _site/";
const std::string kFile = "det er en fil, ikke en mappe; vælg en mappe til resultatet";
const std::string kHome = "det er din hjemmemappe; vælg en ny mappe inde i den";
const std::string kContainsHome =
    "den indeholder din hjemmemappe; vælg en ny mappe inde i din hjemmemappe";
const std::string kRoot = "det er rodmappen; vælg en ny mappe";

std::string in_sources(const std::string& folder) {
  return "den ligger i sitets mappe " + folder +
         "/, som rummer kildefiler; vælg en mappe uden for content/, templates/ og theme/, eller "
         "udelad --out for at skrive i sitets mappe _site/";
}

// The message for a refused output folder, as `out` was given.
std::string refusal(const fs::path& out, const std::string& why) {
  return "handbook: skriver ikke i '" + out.generic_string() + "': " + why + "\n";
}

CliResult build_into(const fs::path& site, const fs::path& out, bool force = false) {
  std::vector<std::string> args = {"build", "--site", site.string(), "--out", out.string()};
  if (force) args.push_back("--force");
  return run(args);
}

// A temporary folder with a copy of the mini site in `site/` and the user's `mydocs/thesis.txt`.
struct Workspace {
  TempDir tmp;
  fs::path site = tmp / "site";
  fs::path mydocs = tmp / "mydocs";
  Workspace() {
    copy_tree(fixture("mini"), site);
    write_file(mydocs / "thesis.txt", "x\n");
  }
};

// Checks that building into `out` is refused with `why`, with and without --force, and that
// nothing in the workspace changed.
void check_refused(const Workspace& w, const fs::path& out, const std::string& why) {
  auto before = listing(w.tmp.path());
  for (bool force : {false, true}) {
    CAPTURE(force);
    CliResult r = build_into(w.site, out, force);
    CHECK(r.exit_code == 2);
    CHECK(r.err == refusal(out, why));
    CHECK(r.out.empty());
    CHECK(listing(w.tmp.path()) == before);
  }
}

// Sets an environment variable for the life of the object.
class ScopedEnv {
 public:
  ScopedEnv(const char* name, const std::string& value) : name_(name) {
    if (const char* old = std::getenv(name)) old_ = old;
    setenv(name, value.c_str(), 1);
  }
  ~ScopedEnv() {
    if (old_)
      setenv(name_, old_->c_str(), 1);
    else
      unsetenv(name_);
  }

 private:
  const char* name_;
  std::optional<std::string> old_;
};

}  // namespace

TEST_CASE("a non-empty folder that handbook did not make is refused and kept as it was") {
  Workspace w;
  auto before = listing(w.tmp.path());
  for (int attempt = 0; attempt < 2; ++attempt) {  // twice: the first must hide nothing
    CliResult r = build_into(w.site, w.mydocs);
    CHECK(r.exit_code == 2);
    CHECK(r.err == refusal(w.mydocs, kForeign));
    CHECK(listing(w.tmp.path()) == before);
  }
  CHECK(read_text(w.mydocs / "thesis.txt") == "x\n");
}

TEST_CASE("--force replaces a non-empty folder that handbook did not make, and nothing else") {
  Workspace w;
  CliResult r = build_into(w.site, w.mydocs, true);
  INFO(r.err);
  REQUIRE(r.exit_code == 0);
  CHECK(!fs::exists(w.mydocs / "thesis.txt"));
  CHECK(read_text(w.mydocs / ".handbook-output") == kMarkerText);
  CHECK(fs::exists(w.mydocs / "index.html"));
  for (auto& e : fs::directory_iterator(w.tmp.path()))  // its files are gone, not hidden away
    CHECK(e.path().filename().string().find("mydocs.") == std::string::npos);
  CHECK(build_into(w.site, w.mydocs).exit_code == 0);  // now it is handbook's
}

TEST_CASE("a new or empty folder is written and marked, and rebuilding it works") {
  Workspace w;
  fs::create_directories(w.tmp / "empty");
  for (fs::path out : {w.tmp / "new/deeper", w.tmp / "empty"}) {
    CAPTURE(out);
    for (int build = 0; build < 3; ++build) {
      CliResult r = build_into(w.site, out);
      INFO(r.err);
      REQUIRE(r.exit_code == 0);
      CHECK(read_text(out / ".handbook-output") == kMarkerText);
    }
    CHECK(read_text(out.parent_path() / ("." + out.filename().string() + ".spare") /
                    ".handbook-output") == kMarkerText);
  }
  CHECK(read_text(w.mydocs / "thesis.txt") == "x\n");
}

TEST_CASE("the site folder and a folder that contains it are refused, even with --force") {
  Workspace w;
  check_refused(w, w.site, kSite);
  check_refused(w, w.tmp.path(), kContainsSite);
}

TEST_CASE("folders in content/, templates/ and theme/ are refused, even with --force") {
  Workspace w;
  check_refused(w, w.site / "content", in_sources("content"));
  check_refused(w, w.site / "content/roles", in_sources("content"));
  check_refused(w, w.site / "templates/out", in_sources("templates"));
  check_refused(w, w.site / "theme", in_sources("theme"));
  // and the rest of the site is no source: its _site/ and a new folder are fine
  CHECK(build_into(w.site, w.site / "_site/public").exit_code == 0);
  CHECK(build_into(w.site, w.site / "other").exit_code == 0);
}

TEST_CASE("the home folder, a folder that contains it and the root are refused") {
  Workspace w;
  fs::create_directories(w.tmp / "users/me");
  ScopedEnv home("HOME", (w.tmp / "users/me").string());
  check_refused(w, w.tmp / "users/me", kHome);
  check_refused(w, w.tmp / "users", kContainsHome);
  check_refused(w, "/", kRoot);
  CHECK(build_into(w.site, w.tmp / "users/me/site-out").exit_code == 0);
}

TEST_CASE("a path that is a file is refused, even with --force") {
  Workspace w;
  check_refused(w, w.mydocs / "thesis.txt", kFile);
  check_refused(w, w.site / "handbook.toml", kFile);
}

TEST_CASE("other spellings of a refused folder are refused: symlinks, '..', a trailing slash") {
  Workspace w;
  fs::create_directory_symlink(w.site, w.tmp / "site-link");
  fs::create_directory_symlink(w.site / "content", w.tmp / "content-link");
  fs::create_directory_symlink(w.mydocs, w.tmp / "docs-link");
  fs::create_directory_symlink(w.tmp.path(), w.site / "_site-up");
  check_refused(w, w.tmp / "site-link", kSite);
  check_refused(w, w.tmp / "site-link/", kSite);
  check_refused(w, w.site / "content/..", kSite);
  check_refused(w, w.site / "_site/../theme/../content/new", in_sources("content"));
  check_refused(w, w.tmp / "content-link/new", in_sources("content"));
  check_refused(w, w.site / "_site-up", kContainsSite);
  check_refused(w, w.mydocs / "../site/", kSite);
  auto before = listing(w.tmp.path());
  CliResult r = build_into(w.site, w.tmp / "docs-link");
  CHECK(r.exit_code == 2);
  CHECK(r.err == refusal(w.tmp / "docs-link", kForeign));
  CHECK(listing(w.tmp.path()) == before);
}

TEST_CASE("a source folder that is a symbolic link, and the git repository, are refused too") {
  Workspace w;
  fs::rename(w.site / "content", w.site / "src");
  fs::create_directory_symlink("src", w.site / "content");
  fs::create_directories(w.site / ".git/objects");
  check_refused(w, w.site / "src", in_sources("content"));
  check_refused(w, w.site / "src/out", in_sources("content"));
  check_refused(w, w.site / ".git", in_sources(".git"));
  check_refused(w, w.site / ".git/objects", in_sources(".git"));
  auto before = listing(w.tmp.path());
  CliResult r = run(
      {"booklet", "--site", w.site.string(), "--out", (w.site / "src/roles/hæfte.html").string()});
  CHECK(r.exit_code == 2);
  CHECK(listing(w.tmp.path()) == before);
}

TEST_CASE("a recycled output with a symbolic link in it is not written through") {
  Workspace w;
  fs::path out = w.tmp / "out";
  REQUIRE(build_into(w.site, out).exit_code == 0);
  REQUIRE(build_into(w.site, out).exit_code == 0);  // the first output is now the spare
  fs::path spare = w.tmp / ".out.spare";
  REQUIRE(fs::exists(spare / ".handbook-output"));
  write_file(w.mydocs / "victim.txt", "mine\n");
  fs::remove(spare / "robots.txt");
  fs::create_symlink(w.mydocs / "victim.txt", spare / "robots.txt");
  fs::create_directories(w.mydocs / "victims");
  fs::remove_all(spare / "roles");
  fs::create_directory_symlink(w.mydocs / "victims", spare / "roles");
  CliResult r = build_into(w.site, out);
  REQUIRE(r.exit_code == 0);
  CHECK(read_text(w.mydocs / "victim.txt") == "mine\n");
  CHECK(fs::is_empty(w.mydocs / "victims"));
  CHECK(fs::is_regular_file(fs::symlink_status(out / "robots.txt")));
  CHECK(fs::is_directory(fs::symlink_status(out / "roles")));
}

TEST_CASE("the default output folder follows the rule too") {
  Workspace w;
  write_file(w.site / "_site/public/notes.txt", "mine\n");
  auto before = listing(w.tmp.path());
  CliResult r = run({"build", "--site", w.site.string()});
  CHECK(r.exit_code == 2);
  CHECK(r.err == refusal(w.site / "_site/public", kForeign));
  CHECK(listing(w.tmp.path()) == before);
}

TEST_CASE("--force is only for build") {
  CliResult r = run({"check", "--force"});
  CHECK(r.exit_code == 2);
  CHECK(r.err ==
        "handbook: --force er kun for build\nSkriv 'handbook --help' for at se, hvordan "
        "kommandoen bruges.\n");
  CHECK(run({"--help"}).out.find("--force") != std::string::npos);
}

TEST_CASE("the booklet is never written over a folder or the site's sources") {
  Workspace w;
  auto check = [&](const fs::path& file, const std::string& why, bool pdf = false) {
    CAPTURE(file);
    auto before = listing(w.tmp.path());
    std::vector<std::string> args = {"booklet", "--site", w.site.string(), "--out", file.string()};
    if (pdf) args.push_back("--pdf");
    CliResult r = run(args);
    CHECK(r.exit_code == 2);
    CHECK(r.err == "handbook: skriver ikke " + std::string(pdf ? "PDF'en" : "hæftet") + " til '" +
                       (pdf ? fs::path(file).replace_extension(".pdf") : file).generic_string() +
                       "': " + why + "\n");
    CHECK(listing(w.tmp.path()) == before);
  };
  const std::string folder = "det er en mappe, ikke en fil; angiv et filnavn med --out";
  auto sources = [](const std::string& name) {
    return "den ligger i sitets mappe " + name +
           "/, som rummer kildefiler; angiv et filnavn uden for content/, templates/ og theme/ "
           "med --out";
  };
  check(w.mydocs, folder);
  check(w.site, folder);
  check(w.site / "handbook.toml",
        "det er sitets indstillingsfil handbook.toml; angiv et andet filnavn med --out");
  check(w.site / "content/_index.md", sources("content"));
  check(w.site / "content/new.html", sources("content"));
  check(w.site / "templates/page.mustache", sources("templates"));
  check(w.site / "_site/../theme/site.css", sources("theme"));
  fs::create_directories(w.tmp / "book.pdf");
  check(w.tmp / "book.html", folder, /*pdf=*/true);
}

TEST_CASE("the booklet is written to a new file outside the site") {
  TempDir tmp;
  CliResult r =
      run({"booklet", "--site", source_dir().string(), "--out", (tmp / "book.html").string()});
  INFO(r.err);
  CHECK(r.exit_code == 0);
  CHECK(read_text(tmp / "book.html").find("<html") != std::string::npos);
}
