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
  CHECK(r.err.find("templates/udenfor.mustache: fejl: the template is a link to a file outside "
                   "the template folder: the build reads only the site's own files, so put the "
                   "template itself there") != std::string::npos);
  CHECK(r.err.find("hemmeligt") == std::string::npos);
}
