#include <doctest/doctest.h>

#include <filesystem>

#include "app/cli.h"
#include "support.h"

using namespace hb;

namespace {

// The reports of reading `toml` as the settings of the site in `dir`; `path` is set to the
// settings file's path as they name it.
std::string config_report(const test::TempDir& dir, const std::string& toml, std::string& path) {
  test::write_file(dir / "handbook.toml", toml);
  Diagnostics diags;
  load_config(dir.path(), diags);
  std::string out;
  for (auto& d : diags.sorted())
    out += format_text(d);
  path = (dir.path() / "handbook.toml").lexically_normal().generic_string();
  return out;
}

}  // namespace

TEST_CASE("handbook.toml that leads out of the site folder is refused and not read") {
  test::TempDir dir;
  test::copy_tree(test::fixture("mini"), dir / "site");
  test::write_file(dir / "outside.toml", "secret = \"hemmeligt indhold\"\n");
  std::filesystem::remove(dir / "site/handbook.toml");
  std::filesystem::create_symlink(dir / "outside.toml", dir / "site/handbook.toml");
  auto r = test::run({"check", "--site", (dir / "site").string()});
  CHECK(r.exit_code != 0);
  CHECK(r.err.find("handbook.toml er et link til en fil uden for sitets mappe: byggeriet læser "
                   "kun sitets egne filer, så læg selve indstillingsfilen i sitets mappe") !=
        std::string::npos);
  CHECK(r.err.find("hemmeligt") == std::string::npos);
}

TEST_CASE("handbook.toml may be a link to another file in the site folder") {
  test::TempDir dir;
  test::copy_tree(test::fixture("mini"), dir.path());
  std::filesystem::rename(dir / "handbook.toml", dir / "indstillinger.toml");
  std::filesystem::create_symlink("indstillinger.toml", dir / "handbook.toml");
  auto r = test::run({"check", "--site", dir.path().string()});
  CHECK(r.err.find("outside the site folder") == std::string::npos);
}

TEST_CASE("an unknown setting names the nearest one, or else every setting there is") {
  test::TempDir dir;
  std::string path;
  std::string out = config_report(dir, "[site]\nsprog = \"da\"\ntitel = \"Håndbog\"\n", path);
  CHECK(out == path +
                   ":2:1: fejl: ukendt indstilling 'sprog' i [site] (de mulige indstillinger er: "
                   "title, subtitle, owner, language, base_url, version, status)\n"
                   "    sprog = \"da\"\n    ^\n" +
                   path +
                   ":3:1: fejl: ukendt indstilling 'titel' i [site] (mente du 'title'?)\n"
                   "    titel = \"Håndbog\"\n    ^\n");
}

TEST_CASE("a collection's visibility is exactly public or internal, never a guess") {
  test::TempDir dir;
  std::string path;
  std::string out =
      config_report(dir, "[[collections]]\nname = \"noter\"\nvisibility = \"intern\"\n", path);
  CHECK(out == path +
                   ":3:14: fejl: visibility = 'intern' er hverken 'public' eller 'internal' "
                   "(mente du 'internal'?): en samling er offentlig, medmindre der står præcis "
                   "visibility = \"internal\"\n"
                   "    visibility = \"intern\"\n                 ^\n");
}
