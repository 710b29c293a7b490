// Aliases: a page's earlier ids, each an old address that the build makes a redirect to the
// page; an alias that is a page's address or another alias is an error where it is written.
#include <doctest/doctest.h>

#include <algorithm>

#include "support.h"

using namespace hb::test;

namespace {

// Puts `line` into the front matter of `page`, before its closing `+++`; returns its number.
int add_line(const fs::path& page, const std::string& line) {
  std::string text = read_text(page);
  size_t at = text.find("+++\n", 4);
  text.insert(at, line + "\n");
  write_file(page, text);
  return static_cast<int>(std::count(text.begin(), text.begin() + static_cast<long>(at), '\n')) + 1;
}

}  // namespace

TEST_CASE("an alias that is the id of another page, or another page's alias, is an error there") {
  TempDir dir;
  copy_bundled_site(dir.path());
  std::string site = dir.path().string();
  int at = add_line(dir / "content/roles/bestyrelsen.md", "aliases = [\"gammel\", \"borgmester\"]");
  add_line(dir / "content/roles/direktoer.md", "aliases = [\"gammel\"]");
  CliResult r = run({"check", "--site", site});
  CHECK(r.exit_code == 1);
  std::string roles = site + "/content/roles/";
  std::string line = "aliases = [\"gammel\", \"borgmester\"]";
  CHECK(r.err.find(roles + "bestyrelsen.md:" + std::to_string(at) +
                   ":22: fejl: viderestillingen for aliasset 'borgmester' på " + roles +
                   "bestyrelsen.md ville blive offentliggjort som roles/borgmester.html, som er "
                   "adressen på siden, der laves af content/roles/borgmester.md: fjern "
                   "'borgmester' fra aliases, eller giv siden et andet id\n    " +
                   line + "\n                         ^\n") != std::string::npos);
  CHECK(r.err.find("fejl: viderestillingen for aliasset 'gammel' på " + roles +
                   "direktoer.md ville blive offentliggjort som roles/gammel.html, som er adressen "
                   "på viderestillingen for aliasset 'gammel' på " +
                   roles +
                   "bestyrelsen.md: fjern 'gammel' fra aliases, eller giv siden et andet id") !=
        std::string::npos);
  CHECK(r.err.ends_with("2 fejl\n"));
  r = run({"check", "--site", site, "--lang", "en"});
  CHECK(r.exit_code == 1);
  CHECK(r.err.find(roles + "bestyrelsen.md:" + std::to_string(at) +
                   ":22: error: the redirect for the alias 'borgmester' of " + roles +
                   "bestyrelsen.md would be published as roles/borgmester.html, the "
                   "address of the page made from content/roles/borgmester.md: remove "
                   "'borgmester' from aliases, or give the page another id\n    " +
                   line + "\n                         ^\n") != std::string::npos);
  CHECK(r.err.find(roles + "direktoer.md:") != std::string::npos);
  CHECK(r.err.find("error: the redirect for the alias 'gammel' of " + roles +
                   "direktoer.md would be published as roles/gammel.html, the address of the "
                   "redirect for the alias 'gammel' of " +
                   roles +
                   "bestyrelsen.md: remove 'gammel' from aliases, or give the page another id") !=
        std::string::npos);
  CHECK(r.err.ends_with("2 errors\n"));
}

TEST_CASE("an alias is an earlier id: a file name without folders, in a list") {
  TempDir dir;
  copy_bundled_site(dir.path());
  std::string site = dir.path().string();
  add_line(dir / "content/roles/bestyrelsen.md", "aliases = [\"a/b\"]");
  add_line(dir / "content/roles/direktoer.md", "aliases = \"gammel\"");
  CliResult r = run({"check", "--site", site});
  CHECK(r.exit_code == 1);
  CHECK(r.err.find("fejl: et alias skal være et tidligere id for siden i anførselstegn: et "
                   "filnavn uden '.md' og uden mapper, fx \"gammelt-id\"") != std::string::npos);
  CHECK(r.err.find("fejl: feltet 'aliases' skal være en liste med sidens tidligere id'er, fx "
                   "[\"gammelt-id\"], ikke tekst") != std::string::npos);
  r = run({"check", "--site", site, "--lang", "en"});
  CHECK(r.exit_code == 1);
  CHECK(r.err.find("error: an alias must be an earlier id of the page in quotes, a file name "
                   "without '.md' and without folders, like \"gammelt-id\"") != std::string::npos);
  CHECK(r.err.find("error: field 'aliases' must be a list of the page's earlier ids, like "
                   "[\"gammelt-id\"], not text") != std::string::npos);
}

TEST_CASE("an internal page's aliases are written in the internal edition only") {
  TempDir dir;
  copy_tree(fixture("mini"), dir.path());
  add_line(dir / "content/roles/hemmelig.md", "aliases = [\"gammel-hemmelig\"]");
  for (std::string edition : {"public", "internal"}) {
    fs::path out = dir / edition;
    CliResult r =
        run({"build", "--site", dir.path().string(), "--profile", edition, "--out", out.string()});
    INFO(r.err);
    REQUIRE(r.exit_code == 0);
    CHECK(fs::exists(out / "roles/gammel-hemmelig.html") == (edition == "internal"));
  }
}

TEST_CASE("a reference or link to a renamed page's earlier id says what its id is now") {
  TempDir dir;
  copy_bundled_site(dir.path());
  std::string site = dir.path().string();
  REQUIRE(run({"mv", "role", "bestyrelsen", "selskabets-bestyrelse", "--site", site}).exit_code ==
          0);
  fs::path page = dir / "content/forums/generalforsamling.md";
  std::string text = read_text(page);
  size_t at = text.find("\"selskabets-bestyrelse\"");
  REQUIRE(at != std::string::npos);
  text.replace(at, 23, "\"bestyrelsen\"");
  text += "\nSe [bestyrelsen](../roles/bestyrelsen.md).\n";
  write_file(page, text);
  CliResult r = run({"check", "--site", site});
  CHECK(r.exit_code == 1);
  std::string now = site + "/content/roles/selskabets-bestyrelse.md";
  CHECK(r.err.find("fejl: feltet 'participants' (Deltagere) nævner 'bestyrelsen', men der er "
                   "ingen role med det id: 'bestyrelsen' er et tidligere id for " +
                   now + " (aliases), så skriv 'selskabets-bestyrelse'\n") != std::string::npos);
  CHECK(r.err.find("fejl: linket til '../roles/bestyrelsen.md': siden content/roles/"
                   "bestyrelsen.md er omdøbt (aliases): den er nu " +
                   now + ", så link til selskabets-bestyrelse.md\n") != std::string::npos);
  r = run({"check", "--site", site, "--lang", "en"});
  CHECK(r.exit_code == 1);
  CHECK(
      r.err.find(
          "error: field 'participants' (Deltagere) names 'bestyrelsen', but there is no role with "
          "that id: 'bestyrelsen' is an earlier id of " +
          now + " (aliases), so write 'selskabets-bestyrelse'\n") != std::string::npos);
  CHECK(r.err.find("error: link to '../roles/bestyrelsen.md': the page content/roles/"
                   "bestyrelsen.md was renamed (aliases): it is now " +
                   now + ", so link to selskabets-bestyrelse.md\n") != std::string::npos);
}
