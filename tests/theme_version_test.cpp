// Pages link the theme's files with a fingerprint of the theme (theme/site.css?v=...), so that a
// web server may cache them for a year (docs/nginx/): the same theme gives the same fingerprint,
// and a change to any theme file a new one.
#include <doctest/doctest.h>

#include <regex>

#include "support.h"

using namespace hb::test;

namespace {

std::string fingerprint(const TempDir& tmp, const std::string& out) {
  auto r = run({"build", "--site", (tmp / "site").string(), "--out", (tmp / out).string()});
  INFO(r.err);
  REQUIRE(r.exit_code == 0);
  std::string page = read_text(tmp / out / "roles/bestyrelsen.html");
  std::smatch css, js;
  REQUIRE(
      std::regex_search(page, css, std::regex("href=\"\\.\\./theme/site\\.css\\?v=([0-9a-f]+)\"")));
  REQUIRE(
      std::regex_search(page, js, std::regex("src=\"\\.\\./theme/search\\.js\\?v=([0-9a-f]+)\"")));
  CHECK(css[1] == js[1]);
  return css[1];
}

}  // namespace

TEST_CASE(
    "pages link the theme with a fingerprint that changes with any theme file, and only then") {
  TempDir tmp;
  copy_bundled_site(tmp / "site");
  std::string first = fingerprint(tmp, "a");
  CHECK(first.size() == 10);
  CHECK(fingerprint(tmp, "b") == first);
  write_file(tmp / "site/content/roles/bestyrelsen.md",
             read_text(tmp / "site/content/roles/bestyrelsen.md") + "\nEn ny linje.\n");
  CHECK(fingerprint(tmp, "c") == first);  // content is not the theme
  write_file(tmp / "site/theme/search.js", read_text(tmp / "site/theme/search.js") + "\n");
  std::string changed = fingerprint(tmp, "d");
  CHECK(changed != first);
  CHECK(read_text(tmp / "d/booklet.html").find("href=\"theme/booklet.css?v=" + changed + "\"") !=
        std::string::npos);
}
