// The search results page, soeg.html: a form that asks with ?q=, a live region for the count and
// a list that theme/search.js fills; no inline script or style; in neither the sitemap nor the
// search index.
#include <doctest/doctest.h>

#include "support.h"

using namespace hb::test;

TEST_CASE("the search results page has a GET form, a live count and no inline script") {
  TempDir dir;
  copy_bundled_site(dir.path());
  fs::path out = dir / "out";
  CliResult r = run({"build", "--site", dir.path().string(), "--out", out.string()});
  INFO(r.err);
  REQUIRE(r.exit_code == 0);
  std::string html = read_text(out / "soeg.html");
  CHECK(html.find("<h1>Søgeresultater</h1>") != std::string::npos);
  CHECK(html.find(
            "<form class=\"search-page-form screen-only\" action=\"soeg.html\" method=\"get\">") !=
        std::string::npos);
  CHECK(html.find("<label for=\"soeg-side-felt\">Søg i håndbogen</label>") != std::string::npos);
  CHECK(html.find("name=\"q\"") != std::string::npos);
  CHECK(html.find("<p class=\"search-status\" id=\"soeg-side-status\" role=\"status\" "
                  "aria-live=\"polite\"></p>") != std::string::npos);
  CHECK(html.find("<script>") == std::string::npos);
  CHECK(html.find("<style") == std::string::npos);
  CHECK(html.find(" style=") == std::string::npos);
  // The header's form links its first hits to this page.
  std::string home = read_text(out / "index.html");
  CHECK(home.find("data-show-all=\"Vis alle {n} resultater\" data-all-results=\"soeg.html\"") !=
        std::string::npos);
  CHECK(read_text(out / "roles/bestyrelsen.html").find("data-all-results=\"../soeg.html\"") !=
        std::string::npos);
  CHECK(read_text(out / "sitemap.xml").find("/soeg.html<") == std::string::npos);
  CHECK(read_text(out / "search-index.js").find("\"u\":\"soeg.html\"") == std::string::npos);
}
