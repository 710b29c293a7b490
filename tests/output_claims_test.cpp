// Output claims: two writers of one output path are an error that names both.
#include <doctest/doctest.h>

#include "app/output_claims.h"
#include "support.h"

using namespace hb;

TEST_CASE("distinct paths are claimed without a word") {
  OutputClaims claims;
  Diagnostics d;
  CHECK(claims.claim("roles/x.html", {"the page made from content/roles/x.md"}, d));
  CHECK(claims.claim("roles/x.pdf", {"the attachment content/roles/x.pdf"}, d));
  CHECK(d.sorted().empty());
}

TEST_CASE("a second writer of a path is reported at its place, naming the first") {
  hb::test::EnglishMessages english;
  OutputClaims claims;
  Diagnostics d;
  claims.claim("theme/search.js", {"the theme's file theme/search.js"}, d);
  OutputWriter attachment{"the attachment content/theme/search.js",
                          "rename the attachment",
                          "content/roles/x.md",
                          7,
                          5,
                          "[a](../theme/search.js)",
                          "link to '../theme/search.js': "};
  CHECK(!claims.claim("theme/search.js", attachment, d));
  auto problems = d.sorted();
  REQUIRE(problems.size() == 1);
  CHECK(problems[0].path == "content/roles/x.md");
  CHECK(problems[0].line == 7);
  CHECK(problems[0].col == 5);
  CHECK(problems[0].source_line == "[a](../theme/search.js)");
  CHECK(problems[0].message ==
        "link to '../theme/search.js': the attachment content/theme/search.js would be published "
        "as theme/search.js, the address of the theme's file theme/search.js: rename the "
        "attachment");
}

TEST_CASE("paths that differ only in case collide") {
  hb::test::EnglishMessages english;
  OutputClaims claims;
  Diagnostics d;
  claims.claim("roles/x.html", {"the page made from content/roles/x.md"}, d);
  CHECK(!claims.claim("Roles/X.HTML", {"the attachment content/Roles/X.HTML", "rename it"}, d));
  REQUIRE(d.sorted().size() == 1);
  CHECK(d.sorted()[0].message ==
        "the attachment content/Roles/X.HTML would be published as Roles/X.HTML, the address (but "
        "for case) of the page made from content/roles/x.md: rename it");
}

// A file under a folder that another writer writes as a file: the build failed while writing,
// with no word of which link or page to rename.
TEST_CASE("a file inside another writer's file, or where another's folder is, collides") {
  hb::test::EnglishMessages english;
  OutputClaims claims;
  Diagnostics d;
  claims.claim("roles/x.html", {"the page made from content/roles/x.md"}, d);
  CHECK(!claims.claim("Roles/X.html/plan.pdf",
                      {"the attachment content/Roles/X.html/plan.pdf", "rename the attachment"},
                      d));
  claims.claim("cases/a/plan.pdf", {"the attachment content/cases/a/plan.pdf"}, d);
  CHECK(!claims.claim("cases/A", {"the attachment content/cases/A", "rename the attachment"}, d));
  CHECK(claims.claim("cases/a/kort.pdf", {"the attachment content/cases/a/kort.pdf"}, d));
  auto problems = d.sorted();
  REQUIRE(problems.size() == 2);
  CHECK(problems[0].message ==
        "the attachment content/Roles/X.html/plan.pdf would be published as "
        "Roles/X.html/plan.pdf, inside the folder Roles/X.html, but Roles/X.html is the address "
        "of the page made from content/roles/x.md: rename the attachment");
  CHECK(problems[1].message ==
        "the attachment content/cases/A would be published as cases/A, the folder that holds the "
        "attachment content/cases/a/plan.pdf: rename the attachment");
}
