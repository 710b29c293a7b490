#include <doctest/doctest.h>

#include <filesystem>

#include "app/cli.h"
#include "support.h"

using namespace hb;

TEST_CASE("a template that is a link to a file outside the template folder is refused unread") {
  test::TempDir dir;
  test::copy_tree(test::fixture("mini"), dir / "site");
  test::write_file(dir / "secret.txt", "hemmeligt indhold {{\n");
  std::filesystem::create_symlink(dir / "secret.txt", dir / "site/templates/udenfor.mustache");
  auto r = test::run({"check", "--site", (dir / "site").string()});
  CHECK(r.exit_code == 1);
  CHECK(r.err.find("templates/udenfor.mustache: fejl: skabelonen er et link til en fil uden for "
                   "mappen med skabeloner: byggeriet læser kun sitets egne filer, så læg selve "
                   "skabelonen i mappen") != std::string::npos);
  CHECK(r.err.find("hemmeligt") == std::string::npos);
}
